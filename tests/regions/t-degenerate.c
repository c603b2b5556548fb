/* Degenerate arrangements, counted by hand: three lines through one point (6 regions, not 7),
   duplicate and negatively repeated neurons, dead neurons (zero row with zero, negative or
   positive bias), no biases (n distinct lines through 0: 2n regions), a neuron on a box side,
   a neuron through a box corner, exact float32 values, and a second layer that vanishes
   identically on a region (it does not split it). */
#include "regions_test.h"

static slong count(const rc_mlp_t m, const fmpq * box, int flags, slong * facets)
{
    rc_regions_t res;
    rc_err_t err;
    slong r;
    rc_regions_init(res);
    if (rc_regions_compute(res, m, box, flags, 0, err) != RC_OK)
    {
        rc_regions_clear(res);
        return -1;
    }
    r = res->num_regions;
    if (facets != NULL)
        *facets = res->facets_total;
    rc_regions_clear(res);
    return r;
}

/* both paths in 2-D box mode must agree */
static slong count2(const rc_mlp_t m, const fmpq * box, slong * facets)
{
    slong f1 = 0, f2 = 0, a = count(m, box, 0, &f1), b = count(m, box, RC_REGIONS_NO_FAST2, &f2);
    CU_ASSERT(a == b);
    CU_ASSERT(f1 == f2);
    if (facets) *facets = f1;
    return a;
}

static void test_three_lines(void)
{
    slong w[3] = { 2, 3, 1 }, f;
    int hb[2] = { 1, 0 };
    /* x = 1, y = 1, x + y = 2 all through (1, 1) */
    slong v[] = { 1, 0, 0, 1, 1, 1,  -1, -1, -2,  1, 1, 1 };
    rc_mlp_t m;
    fmpq * box = rt_box(2, -3, 3, 1);
    rt_mlp_from(m, 2, w, hb, v, 1);
    CU_ASSERT(count(m, NULL, 0, &f) == 6);
    CU_ASSERT(f == 12);
    CU_ASSERT(count2(m, box, NULL) == 6);
    rc_mlp_clear(m);
    _fmpq_vec_clear(box, 4);
}

static void test_duplicates(void)
{
    slong w[3] = { 2, 4, 1 }, f;
    int hb[2] = { 1, 1 };
    /* x + y - 1, 2x + 2y - 2 (same), -x - y + 1 (same line, other side), x - y */
    slong v[] = { 1, 1, 2, 2, -1, -1, 1, -1,  -1, -2, 1, 0,  1, 1, 1, 1, 0 };
    rc_mlp_t m;
    fmpq * box = rt_box(2, -2, 2, 1);
    rt_mlp_from(m, 2, w, hb, v, 1);
    CU_ASSERT(count(m, NULL, 0, &f) == 4);
    CU_ASSERT(f == 8);
    CU_ASSERT(count2(m, box, NULL) == 4);
    rc_mlp_clear(m);
    _fmpq_vec_clear(box, 4);
}

static void test_dead_and_zero_rows(void)
{
    slong w[3] = { 2, 4, 1 };
    int hb[2] = { 1, 1 };
    /* rows: (0,0) b 0 (identically 0), (0,0) b -1 (dead), (0,0) b 1 (constant on), x b 0 */
    slong v[] = { 0, 0, 0, 0, 0, 0, 1, 0,  0, -1, 1, 0,  1, 1, 1, 1, 0 };
    rc_mlp_t m;
    rc_regions_t res;
    rc_err_t err;
    fmpq * box = rt_box(2, -1, 1, 1);
    slong i;
    rt_mlp_from(m, 2, w, hb, v, 1);
    CU_ASSERT(count(m, NULL, 0, NULL) == 2);
    CU_ASSERT(count2(m, box, NULL) == 2);
    rc_regions_init(res);
    CU_ASSERT_FATAL(rc_regions_compute(res, m, box, RC_REGIONS_KEEP, 0, err) == RC_OK);
    for (i = 0; i < res->num_kept; i++)
    {
        CU_ASSERT(res->regions[i].pattern[0] == 0);
        CU_ASSERT(res->regions[i].pattern[1] == 0);
        CU_ASSERT(res->regions[i].pattern[2] == 1);
    }
    rc_regions_clear(res);
    rc_mlp_clear(m);
    _fmpq_vec_clear(box, 4);
}

static void test_central(void)
{
    slong n, k;
    for (n = 1; n <= 6; n++)
    {
        slong w[3] = { 2, n, 1 }, f;
        int hb[2] = { 0, 0 };
        slong * v = flint_malloc((2 * n + n) * sizeof(slong));
        rc_mlp_t m;
        fmpq * box = rt_box(2, -1, 1, 1);
        for (k = 0; k < n; k++)
        {
            v[2 * k] = k + 1;           /* distinct directions (k+1, 2k - 3) */
            v[2 * k + 1] = 2 * k - 3;
            v[2 * n + k] = 1;
        }
        rt_mlp_from(m, 2, w, hb, v, 1);
        CU_ASSERT(count(m, NULL, 0, &f) == 2 * n);
        CU_ASSERT(f == (n == 1 ? 2 : 4 * n));   /* a single line: two half-planes, 1 facet each */
        CU_ASSERT(count2(m, box, NULL) == 2 * n);
        rc_mlp_clear(m);
        _fmpq_vec_clear(box, 4);
        flint_free(v);
    }
}

static void test_box_sides(void)
{
    slong w[3] = { 2, 3, 1 }, f;
    int hb[2] = { 1, 0 };
    /* x - 1 (on the side x = 1 of [-1,1]^2), x + y - 2 (through the corner (1,1)), x + y */
    slong v[] = { 1, 0, 1, 1, 1, 1,  -1, -2, 0,  1, 1, 1 };
    rc_mlp_t m;
    fmpq * box = rt_box(2, -1, 1, 1);
    rt_mlp_from(m, 2, w, hb, v, 1);
    CU_ASSERT(count2(m, box, &f) == 2);
    CU_ASSERT(f == 6);                 /* x + y = 0 cuts the square into two triangles */
    rc_mlp_clear(m);
    _fmpq_vec_clear(box, 4);
}

/* float32 weights at their exact values: 0.1f = 13421773 / 2^27 (not 1/10). */
static void test_float32(void)
{
    slong w[3] = { 1, 2, 1 };
    int hb[2] = { 1, 0 };
    rc_mlp_t m;
    rc_err_t err;
    slong v[] = { 0, 0, 0, 0, 1, 1 };
    fmpq * box = rt_box(1, -1, 1, 1);
    rt_mlp_from(m, 2, w, hb, v, 1);
    (void) err;
    /* z1 = 10 x - 1 (threshold 1/10), z2 = 0.1f^-1... use x - 0.1f: thresholds 1/10 and
       13421773/2^27 differ, so 3 regions; with 1/10 twice, 2 */
    fmpq_set_si(m->W[0] + 0, 10, 1);
    fmpq_set_si(m->b[0] + 0, -1, 1);
    fmpq_set_si(m->W[0] + 1, 1, 1);
    fmpq_set_si(m->b[0] + 1, -13421773, 1);
    fmpz_mul_2exp(fmpq_denref(m->b[0] + 1), fmpq_denref(m->b[0] + 1), 27);
    CU_ASSERT(count(m, box, 0, NULL) == 3);
    fmpq_set_si(m->b[0] + 1, -1, 10);
    CU_ASSERT(count(m, box, 0, NULL) == 2);
    rc_mlp_clear(m);
    _fmpq_vec_clear(box, 2);
}

/* Second layer z = relu(x) - relu(x) ... = h1 - h2 with h1 = h2 = relu(x): identically 0 on
   every region: it must not split (2 regions), and its bit is 0. */
static void test_vanishing_second_layer(void)
{
    slong w[4] = { 1, 2, 1, 1 };
    int hb[3] = { 1, 1, 0 };
    slong v[] = { 1, 1, 0, 0,  1, -1, 0,  1 };
    rc_mlp_t m;
    rc_regions_t res;
    rc_err_t err;
    slong i;
    fmpq * box = rt_box(1, -1, 1, 1);
    rt_mlp_from(m, 3, w, hb, v, 1);
    rc_regions_init(res);
    CU_ASSERT_FATAL(rc_regions_compute(res, m, NULL, RC_REGIONS_KEEP, 0, err) == RC_OK);
    CU_ASSERT(res->num_regions == 2);
    for (i = 0; i < res->num_kept; i++)
        CU_ASSERT(res->regions[i].pattern[2] == 0);
    rc_regions_clear(res);
    CU_ASSERT(count(m, box, 0, NULL) == 2);
    rc_mlp_clear(m);
    _fmpq_vec_clear(box, 2);
}

RC_TEST_MAIN("regions-degenerate", RC_CASE(test_three_lines), RC_CASE(test_duplicates),
             RC_CASE(test_dead_and_zero_rows), RC_CASE(test_central), RC_CASE(test_box_sides),
             RC_CASE(test_float32), RC_CASE(test_vanishing_second_layer))
