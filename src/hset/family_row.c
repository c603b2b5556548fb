/* rc_hset_family_row_set: one row of `relucert family` (doc/math.md section 3). */
#include "relucert/hset.h"
#include "relucert/sym.h"

void rc_hset_family_row_init(rc_hset_family_row_t row)
{
    row->dim_in = row->dim_out = row->hidden = 0;
    row->negative = row->zero = row->positive = 0;
    fmpz_init(row->components);
    fmpz_init(row->effective);
    row->poincare = NULL;
    row->betti_shown = 0;
    row->betti = NULL;
    row->betti_len = 0;
}

void rc_hset_family_row_clear(rc_hset_family_row_t row)
{
    fmpz_clear(row->components);
    fmpz_clear(row->effective);
    if (row->poincare != NULL)
        flint_free(row->poincare);
    if (row->betti != NULL)
        _fmpz_vec_clear(row->betti, row->betti_len);
    row->poincare = NULL;
    row->betti = NULL;
    row->betti_len = 0;
}

/* The Betti list b_0 .. b_deg is kept only when short: at most betti_terms nonzero terms and
   deg + 1 <= 64 betti_terms (longer lists are left to the factored Poincare polynomial). */
static void row_betti(rc_hset_family_row_t row, const rc_hset_t h, slong betti_terms)
{
    slong i, deg = rc_hset_poincare_degree(h), nonzero = 0;
    fmpz_t b;
    row->betti_shown = 1;
    if (deg < 0)
        return;
    if (deg + 1 > 64 * betti_terms)
    {
        row->betti_shown = 0;
        return;
    }
    fmpz_init(b);
    for (i = 0; i <= deg && nonzero <= betti_terms; i++)
    {
        rc_hset_betti(b, h, i);
        nonzero += !fmpz_is_zero(b);
    }
    fmpz_clear(b);
    if (nonzero > betti_terms)
    {
        row->betti_shown = 0;
        return;
    }
    row->betti_len = deg + 1;
    row->betti = _fmpz_vec_init(row->betti_len);
    for (i = 0; i <= deg; i++)
        rc_hset_betti(row->betti + i, h, i);
}

void rc_hset_family_row_set(rc_hset_family_row_t row, slong dim_in, slong dim_out, slong negative,
                            slong zero, slong positive, slong betti_terms)
{
    slong l = negative + zero + positive, k;
    int * sgn = flint_malloc(sizeof(int) * (size_t) FLINT_MAX(l, 1));
    rc_hset_t h;
    rc_hset_family_row_clear(row);
    rc_hset_family_row_init(row);
    row->dim_in = dim_in;
    row->dim_out = dim_out;
    row->hidden = l;
    row->negative = negative;
    row->zero = zero;
    row->positive = positive;
    for (k = 0; k < l; k++)
        sgn[k] = k < negative ? -1 : (k < negative + zero ? 0 : 1);
    rc_hset_init(h, l, dim_in, dim_out);
    rc_hset_set_signs(h, sgn);
    rc_hset_num_components(row->components, h);
    rc_sym_num_effective(row->effective, h);
    row->poincare = rc_hset_poincare_get_str(h);
    row_betti(row, h, betti_terms);
    rc_hset_clear(h);
    flint_free(sgn);
}
