#include "rc_test.h"
#include "relucert/flow.h"

/* For random y, M, V, eps and a random set S: points y_0 + M_0 rho + V_0 sigma (y_0, M_0, V_0
   points of the balls, rho in r, sigma in [-eps, eps], corners included) lie in the new set:
   rho' = A'^-1 (point - c'), computed at 512 bits with a rigorous inverse, lies in r'.  Also with
   a singular M (rank P - 1) and without V, where the basis must be completed. */
static void test_contains(void)
{
    flint_rand_t st;
    slong iter;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(150); iter++)
    {
        slong P = 1 + n_randint(st, 6), i, j, trial;
        int withV = n_randint(st, 2), singular = n_randint(st, 3) == 0;
        rc_flow_set_struct S;
        arb_mat_t M, Ai;
        arb_ptr y = _arb_vec_init(P), V = _arb_vec_init(P), pt = _arb_vec_init(P), rho = _arb_vec_init(P), r0 = _arb_vec_init(P);
        mag_t eps;
        arb_t sg;
        mag_init(eps);
        arb_init(sg);
        arb_mat_init(M, P, P);
        arb_mat_init(Ai, P, P);
        rc_flow_set_init(&S, P);
        for (i = 0; i < P; i++)
        {
            arb_set_si(y + i, (slong) n_randint(st, 201) - 100);
            arb_mul_2exp_si(y + i, y + i, -6);
            mag_set_ui_2exp_si(arb_radref(y + i), 1, -30 - (slong) n_randint(st, 20));
            arb_set_si(V + i, (slong) n_randint(st, 21) - 10);
            mag_set_ui_2exp_si(arb_radref(V + i), 1, -40);
            arb_zero(S.r + i);
            mag_set_ui_2exp_si(arb_radref(S.r + i), 1, -20 - (slong) n_randint(st, 10));
            for (j = 0; j < P; j++)
            {
                arb_set_si(arb_mat_entry(M, i, j), (slong) n_randint(st, 21) - 10);
                arb_mul_2exp_si(arb_mat_entry(M, i, j), arb_mat_entry(M, i, j), -3);
                mag_set_ui_2exp_si(arb_radref(arb_mat_entry(M, i, j)), 1, -50);
            }
        }
        if (singular && P > 1)
            for (i = 0; i < P; i++)
                arb_set(arb_mat_entry(M, i, P - 1), arb_mat_entry(M, i, 0));
        _arb_vec_set(r0, S.r, P);
        mag_set_ui_2exp_si(eps, 1, -25);
        rc_flow_set_lohner(&S, y, M, withV ? V : NULL, eps, 256);
        CU_ASSERT_FATAL(arb_mat_inv(Ai, S.A, 512));
        for (trial = 0; trial < 20; trial++)
        {
            for (i = 0; i < P; i++)
            {
                /* rho_i: a corner or a random point of r0_i */
                arb_zero(rho + i);
                arf_set_mag(arb_midref(rho + i), arb_radref(r0 + i));
                arb_mul_si(rho + i, rho + i, trial < 2 ? (trial ? -1 : 1) : (slong) n_randint(st, 17) - 8, 512);
                if (trial >= 2)
                    arb_mul_2exp_si(rho + i, rho + i, -3);
            }
            arb_zero(sg);
            arf_set_mag(arb_midref(sg), eps);
            arb_mul_si(sg, sg, (slong) n_randint(st, 3) - 1, 512);
            for (i = 0; i < P; i++)
            {
                arb_get_mid_arb(pt + i, y + i);
                for (j = 0; j < P; j++)
                {
                    arb_t mm;
                    arb_init(mm);
                    arb_get_mid_arb(mm, arb_mat_entry(M, i, j));
                    arb_addmul(pt + i, mm, rho + j, 512);
                    arb_clear(mm);
                }
                if (withV)
                {
                    arb_t vv;
                    arb_init(vv);
                    arb_get_mid_arb(vv, V + i);
                    arb_addmul(pt + i, vv, sg, 512);
                    arb_clear(vv);
                }
                arb_sub(pt + i, pt + i, S.c + i, 512);
            }
            for (i = 0; i < P; i++)
            {
                arb_t q;
                arb_init(q);
                arb_dot(q, NULL, 0, arb_mat_entry(Ai, i, 0), 1, pt, 1, P, 512);
                CU_ASSERT(arb_overlaps(q, S.r + i));
                CU_ASSERT(arb_contains_arf(S.r + i, arb_midref(q)));
                arb_clear(q);
            }
        }
        rc_flow_set_clear(&S);
        arb_mat_clear(M);
        arb_mat_clear(Ai);
        _arb_vec_clear(y, P); _arb_vec_clear(V, P); _arb_vec_clear(pt, P); _arb_vec_clear(rho, P); _arb_vec_clear(r0, P);
        mag_clear(eps);
        arb_clear(sg);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("flow_set_lohner", RC_CASE(test_contains))
