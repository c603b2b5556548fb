/* rc_net_write_json: written networks read back to identical exact values. */
#include "io_test.h"

static void test_roundtrip(void)
{
    flint_rand_t st;
    slong it, k;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(200); it++)
    {
        slong d = 1 + (slong) n_randint(st, 4), l = 1 + (slong) n_randint(st, 5), e = 1 + (slong) n_randint(st, 3);
        int b1 = (int) n_randint(st, 2), b2 = (int) n_randint(st, 2);
        rc_net_t a, b;
        rc_err_t err;
        char * out = NULL;
        size_t len = 0;
        FILE * f;
        CU_ASSERT_FATAL(rc_net_init(a, d, l, e, b1, b2, err) == RC_OK);
        for (k = 0; k < l * d; k++) fmpq_randtest(a->W1 + k, st, 200);
        for (k = 0; b1 && k < l; k++) fmpq_randtest(a->b1 + k, st, 200);
        for (k = 0; k < e * l; k++) fmpq_randtest(a->W2 + k, st, 200);
        for (k = 0; b2 && k < e; k++) fmpq_randtest(a->b2 + k, st, 200);
        if (n_randint(st, 2))
        {
            /* a random slope in [0, 1): p / (p + q) with p >= 0, q > 0 */
            ulong p = n_randint(st, 1000), q = 1 + n_randint(st, 1000);
            fmpq_set_si(a->leak, (slong) p, p + q);
        }
        f = open_memstream(&out, &len);
        { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_net_write_json(w, a); }
        fclose(f);
        CU_ASSERT_FATAL(rc_net_read_json_buf(b, out, len, "w.json", err) == RC_OK);
        CU_ASSERT(b->d == d && b->l == l && b->e == e && b->has_b1 == b1 && b->has_b2 == b2);
        CU_ASSERT(fmpq_equal(a->leak, b->leak));
        for (k = 0; k < l * d; k++) CU_ASSERT(fmpq_equal(a->W1 + k, b->W1 + k));
        for (k = 0; b1 && k < l; k++) CU_ASSERT(fmpq_equal(a->b1 + k, b->b1 + k));
        for (k = 0; k < e * l; k++) CU_ASSERT(fmpq_equal(a->W2 + k, b->W2 + k));
        for (k = 0; b2 && k < e; k++) CU_ASSERT(fmpq_equal(a->b2 + k, b->b2 + k));
        /* the text says the format */
        CU_ASSERT(strstr(out, "\"format\": \"relucert.network/1\"") != NULL);
        free(out);
        rc_net_clear(a);
        rc_net_clear(b);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("io/net_write_json", RC_CASE(test_roundtrip))
