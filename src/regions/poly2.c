/* Exact convex polygons in the plane: clipping by a half-plane and the shoelace area.
   A polygon is its vertex list (x_0, y_0, x_1, y_1, ...), counter-clockwise. */
#include "internal.h"

/* Clips v (nv vertices) by row(x) >= 0 into out (capacity nv + 1 vertices); returns the new
   vertex count.  Vertices with row = 0 are kept; an edge with a strict sign change gets its
   exact crossing point a + t (b - a), t = g(a) / (g(a) - g(b)). */
static slong clip(fmpq * out, const fmpq * v, slong nv, const fmpq * row)
{
    slong i, no = 0;
    fmpq_t ga, gb, t, s;
    fmpq_init(ga); fmpq_init(gb); fmpq_init(t); fmpq_init(s);
    for (i = 0; i < nv; i++)
    {
        const fmpq * a = v + 2 * i, * b = v + 2 * ((i + 1) % nv);
        int sa, sb;
        rc_lp_row_eval(ga, row, a, 2);
        rc_lp_row_eval(gb, row, b, 2);
        sa = fmpq_sgn(ga);
        sb = fmpq_sgn(gb);
        if (sa >= 0)
        {
            _rc_qv_set(out + 2 * no, a, 2);
            no++;
        }
        if ((sa > 0 && sb < 0) || (sa < 0 && sb > 0))
        {
            fmpq_sub(t, ga, gb);
            fmpq_div(t, ga, t);
            fmpq_sub(s, b + 0, a + 0);
            fmpq_mul(s, s, t);
            fmpq_add(out + 2 * no, a + 0, s);
            fmpq_sub(s, b + 1, a + 1);
            fmpq_mul(s, s, t);
            fmpq_add(out + 2 * no + 1, a + 1, s);
            no++;
        }
    }
    fmpq_clear(ga); fmpq_clear(gb); fmpq_clear(t); fmpq_clear(s);
    return no;
}

slong _rc_poly2_clip_box(fmpq ** verts, const fmpq * box, const fmpq * rows, slong m)
{
    slong cap = 4 + m + 1, nv = 4, i;
    fmpq * v = _fmpq_vec_init(2 * cap), * w = _fmpq_vec_init(2 * cap);
    /* box corners counter-clockwise */
    fmpq_set(v + 0, box + 0); fmpq_set(v + 1, box + 2);
    fmpq_set(v + 2, box + 1); fmpq_set(v + 3, box + 2);
    fmpq_set(v + 4, box + 1); fmpq_set(v + 5, box + 3);
    fmpq_set(v + 6, box + 0); fmpq_set(v + 7, box + 3);
    for (i = 0; i < m && nv > 0; i++)
    {
        nv = clip(w, v, nv, rows + 3 * i);
        _rc_qv_swap(v, w, 2 * cap);
    }
    _fmpq_vec_clear(w, 2 * cap);
    /* the clipped list can hold repeated vertices only for degenerate (empty) results */
    if (nv > 0)
    {
        *verts = _fmpq_vec_init(2 * nv);
        _rc_qv_set(*verts, v, 2 * nv);
    }
    else
        *verts = NULL;
    _fmpq_vec_clear(v, 2 * cap);
    return nv;
}

/* Twice the signed area: sum_i (x_i y_{i+1} - x_{i+1} y_i); area = half of it. */
void _rc_poly2_area(fmpq_t area, const fmpq * v, slong nv)
{
    slong i;
    fmpq_zero(area);
    for (i = 0; i < nv; i++)
    {
        const fmpq * a = v + 2 * i, * b = v + 2 * ((i + 1) % nv);
        fmpq_addmul(area, a + 0, b + 1);
        fmpq_submul(area, b + 0, a + 1);
    }
    fmpq_div_2exp(area, area, 1);
}
