/* Result of rc_lp_max: allocation for d variables and m constraints. */
#include "relucert/lp.h"

void rc_lp_result_init(rc_lp_result_t res, slong d, slong m)
{
    res->status = RC_LP_OPTIMAL;
    res->d = d;
    res->m = m;
    fmpq_init(res->val);
    res->x = _fmpq_vec_init(FLINT_MAX(d, 1));
    res->ray = _fmpq_vec_init(FLINT_MAX(d, 1));
    res->u = _fmpq_vec_init(FLINT_MAX(m, 1));
    res->pivots = 0;
}

void rc_lp_result_clear(rc_lp_result_t res)
{
    fmpq_clear(res->val);
    _fmpq_vec_clear(res->x, FLINT_MAX(res->d, 1));
    _fmpq_vec_clear(res->ray, FLINT_MAX(res->d, 1));
    _fmpq_vec_clear(res->u, FLINT_MAX(res->m, 1));
}

void rc_lp_row_eval(fmpq_t v, const fmpq * row, const fmpq * x, slong d)
{
    slong k;
    fmpq_set(v, row + d);
    for (k = 0; k < d; k++)
        fmpq_addmul(v, row + k, x + k);
}
