/* rc_test.h: the shape every test program has (FLINT style, CUnit runner).
   Each tests/<module>/t-<function>.c defines test functions and calls RC_TEST_MAIN.
   Randomized tests draw from a flint_rand_t seeded with a fixed seed so failures reproduce;
   RC_TEST_ITER scales the iteration counts (environment variable RC_TEST_MULT, default 1). */
#ifndef RC_TEST_H
#define RC_TEST_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <CUnit/CUnit.h>
#include <CUnit/Basic.h>
#include "relucert/flint.h"

static inline slong rc_test_iter(slong base)
{
    const char * m = getenv("RC_TEST_MULT");
    slong k = (m != NULL) ? atol(m) : 1;
    return base * (k > 0 ? k : 1);
}
#define RC_TEST_ITER(n) rc_test_iter(n)

typedef struct { const char * name; void (*fn)(void); } rc_test_case;

static inline int rc_test_run(const char * suite_name, const rc_test_case * cases, int n)
{
    CU_pSuite s;
    int i, failures;
    if (CU_initialize_registry() != CUE_SUCCESS)
        return 1;
    s = CU_add_suite(suite_name, NULL, NULL);
    for (i = 0; i < n; i++)
        CU_add_test(s, cases[i].name, cases[i].fn);
    CU_basic_set_mode(CU_BRM_VERBOSE);
    CU_basic_run_tests();
    failures = (int) (CU_get_number_of_failures() + CU_get_number_of_tests_failed());
    CU_cleanup_registry();
    flint_cleanup();
    return failures != 0;
}

#define RC_TEST_MAIN(suite, ...)                                              \
    int main(void)                                                            \
    {                                                                         \
        rc_test_case cases[] = { __VA_ARGS__ };                               \
        return rc_test_run(suite, cases, (int) (sizeof(cases) / sizeof(cases[0]))); \
    }

#define RC_CASE(fn) { #fn, fn }

/* Fixed-seed random state for randomized property tests. */
#define RC_RAND_INIT(state) do { flint_randinit(state); flint_randseed(state, UWORD(0x5eed1234), UWORD(0xabcdef01)); } while (0)

#endif
