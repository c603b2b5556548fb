/* The output layer of a constructed network, by an exact solve, and the network itself.
   Targets: the label y_k for a sample of a collapsed class k, the least-squares value M x + m for
   a sample of T.  The unknowns (W_out, b_out) satisfy [h_L(x_n)^T 1] (W_out^T; b_out^T) = target_n
   for every n; proofs/construct.md C3 shows the system is consistent when the escape layer is
   present (and for S = all when the apexes are affinely independent).  When d < Q the first layer
   keeps its first d columns: the data were embedded as (x, 0). */
#include "internal.h"

static int in_S(ulong S, slong k) { return (int) ((S >> k) & 1); }

static int assemble(rc_mlp_t net, const _rc_cb_struct * B, slong d)
{
    slong k, i, j, * widths = flint_malloc((B->L + 2) * sizeof(slong));
    int * has_b = flint_malloc((B->L + 1) * sizeof(int)), r;
    rc_err_t err;
    widths[0] = d;
    for (k = 1; k <= B->L; k++)
        widths[k] = B->Q;
    widths[B->L + 1] = B->e;
    for (k = 0; k <= B->L; k++)
        has_b[k] = 1;
    r = rc_mlp_init(net, B->L + 1, widths, has_b, err);
    if (r == RC_OK)
        for (k = 0; k <= B->L; k++)
        {
            slong rows = widths[k + 1];
            for (i = 0; i < rows; i++)
            {
                for (j = 0; j < widths[k]; j++)
                    fmpq_set(net->W[k] + i * widths[k] + j, B->W[k] + i * B->Q + j);
                fmpq_set(net->b[k] + i, B->b[k] + i);
            }
        }
    flint_free(widths);
    flint_free(has_b);
    return r == RC_OK;
}

int _rc_cb_output(_rc_cb_struct * B, rc_construct_point_t p, const rc_construct_classes_t cl,
                  const fmpq * M, const fmpq * m)
{
    slong Q = B->Q, e = B->e, N = cl->N, n, i, o;
    rc_mlp_t tmp;
    fmpq * A = _fmpq_vec_init(N * (Q + 1)), * T = _fmpq_vec_init(N * e);
    fmpq * beta = _fmpq_vec_init((Q + 1) * e);
    int ok;
    if (!assemble(tmp, B, Q))
    {
        flint_sprintf(p->reason, "network too large");
        ok = 0;
        goto done;
    }
    for (n = 0; n < N; n++)
    {
        _rc_construct_hidden(A + n * (Q + 1), tmp, cl->X + n * Q);
        fmpq_one(A + n * (Q + 1) + Q);
        if (in_S(p->S, cl->cls[n]))
            _rc_fmpq_vec_set(T + n * e, cl->labels + cl->cls[n] * e, e);
        else
        {
            _rc_cs_matvec(T + n * e, M, cl->X + n * Q, e, Q);
            _rc_cs_add(T + n * e, T + n * e, m, e);
        }
    }
    rc_mlp_clear(tmp);
    ok = rc_construct_solve(beta, A, T, N, Q + 1, e);
    if (!ok)
    {
        flint_sprintf(p->reason, "no affine output layer sends the last hidden vectors to the targets "
                      "(collapsed points affinely dependent)");
        goto done;
    }
    for (o = 0; o < e; o++)
    {
        for (i = 0; i < Q; i++)
            fmpq_set(B->W[B->L] + o * Q + i, beta + i * e + o);
        fmpq_set(B->b[B->L] + o, beta + Q * e + o);
    }
    ok = assemble(p->net, B, cl->d);
    p->built = ok;
done:
    _fmpq_vec_clear(A, N * (Q + 1));
    _fmpq_vec_clear(T, N * e);
    _fmpq_vec_clear(beta, (Q + 1) * e);
    return ok;
}
