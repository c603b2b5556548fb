/* relucert implicit: the whole analysis of one network on one dataset. */
#include "internal.h"

void rc_implicit_opts_default(rc_implicit_opts_struct * o)
{
    o->exact_max = 64;
    o->maxit = 100000;
    o->prec = 128;
}

void rc_implicit_result_clear(rc_implicit_result_t res)
{
    slong i;
    for (i = 0; i < res->n; i++)
        rc_implicit_eq_clear(res->eq + i, res->m, res->e);
    flint_free(res->eq);
    rc_implicit_wp_clear(res->wp, res->m);
    rc_implicit_gram_clear(&res->gram);
    arb_clear(res->loss);
    fmpq_clear(res->loss_exact);
}

/* Tries a second equilibrium from a far start (when uniqueness is not proved): a different
   exactly verified fixed point proves non-uniqueness. */
static void probe_second(rc_implicit_eq_struct * eq, const rc_implicit_net_t net, const fmpq * u,
                         const double * Gd, const double * ud, slong maxit, slong prec)
{
    slong m = net->m, i;
    double * z = flint_malloc(sizeof(double) * m), big = 1.0;
    rc_implicit_eq_struct e2;
    for (i = 0; i < m; i++)
        big = FLINT_MAX(big, 100.0 * fabs(ud[i]));
    for (i = 0; i < m; i++)
        z[i] = big;
    rc_implicit_picard_d(z, Gd, ud, m, FLINT_MIN(maxit, 10000));
    rc_implicit_eq_init(&e2, m, net->e);
    if (rc_implicit_equilibrium_exact(&e2, net, u, z, prec))
        for (i = 0; i < m; i++)
            if (!fmpq_equal(e2.z + i, eq->z + i))
                eq->second = 1;
    rc_implicit_eq_clear(&e2, m, net->e);
    flint_free(z);
}

static void one_sample(rc_implicit_result_t res, slong s, const rc_implicit_net_t net,
                       const rc_data_t data, const double * Gd, const mag_t gdev,
                       const rc_implicit_opts_struct * o)
{
    slong m = net->m, i;
    fmpq * u = _fmpq_vec_init(m);
    double * ud = flint_malloc(sizeof(double) * m), * z = flint_calloc(m, sizeof(double));
    rc_implicit_eq_struct * eq = res->eq + s;
    mag_t udev, rad;
    arb_t q;
    mag_init(udev);
    mag_init(rad);
    arb_init(q);
    rc_implicit_input(u, net, data->X + s * data->d);
    rc_implicit_fmpq_get_d_vec(ud, udev, u, m);
    for (i = 0; i < m; i++)
        z[i] = ud[i] > 0.0 ? ud[i] : 0.0;
    rc_implicit_picard_d(z, Gd, ud, m, o->maxit);
    if (m <= o->exact_max)
        rc_implicit_equilibrium_exact(eq, net, u, z, o->prec);
    if (!eq->found && res->wp->well_posed)
    {
        arb_set_arf(q, res->wp->norm_hi);     /* the certified upper end */
        if (!rc_implicit_equilibrium_ball(eq, rad, net, Gd, gdev, u, z, q, o->prec))
            eq->how = "none: the contraction ball could not be certified";
    }
    else if (!eq->found && res->wp->rho_holds)
    {
        if (!rc_implicit_equilibrium_ball_w(eq, net, Gd, gdev, u, z, res->wp->rho_weights,
                                            res->wp->rho_factor, o->prec))
            eq->how = "none: the weighted contraction box could not be certified";
    }
    else if (!eq->found)
        eq->how = "none: no exact pattern verified and no contraction proved";
    if (eq->found && eq->exact && res->unique != 1)
        probe_second(eq, net, u, Gd, ud, o->maxit, o->prec);
    _fmpq_vec_clear(u, m);
    flint_free(ud);
    flint_free(z);
    mag_clear(udev);
    mag_clear(rad);
    arb_clear(q);
}

static void loss(rc_implicit_result_t res, const rc_data_t data, slong prec)
{
    slong i, k;
    arb_t t, y;
    arb_init(t);
    arb_init(y);
    arb_zero(res->loss);
    for (i = 0; i < res->n; i++)
        for (k = 0; k < res->e; k++)
        {
            arb_set_fmpq(y, data->Y + i * data->e + k, prec);
            arb_sub(t, res->eq[i].outb + k, y, prec);
            arb_addmul(res->loss, t, t, prec);
        }
    arb_mul_2exp_si(res->loss, res->loss, -1);
    res->loss_is_exact = (res->num_exact == res->n);
    if (res->loss_is_exact)
    {
        fmpq_t d, acc;
        fmpq_init(d);
        fmpq_init(acc);
        for (i = 0; i < res->n; i++)
            for (k = 0; k < res->e; k++)
            {
                fmpq_sub(d, res->eq[i].out + k, data->Y + i * data->e + k);
                fmpq_addmul(acc, d, d);
            }
        fmpq_div_2exp(acc, acc, 1);
        fmpq_swap(res->loss_exact, acc);
        fmpq_clear(d);
        fmpq_clear(acc);
    }
    arb_clear(t);
    arb_clear(y);
}

/* Total bits of the numerators and denominators of gamma A and of the data's inputs: the size
   of the numbers the exact routes (Bareiss, fmpq solves) start from. */
static slong exact_input_bits(const rc_implicit_net_t net, const rc_data_t data)
{
    slong i, bits = fmpz_bits(fmpq_numref(net->gamma)) + fmpz_bits(fmpq_denref(net->gamma));
    for (i = 0; i < net->m * net->m; i++)
        bits += fmpz_bits(fmpq_numref(net->A + i)) + fmpz_bits(fmpq_denref(net->A + i));
    for (i = 0; i < data->n * data->d; i++)
        bits += fmpz_bits(fmpq_numref(data->X + i)) + fmpz_bits(fmpq_denref(data->X + i));
    return bits;
}

int rc_implicit_analyze(rc_implicit_result_t res, const rc_implicit_net_t net, const rc_data_t data,
                        const rc_implicit_opts_struct * opts, const char * data_name, rc_err_t err)
{
    slong m = net->m, s;
    double * Gd;
    mag_t gdev;
    rc_implicit_opts_struct oo = *opts;
    const rc_implicit_opts_struct * o = &oo;
    /* a resource limit: exact routes on huge numbers run for hours (a 64 x 64 A with
       1000-digit entries); above the budget they are skipped and said so, the certified float
       routes still run */
    res->exact_input_bits = exact_input_bits(net, data);
    res->exact_skipped = oo.exact_max > 0 && res->exact_input_bits > RC_IMPLICIT_EXACT_BITS_MAX;
    if (res->exact_skipped)
        oo.exact_max = 0;
    if (data->d != net->d)
        return rc_err_set(err, RC_EINPUT, "%s: X: inputs have %ld coordinates, but the network's "
                          "W has %ld columns", data_name, (long) data->d, (long) net->d);
    if (data->n < 1)
        return rc_err_set(err, RC_EINPUT, "%s: no samples", data_name);
    res->m = m;
    res->d = net->d;
    res->e = net->e;
    res->n = data->n;
    rc_implicit_wp_init(res->wp);
    rc_implicit_gram_init(&res->gram);
    arb_init(res->loss);
    arb_indeterminate(res->loss);
    res->loss_is_exact = 0;
    fmpq_init(res->loss_exact);
    res->eq = flint_malloc(sizeof(rc_implicit_eq_struct) * data->n);
    for (s = 0; s < data->n; s++)
        rc_implicit_eq_init(res->eq + s, m, net->e);
    rc_implicit_well_posed(res->wp, net, o->exact_max, o->prec);
    if (!res->wp->well_posed)
        rc_implicit_rho_decide(res->wp, net, o->exact_max);
    res->unique = (res->wp->well_posed || res->wp->rho_holds) ? 1 : -1;
    Gd = flint_malloc(sizeof(double) * m * m);
    mag_init(gdev);
    _rc_implicit_gA_d(Gd, gdev, net);
    res->num_exact = res->num_found = 0;
    for (s = 0; s < data->n; s++)
    {
        one_sample(res, s, net, data, Gd, gdev, o);
        res->num_exact += res->eq[s].exact;
        res->num_found += res->eq[s].found;
        if (res->eq[s].second)
            res->unique = 0;
    }
    res->gram_done = (res->num_found == res->n);
    if (res->gram_done)
    {
        rc_implicit_gram_lambda(&res->gram, res->eq, res->n, m, o->exact_max, o->prec);
        if (data->e == net->e)
            loss(res, data, o->prec);
    }
    else
    {
        arb_indeterminate(res->gram.lambda_min);
        res->gram.exact_pd = -1;
        res->gram.exact_zero = 0;
    }
    rc_implicit_hypotheses(res);
    flint_free(Gd);
    mag_clear(gdev);
    return RC_OK;
}
