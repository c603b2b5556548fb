/* Layers after the charts (doc/construct.md "Construction", proofs/construct.md C2-C4):
   - escape layer (S and T nonempty), on chart coordinates z: t "carrier" neurons whose rows are
     the nonzero rows of rref(M) padded with zero rows, biases making them >= 1 on T and on every
     apex; one "flag" neuron per collapsed class k, -a_k.z + theta_k + eta_k, positive (= eta_k)
     at apex_k only, negative on T and on the other apexes.  T keeps one activation pattern and
     its image spans the carriers only, while each apex gets its own flag coordinate;
   - fill layers: identity with bias 1 (on the raw input when there is no earlier layer, the bias
     1 - min_n x_{n,i});
   - output: the affine map sending the last hidden vector of each sample to its target (the label
     for a collapsed class, the least-squares fit M x + m for T), solved exactly. */
#include "internal.h"

static int in_S(ulong S, slong k) { return (int) ((S >> k) & 1); }

void _rc_cb_alloc(_rc_cb_struct * B)
{
    slong l;
    B->W = flint_malloc((B->L + 1) * sizeof(fmpq *));
    B->b = flint_malloc((B->L + 1) * sizeof(fmpq *));
    for (l = 0; l <= B->L; l++)
    {
        slong rows = (l == B->L) ? B->e : B->Q;
        B->W[l] = _fmpq_vec_init(rows * B->Q);
        B->b[l] = _fmpq_vec_init(rows);
    }
    B->Winv = _fmpq_vec_init(B->Q * B->Q);
    B->bprev = _fmpq_vec_init(B->Q);
    B->li = 0;
}

void _rc_cb_free(_rc_cb_struct * B)
{
    slong l;
    for (l = 0; l <= B->L; l++)
    {
        slong rows = (l == B->L) ? B->e : B->Q;
        _fmpq_vec_clear(B->W[l], rows * B->Q);
        _fmpq_vec_clear(B->b[l], rows);
    }
    flint_free(B->W);
    flint_free(B->b);
    _fmpq_vec_clear(B->Winv, B->Q * B->Q);
    _fmpq_vec_clear(B->bprev, B->Q);
}

void _rc_cb_push_folded(_rc_cb_struct * B, const fmpq * E, const fmpq * bE)
{
    slong Q = B->Q, i, j, l;
    fmpq * W = B->W[B->li], * b = B->b[B->li];
    if (B->li == 0)
    {
        _rc_fmpq_vec_set(W, E, Q * Q);
        _rc_fmpq_vec_set(b, bE, Q);
    }
    else
    {
        fmpq * t = _fmpq_vec_init(Q);
        for (i = 0; i < Q; i++)
            for (j = 0; j < Q; j++)
            {
                fmpq_zero(W + i * Q + j);
                for (l = 0; l < Q; l++)
                    fmpq_addmul(W + i * Q + j, E + i * Q + l, B->Winv + l * Q + j);
            }
        _rc_cs_matvec(t, W, B->bprev, Q, Q);
        for (i = 0; i < Q; i++)
            fmpq_sub(b + i, bE + i, t + i);
        _fmpq_vec_clear(t, Q);
    }
    B->li++;
}

/* bias 1 - min over T samples and collapsed apexes of row.z */
static void carrier_bias(fmpq_t bias, const fmpq * row, const rc_construct_classes_t cl,
                         const rc_construct_sep_struct * sep, ulong S)
{
    slong Q = cl->Q, n, first = 1;
    fmpq_t v;
    fmpq_init(v);
    for (n = 0; n < cl->N + Q; n++)
    {
        if (n < cl->N ? in_S(S, cl->cls[n]) : !in_S(S, n - cl->N))
            continue;
        _rc_cs_dot(v, row, n < cl->N ? cl->X + n * Q : sep[n - cl->N].apex, Q);
        if (first || fmpq_cmp(v, bias) < 0)
            fmpq_set(bias, v);
        first = 0;
    }
    fmpq_neg(bias, bias);
    fmpq_add_si(bias, bias, 1);
    fmpq_clear(v);
}

/* eta_k = (1/2) min(min_{x in T} a_k.x - theta_k, min_{j in S, j != k} a_k.apex_j - theta_k) */
static void flag_eta(fmpq_t eta, const rc_construct_classes_t cl, const rc_construct_sep_struct * sep,
                     ulong S, slong k)
{
    slong Q = cl->Q, n, first = 1;
    fmpq_t v;
    fmpq_init(v);
    for (n = 0; n < cl->N + Q; n++)
    {
        if (n < cl->N ? in_S(S, cl->cls[n]) : (!in_S(S, n - cl->N) || n - cl->N == k))
            continue;
        _rc_cs_dot(v, sep[k].a, n < cl->N ? cl->X + n * Q : sep[n - cl->N].apex, Q);
        fmpq_sub(v, v, sep[k].theta);
        if (first || fmpq_cmp(v, eta) < 0)
            fmpq_set(eta, v);
        first = 0;
    }
    _rc_cs_div_si(eta, eta, 2);
    fmpq_clear(v);
}

static int escape(_rc_cb_struct * B, rc_construct_point_t p, const rc_construct_classes_t cl,
                  const rc_construct_sep_struct * sep, const fmpq * M)
{
    slong Q = B->Q, e = B->e, r, i, j, m;
    fmpq_mat_t A, R;
    fmpq * E = _fmpq_vec_init(Q * Q), * bE = _fmpq_vec_init(Q);
    fmpq_t eta;
    fmpq_init(eta);
    fmpq_mat_init(A, e, Q);
    fmpq_mat_init(R, e, Q);
    for (i = 0; i < e; i++)
        for (j = 0; j < Q; j++)
            fmpq_set(fmpq_mat_entry(A, i, j), M + i * Q + j);
    r = fmpq_mat_rref(R, A);
    if (r > B->t)
        flint_sprintf(p->reason, "the least-squares matrix of the classes kept has rank %wd > %wd "
                      "carrier neurons", r, B->t);
    else
    {
        for (i = 0; i < r; i++)
            for (j = 0; j < Q; j++)
                fmpq_set(E + i * Q + j, fmpq_mat_entry(R, i, j));
        for (i = 0; i < B->t; i++)
            carrier_bias(bE + i, E + i * Q, cl, sep, p->S);
        for (m = 0; m < B->s; m++)
        {
            slong k = B->S[m];
            for (j = 0; j < Q; j++)
                fmpq_neg(E + (B->t + m) * Q + j, sep[k].a + j);
            flag_eta(eta, cl, sep, p->S, k);
            fmpq_add(bE + B->t + m, sep[k].theta, eta);
        }
        _rc_cb_push_folded(B, E, bE);
    }
    fmpq_clear(eta);
    fmpq_mat_clear(A);
    fmpq_mat_clear(R);
    _fmpq_vec_clear(E, Q * Q);
    _fmpq_vec_clear(bE, Q);
    return r <= B->t;
}

int _rc_cb_rest(_rc_cb_struct * B, rc_construct_point_t p, const rc_construct_classes_t cl,
                const rc_construct_sep_struct * sep, const fmpq * M, const fmpq * m)
{
    slong Q = B->Q, i, n;
    (void) m;
    if (B->s > 0 && B->t > 0 && !escape(B, p, cl, sep, M))
        return 0;
    for (; B->li < B->L; B->li++)
    {
        fmpq * W = B->W[B->li], * b = B->b[B->li];
        _rc_cs_zero(W, Q * Q);
        for (i = 0; i < Q; i++)
        {
            fmpq_one(W + i * Q + i);
            fmpq_one(b + i);
            if (B->li == 0)
            {
                /* raw input: bias 1 - min_n x_{n,i} */
                for (n = 0; n < cl->N; n++)
                    if (n == 0 || fmpq_cmp(cl->X + n * Q + i, b + i) < 0)
                        fmpq_set(b + i, cl->X + n * Q + i);
                fmpq_neg(b + i, b + i);
                fmpq_add_si(b + i, b + i, 1);
            }
        }
    }
    return 1;
}
