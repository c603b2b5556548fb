/* Box mode on random deep networks with small integer weights (ties, concurrent lines and
   dead neurons are frequent): the polygon path and the LP path agree region by region (same
   patterns, facet counts, exact areas); the areas sum to the box's exactly; Euler's relation
   V - E + F = 1 holds for the planar subdivision; random rational points land in exactly one
   listed region, the one with their pattern, where f equals the region's affine map.  In
   R^3 the same point test and distinct patterns.  Every other network is leaky (a = 1/10, 1/5). */
#include "regions_test.h"


/* vertex set: distinct exact points of all polygons */
static slong add_vertex(fmpq * V, slong nv, const fmpq * p)
{
    slong i;
    for (i = 0; i < nv; i++)
        if (fmpq_equal(V + 2 * i, p) && fmpq_equal(V + 2 * i + 1, p + 1))
            return nv;
    fmpq_set(V + 2 * nv, p);
    fmpq_set(V + 2 * nv + 1, p + 1);
    return nv + 1;
}

/* is q on the closed segment [a, b] (exact) */
static int on_segment(const fmpq * q, const fmpq * a, const fmpq * b)
{
    fmpq_t c, t;
    int r;
    fmpq_init(c); fmpq_init(t);
    fmpq_sub(c, b + 0, a + 0);
    fmpq_sub(t, q + 1, a + 1);
    fmpq_mul(c, c, t);
    fmpq_sub(t, b + 1, a + 1);
    fmpq_submul(c, t, q + 0);
    fmpq_addmul(c, t, a + 0);
    r = fmpq_is_zero(c)
        && fmpq_cmp(q + 0, fmpq_cmp(a + 0, b + 0) < 0 ? a + 0 : b + 0) >= 0
        && fmpq_cmp(q + 0, fmpq_cmp(a + 0, b + 0) < 0 ? b + 0 : a + 0) <= 0
        && fmpq_cmp(q + 1, fmpq_cmp(a + 1, b + 1) < 0 ? a + 1 : b + 1) >= 0
        && fmpq_cmp(q + 1, fmpq_cmp(a + 1, b + 1) < 0 ? b + 1 : a + 1) <= 0;
    fmpq_clear(c); fmpq_clear(t);
    return r;
}

static void check_euler(const rc_regions_t res)
{
    slong i, t, k, nv = 0, cap = 0, sum = 0, nb = 0;
    fmpq * V;
    for (i = 0; i < res->num_kept; i++)
        cap += res->regions[i].nverts;
    V = _fmpq_vec_init(2 * cap);
    for (i = 0; i < res->num_kept; i++)
        for (t = 0; t < res->regions[i].nverts; t++)
            nv = add_vertex(V, nv, res->regions[i].verts + 2 * t);
    /* boundary pieces of each polygon: the global vertices on its boundary */
    for (i = 0; i < res->num_kept; i++)
    {
        const rc_region_struct * r = res->regions + i;
        for (k = 0; k < nv; k++)
            for (t = 0; t < r->nverts; t++)
                if (on_segment(V + 2 * k, r->verts + 2 * t, r->verts + 2 * ((t + 1) % r->nverts))
                    && !(fmpq_equal(V + 2 * k, r->verts + 2 * ((t + 1) % r->nverts))
                         && fmpq_equal(V + 2 * k + 1, r->verts + 2 * ((t + 1) % r->nverts) + 1)))
                {
                    sum++;
                    break;
                }
    }
    for (k = 0; k < nv; k++)
        nb += fmpq_equal(V + 2 * k, res->box + 0) || fmpq_equal(V + 2 * k, res->box + 1)
              || fmpq_equal(V + 2 * k + 1, res->box + 2) || fmpq_equal(V + 2 * k + 1, res->box + 3);
    /* E = (sum + nb) / 2: interior edges seen twice, box edges once */
    CU_ASSERT((sum + nb) % 2 == 0);
    CU_ASSERT(nv - (sum + nb) / 2 + res->num_regions == 1);
    _fmpq_vec_clear(V, 2 * cap);
}

static void check_points(const rc_regions_t res, const rc_mlp_t m, flint_rand_t st, slong npts)
{
    slong d = res->d, i, k, c, e = res->e;
    fmpq * x = _fmpq_vec_init(d), * y = _fmpq_vec_init(e), * z = _fmpq_vec_init(e);
    unsigned char * pat = flint_malloc(FLINT_MAX(res->H, 1));
    for (i = 0; i < npts; i++)
    {
        slong idx;
        for (k = 0; k < d; k++)   /* uniform-ish rational in the box */
        {
            fmpq_t t;
            fmpq_init(t);
            fmpq_set_si(t, (slong) n_randint(st, 10007), 10007);
            fmpq_sub(x + k, res->box + 2 * k + 1, res->box + 2 * k);
            fmpq_mul(x + k, x + k, t);
            fmpq_add(x + k, x + k, res->box + 2 * k);
            fmpq_clear(t);
        }
        rc_regions_pattern(pat, m, x);
        idx = rt_find(res, pat, &c);
        /* a point on a hyperplane may have a pattern of no region (probability ~0 here) */
        CU_ASSERT(c == 1);
        if (idx >= 0)
        {
            const rc_region_struct * r = res->regions + idx;
            rc_mlp_eval_fmpq(y, NULL, m, x);
            for (k = 0; k < e; k++)
            {
                rc_lp_row_eval(z + k, r->fmap + k * (d + 1), x, d);
                CU_ASSERT(fmpq_equal(z + k, y + k));
            }
        }
    }
    /* distinct patterns */
    for (i = 0; i < res->num_kept; i++)
    {
        rt_find(res, res->regions[i].pattern, &c);
        CU_ASSERT(c == 1);
    }
    _fmpq_vec_clear(x, d);
    _fmpq_vec_clear(y, e);
    _fmpq_vec_clear(z, e);
    flint_free(pat);
}

static void test_plane(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(25); it++)
    {
        slong n = 2 + (slong) n_randint(st, 2), w[4], k, i, c;
        rc_mlp_t m;
        rc_regions_t a, b;
        rc_err_t err;
        fmpq * box = rt_box(2, -(slong) (1 + n_randint(st, 3)), 1 + (slong) n_randint(st, 3), 1);
        fmpq_t area;
        w[0] = 2;
        for (k = 1; k < n; k++)
            w[k] = 1 + (slong) n_randint(st, 5);
        w[n] = 1;
        rt_mlp_rand(m, st, n, w, 2, 0);
        if (it % 2)                          /* leaky ReLU, a = 1/10 */
            fmpq_set_si(m->leak, 1, 10);
        rc_regions_init(a);
        rc_regions_init(b);
        CU_ASSERT_FATAL(rc_regions_compute(a, m, box, RC_REGIONS_KEEP, 0, err) == RC_OK);
        CU_ASSERT_FATAL(rc_regions_compute(b, m, box, RC_REGIONS_KEEP | RC_REGIONS_NO_FAST2, 0, err) == RC_OK);
        CU_ASSERT(a->num_regions == b->num_regions);
        CU_ASSERT(a->facets_total == b->facets_total);
        for (i = 0; i < a->num_kept; i++)
        {
            slong j = rt_find(b, a->regions[i].pattern, &c);
            CU_ASSERT_FATAL(j >= 0 && c == 1);
            CU_ASSERT(a->regions[i].num_facets == b->regions[j].num_facets);
            CU_ASSERT(fmpq_equal(a->regions[i].volume, b->regions[j].volume));
            CU_ASSERT(fmpq_sgn(a->regions[i].volume) > 0);
        }
        fmpq_init(area);
        fmpq_sub(area, box + 1, box + 0);
        fmpq_mul(area, area, area);          /* square box */
        CU_ASSERT(fmpq_equal(area, a->volume_total));
        CU_ASSERT(fmpq_equal(area, b->volume_total));
        check_euler(a);
        check_points(a, m, st, 30);
        fmpq_clear(area);
        rc_regions_clear(a);
        rc_regions_clear(b);
        rc_mlp_clear(m);
        _fmpq_vec_clear(box, 4);
    }
    flint_randclear(st);
}

static void test_space(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(10); it++)
    {
        slong w[4] = { 3, 1 + (slong) n_randint(st, 4), 1 + (slong) n_randint(st, 3), 1 };
        rc_mlp_t m;
        rc_regions_t a;
        rc_err_t err;
        fmpq * box = rt_box(3, -1, 1, 1);
        rt_mlp_rand(m, st, 3, w, 2, 0);
        if (it % 2)
            fmpq_set_si(m->leak, 1, 5);
        rc_regions_init(a);
        CU_ASSERT_FATAL(rc_regions_compute(a, m, box, RC_REGIONS_KEEP, 0, err) == RC_OK);
        check_points(a, m, st, 30);
        rc_regions_clear(a);
        rc_mlp_clear(m);
        _fmpq_vec_clear(box, 6);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("regions-box", RC_CASE(test_plane), RC_CASE(test_space))
