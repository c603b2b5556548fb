/* The network of one collapsed set S (doc/construct.md "Construction", proofs/construct.md C1-C4).
   In the input chart (tau-coordinates) every layer up to the escape layer is a truncation map
   tau_{W,b}(z) = W^{-1}(sigma(W z + b) - b) with W = 1 a_k^T + eps I, b = -W apex_k: the class k
   lies in the open negative orthant of W z + b and collapses to apex_k, every other point lies in
   the open positive orthant and is left unchanged.  Written in the W_1..W_n form, layer m acts on
   h_{m-1} = sigma(W_{m-1} z + b_{m-1}), so its weights are W_m W_{m-1}^{-1} and its bias
   b_m - W_m W_{m-1}^{-1} b_{m-1} (the W^+ and -b of tau folded into the next affine map). */
#include <string.h>
#include "internal.h"

typedef _rc_cb_struct build_t;

static int in_S(ulong S, slong k) { return (int) ((S >> k) & 1); }

/* mu: smallest margin of chart k over the points it must place strictly (own class below theta,
   every other sample above, every other collapsed apex above); 0 and a reason if one fails. */
static int chart_margin(fmpq_t mu, char * why, const rc_construct_classes_t cl,
                        const rc_construct_sep_struct * sep, ulong S, slong k)
{
    slong Q = cl->Q, n, j;
    fmpq_t v;
    int ok = 1;
    fmpq_init(v);
    fmpq_set_si(mu, -1, 1);
    for (n = 0; n < cl->N && ok; n++)
    {
        _rc_cs_dot(v, sep[k].a, cl->X + n * Q, Q);
        fmpq_sub(v, v, sep[k].theta);
        if (cl->cls[n] == k)
            fmpq_neg(v, v);
        if (fmpq_sgn(v) <= 0)
        {
            char * g = fmpq_get_str(NULL, 10, sep[k].gap);
            flint_sprintf(why, "hypothesis H1 fails for class %wd: gap = %s <= 0 (samples %wd and %wd)",
                          k, g, sep[k].own, sep[k].rest);
            flint_free(g);
            ok = 0;
        }
        else if (fmpq_sgn(mu) < 0 || fmpq_cmp(v, mu) < 0)
            fmpq_set(mu, v);
    }
    for (j = 0; j < Q && ok; j++)
    {
        if (j == k || !in_S(S, j))
            continue;
        _rc_cs_dot(v, sep[k].a, sep[j].apex, Q);
        fmpq_sub(v, v, sep[k].theta);
        if (fmpq_sgn(v) <= 0)
        {
            char * g = fmpq_get_str(NULL, 10, v);
            flint_sprintf(why, "apex of class %wd is not strictly beyond the separator of class %wd: "
                          "a_%wd.apex_%wd - theta_%wd = %s <= 0 (H2_%wd fails)", j, k, k, j, k, g, k);
            flint_free(g);
            ok = 0;
        }
        else if (fmpq_cmp(v, mu) < 0)
            fmpq_set(mu, v);
    }
    fmpq_clear(v);
    return ok;
}

/* chart of class k: W = 1 a^T + eps I (invertible: det = eps^{Q-1}(eps + sum a)), b = -W apex,
   with |eps| max_{z, i} |z_i - apex_i| < mu, so every sign of W (z - apex) = (a.(z - apex)) 1
   + eps (z - apex) is the sign of a.z - theta (proofs/construct.md C1). */
static void chart(fmpq * W, fmpq * bb, const rc_construct_classes_t cl,
                  const rc_construct_sep_struct * sep, ulong S, slong k, const fmpq_t mu)
{
    slong Q = cl->Q, n, i, j;
    fmpq_t R, v, eps;
    fmpq_init(R); fmpq_init(v); fmpq_init(eps);
    for (n = 0; n < cl->N + Q; n++)
    {
        const fmpq * z = (n < cl->N) ? cl->X + n * Q : sep[n - cl->N].apex;
        if (n >= cl->N && !in_S(S, n - cl->N))
            continue;
        for (i = 0; i < Q; i++)
        {
            fmpq_sub(v, z + i, sep[k].apex + i);
            fmpq_abs(v, v);
            if (fmpq_cmp(v, R) > 0)
                fmpq_set(R, v);
        }
    }
    fmpq_add_si(R, R, 1);
    fmpq_mul_si(R, R, 2);
    fmpq_div(eps, mu, R);
    fmpq_zero(v);
    for (i = 0; i < Q; i++)
        fmpq_add(v, v, sep[k].a + i);
    fmpq_add(v, v, eps);
    if (fmpq_is_zero(v))
        _rc_cs_div_si(eps, eps, 2);
    for (i = 0; i < Q; i++)
        for (j = 0; j < Q; j++)
        {
            fmpq_set(W + i * Q + j, sep[k].a + j);
            if (i == j)
                fmpq_add(W + i * Q + j, W + i * Q + j, eps);
        }
    _rc_cs_matvec(bb, W, sep[k].apex, Q, Q);
    for (i = 0; i < Q; i++)
        fmpq_neg(bb + i, bb + i);
    fmpq_clear(R); fmpq_clear(v); fmpq_clear(eps);
}

static void set_prev(build_t * B, const fmpq * Wc, const fmpq * bc)
{
    slong Q = B->Q, i, j;
    fmpq_mat_t A, Ai;
    fmpq_mat_init(A, Q, Q);
    fmpq_mat_init(Ai, Q, Q);
    for (i = 0; i < Q; i++)
        for (j = 0; j < Q; j++)
            fmpq_set(fmpq_mat_entry(A, i, j), Wc + i * Q + j);
    fmpq_mat_inv(Ai, A);
    for (i = 0; i < Q; i++)
        for (j = 0; j < Q; j++)
            fmpq_set(B->Winv + i * Q + j, fmpq_mat_entry(Ai, i, j));
    _rc_fmpq_vec_set(B->bprev, bc, Q);
    fmpq_mat_clear(A);
    fmpq_mat_clear(Ai);
}


/* least-squares affine fit of the classes not in S (M = 0, m = 0 when T is empty) */
static void fit_T(fmpq * M, fmpq * m, const rc_construct_classes_t cl, ulong S)
{
    slong Q = cl->Q, e = cl->e, n, nt = 0;
    fmpq * X = _fmpq_vec_init(cl->N * Q), * Y = _fmpq_vec_init(cl->N * e);
    fmpq_t rss;
    fmpq_init(rss);
    for (n = 0; n < cl->N; n++)
        if (!in_S(S, cl->cls[n]))
        {
            _rc_fmpq_vec_set(X + nt * Q, cl->X + n * Q, Q);
            _rc_fmpq_vec_set(Y + nt * e, cl->labels + cl->cls[n] * e, e);
            nt++;
        }
    if (nt > 0)
        rc_construct_lstsq(rss, M, m, X, Y, nt, Q, e);
    fmpq_clear(rss);
    _fmpq_vec_clear(X, cl->N * Q);
    _fmpq_vec_clear(Y, cl->N * e);
}

void rc_construct_build(rc_construct_point_t p, const rc_construct_classes_t cl,
                        const rc_construct_sep_struct * sep, slong L)
{
    build_t B;
    slong Q = cl->Q, k, m, need;
    ulong all = (Q >= 64) ? ~UWORD(0) : ((UWORD(1) << Q) - 1);
    fmpq * Wc = _fmpq_vec_init(Q * Q), * bc = _fmpq_vec_init(Q);
    fmpq * M = _fmpq_vec_init(cl->e * Q), * mm = _fmpq_vec_init(cl->e);
    fmpq_t mu;
    memset(&B, 0, sizeof(B));
    B.Q = Q; B.e = cl->e; B.L = L;
    for (k = 0; k < Q; k++)
        if (in_S(p->S, k))
            B.S[B.s++] = k;
    B.t = Q - B.s;
    need = B.s + ((B.s > 0 && B.t > 0) ? 1 : 0);
    p->built = 0;
    fmpq_init(mu);
    if (L < FLINT_MAX(need, 1))
    {
        flint_sprintf(p->reason, "needs at least %wd hidden layers (L = %wd)", FLINT_MAX(need, 1), L);
        goto done;
    }
    for (m = 0; m < B.s; m++)
        if (!chart_margin(mu, p->reason, cl, sep, p->S & all, B.S[m]))
            goto done;
    fit_T(M, mm, cl, p->S);
    _rc_cb_alloc(&B);
    for (m = 0; m < B.s; m++)
    {
        chart_margin(mu, p->reason, cl, sep, p->S, B.S[m]);
        chart(Wc, bc, cl, sep, p->S, B.S[m], mu);
        _rc_cb_push_folded(&B, Wc, bc);
        set_prev(&B, Wc, bc);
    }
    p->reason[0] = '\0';
    if (_rc_cb_rest(&B, p, cl, sep, M, mm))
        _rc_cb_output(&B, p, cl, M, mm);
    _rc_cb_free(&B);
done:
    fmpq_clear(mu);
    _fmpq_vec_clear(Wc, Q * Q);
    _fmpq_vec_clear(bc, Q);
    _fmpq_vec_clear(M, cl->e * Q);
    _fmpq_vec_clear(mm, cl->e);
}
