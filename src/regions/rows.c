/* Constraint rows (a, b) meaning a.x + b >= 0. */
#include "internal.h"

void _rc_regions_signed_row(fmpq * row, const fmpq * g, int s, slong d)
{
    if (s)
        _rc_qv_set(row, g, d + 1);
    else
        _rc_qv_neg(row, g, d + 1);
}

void _rc_regions_box_row(fmpq * row, const fmpq * box, slong k, slong d)
{
    slong i = k / 2;
    _rc_qv_zero(row, d + 1);
    if (k % 2 == 0)
    {
        fmpq_one(row + i);
        fmpq_neg(row + d, box + 2 * i);
    }
    else
    {
        fmpq_set_si(row + i, -1, 1);
        fmpq_set(row + d, box + 2 * i + 1);
    }
}

int _rc_regions_is_const(const fmpq * g, slong d)
{
    slong i;
    for (i = 0; i < d; i++)
        if (!fmpq_is_zero(g + i))
            return 0;
    return 1;
}

int _rc_regions_const_bit(const fmpq * g, slong d)
{
    return fmpq_sgn(g + d) > 0;
}

/* r2 = t r1 with t > 0: pick the first nonzero entry of r1 for t, compare all entries. */
int _rc_rows_pos_multiple(const fmpq * r1, const fmpq * r2, slong d)
{
    slong i, k = -1;
    fmpq_t t, v;
    int ok = 1;
    for (i = 0; i <= d && k < 0; i++)
        if (!fmpq_is_zero(r1 + i))
            k = i;
    if (k < 0)
        return _rc_qv_is_zero(r2, d + 1);
    fmpq_init(t);
    fmpq_init(v);
    fmpq_div(t, r2 + k, r1 + k);
    if (fmpq_sgn(t) <= 0)
        ok = 0;
    for (i = 0; ok && i <= d; i++)
    {
        fmpq_mul(v, t, r1 + i);
        ok = fmpq_equal(v, r2 + i);
    }
    fmpq_clear(t);
    fmpq_clear(v);
    return ok;
}
