/* rc_sym_equiv_run: equivalence under permutations and positive rescalings (rc_sym_equiv: equal
   canonical forms) as a result struct. */
#include "relucert/sym.h"

void rc_sym_equiv_result_init(rc_sym_equiv_result_t res)
{
    res->equivalent = 0;
    res->l = 0;
    res->perm = NULL;
    res->reason = NULL;
}

void rc_sym_equiv_result_clear(rc_sym_equiv_result_t res)
{
    flint_free(res->perm);
    rc_sym_equiv_result_init(res);
}

int rc_sym_equiv_run(rc_sym_equiv_result_t res, const rc_net_t a, const rc_net_t b, rc_err_t err)
{
    (void) err;
    rc_sym_equiv_result_clear(res);
    res->perm = flint_malloc(sizeof(slong) * FLINT_MAX(FLINT_MAX(a->l, b->l), 1));
    res->equivalent = rc_sym_equiv(res->perm, a, b, &res->reason);
    res->l = b->l;
    if (!res->equivalent)
    {
        flint_free(res->perm);
        res->perm = NULL;
    }
    return RC_OK;
}
