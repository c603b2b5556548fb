/* Certificate of one constructed point (proofs/construct.md M1, M2):
   - every hidden pre-activation on every sample is computed exactly and must be nonzero; then the
     activation pattern is constant on a neighbourhood U of theta and L is a polynomial on U;
   - the samples of T share one pattern (so f is one affine map of x on T, for every theta' in U)
     and every collapsed class has a hidden layer where all its pre-activations are negative (so f
     is constant on the class for every theta' in U);
   - hence on U: L(theta') >= (1/N) min over affine maps of sum_{T} |A x + a - y|^2 = RSS_T / N,
     and theta is a local minimum as soon as L(theta) = RSS_T / N exactly.  For S = all classes,
     L(theta) = 0 proves a global minimum (L >= 0).
   The exact gradient (must be 0) and the exact Hessian inertia (must have no negative eigenvalue)
   are computed as independent checks; a contradiction withdraws the claim. */
#include <string.h>
#include "internal.h"

static int in_S(ulong S, slong k) { return (int) ((S >> k) & 1); }

/* exact signs, cost, min |pre| */
static void signs_and_cost(int * sg, rc_construct_point_t p, const rc_data_t data, slong hid)
{
    slong N = data->n, e = data->e, n, i;
    fmpq * f = _fmpq_vec_init(e), * pre = _fmpq_vec_init(hid);
    fmpq_t t, c;
    fmpq_init(t);
    fmpq_init(c);
    fmpq_set_si(p->min_pre, -1, 1);
    p->pre_nonzero = 1;
    for (n = 0; n < N; n++)
    {
        rc_mlp_eval_fmpq(f, pre, p->net, data->X + n * data->d);
        for (i = 0; i < e; i++)
        {
            fmpq_sub(t, f + i, data->Y + n * e + i);
            fmpq_addmul(c, t, t);
        }
        for (i = 0; i < hid; i++)
        {
            sg[n * hid + i] = fmpq_sgn(pre + i);
            fmpq_abs(t, pre + i);
            if (fmpq_sgn(p->min_pre) < 0 || fmpq_cmp(t, p->min_pre) < 0)
                fmpq_set(p->min_pre, t);
        }
    }
    if (fmpq_is_zero(p->min_pre))
        p->pre_nonzero = 0;
    _rc_cs_div_si(c, c, N);
    fmpq_set(p->cost, c);
    fmpq_clear(t);
    fmpq_clear(c);
    _fmpq_vec_clear(f, e);
    _fmpq_vec_clear(pre, hid);
}

static int patterns(const int * sg, const rc_construct_point_t p, const rc_construct_classes_t cl,
                    slong hid)
{
    slong n, first = -1, k, l, i, Q = cl->Q, w = Q;
    for (n = 0; n < cl->N; n++)
        if (!in_S(p->S, cl->cls[n]))
        {
            if (first < 0)
                first = n;
            else if (memcmp(sg + n * hid, sg + first * hid, hid * sizeof(int)) != 0)
                return 0;
        }
    for (k = 0; k < Q; k++)
    {
        int found = 0;
        if (!in_S(p->S, k))
            continue;
        for (l = 0; l < hid / w && !found; l++)
        {
            found = 1;
            for (n = 0; n < cl->N && found; n++)
                for (i = 0; i < w && cl->cls[n] == k; i++)
                    if (sg[n * hid + l * w + i] >= 0)
                        found = 0;
        }
        if (!found)
            return 0;
    }
    return 1;
}

static void bound(fmpq_t B, const rc_construct_point_t p, const rc_construct_classes_t cl,
                  const rc_data_t data)
{
    slong d = data->d, e = data->e, n, nt = 0;
    fmpq * X = _fmpq_vec_init(data->n * d), * Y = _fmpq_vec_init(data->n * e);
    fmpq * M = _fmpq_vec_init(e * d), * m = _fmpq_vec_init(e);
    fmpq_zero(B);
    for (n = 0; n < data->n; n++)
        if (!in_S(p->S, cl->cls[n]))
        {
            _rc_fmpq_vec_set(X + nt * d, data->X + n * d, d);
            _rc_fmpq_vec_set(Y + nt * e, data->Y + n * e, e);
            nt++;
        }
    if (nt > 0)
    {
        rc_construct_lstsq(B, M, m, X, Y, nt, d, e);
        _rc_cs_div_si(B, B, data->n);
    }
    _fmpq_vec_clear(X, data->n * d);
    _fmpq_vec_clear(Y, data->n * e);
    _fmpq_vec_clear(M, e * d);
    _fmpq_vec_clear(m, e);
}

static void checks(rc_construct_point_t p, const rc_data_t data, int hessian)
{
    slong P = rc_mlp_num_params(p->net), i;
    fmpq * g = _fmpq_vec_init(P);
    rc_construct_grad_fmpq(g, p->net, data->X, data->Y, data->n);
    p->grad_zero = 1;
    for (i = 0; i < P; i++)
        if (!fmpq_is_zero(g + i))
            p->grad_zero = 0;
    _fmpq_vec_clear(g, P);
    p->hess_pos = p->hess_zero = p->hess_neg = -1;
    if (hessian && P <= RC_CONSTRUCT_MAX_HESSIAN)
    {
        fmpq_mat_t H;
        fmpq_mat_init(H, P, P);
        rc_construct_hessian_fmpq(H, p->net, data->X, data->Y, data->n);
        rc_construct_inertia(&p->hess_pos, &p->hess_neg, &p->hess_zero, H);
        fmpq_mat_clear(H);
    }
}

void rc_construct_certify(rc_construct_point_t p, const rc_construct_classes_t cl,
                          const rc_data_t data, int hessian)
{
    slong hid;
    int * sg, global = (p->S == ((UWORD(1) << cl->Q) - 1));
    p->proved = 0;
    if (!p->built)
        return;
    hid = rc_mlp_num_hidden(p->net);
    sg = flint_malloc((data->n * hid + 1) * sizeof(int));
    signs_and_cost(sg, p, data, hid);
    p->pattern_ok = patterns(sg, p, cl, hid);
    bound(p->bound, p, cl, data);
    checks(p, data, hessian);
    p->reason[0] = '\0';
    /* a dead (negative) pre-activation gives exactly 0 only for ReLU (leak 0) */
    if (global)
        p->proved = fmpq_is_zero(p->cost);
    else
        p->proved = p->pre_nonzero && p->pattern_ok && fmpq_is_zero(p->net->leak)
                    && fmpq_equal(p->cost, p->bound);
    if (!p->proved)
        flint_sprintf(p->reason, "%s", !global && !p->pre_nonzero ? "a pre-activation is exactly 0"
                      : !global && !p->pattern_ok ? "activation patterns do not match the construction"
                      : !global && !fmpq_is_zero(p->net->leak) ? "leaky activation: dead neurons are not 0"
                      : "cost differs from the lower bound");
    else if (!p->grad_zero || p->hess_neg > 0)
    {
        p->proved = 0;
        flint_sprintf(p->reason, "internal inconsistency: %s at a point proved minimal",
                      !p->grad_zero ? "nonzero gradient" : "negative Hessian eigenvalue");
    }
    flint_free(sg);
}
