/* rc_prob_result_write_text: the same bytes through a buffer and a stream; the certified report
   shows the certified digits and says "certified", the Monte Carlo one says NOT CERTIFIED and,
   only when Monte Carlo was not asked for, why; the law of #pathological up to l = 20. */
#include "rc_test.h"
#include "relucert/prob.h"
#include "prob_write_test.h"

static char * text(rc_prob_result_t res, rc_init_scheme s, slong d, slong l, int mc)
{
    rc_prob_opts_t o;
    rc_err_t err;
    char * out;
    size_t len;
    rc_prob_opts_init(o);
    o->monte_carlo = mc;
    o->samples = 5000;
    CU_ASSERT_FATAL(rc_prob_run(res, s, d, l, 1, 1, o, err) == RC_OK);
    RC_WRITE_BOTH(out, len, rc_prob_result_write_text, res);
    CU_ASSERT(len == strlen(out) && len > 0 && out[len - 1] == '\n');
    return out;
}

static void test_reports(void)
{
    rc_prob_result_t res;
    char * t;
    rc_prob_result_init(res);
    /* doc/prob.md: P(c_k < 0) = (2/pi) asin(sqrt(1/11)) = 0.19498222904213664516 */
    t = text(res, RC_INIT_KAIMING_NORMAL, 1, 10, 0);
    CU_ASSERT(strncmp(t, "kaiming-normal, d = 1, l = 10, e = 1, hidden bias (zero-initialised): d' = 2\n",
                      77) == 0);
    CU_ASSERT(strstr(t, "certified (incomplete-beta, 128 bits)") != NULL);
    CU_ASSERT(strstr(t, "0.19498222904213664516") != NULL);
    CU_ASSERT(strstr(t, "  k = 10") != NULL && strstr(t, "NOT CERTIFIED") == NULL);
    flint_free(t);
    t = text(res, RC_INIT_KAIMING_NORMAL, 1, 21, 0);   /* 22 values: law not printed */
    CU_ASSERT(strstr(t, "P(#pathological neurons = k)") == NULL);
    flint_free(t);
    t = text(res, RC_INIT_XAVIER_UNIFORM, 5, 5, 0);
    CU_ASSERT(strstr(t, "NOT CERTIFIED: Monte Carlo estimate, 5000 neurons, seed 1") != NULL);
    CU_ASSERT(strstr(t, "(no certified method for xavier-uniform") != NULL);
    flint_free(t);
    t = text(res, RC_INIT_XAVIER_UNIFORM, 5, 5, 1);
    CU_ASSERT(strstr(t, "NOT CERTIFIED") != NULL && strstr(t, "(no certified method") == NULL);
    flint_free(t);
    rc_prob_result_clear(res);
}

RC_TEST_MAIN("prob_result_write_text", RC_CASE(test_reports))
