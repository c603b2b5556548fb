/* Everything for one dataset: classes, hypothesis, the global minimizer (S = all classes) and
   the 2^Q - 1 local minima (S a proper subset), each built and certified. */
#include "internal.h"

int rc_construct_run(rc_construct_t res, const rc_data_t data, slong L, int hessian,
                     const char * name, rc_err_t err)
{
    slong k, Q;
    ulong S, all;
    int r;
    if (L < 1 || L > RC_CONSTRUCT_MAX_LAYERS)
        return rc_err_set(err, L < 1 ? RC_EINPUT : RC_ELIMIT, "%s: layers: %ld hidden layers "
                          "(need 1 to %d)", name, (long) L, RC_CONSTRUCT_MAX_LAYERS);
    if ((r = rc_construct_classes_init(res->cl, data, name, err)) != RC_OK)
        return r;
    Q = res->cl->Q;
    all = (UWORD(1) << Q) - 1;
    res->layers = L;
    res->sep = flint_malloc(Q * sizeof(rc_construct_sep_struct));
    res->hypothesis = 1;
    for (k = 0; k < Q; k++)
    {
        rc_construct_sep_init(res->sep + k, Q);
        rc_construct_separate(res->sep + k, res->cl, k);
        res->hypothesis &= res->sep[k].h1 && res->sep[k].h2;
    }
    rc_construct_point_init(&res->global, all);
    rc_construct_build(&res->global, res->cl, res->sep, L);
    rc_construct_certify(&res->global, res->cl, data, hessian);
    res->num_local = (slong) all;
    res->local = flint_malloc(res->num_local * sizeof(rc_construct_point_struct));
    for (S = 0; S < all; S++)
    {
        rc_construct_point_init(res->local + S, S);
        rc_construct_build(res->local + S, res->cl, res->sep, L);
        rc_construct_certify(res->local + S, res->cl, data, hessian);
    }
    return RC_OK;
}

void rc_construct_clear(rc_construct_t res)
{
    slong k;
    for (k = 0; k < res->cl->Q; k++)
        rc_construct_sep_clear(res->sep + k);
    flint_free(res->sep);
    rc_construct_point_clear(&res->global);
    for (k = 0; k < res->num_local; k++)
        rc_construct_point_clear(res->local + k);
    flint_free(res->local);
    rc_construct_classes_clear(res->cl);
}
