#include "relucert/flow.h"
#include "flow_internal.h"

/* The problem as the loss module sees it: the shape (d, l, e, biases, leak) and the data with
   the inputs x_i (the first d entries of the augmented x~_i; data->X is allocated here and freed
   by _rc_flow_model_view_clear, data->Y is the problem's, not owned). */
void _rc_flow_model_view(rc_mlp_t shape, slong * widths, fmpq ** W, fmpq ** b, rc_data_t data,
                         const fmpq * theta, const rc_flow_problem_t pr)
{
    slong i, j;
    widths[0] = pr->d;
    widths[1] = pr->l;
    widths[2] = pr->e;
    W[0] = W[1] = NULL;
    b[0] = pr->has_b1 ? (fmpq *) theta : NULL;    /* a flag: entries of a shape are not read */
    b[1] = pr->has_b2 ? (fmpq *) theta : NULL;
    shape->n = 2;
    shape->widths = widths;
    shape->W = W;
    shape->b = b;
    *shape->leak = *pr->leak;                      /* shallow, read-only */
    data->n = pr->n;
    data->d = pr->d;
    data->e = pr->e;
    data->X = _fmpq_vec_init(FLINT_MAX(pr->n * pr->d, 1));
    data->Y = pr->Yq;
    for (i = 0; i < pr->n; i++)
        for (j = 0; j < pr->d; j++)
            fmpq_set(data->X + i * pr->d + j, pr->Xq + i * pr->dp + j);
}

void _rc_flow_model_view_clear(rc_data_t data, const rc_flow_problem_t pr)
{
    _fmpq_vec_clear(data->X, FLINT_MAX(pr->n * pr->d, 1));
}

/* Exact MSE loss (1/N) sum_i ||f(x_i) - y_i||^2 at a rational point: the loss module
   (rc_loss_value_fmpq) on the problem's view. */
void rc_flow_loss_fmpq(fmpq_t L, const fmpq * theta, const rc_flow_problem_t pr)
{
    slong widths[3];
    fmpq * W[2], * b[2];
    rc_mlp_t shape;
    rc_data_t data;
    _rc_flow_model_view(shape, widths, W, b, data, theta, pr);
    rc_loss_value_fmpq(L, theta, shape, data, RC_LOSS_MSE, NULL);
    _rc_flow_model_view_clear(data, pr);
}

/* Enclosure of the loss over a box.  sigma(z) for a ball z straddling 0: sigma is monotone, so
   sigma(z) lies in [a lo, hi], which the union of z and a z contains (0 <= a < 1). */
void rc_flow_loss(arb_t L, arb_srcptr theta, const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, k, i, j, o;
    arb_t z, az, f, t;
    arb_init(z);
    arb_init(az);
    arb_init(f);
    arb_init(t);
    arb_zero(L);
    for (i = 0; i < n; i++)
        for (o = 0; o < e; o++)
        {
            arb_zero(f);
            for (k = 0; k < l; k++)
            {
                arb_zero(z);
                for (j = 0; j < dp; j++)
                    arb_addmul(z, theta + rc_flow_iw(pr, k, j), pr->X + i * dp + j, prec);
                arb_mul(az, z, pr->a, prec);
                if (arb_is_negative(z))
                    arb_swap(z, az);
                else if (!arb_is_nonnegative(z))
                    arb_union(z, z, az, prec);
                arb_addmul(f, z, theta + rc_flow_iv(pr, k, o), prec);
            }
            if (pr->has_b2)
                arb_add(f, f, theta + rc_flow_ib2(pr, o), prec);
            if (pr->loss == RC_LOSS_MSE)
            {
                arb_sub(f, f, pr->Y + i * e + o, prec);
                arb_sqr(t, f, prec);
                arb_nonnegative_part(t, t);     /* a square is >= 0 */
                arb_add(L, L, t, prec);
            }
            else
            {
                /* log(1 + e^f) - y f */
                arb_exp(t, f, prec);
                arb_log1p(t, t, prec);
                arb_submul(t, pr->Y + i, f, prec);
                arb_add(L, L, t, prec);
            }
        }
    arb_div_si(L, L, n, prec);
    arb_clear(z);
    arb_clear(az);
    arb_clear(f);
    arb_clear(t);
}

/* c_k = ||w_k||^2 - ||v_k||^2 over a box. */
void rc_flow_level(arb_t c, arb_srcptr theta, slong k, const rc_flow_problem_t pr, slong prec)
{
    slong j, o;
    arb_zero(c);
    for (j = 0; j < pr->dp; j++)
        arb_addmul(c, theta + rc_flow_iw(pr, k, j), theta + rc_flow_iw(pr, k, j), prec);
    for (o = 0; o < pr->e; o++)
        arb_submul(c, theta + rc_flow_iv(pr, k, o), theta + rc_flow_iv(pr, k, o), prec);
}

/* z_ki' = -lambda z_ki - sum_j c_kj s_kj K_ji  =  A - s_ki G - lambda z_ki.  Samples tied to i
   (pr->tie: the same switching surface) share its slope: their terms go into G. */
void rc_flow_pair_AG(arb_t A, arb_t G, arb_srcptr cs, const int * modes, slong k, slong i,
                     const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, j;
    arb_t s, t, one;
    arb_init(s);
    arb_init(t);
    arb_init(one);
    arb_one(one);
    arb_zero(A);
    for (j = 0; j < n; j++)
    {
        int md = modes[k * n + j];
        if (j == i || pr->tie[j] == pr->tie[i])
            continue;
        if (md == RC_FLOW_ACT)
            arb_one(s);
        else if (md == RC_FLOW_INACT)
            arb_set(s, pr->a);
        else
            arb_union(s, pr->a, one, prec);
        arb_mul(t, cs + k * n + j, s, prec);
        arb_submul(A, t, pr->K + j * n + i, prec);
    }
    arb_mul(G, cs + k * n + i, pr->K + i * n + i, prec);
    for (j = 0; j < n; j++)
        if (j != i && pr->tie[j] == pr->tie[i])
            arb_addmul(G, cs + k * n + j, pr->K + j * n + i, prec);
    arb_clear(s);
    arb_clear(t);
    arb_clear(one);
}
