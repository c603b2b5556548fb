/* rc_hset_inspect_run: the analysis behind `relucert inspect` for a shallow network.
   Every number is exact: the levels are rationals, b_0 = 2^m and the Betti numbers are integers
   computed by Kunneth's formula (relucert/hset.h), the effective counts by relucert/sym.h. */
#include "relucert/hset.h"
#include "relucert/sym.h"

void rc_hset_inspect_opts_init(rc_hset_inspect_opts_t opts)
{
    opts->betti_limit = WORD(1) << 26;
}

void rc_hset_inspect_init(rc_hset_inspect_t res)
{
    res->d = res->dim_in = res->l = res->e = 0;
    res->has_b1 = res->has_b2 = 0;
    fmpq_init(res->leak);
    res->c = NULL;
    rc_hset_init(res->h, 0, 0, 0);
    fmpz_init(res->components);
    fmpz_init(res->effective);
    res->plus_neg = res->plus_pos = 0;
    res->have_betti = 0;
    fmpz_poly_init(res->betti);
    res->poincare = NULL;
    res->component = NULL;
}

void rc_hset_inspect_clear(rc_hset_inspect_t res)
{
    fmpq_clear(res->leak);
    if (res->c != NULL)
        _fmpq_vec_clear(res->c, FLINT_MAX(res->l, 1));
    rc_hset_clear(res->h);
    fmpz_clear(res->components);
    fmpz_clear(res->effective);
    fmpz_poly_clear(res->betti);
    flint_free(res->poincare);
    flint_free(res->component);
}

int rc_hset_inspect_run(rc_hset_inspect_t res, const rc_net_t net, const rc_hset_inspect_opts_t opts,
                        rc_err_t err)
{
    slong k, limit = (opts != NULL) ? opts->betti_limit : (WORD(1) << 26);
    rc_err_t perr;                 /* a refused expansion is a result, not an error */
    (void) err;
    rc_hset_inspect_clear(res);
    rc_hset_inspect_init(res);
    res->d = net->d;
    res->dim_in = rc_net_dim_in(net);
    res->l = net->l;
    res->e = net->e;
    res->has_b1 = net->has_b1;
    res->has_b2 = net->has_b2;
    fmpq_set(res->leak, net->leak);
    res->c = _fmpq_vec_init(FLINT_MAX(net->l, 1));
    for (k = 0; k < net->l; k++)
        rc_net_level(res->c + k, net, k);
    rc_hset_clear(res->h);
    rc_hset_init(res->h, net->l, res->dim_in, net->e);
    rc_hset_set_net(res->h, net);
    rc_hset_num_components(res->components, res->h);
    rc_sym_num_effective(res->effective, res->h);
    rc_sym_effective_index(&res->plus_neg, &res->plus_pos, res->h);
    rc_err_init(perr);
    res->have_betti = (rc_hset_poincare(res->betti, res->h, limit, perr) == RC_OK);
    res->poincare = rc_hset_poincare_get_str(res->h);
    res->component = rc_hset_component_get_str(res->h);
    return RC_OK;
}
