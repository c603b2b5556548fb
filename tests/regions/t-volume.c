/* Exact region volumes in box mode for d >= 3 (src/regions/volume.c).
   Closed forms: the plane x + y + z = 1 cuts [0,1]^3 into 1/6 and 5/6 and [-1,1]^3 (through
   three box vertices) into 4/3 and 20/3; the planes x_i = x_j (all pairs, through a common
   diagonal) cut [0,1]^d into d! regions of 1/d! each (d = 3, 4).  The polytope routine alone:
   cubes, simplices with repeated and redundant rows, cross-polytopes (4 facets at every vertex
   in R^3), a square pyramid, a lower-dimensional set (refused).  Random deep networks in
   R^3 and R^4: every region has a positive volume and they sum EXACTLY to the box's.  A second
   method: in R^2 the routine agrees with the shoelace areas of the polygon path; in R^3 and
   R^4 (one hidden layer) it gives the same volume from all rows, redundant ones included, as
   the enumeration reports from the irredundant facets.  Over the work limit (R^11): no volume,
   no total. */
#include "regions_test.h"

int _rc_regions_volume(fmpq_t vol, const fmpq * rows, slong m, slong d);

/* rows of the box [lo, hi]^d over den (2d rows x (d+1)), into R */
static void box_rows(fmpq * R, slong d, slong lo, slong hi, slong den)
{
    slong i;
    for (i = 0; i < d; i++)
    {
        fmpq_set_si(R + (2 * i) * (d + 1) + i, 1, 1);
        fmpq_set_si(R + (2 * i) * (d + 1) + d, -lo, den);
        fmpq_set_si(R + (2 * i + 1) * (d + 1) + i, -1, 1);
        fmpq_set_si(R + (2 * i + 1) * (d + 1) + d, hi, den);
    }
}

static void check_vol(const fmpq * R, slong m, slong d, slong p, ulong q)
{
    fmpq_t v, w;
    fmpq_init(v); fmpq_init(w);
    CU_ASSERT_FATAL(_rc_regions_volume(v, R, m, d) == 1);
    fmpq_set_si(w, p, q);
    CU_ASSERT(fmpq_equal(v, w));
    if (!fmpq_equal(v, w))
    {
        printf("\nd = %ld m = %ld: got ", (long) d, (long) m);
        fmpq_print(v);
        printf(", want %ld/%lu\n", (long) p, (unsigned long) q);
    }
    fmpq_clear(v); fmpq_clear(w);
}

static void test_polytopes(void)
{
    slong d, i, s, t;
    fmpq * R;
    fmpq_t v;
    fmpq_init(v);
    /* cubes [0,1]^d (d = 1..5) and [-1,2]^4 */
    for (d = 1; d <= 5; d++)
    {
        R = _fmpq_vec_init(2 * d * (d + 1));
        box_rows(R, d, 0, 1, 1);
        check_vol(R, 2 * d, d, 1, 1);
        _fmpq_vec_clear(R, 2 * d * (d + 1));
    }
    R = _fmpq_vec_init(8 * 5);
    box_rows(R, 4, -1, 2, 1);
    check_vol(R, 8, 4, 81, 1);
    _fmpq_vec_clear(R, 8 * 5);
    /* simplex x, y, z >= 0, x + y + z <= 1, each row twice (scaled), plus the redundant
       x + y <= 1 (tight on an edge) and x <= 1 (tight at a vertex) and x + 2 >= 0 */
    {
        slong rows[][4] = { {1,0,0,0}, {0,1,0,0}, {0,0,1,0}, {-1,-1,-1,1},
                            {2,0,0,0}, {0,3,0,0}, {0,0,5,0}, {-2,-2,-2,2},
                            {-1,-1,0,1}, {-1,0,0,1}, {1,0,0,2} };
        R = _fmpq_vec_init(11 * 4);
        for (i = 0; i < 11; i++)
            for (t = 0; t < 4; t++)
                fmpq_set_si(R + 4 * i + t, rows[i][t], 1);
        check_vol(R, 4, 3, 1, 6);
        check_vol(R, 11, 3, 1, 6);
        _fmpq_vec_clear(R, 11 * 4);
    }
    /* cross-polytopes sum |x_i| <= 1: 2^d rows; volume 2^d / d! */
    for (d = 2; d <= 4; d++)
    {
        slong m = WORD(1) << d;
        R = _fmpq_vec_init(m * (d + 1));
        for (s = 0; s < m; s++)
        {
            for (i = 0; i < d; i++)
                fmpq_set_si(R + s * (d + 1) + i, (s >> i) & 1 ? 1 : -1, 1);
            fmpq_set_si(R + s * (d + 1) + d, 1, 1);
        }
        check_vol(R, m, d, m, d == 2 ? 2 : d == 3 ? 6 : 24);
        _fmpq_vec_clear(R, m * (d + 1));
    }
    /* square pyramid: base [0,1]^2 at z = 0, apex (1/2, 1/2, 1): z >= 0, z <= 2x, z <= 2y,
       z <= 2 - 2x, z <= 2 - 2y (four facets at the apex); volume 1/3 */
    {
        slong rows[][4] = { {0,0,1,0}, {2,0,-1,0}, {0,2,-1,0}, {-2,0,-1,2}, {0,-2,-1,2} };
        R = _fmpq_vec_init(5 * 4);
        for (i = 0; i < 5; i++)
            for (t = 0; t < 4; t++)
                fmpq_set_si(R + 4 * i + t, rows[i][t], 1);
        check_vol(R, 5, 3, 1, 3);
        /* flattened to z <= 0 as well: lower-dimensional, no volume */
        _fmpq_vec_clear(R, 5 * 4);
        R = _fmpq_vec_init(6 * 4);
        for (i = 0; i < 5; i++)
            for (t = 0; t < 4; t++)
                fmpq_set_si(R + 4 * i + t, rows[i][t], 1);
        fmpq_set_si(R + 4 * 5 + 2, -1, 1);
        CU_ASSERT(_rc_regions_volume(v, R, 6, 3) == 0);
        _fmpq_vec_clear(R, 6 * 4);
    }
    fmpq_clear(v);
}

/* regions of m in box; every region has a volume; returns them summed in tot */
static void run(rc_regions_t res, const rc_mlp_t m, const fmpq * box, int flags)
{
    rc_err_t err;
    slong i;
    fmpq_t tot;
    fmpq_init(tot);
    CU_ASSERT_FATAL(rc_regions_compute(res, m, box, flags, 0, err) == RC_OK);
    CU_ASSERT(res->has_volume);
    for (i = 0; i < res->num_kept; i++)
    {
        CU_ASSERT(res->regions[i].has_volume);
        CU_ASSERT(fmpq_sgn(res->regions[i].volume) > 0);
        fmpq_add(tot, tot, res->regions[i].volume);
    }
    CU_ASSERT(fmpq_equal(tot, res->volume_total));
    fmpq_clear(tot);
}

static void box_volume(fmpq_t v, const fmpq * box, slong d)
{
    slong i;
    fmpq_t t;
    fmpq_init(t);
    fmpq_one(v);
    for (i = 0; i < d; i++)
    {
        fmpq_sub(t, box + 2 * i + 1, box + 2 * i);
        fmpq_mul(v, v, t);
    }
    fmpq_clear(t);
}

static void test_closed_forms(void)
{
    rc_regions_t res;
    rc_mlp_t m;
    fmpq_t a, b;
    slong w[3] = { 3, 1, 1 }, i, d;
    int hb[2] = { 1, 0 };
    slong v[] = { 1, 1, 1, -1, 1 };
    fmpq * box = rt_box(3, 0, 1, 1), * box2 = rt_box(3, -1, 1, 1);
    fmpq_init(a); fmpq_init(b);
    rt_mlp_from(m, 2, w, hb, v, 1);
    /* [0,1]^3: x + y + z > 1 (pattern 1) has 5/6 */
    rc_regions_init(res);
    run(res, m, box, RC_REGIONS_KEEP);
    CU_ASSERT_FATAL(res->num_regions == 2);
    for (i = 0; i < 2; i++)
    {
        fmpq_set_si(a, res->regions[i].pattern[0] ? 5 : 1, 6);
        CU_ASSERT(fmpq_equal(a, res->regions[i].volume));
    }
    fmpq_one(a);
    CU_ASSERT(fmpq_equal(a, res->volume_total));
    rc_regions_clear(res);
    /* [-1,1]^3: the plane passes through the vertices (1,1,-1), (1,-1,1), (-1,1,1) */
    rc_regions_init(res);
    run(res, m, box2, RC_REGIONS_KEEP | RC_REGIONS_CERT);
    CU_ASSERT_FATAL(res->num_regions == 2);
    for (i = 0; i < 2; i++)
    {
        fmpq_set_si(a, res->regions[i].pattern[0] ? 4 : 20, 3);
        CU_ASSERT(fmpq_equal(a, res->regions[i].volume));
    }
    rc_regions_clear(res);
    rc_mlp_clear(m);
    /* x_i - x_j for all pairs i < j, no biases: d! regions (orderings), 1/d! each */
    for (d = 3; d <= 4; d++)
    {
        slong n = d * (d - 1) / 2, p, q, t = 0, ww[3], * vals = flint_calloc(n * d + n, sizeof(slong));
        fmpq * bx = rt_box(d, 0, 1, 1);
        int hb0[2] = { 0, 0 };
        ww[0] = d; ww[1] = n; ww[2] = 1;
        for (p = 0; p < d; p++)
            for (q = p + 1; q < d; q++, t++)
            {
                vals[t * d + p] = 1;
                vals[t * d + q] = -1;
            }
        for (t = 0; t < n; t++)
            vals[n * d + t] = 1;
        rt_mlp_from(m, 2, ww, hb0, vals, 1);
        rc_regions_init(res);
        run(res, m, bx, RC_REGIONS_KEEP);
        CU_ASSERT(res->num_regions == (d == 3 ? 6 : 24));
        fmpq_set_si(b, 1, d == 3 ? 6 : 24);
        for (i = 0; i < res->num_kept; i++)
            CU_ASSERT(fmpq_equal(b, res->regions[i].volume));
        fmpq_one(b);
        CU_ASSERT(fmpq_equal(b, res->volume_total));
        rc_regions_clear(res);
        rc_mlp_clear(m);
        flint_free(vals);
        _fmpq_vec_clear(bx, 2 * d);
    }
    fmpq_clear(a); fmpq_clear(b);
    _fmpq_vec_clear(box, 6);
    _fmpq_vec_clear(box2, 6);
}

/* random deep networks in R^3 and R^4: volumes sum exactly to the box's */
static void test_random_deep(void)
{
    flint_rand_t st;
    slong it, iters = RC_TEST_ITER(6);
    fmpq_t bv;
    RC_RAND_INIT(st);
    fmpq_init(bv);
    for (it = 0; it < iters; it++)
    {
        slong d = 3 + it % 2, w[4], n = 3;
        rc_regions_t res;
        rc_mlp_t m;
        fmpq * box = rt_box(d, -1 - (slong) (it % 3), 2, 2);
        w[0] = d;
        w[1] = d == 3 ? 6 : 4;
        w[2] = d == 3 ? 5 : 4;
        w[3] = 1;
        rt_mlp_rand(m, st, n, w, 2, it % 3 == 2 ? 6 : 0);   /* small integers: degenerate */
        if (it % 2)
            fmpq_set_si(m->leak, 1, 10);
        rc_regions_init(res);
        run(res, m, box, RC_REGIONS_KEEP);
        box_volume(bv, box, d);
        CU_ASSERT(fmpq_equal(bv, res->volume_total));
        rc_regions_clear(res);
        rc_mlp_clear(m);
        _fmpq_vec_clear(box, 2 * d);
    }
    fmpq_clear(bv);
    flint_randclear(st);
}

/* One hidden layer: region rows rebuilt from the pattern (all neurons, redundant or not,
   and the box).  d = 2: equal to the polygon path's shoelace area; d = 3, 4: equal to the
   volume the enumeration computed from the facets only. */
static void test_second_method(void)
{
    flint_rand_t st;
    slong it, iters = RC_TEST_ITER(9);
    fmpq_t v;
    RC_RAND_INIT(st);
    fmpq_init(v);
    for (it = 0; it < iters; it++)
    {
        slong d = 2 + it % 3, h = 3 + d, w[3], i, j, k, mr = h + 2 * d;
        rc_regions_t res;
        rc_mlp_t m;
        fmpq * box = rt_box(d, -1, 1, 1), * R = _fmpq_vec_init(mr * (d + 1));
        w[0] = d; w[1] = h; w[2] = 1;
        rt_mlp_rand(m, st, 2, w, 2, it % 2 ? 5 : 0);
        rc_regions_init(res);
        run(res, m, box, RC_REGIONS_KEEP);
        CU_ASSERT(res->fast2 == (d == 2));
        for (i = 0; i < res->num_kept; i++)
        {
            const rc_region_struct * r = res->regions + i;
            _rc_qv_zero(R, mr * (d + 1));
            for (j = 0; j < h; j++)
            {
                for (k = 0; k < d; k++)
                    fmpq_set(R + j * (d + 1) + k, m->W[0] + j * d + k);
                fmpq_set(R + j * (d + 1) + d, m->b[0] + j);
                if (!r->pattern[j])
                    _rc_qv_neg(R + j * (d + 1), R + j * (d + 1), d + 1);
            }
            box_rows(R + h * (d + 1), d, -1, 1, 1);
            CU_ASSERT_FATAL(_rc_regions_volume(v, R, mr, d) == 1);
            CU_ASSERT(fmpq_equal(v, r->volume));
        }
        rc_regions_clear(res);
        rc_mlp_clear(m);
        _fmpq_vec_clear(box, 2 * d);
        _fmpq_vec_clear(R, mr * (d + 1));
    }
    fmpq_clear(v);
    flint_randclear(st);
}

/* Over the work limit (R^11, a half cube: 23 facets per region, C(23, 11) > 4e5 subsets):
   no region gets a volume and the total is not claimed. */
static void test_refusal(void)
{
    slong d = 11, w[3] = { 11, 1, 1 }, i;
    int hb[2] = { 1, 0 };
    slong v[13];
    rc_regions_t res;
    rc_mlp_t m;
    rc_err_t err;
    fmpq * box = rt_box(d, 0, 1, 1);
    for (i = 0; i < d; i++)
        v[i] = 2;
    v[d] = -11;                               /* (2 sum x - 11) / 2 */
    v[d + 1] = 2;
    rt_mlp_from(m, 2, w, hb, v, 2);
    rc_regions_init(res);
    CU_ASSERT_FATAL(rc_regions_compute(res, m, box, RC_REGIONS_KEEP, 0, err) == RC_OK);
    CU_ASSERT(res->num_regions == 2);
    CU_ASSERT(res->has_volume == 0);
    for (i = 0; i < res->num_kept; i++)
    {
        CU_ASSERT(res->regions[i].num_facets == 23);
        CU_ASSERT(res->regions[i].has_volume == 0);
    }
    rc_regions_clear(res);
    rc_mlp_clear(m);
    _fmpq_vec_clear(box, 2 * d);
}

RC_TEST_MAIN("regions-volume", RC_CASE(test_polytopes), RC_CASE(test_closed_forms),
             RC_CASE(test_random_deep), RC_CASE(test_second_method), RC_CASE(test_refusal))
