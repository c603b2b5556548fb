/* Exact loss and gradient of the MSE loss L = (1/N) sum_i ||f(x_i) - y_i||^2.
   z_ik = w_k . x~_i, h_ik = sigma(z_ik), s_ik = sigma'(z_ik) (1 if z > 0, else a: sigma'(0) = a),
   f_i = W2 h_i + b2, g_i = 2 (f_i - y_i) = dl/df,
   dL/dW2[o][k] = (1/N) sum_i g_io h_ik,     dL/db2[o] = (1/N) sum_i g_io,
   delta_ik = s_ik (g_i . v_k),  dL/dW1[k][j] = (1/N) sum_i delta_ik x_ij,  dL/db1[k] = (1/N) sum_i delta_ik. */
#include "relucert/descent.h"

void rc_descent_grad_fmpq(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_net_t shape,
                          const rc_data_t data)
{
    rc_descent_grad_fmpq_zeros(g, loss, theta, shape, data, NULL, 0);
}

void rc_descent_grad_fmpq_zeros(fmpq * g, fmpq_t loss, const fmpq * theta, const rc_net_t shape,
                                const rc_data_t data, rc_descent_zeros_t zeros, slong step)
{
    slong N = data->n, d = shape->d, l = shape->l, e = shape->e, np = rc_net_num_params(shape);
    slong i, j, k, o;
    fmpq * h = _fmpq_vec_init(FLINT_MAX(l, 1));
    int * s = flint_malloc(sizeof(int) * FLINT_MAX(l, 1));
    fmpq * r = _fmpq_vec_init(FLINT_MAX(e, 1));
    fmpq_t z, t, invN;
    fmpq_init(z);
    fmpq_init(t);
    fmpq_init(invN);
    for (i = 0; i < np; i++)
        fmpq_zero(g + i);
    fmpq_zero(loss);
    for (i = 0; i < N; i++)
    {
        const fmpq * x = data->X + i * d;
        for (k = 0; k < l; k++)
        {
            fmpq_zero(z);
            for (j = 0; j < d; j++)
                fmpq_addmul(z, theta + k * d + j, x + j);
            if (shape->has_b1)
                fmpq_add(z, z, theta + rc_descent_w_index(shape, k, d));
            if (fmpq_sgn(z) > 0)
            {
                fmpq_set(h + k, z);
                s[k] = 1;
            }
            else
            {
                if (zeros != NULL && fmpq_is_zero(z))
                    rc_descent_zeros_add(zeros, step, k, i);   /* sigma'(0) = a: the convention */
                fmpq_mul(h + k, z, shape->leak);
                s[k] = 0;
            }
        }
        for (o = 0; o < e; o++)
        {
            fmpq_zero(r + o);
            for (k = 0; k < l; k++)
                fmpq_addmul(r + o, theta + rc_descent_v_index(shape, k, o), h + k);
            if (shape->has_b2)
                fmpq_add(r + o, r + o, theta + np - e + o);
            fmpq_sub(r + o, r + o, data->Y + i * e + o);
            fmpq_addmul(loss, r + o, r + o);
            fmpq_mul_2exp(r + o, r + o, 1);          /* g_io = 2 r_io */
            for (k = 0; k < l; k++)
                fmpq_addmul(g + rc_descent_v_index(shape, k, o), r + o, h + k);
            if (shape->has_b2)
                fmpq_add(g + np - e + o, g + np - e + o, r + o);
        }
        for (k = 0; k < l; k++)
        {
            fmpq_zero(t);
            for (o = 0; o < e; o++)
                fmpq_addmul(t, r + o, theta + rc_descent_v_index(shape, k, o));
            if (!s[k])
                fmpq_mul(t, t, shape->leak);
            if (fmpq_is_zero(t))
                continue;
            for (j = 0; j < d; j++)
                fmpq_addmul(g + k * d + j, t, x + j);
            if (shape->has_b1)
                fmpq_add(g + rc_descent_w_index(shape, k, d), g + rc_descent_w_index(shape, k, d), t);
        }
    }
    if (N > 0)
    {
        fmpq_set_si(invN, 1, N);
        for (i = 0; i < np; i++)
            fmpq_mul(g + i, g + i, invN);
        fmpq_mul(loss, loss, invN);
    }
    _fmpq_vec_clear(h, FLINT_MAX(l, 1));
    flint_free(s);
    _fmpq_vec_clear(r, FLINT_MAX(e, 1));
    fmpq_clear(z);
    fmpq_clear(t);
    fmpq_clear(invN);
}
