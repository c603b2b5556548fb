/* The regions certificate: generated for random networks (both paths, with and without a
   box) it is accepted with the same totals; each of these breaks makes it rejected, exactly:
   a region left out (counts adjusted), a facet point moved off its hyperplane, a facet left
   out (counts adjusted), a Farkas multiplier doubled, two equal patterns, an interior point
   moved onto a facet, a wrong claim. */
#include <stdio.h>
#include "regions_test.h"

static int check_res(const rc_regions_t res, const rc_mlp_t m, slong * nr, slong * nf)
{
    char * buf = NULL;
    size_t len = 0;
    FILE * f = open_memstream(&buf, &len);
    rc_err_t err;
    int r;
    { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_regions_cert_write(w, res, m); }
    fclose(f);
    r = rc_regions_cert_check_buf(nr, nf, buf, len, "cert", err);
    free(buf);
    return r;
}

static void drop_region(rc_regions_t res, slong i)
{
    rc_region_struct * r = res->regions + i;
    res->hist[r->num_facets]--;
    res->facets_total -= r->num_facets;
    res->num_regions--;
    if (r->bounded) res->num_bounded--; else res->num_unbounded--;
    rc_region_clear(r, res->d, res->e);
    res->regions[i] = res->regions[res->num_kept - 1];
    res->num_kept--;
}

static void test_accept_and_break(void)
{
    flint_rand_t st;
    slong it;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(30); it++)
    {
        slong d = 2 + (slong) n_randint(st, 2), w[4] = { d, 1 + (slong) n_randint(st, 4), 1 + (slong) n_randint(st, 3), 1 };
        slong nr, nf, i;
        int flags = RC_REGIONS_CERT | (n_randint(st, 2) ? RC_REGIONS_NO_FAST2 : 0), use_box = (int) n_randint(st, 3) != 0;
        rc_mlp_t m;
        rc_regions_t res;
        rc_err_t err;
        fmpq * box = rt_box(d, -2, 2, 1);
        rt_mlp_rand(m, st, 3, w, 2, 0);
        if (it % 3 == 1)
            fmpq_set_si(m->leak, 1, 10);
        rc_regions_init(res);
        CU_ASSERT_FATAL(rc_regions_compute(res, m, use_box ? box : NULL, flags, 0, err) == RC_OK);
        CU_ASSERT(check_res(res, m, &nr, &nf) == RC_OK);
        CU_ASSERT(nr == res->num_regions && nf == res->facets_total);
        /* a Farkas multiplier doubled */
        for (i = 0; i < res->num_kept; i++)
            if (res->regions[i].num_red > 0 && res->regions[i].red[0].len > 0)
            {
                fmpq_mul_2exp(res->regions[i].red[0].u, res->regions[i].red[0].u, 1);
                CU_ASSERT(check_res(res, m, &nr, &nf) != RC_OK);
                fmpq_div_2exp(res->regions[i].red[0].u, res->regions[i].red[0].u, 1);
                break;
            }
        /* a facet point moved halfway to the interior point (off its hyperplane) */
        {
            fmpq * save = _fmpq_vec_init(d), * q = res->regions[0].facets[0].point;
            _rc_qv_set(save, q, d);
            for (i = 0; i < d; i++)
            {
                fmpq_add(q + i, q + i, res->regions[0].point + i);
                fmpq_div_2exp(q + i, q + i, 1);
            }
            CU_ASSERT(check_res(res, m, &nr, &nf) != RC_OK);
            _rc_qv_set(q, save, d);
            _fmpq_vec_clear(save, d);
        }
        /* the interior point moved onto a facet */
        {
            fmpq * save = _fmpq_vec_init(d);
            _rc_qv_set(save, res->regions[0].point, d);
            _rc_qv_set(res->regions[0].point, res->regions[0].facets[0].point, d);
            CU_ASSERT(check_res(res, m, &nr, &nf) != RC_OK);
            _rc_qv_set(res->regions[0].point, save, d);
            _fmpq_vec_clear(save, d);
        }
        /* a wrong claim */
        res->num_regions++;
        CU_ASSERT(check_res(res, m, &nr, &nf) != RC_OK);
        res->num_regions--;
        CU_ASSERT(check_res(res, m, &nr, &nf) == RC_OK);
        if (res->num_kept >= 2)
        {
            /* equal patterns */
            unsigned char * save = flint_malloc(FLINT_MAX(res->H, 1));
            memcpy(save, res->regions[1].pattern, FLINT_MAX(res->H, 1));
            memcpy(res->regions[1].pattern, res->regions[0].pattern, FLINT_MAX(res->H, 1));
            CU_ASSERT(check_res(res, m, &nr, &nf) != RC_OK);
            memcpy(res->regions[1].pattern, save, FLINT_MAX(res->H, 1));
            flint_free(save);
            /* a facet left out */
            {
                rc_region_struct * r = res->regions + 1;
                res->hist[r->num_facets]--;
                res->hist[r->num_facets - 1]++;
                res->facets_total--;
                r->num_facets--;
                CU_ASSERT(check_res(res, m, &nr, &nf) != RC_OK);
                r->num_facets++;
                res->hist[r->num_facets]++;
                res->hist[r->num_facets - 1]--;
                res->facets_total++;
            }
            /* a region left out */
            drop_region(res, (slong) n_randint(st, (ulong) res->num_kept));
            CU_ASSERT(check_res(res, m, &nr, &nf) != RC_OK);
        }
        rc_regions_clear(res);
        rc_mlp_clear(m);
        _fmpq_vec_clear(box, 2 * d);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("regions-cert", RC_CASE(test_accept_and_break))
