#include "relucert/flow.h"
#include "flow_internal.h"

double rc_flow_cost_bytes(slong P, slong l, slong n, slong dp, slong e, slong order, slong prec)
{
    double ball = 48.0 + (double) prec / 8.0;
    double balls = (double) (order + 6) * (double) P * (double) P
                   + (double) (order + 1) * ((double) P + 4.0 * (double) l * (double) n)
                   + 2.0 * (double) n * (double) n + (double) n * (double) (dp + e);
    return balls * ball;
}

int _rc_flow_cost_check_dims(slong P, slong l, slong n, slong dp, slong e, slong order, slong prec,
                             rc_err_t err)
{
    double b = rc_flow_cost_bytes(P, l, n, dp, e, order, prec);
    if (b > RC_FLOW_MAX_BYTES)
        return rc_err_set(err, RC_ELIMIT, "the certified flow would need about %.3g GB (P = %ld parameters, "
                          "N = %ld samples, %ld neurons, order %ld, %ld bits), above the limit of %.3g GB",
                          b / 1e9, (long) P, (long) n, (long) l, (long) order, (long) prec, RC_FLOW_MAX_BYTES / 1e9);
    return RC_OK;
}

int rc_flow_cost_check(const rc_flow_problem_t pr, slong order, slong prec, rc_err_t err)
{
    return _rc_flow_cost_check_dims(pr->P, pr->l, pr->n, pr->dp, pr->e, order, prec, err);
}

int _rc_flow_size_check(slong P, slong l, slong n, rc_err_t err)
{
    if (P > RC_FLOW_MAX_PARAMS)
        return rc_err_set(err, RC_ELIMIT, "%ld parameters: the certified flow handles at most %ld "
                          "(its Jacobian series holds P^2 balls per order)", (long) P, (long) RC_FLOW_MAX_PARAMS);
    if (n > RC_FLOW_MAX_SAMPLES)
        return rc_err_set(err, RC_ELIMIT, "%ld samples: the certified flow handles at most %ld "
                          "(it keeps their N x N Gram matrix)", (long) n, (long) RC_FLOW_MAX_SAMPLES);
    if (l > RC_FLOW_MAX_PAIRS / n)
        return rc_err_set(err, RC_ELIMIT, "%ld neurons x %ld samples: the certified flow handles at "
                          "most %ld (neuron, sample) pairs", (long) l, (long) n, (long) RC_FLOW_MAX_PAIRS);
    return RC_OK;
}

/* The flow of net on data.  Inputs are kept exact (fmpq); the balls X, Y, K are the exact values
   rounded to prec bits (radius 0 when representable), so every later evaluation encloses the
   exact rational problem. */
int rc_flow_problem_init(rc_flow_problem_t pr, const rc_net_t net, const rc_data_t data,
                         int loss, const fmpq_t lambda, slong prec, rc_err_t err)
{
    slong i, j, k, n = data->n;
    if (data->d != net->d)
        return rc_err_set(err, RC_EINPUT, "dataset: X has %ld columns but the network has input dimension %ld",
                          (long) data->d, (long) net->d);
    if (data->e != net->e)
        return rc_err_set(err, RC_EINPUT, "dataset: y has %ld outputs but the network has %ld",
                          (long) data->e, (long) net->e);
    if (n < 1)
        return rc_err_set(err, RC_EINPUT, "dataset: no samples");
    if (net->l < 1)
        return rc_err_set(err, RC_EINPUT, "network: no hidden neurons");
    if (_rc_flow_size_check(rc_net_num_params(net), net->l, n, err) != RC_OK)
        return RC_ELIMIT;
    {
        /* the exact Gram matrix K_ij = x~_i . x~_j: N^2 sums of d' products of the inputs; its
           size in bits is at most N^2 d' (2 b + 2) with b the largest input's bits */
        slong b = 0;
        for (i = 0; i < n * data->d; i++)
            b = FLINT_MAX(b, (slong) (fmpz_bits(fmpq_numref(data->X + i)) + fmpz_bits(fmpq_denref(data->X + i))));
        if ((double) n * (double) n * (double) (data->d + 1) * (2.0 * (double) b + 2.0) / 8.0 > RC_FLOW_MAX_BYTES)
            return rc_err_set(err, RC_ELIMIT, "dataset: %ld samples with inputs of up to %ld bits: their exact "
                              "Gram matrix would need more than %.3g GB", (long) n, (long) b, RC_FLOW_MAX_BYTES / 1e9);
    }
    if (fmpq_sgn(lambda) < 0)
        return rc_err_set(err, RC_EINPUT, "--weight-decay: must be >= 0");
    /* the model is sigma(z) = max(z, a z) with 0 <= a < 1; outside it the rules' case analysis
       (inactive side has slope a < 1) does not describe sigma */
    if (fmpq_sgn(net->leak) < 0 || fmpz_cmp(fmpq_numref(net->leak), fmpq_denref(net->leak)) >= 0)
        return rc_err_set(err, RC_EINPUT, "network: leak must be in [0, 1)");
    if (loss == RC_LOSS_BCE)
    {
        if (net->e != 1)
            return rc_err_set(err, RC_EINPUT, "--loss bce: needs one output (the network has %ld)", (long) net->e);
        for (i = 0; i < n; i++)
            if (!fmpq_is_zero(data->Y + i) && !fmpq_is_one(data->Y + i))
                return rc_err_set(err, RC_EINPUT, "dataset: y[%ld]: bce needs labels 0 or 1", (long) i);
    }
    else if (loss != RC_LOSS_MSE)
        return rc_err_set(err, RC_EINPUT, "unknown loss");
    pr->d = net->d;
    pr->dp = rc_net_dim_in(net);
    pr->l = net->l;
    pr->e = net->e;
    pr->n = n;
    pr->has_b1 = net->has_b1 != 0;
    pr->has_b2 = net->has_b2 != 0;
    pr->loss = loss;
    pr->P = rc_net_num_params(net);
    pr->prec = prec;
    pr->arith = RC_FLOW_ARITH_DEFAULT;
    fmpq_init(pr->leak);
    fmpq_init(pr->lambda);
    fmpq_set(pr->leak, net->leak);
    fmpq_set(pr->lambda, lambda);
    pr->Xq = _fmpq_vec_init(n * pr->dp);
    pr->Yq = _fmpq_vec_init(n * pr->e);
    pr->theta0 = _fmpq_vec_init(pr->P);
    pr->level = _fmpq_vec_init(pr->l);
    for (i = 0; i < n; i++)
    {
        for (j = 0; j < pr->d; j++)
            fmpq_set(pr->Xq + i * pr->dp + j, data->X + i * data->d + j);
        if (pr->has_b1)
            fmpq_one(pr->Xq + i * pr->dp + pr->d);
        for (j = 0; j < pr->e; j++)
            fmpq_set(pr->Yq + i * pr->e + j, data->Y + i * data->e + j);
    }
    rc_net_get_theta(pr->theta0, net);
    for (k = 0; k < pr->l; k++)
        rc_net_level(pr->level + k, net, k);
    pr->X = _arb_vec_init(n * pr->dp);
    pr->Y = _arb_vec_init(n * pr->e);
    pr->K = _arb_vec_init(n * n);
    for (i = 0; i < n * pr->dp; i++)
        arb_set_fmpq(pr->X + i, pr->Xq + i, prec);
    for (i = 0; i < n * pr->e; i++)
        arb_set_fmpq(pr->Y + i, pr->Yq + i, prec);
    {
        fmpq_t s, t;
        fmpq * Kq = _fmpq_vec_init(n * n);
        fmpq_init(s);
        fmpq_init(t);
        for (i = 0; i < n; i++)
            for (j = 0; j < n; j++)
            {
                fmpq_zero(s);
                for (k = 0; k < pr->dp; k++)
                {
                    fmpq_mul(t, pr->Xq + i * pr->dp + k, pr->Xq + j * pr->dp + k);
                    fmpq_add(s, s, t);
                }
                fmpq_set(Kq + i * n + j, s);
                arb_set_fmpq(pr->K + i * n + j, s, prec);
            }
        /* tied samples: x~_j a positive multiple of x~_i (K_ij > 0 and K_ij^2 = K_ii K_jj, exact
           Cauchy-Schwarz equality), so z_kj = (K_ij / K_ii) z_ki for every neuron: one switching
           surface.  tie[j] = the smallest such i (proofs/flow.md 3.11). */
        pr->tie = flint_malloc(sizeof(slong) * n);
        for (j = 0; j < n; j++)
        {
            pr->tie[j] = j;
            for (i = 0; i < j; i++)
            {
                fmpq_mul(s, Kq + i * n + j, Kq + i * n + j);
                fmpq_mul(t, Kq + i * n + i, Kq + j * n + j);
                if (fmpq_sgn(Kq + i * n + j) > 0 && fmpq_equal(s, t))
                {
                    pr->tie[j] = pr->tie[i];
                    break;
                }
            }
        }
        _fmpq_vec_clear(Kq, n * n);
        fmpq_clear(s);
        fmpq_clear(t);
    }
    arb_init(pr->a);
    arb_init(pr->lam);
    arb_init(pr->scale);
    arb_set_fmpq(pr->a, pr->leak, prec);
    arb_set_fmpq(pr->lam, pr->lambda, prec);
    arb_set_ui(pr->scale, loss == RC_LOSS_MSE ? 2 : 1);
    arb_div_si(pr->scale, pr->scale, n, prec);
    return RC_OK;
}

void rc_flow_problem_clear(rc_flow_problem_t pr)
{
    fmpq_clear(pr->leak);
    fmpq_clear(pr->lambda);
    _fmpq_vec_clear(pr->Xq, pr->n * pr->dp);
    _fmpq_vec_clear(pr->Yq, pr->n * pr->e);
    _fmpq_vec_clear(pr->theta0, pr->P);
    _fmpq_vec_clear(pr->level, pr->l);
    _arb_vec_clear(pr->X, pr->n * pr->dp);
    _arb_vec_clear(pr->Y, pr->n * pr->e);
    _arb_vec_clear(pr->K, pr->n * pr->n);
    flint_free(pr->tie);
    arb_clear(pr->a);
    arb_clear(pr->lam);
    arb_clear(pr->scale);
}
