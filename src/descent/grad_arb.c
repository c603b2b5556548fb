/* Enclosure of the loss and its gradient over balls of parameters (formulas as in grad_fmpq.c;
   BCE-with-logits for e = 1: l = log(1 + e^f) - y f, dl/df = 1/(1 + e^-f) - y).
   The activation pattern must be decided: sigma'(z) jumps at z = 0, so when a ball of z contains
   0 and is not exactly 0, different points of the ball take different GD steps and no single
   enclosure of "the" step is justified; we stop and say where (neuron, sample).  z exactly 0
   (a ball of radius 0 at 0) means z = 0 for every point: sigma(0) = 0, sigma'(0) = a (PyTorch's
   convention; rc_descent_grad_arb_zeros records where it was used). */
#include "relucert/descent.h"

/* Exact sign of w_k . x~_i (the exact parameters and data): -1, 0, 1, and its value in z. */
static int exact_z(fmpq_t z, const fmpq * theta, const rc_net_t shape, const rc_data_t data,
                   slong k, slong i)
{
    slong j, d = shape->d;
    fmpq_zero(z);
    for (j = 0; j < d; j++)
        fmpq_addmul(z, theta + k * d + j, data->X + i * d + j);
    if (shape->has_b1)
        fmpq_add(z, z, theta + rc_descent_w_index(shape, k, d));
    return fmpq_sgn(z);
}

int rc_descent_grad_arb(arb_ptr g, arb_t loss, arb_srcptr theta, const rc_net_t shape,
                        const rc_ddata_t D, int loss_kind, const fmpq * theta_exact,
                        const rc_data_t data_exact, slong * neuron, slong * sample, slong prec)
{
    return rc_descent_grad_arb_zeros(g, loss, theta, shape, D, loss_kind, theta_exact, data_exact,
                                     neuron, sample, NULL, 0, prec);
}

int rc_descent_grad_arb_zeros(arb_ptr g, arb_t loss, arb_srcptr theta, const rc_net_t shape,
                              const rc_ddata_t D, int loss_kind, const fmpq * theta_exact,
                              const rc_data_t data_exact, slong * neuron, slong * sample,
                              rc_descent_zeros_t zeros, slong step, slong prec)
{
    slong N = D->n, d = shape->d, l = shape->l, e = shape->e, np = rc_net_num_params(shape);
    slong i, k, o, j, off_b1 = l * d, off_W2 = rc_descent_v_index(shape, 0, 0), off_b2 = np - e;
    arb_ptr H = _arb_vec_init(FLINT_MAX(N * l, 1));     /* sigma(z_ik) */
    arb_ptr Dl = _arb_vec_init(FLINT_MAX(N * l, 1));    /* delta_ik */
    arb_ptr G = _arb_vec_init(FLINT_MAX(N * e, 1));     /* g_io = dl/df */
    int * act = flint_malloc(sizeof(int) * FLINT_MAX(N * l, 1));   /* sigma' is 1 (1) or a (0) */
    arb_t z, t, u, leak, invN;
    fmpq_t zq;
    int ok = 1, sg;
    arb_init(z);
    arb_init(t);
    arb_init(u);
    arb_init(leak);
    arb_init(invN);
    fmpq_init(zq);
    arb_set_fmpq(leak, shape->leak, prec);
    arb_zero(loss);
    for (i = 0; i < N && ok; i++)
    {
        arb_srcptr x = D->X + i * d;
        for (k = 0; k < l; k++)
        {
            arb_dot(z, shape->has_b1 ? theta + off_b1 + k : NULL, 0, theta + k * d, 1, x, 1, d, prec);
            if (arb_is_zero(z))
                sg = 0;
            else if (arb_is_positive(z))
                sg = 1;
            else if (arb_is_negative(z))
                sg = -1;
            else if (theta_exact != NULL)
            {
                sg = exact_z(zq, theta_exact, shape, data_exact, k, i);
                arb_set_fmpq(z, zq, prec);
            }
            else
            {
                *neuron = k;
                *sample = i;
                ok = 0;
                break;
            }
            if (sg == 0 && zeros != NULL)
                rc_descent_zeros_add(zeros, step, k, i);    /* sigma'(0) = a: the convention */
            act[i * l + k] = (sg > 0);
            if (sg > 0)
                arb_set(H + i * l + k, z);
            else
                arb_mul(H + i * l + k, z, leak, prec);
        }
        if (!ok)
            break;
        for (o = 0; o < e; o++)
        {
            arb_ptr f = G + i * e + o;
            arb_srcptr y = D->Y + i * e + o;
            arb_dot(f, shape->has_b2 ? theta + off_b2 + o : NULL, 0, theta + off_W2 + o * l, 1,
                    H + i * l, 1, l, prec);
            _rc_descent_loss_term_arb(f, loss, f, y, loss_kind, prec);
        }
        for (k = 0; k < l; k++)
        {
            arb_ptr dl = Dl + i * l + k;
            arb_dot(dl, NULL, 0, G + i * e, 1, theta + off_W2 + k, l, e, prec);
            if (!act[i * l + k])
                arb_mul(dl, dl, leak, prec);
        }
    }
    if (ok)
    {
        arb_set_si(invN, N > 0 ? N : 1);
        arb_inv(invN, invN, prec);
        for (k = 0; k < l; k++)
        {
            for (j = 0; j < d; j++)
                arb_dot(g + k * d + j, NULL, 0, Dl + k, l, D->X + j, d, N, prec);
            if (shape->has_b1)
            {
                arb_zero(g + off_b1 + k);
                for (i = 0; i < N; i++)
                    arb_add(g + off_b1 + k, g + off_b1 + k, Dl + i * l + k, prec);
            }
            for (o = 0; o < e; o++)
                arb_dot(g + off_W2 + o * l + k, NULL, 0, G + o, e, H + k, l, N, prec);
        }
        if (shape->has_b2)
            for (o = 0; o < e; o++)
            {
                arb_zero(g + off_b2 + o);
                for (i = 0; i < N; i++)
                    arb_add(g + off_b2 + o, g + off_b2 + o, G + i * e + o, prec);
            }
        for (i = 0; i < np; i++)
            arb_mul(g + i, g + i, invN, prec);
        arb_mul(loss, loss, invN, prec);
    }
    _arb_vec_clear(H, FLINT_MAX(N * l, 1));
    _arb_vec_clear(Dl, FLINT_MAX(N * l, 1));
    _arb_vec_clear(G, FLINT_MAX(N * e, 1));
    flint_free(act);
    arb_clear(z);
    arb_clear(t);
    arb_clear(u);
    arb_clear(leak);
    arb_clear(invN);
    fmpq_clear(zq);
    return ok;
}
