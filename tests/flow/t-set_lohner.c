#include <math.h>
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


/* ---- the reference: the Lohner update as first written (Gram-Schmidt in arb balls), verbatim
   but for the name.  set.c must give the same set bit for bit (the certificate checker compares
   recomputed end boxes exactly, also for certificates written with this version). ---- */
static void ref_set_lohner(rc_flow_set_struct * S, arb_srcptr y, const arb_mat_t M, arb_srcptr V,
                        const mag_t eps, slong prec)
{
    slong P = arb_mat_nrows(M), m = P + (V != NULL), i, j, kk, got;
    arb_mat_t G, Q, Qi, QiG;
    arb_ptr d = _arb_vec_init(P), rn = _arb_vec_init(P), rx = _arb_vec_init(m), col = _arb_vec_init(P);
    slong * perm = flint_malloc(sizeof(slong) * m);
    double * key = flint_malloc(sizeof(double) * m);
    arb_t s;
    arb_init(s);
    arb_mat_init(G, P, m);
    arb_mat_init(Q, P, P);
    arb_mat_init(Qi, P, P);
    arb_mat_init(QiG, P, m);
    /* generators G = [M | V], coefficients rx = [r; [-eps, eps]] */
    for (i = 0; i < P; i++)
        for (j = 0; j < P; j++)
            arb_set(arb_mat_entry(G, i, j), arb_mat_entry(M, i, j));
    _arb_vec_set(rx, S->r, P);
    if (V != NULL)
    {
        for (i = 0; i < P; i++)
            arb_set(arb_mat_entry(G, i, P), V + i);
        arb_zero(rx + P);
        mag_set(arb_radref(rx + P), eps);
    }
    /* column order: by |mid G e_j| * |rx_j|, decreasing */
    for (j = 0; j < m; j++)
    {
        double nn = 0, a;
        for (i = 0; i < P; i++)
        {
            double v = arf_get_d(arb_midref(arb_mat_entry(G, i, j)), ARF_RND_NEAR);
            nn += v * v;
        }
        a = arf_get_d(arb_midref(rx + j), ARF_RND_NEAR);
        key[j] = nn * (1e-300 + mag_get_d(arb_radref(rx + j)) + (a < 0 ? -a : a));
        perm[j] = j;
    }
    for (i = 0; i < m; i++)
        for (j = i + 1; j < m; j++)
            if (key[perm[j]] > key[perm[i]])
            {
                slong tmp = perm[i];
                perm[i] = perm[j];
                perm[j] = tmp;
            }
    /* modified Gram-Schmidt on the midpoints, columns in that order, skipping a column whose
       remainder after projection is below 2^-30 of its norm (numerically dependent) */
    got = 0;
    for (kk = 0; kk < m + P && got < P; kk++)
    {
        double n0 = 0, n1 = 0;
        /* the generators in key order, then (when they are dependent, e.g. after a projection
           onto a surface) the unit vectors to complete the basis */
        for (i = 0; i < P; i++)
        {
            if (kk < m)
                arb_get_mid_arb(col + i, arb_mat_entry(G, i, perm[kk]));
            else if (i == kk - m)
                arb_one(col + i);
            else
                arb_zero(col + i);
            n0 += arf_get_d(arb_midref(col + i), ARF_RND_NEAR) * arf_get_d(arb_midref(col + i), ARF_RND_NEAR);
        }
        for (j = 0; j < got; j++)
        {
            arb_zero(s);
            for (i = 0; i < P; i++)
                arb_addmul(s, arb_mat_entry(Q, i, j), col + i, prec);
            for (i = 0; i < P; i++)
            {
                arb_submul(col + i, s, arb_mat_entry(Q, i, j), prec);
                arb_get_mid_arb(col + i, col + i);
            }
        }
        arb_zero(s);
        for (i = 0; i < P; i++)
            arb_addmul(s, col + i, col + i, prec);
        arb_get_mid_arb(s, s);
        n1 = arf_get_d(arb_midref(s), ARF_RND_NEAR);
        if (!(n1 > 0) || n1 < ldexp(n0, -60))
            continue;
        arb_sqrt(s, s, prec);
        arb_get_mid_arb(s, s);
        for (i = 0; i < P; i++)
        {
            arb_div(arb_mat_entry(Q, i, got), col + i, s, prec);
            arb_get_mid_arb(arb_mat_entry(Q, i, got), arb_mat_entry(Q, i, got));
        }
        got++;
    }
    /* A'^-1 and A'^-1 [M | V] multiply only the small r and y - c': 128 bits lose nothing */
    if (got < P || !arb_mat_inv(Qi, Q, FLINT_MIN(prec, 128)))
    {
        arb_mat_one(Q);
        arb_mat_one(Qi);
    }
    arb_mat_mul(QiG, Qi, G, FLINT_MIN(prec, 128));
    for (i = 0; i < P; i++)
    {
        arb_get_mid_arb(S->c + i, y + i);
        arb_sub(d + i, y + i, S->c + i, prec);
    }
    for (i = 0; i < P; i++)
    {
        arb_dot(rn + i, NULL, 0, arb_mat_entry(QiG, i, 0), 1, rx, 1, m, prec);
        arb_dot(rn + i, rn + i, 0, arb_mat_entry(Qi, i, 0), 1, d, 1, P, prec);
    }
    _arb_vec_set(S->r, rn, P);
    arb_mat_set(S->A, Q);
    arb_mat_clear(G);
    arb_mat_clear(Q);
    arb_mat_clear(Qi);
    arb_mat_clear(QiG);
    _arb_vec_clear(d, P);
    _arb_vec_clear(rn, P);
    _arb_vec_clear(rx, m);
    _arb_vec_clear(col, P);
    flint_free(perm);
    flint_free(key);
    arb_clear(s);
}

/* rc_flow_set_lohner equals the reference bit for bit on random inputs (with and without V,
   singular M, precisions 128 to 320). */
static void test_reference(void)
{
    flint_rand_t st;
    slong iter;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(150); iter++)
    {
        slong P = 1 + n_randint(st, 8), i, j, prec = 128 + 64 * n_randint(st, 4);
        int withV = n_randint(st, 2);
        rc_flow_set_struct S, R;
        arb_mat_t M;
        arb_ptr y = _arb_vec_init(P), V = _arb_vec_init(P);
        mag_t eps;
        mag_init(eps);
        arb_mat_init(M, P, P);
        rc_flow_set_init(&S, P);
        rc_flow_set_init(&R, P);
        for (i = 0; i < P; i++)
        {
            arb_urandom(y + i, st, prec);
            mag_set_ui_2exp_si(arb_radref(y + i), 1, -30 - (slong) n_randint(st, 60));
            arb_urandom(V + i, st, 64);
            arb_zero(S.r + i);
            mag_set_ui_2exp_si(arb_radref(S.r + i), 1, -20 - (slong) n_randint(st, 60));
            for (j = 0; j < P; j++)
            {
                arb_urandom(arb_mat_entry(M, i, j), st, 64);
                arb_sub_ui(arb_mat_entry(M, i, j), arb_mat_entry(M, i, j), n_randint(st, 2), 64);
                mag_set_ui_2exp_si(arb_radref(arb_mat_entry(M, i, j)), 1, -60);
            }
        }
        if (n_randint(st, 3) == 0 && P > 1)
            for (i = 0; i < P; i++)
                arb_set(arb_mat_entry(M, i, P - 1), arb_mat_entry(M, i, 0));
        _arb_vec_set(R.r, S.r, P);
        mag_set_ui_2exp_si(eps, 1, -25);
        rc_flow_set_lohner(&S, y, M, withV ? V : NULL, eps, prec);
        ref_set_lohner(&R, y, M, withV ? V : NULL, eps, prec);
        CU_ASSERT(arb_mat_equal(S.A, R.A));
        for (i = 0; i < P; i++)
        {
            CU_ASSERT(arb_equal(S.c + i, R.c + i));
            CU_ASSERT(arb_equal(S.r + i, R.r + i));
        }
        rc_flow_set_clear(&S);
        rc_flow_set_clear(&R);
        arb_mat_clear(M);
        _arb_vec_clear(y, P);
        _arb_vec_clear(V, P);
        mag_clear(eps);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("flow_set_lohner", RC_CASE(test_contains), RC_CASE(test_reference))
