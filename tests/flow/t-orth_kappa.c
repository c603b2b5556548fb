#include <math.h>
#include "rc_test.h"
#include "relucert/flow.h"
#include "../../src/flow/flow_internal.h"

/* _rc_flow_orth_kappa against exact rational arithmetic: for a dyadic point matrix Q it returns 1
   only if delta = ||I - Q^T Q||_inf < 1 exactly, and then kappa >= ||(Q^T Q)^-1 - I||_inf exactly,
   and Q^-1 v lies in Q^T v + [-1, 1] kappa ||Q^T v||_inf for rational v (the use in set.c). */

/* exact ||A||_inf of a rational matrix */
static void fmpq_mat_norm_inf(fmpq_t out, const fmpq_mat_t A)
{
    slong i, j;
    fmpq_t s, t;
    fmpq_init(s);
    fmpq_init(t);
    fmpq_zero(out);
    for (i = 0; i < fmpq_mat_nrows(A); i++)
    {
        fmpq_zero(s);
        for (j = 0; j < fmpq_mat_ncols(A); j++)
        {
            fmpq_abs(t, fmpq_mat_entry(A, i, j));
            fmpq_add(s, s, t);
        }
        if (fmpq_cmp(s, out) > 0)
            fmpq_set(out, s);
    }
    fmpq_clear(s);
    fmpq_clear(t);
}

static void mag_to_fmpq(fmpq_t q, const mag_t m)
{
    arf_t a;
    arf_init(a);
    arf_set_mag(a, m);
    arf_get_fmpq(q, a);
    arf_clear(a);
}

/* one case: Q (arb point matrix, exact dyadic entries); checks everything against fmpq */
static void check_case(const arb_mat_t Q, flint_rand_t st)
{
    slong P = arb_mat_nrows(Q), i, j, trial;
    fmpq_mat_t q, qt, C, Ci, F, v, u, w;
    fmpq_t delta, nf, kq, un, t;
    mag_t kappa;
    int ok;
    fmpq_mat_init(q, P, P); fmpq_mat_init(qt, P, P); fmpq_mat_init(C, P, P); fmpq_mat_init(Ci, P, P);
    fmpq_mat_init(F, P, P); fmpq_mat_init(v, P, 1); fmpq_mat_init(u, P, 1); fmpq_mat_init(w, P, 1);
    fmpq_init(delta); fmpq_init(nf); fmpq_init(kq); fmpq_init(un); fmpq_init(t);
    mag_init(kappa);
    for (i = 0; i < P; i++)
        for (j = 0; j < P; j++)
            arf_get_fmpq(fmpq_mat_entry(q, i, j), arb_midref(arb_mat_entry(Q, i, j)));
    fmpq_mat_transpose(qt, q);
    fmpq_mat_mul(C, qt, q);
    /* delta exactly */
    fmpq_mat_one(F);
    fmpq_mat_sub(F, F, C);
    fmpq_mat_norm_inf(delta, F);
    ok = _rc_flow_orth_kappa(kappa, Q, 128);
    if (ok)
    {
        CU_ASSERT_FATAL(fmpq_cmp_ui(delta, 1) < 0);
        CU_ASSERT_FATAL(fmpq_mat_inv(Ci, C));
        fmpq_mat_one(F);
        fmpq_mat_sub(F, Ci, F);
        fmpq_mat_norm_inf(nf, F);
        mag_to_fmpq(kq, kappa);
        CU_ASSERT(fmpq_cmp(nf, kq) <= 0);
        for (trial = 0; trial < 5; trial++)
        {
            /* u = Q^T v, w = Q^-1 v (exact): |w_i - u_i| <= kappa ||u||_inf */
            for (i = 0; i < P; i++)
                fmpq_set_si(fmpq_mat_entry(v, i, 0), (slong) n_randint(st, 2001) - 1000, 1 + n_randint(st, 64));
            fmpq_mat_mul(u, qt, v);
            CU_ASSERT_FATAL(fmpq_mat_solve(w, q, v));
            fmpq_mat_norm_inf(un, u);
            fmpq_mul(un, un, kq);
            for (i = 0; i < P; i++)
            {
                fmpq_sub(t, fmpq_mat_entry(w, i, 0), fmpq_mat_entry(u, i, 0));
                fmpq_abs(t, t);
                CU_ASSERT(fmpq_cmp(t, un) <= 0);
            }
        }
    }
    else
    {
        /* a refusal only at or within rounding of the hypothesis boundary (balls at 128 bits) */
        fmpq_set_si(t, 1, 1);
        fmpq_div_2exp(un, t, 100);
        fmpq_sub(t, t, un);
        CU_ASSERT(fmpq_cmp(delta, t) > 0);
    }
    fmpq_mat_clear(q); fmpq_mat_clear(qt); fmpq_mat_clear(C); fmpq_mat_clear(Ci);
    fmpq_mat_clear(F); fmpq_mat_clear(v); fmpq_mat_clear(u); fmpq_mat_clear(w);
    fmpq_clear(delta); fmpq_clear(nf); fmpq_clear(kq); fmpq_clear(un); fmpq_clear(t);
    mag_clear(kappa);
}

/* Random near-orthogonal Q: Gram-Schmidt in double of a random matrix, each entry perturbed by a
   random multiple of 2^-e (e from 4 to 50: delta from about 1 down to rounding). */
static void test_random(void)
{
    flint_rand_t st;
    slong iter, accepted = 0, refused = 0;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(200); iter++)
    {
        slong P = 1 + n_randint(st, 7), i, j, k, e = 4 + n_randint(st, 47);
        double * G = flint_malloc(sizeof(double) * P * P);
        arb_mat_t Q;
        mag_t kappa;
        mag_init(kappa);
        arb_mat_init(Q, P, P);
        for (i = 0; i < P * P; i++)
            G[i] = (double) ((slong) n_randint(st, 2001) - 1000) / 997.0;
        for (j = 0; j < P; j++)
        {
            double nn = 0;
            for (k = 0; k < j; k++)
            {
                double s = 0;
                for (i = 0; i < P; i++)
                    s += G[k * P + i] * G[j * P + i];
                for (i = 0; i < P; i++)
                    G[j * P + i] -= s * G[k * P + i];
            }
            for (i = 0; i < P; i++)
                nn += G[j * P + i] * G[j * P + i];
            nn = sqrt(nn);
            for (i = 0; i < P; i++)
                G[j * P + i] = nn > 0 ? G[j * P + i] / nn : (i == j);
        }
        for (i = 0; i < P; i++)
            for (j = 0; j < P; j++)
                arb_set_d(arb_mat_entry(Q, i, j), G[j * P + i]);
        for (i = 0; i < P; i++)
            for (j = 0; j < P; j++)
            {
                arb_t d;
                arb_init(d);
                arb_set_si(d, (slong) n_randint(st, 9) - 4);
                arb_mul_2exp_si(d, d, -e);
                arb_add(arb_mat_entry(Q, i, j), arb_mat_entry(Q, i, j), d, ARF_PREC_EXACT);
                arb_clear(d);
            }
        if (_rc_flow_orth_kappa(kappa, Q, 128))
            accepted++;
        else
            refused++;
        check_case(Q, st);
        arb_mat_clear(Q);
        mag_clear(kappa);
        flint_free(G);
    }
    CU_ASSERT(accepted > 100);
    flint_randclear(st);
}

/* The hypothesis delta < 1 broken exactly: Q = diag(1, 0) has delta = 1 (and is singular): refused.
   Q = diag(1, 1/2): delta = 3/4 exactly, accepted, and (Q^T Q)^-1 - I = diag(0, 3): kappa >= 3.
   Q = I: delta = 0, kappa = 0. */
static void test_edges(void)
{
    arb_mat_t Q;
    mag_t kappa;
    flint_rand_t st;
    RC_RAND_INIT(st);
    mag_init(kappa);
    arb_mat_init(Q, 2, 2);
    arb_one(arb_mat_entry(Q, 0, 0));
    CU_ASSERT(_rc_flow_orth_kappa(kappa, Q, 128) == 0);
    arb_set_d(arb_mat_entry(Q, 1, 1), 0.5);
    CU_ASSERT_FATAL(_rc_flow_orth_kappa(kappa, Q, 128) == 1);
    CU_ASSERT(mag_cmp_2exp_si(kappa, 1) > 0);     /* kappa >= 3 > 2 */
    {
        mag_t three;
        mag_init(three);
        mag_set_ui(three, 3);
        CU_ASSERT(mag_cmp(kappa, three) >= 0);
        mag_clear(three);
    }
    check_case(Q, st);
    arb_mat_one(Q);
    CU_ASSERT_FATAL(_rc_flow_orth_kappa(kappa, Q, 128) == 1);
    CU_ASSERT(mag_is_zero(kappa));
    arb_mat_clear(Q);
    mag_clear(kappa);
    flint_randclear(st);
}

RC_TEST_MAIN("flow_orth_kappa", RC_CASE(test_random), RC_CASE(test_edges))
