#include <math.h>
#include "rc_test.h"
#include "relucert/prob.h"

/* Moments of the generator's uniform and normal draws within 6 standard errors. */
static void test_moments(void)
{
    rc_rng_t g;
    slong i, N = 1000000;
    double s1 = 0, s2 = 0, n1 = 0, n2 = 0, n4 = 0;
    rc_rng_seed(g, 12345);
    for (i = 0; i < N; i++)
    {
        double u = rc_rng_uniform(g), z = rc_rng_normal(g);
        CU_ASSERT_FATAL(u >= 0.0 && u < 1.0);
        s1 += u;
        s2 += u * u;
        n1 += z;
        n2 += z * z;
        n4 += z * z * z * z;
    }
    CU_ASSERT(fabs(s1 / N - 0.5) < 6 * sqrt(1.0 / 12 / N));
    CU_ASSERT(fabs(s2 / N - 1.0 / 3) < 6 * sqrt(4.0 / 45 / N));
    CU_ASSERT(fabs(n1 / N) < 6 * sqrt(1.0 / N));
    CU_ASSERT(fabs(n2 / N - 1) < 6 * sqrt(2.0 / N));
    CU_ASSERT(fabs(n4 / N - 3) < 6 * sqrt(96.0 / N));
    /* same seed, same stream */
    {
        rc_rng_t a, b;
        rc_rng_seed(a, 99);
        rc_rng_seed(b, 99);
        for (i = 0; i < 100; i++)
            CU_ASSERT(rc_rng_u64(a) == rc_rng_u64(b));
    }
}

RC_TEST_MAIN("prob_rng", RC_CASE(test_moments))
