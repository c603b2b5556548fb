#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

/* T(x) = sum_{n<p} th_n(x) dur^n at a point x (512 bits). */
static void taylor_poly(arb_ptr T, arb_srcptr x, const int * modes, slong p, const arb_t dur,
                        const rc_flow_problem_t pr)
{
    slong P = pr->P, j, n;
    arb_ptr th = _arb_vec_init((p + 1) * P);
    _arb_vec_set(th, x, P);
    rc_flow_series(th, NULL, NULL, modes, p, pr, 512);
    for (j = 0; j < P; j++)
    {
        arb_zero(T + j);
        for (n = p - 1; n >= 0; n--)
        {
            arb_mul(T + j, T + j, dur, 512);
            arb_add(T + j, T + j, th + n * P + j, 512);
        }
    }
    _arb_vec_clear(th, (p + 1) * P);
}

/* J at a point agrees with central differences of the Taylor polynomial (step 2^-60, error
   O(2^-120)), and J over a box contains J at a random point of the box (it is an enclosure of
   the Jacobian over the box, which the mean value form needs). */
static void test_jac(void)
{
    flint_rand_t st;
    slong iter, j, r, i;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(60); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong P, LN, p = 1 + n_randint(st, 7);
        int * modes;
        arb_ptr x, xp, xm, Tp, Tm, Xb, y;
        arb_mat_t J, Jb;
        arb_t dur, fd, eps;
        flow_test_random(net, data, st);
        fmpq_init(lam);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 512, err) == RC_OK);
        P = pr->P;
        LN = pr->l * pr->n;
        modes = flint_malloc(sizeof(int) * LN);
        for (i = 0; i < LN; i++)
            modes[i] = n_randint(st, 2) ? RC_FLOW_ACT : RC_FLOW_INACT;
        if (n_randint(st, 3) == 0)
            modes[n_randint(st, LN)] = RC_FLOW_SLIDE;
        x = _arb_vec_init(P); xp = _arb_vec_init(P); xm = _arb_vec_init(P);
        Tp = _arb_vec_init(P); Tm = _arb_vec_init(P); Xb = _arb_vec_init(P); y = _arb_vec_init(P);
        arb_mat_init(J, P, P);
        arb_mat_init(Jb, P, P);
        arb_init(dur); arb_init(fd); arb_init(eps);
        arb_set_si(dur, 1 + (slong) n_randint(st, 8));
        arb_mul_2exp_si(dur, dur, -5);
        arb_one(eps);
        arb_mul_2exp_si(eps, eps, -60);
        for (j = 0; j < P; j++)
            arb_set_fmpq(x + j, pr->theta0 + j, 512);
        rc_flow_series_jac(J, x, modes, p, dur, pr, 256);
        for (r = 0; r < P; r++)
        {
            _arb_vec_set(xp, x, P);
            _arb_vec_set(xm, x, P);
            arb_add(xp + r, xp + r, eps, 512);
            arb_sub(xm + r, xm + r, eps, 512);
            taylor_poly(Tp, xp, modes, p, dur, pr);
            taylor_poly(Tm, xm, modes, p, dur, pr);
            for (j = 0; j < P; j++)
            {
                arb_sub(fd, Tp + j, Tm + j, 512);
                arb_mul_2exp_si(fd, fd, 59);
                arb_add_error_2exp_si(fd, -100);
                CU_ASSERT(arb_overlaps(fd, arb_mat_entry(J, j, r)));
            }
        }
        /* a box around x; J over it contains J at a point y of it */
        for (j = 0; j < P; j++)
        {
            arb_set(Xb + j, x + j);
            mag_set_ui_2exp_si(arb_radref(Xb + j), 1, -4 - (slong) n_randint(st, 8));
            arb_set(y + j, x + j);
            arb_add_si(fd, x + j, 0, 512);
            {
                arf_t u;
                arf_init(u);
                arf_set_mag(u, arb_radref(Xb + j));
                arf_mul_si(u, u, (slong) n_randint(st, 17) - 8, ARF_PREC_EXACT, ARF_RND_DOWN);
                arf_mul_2exp_si(u, u, -3);
                arb_add_arf(y + j, y + j, u, 512);
                arf_clear(u);
            }
        }
        rc_flow_series_jac(Jb, Xb, modes, p, dur, pr, 128);
        rc_flow_series_jac(J, y, modes, p, dur, pr, 256);
        for (j = 0; j < P; j++)
            for (r = 0; r < P; r++)
                CU_ASSERT(arb_overlaps(arb_mat_entry(Jb, j, r), arb_mat_entry(J, j, r))
                          && arb_contains_arf(arb_mat_entry(Jb, j, r), arb_midref(arb_mat_entry(J, j, r))));
        _arb_vec_clear(x, P); _arb_vec_clear(xp, P); _arb_vec_clear(xm, P);
        _arb_vec_clear(Tp, P); _arb_vec_clear(Tm, P); _arb_vec_clear(Xb, P); _arb_vec_clear(y, P);
        arb_mat_clear(J);
        arb_mat_clear(Jb);
        arb_clear(dur); arb_clear(fd); arb_clear(eps);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    flint_randclear(st);
}


/* ---- the reference: the Jacobian series as first written (full storage of every order of
   every intermediate), verbatim but for the names.  series_jac.c must give the same balls bit
   for bit (the certificate checker compares recomputed end boxes exactly, also for
   certificates written with this version). ---- */
#define TD(mm, jj, rr) (D + ((mm) * P + (jj)) * P + (rr))
#define ZD(mm, kk, rr) (zD + ((mm) * LN + (kk)) * P + (rr))
#define HD(mm, kk, rr) (hD + ((mm) * LN + (kk)) * P + (rr))
#define CD(mm, kk, rr) (cD + ((mm) * LN + (kk)) * P + (rr))
#define FD(mm, ii, rr) (fD + ((mm) * n * e + (ii)) * P + (rr))
#define GD(mm, ii, rr) (gD + ((mm) * n * e + (ii)) * P + (rr))

/* The state of the Jacobian series (the arrays of _rc_flow_series_jac_coeffs). */
typedef struct
{
    const rc_flow_problem_struct * pr;
    slong prec;
    arb_ptr th, z, h, f, g, c, D, zD, hD, fD, gD, cD, sl, grad, gradD, sx;
    _rc_flow_proj_struct pj;
}
ref_sj_t;

/* Order m of the series and of its derivative: z, h, f, g, c and the gradient at order m give
   th_{m+1} and D th_{m+1} (forward-mode product rules on every Cauchy product). */
static void ref_sj_order(ref_sj_t * S, slong m)
{
    const rc_flow_problem_struct * pr = S->pr;
    slong n = pr->n, l = pr->l, e = pr->e, dp = pr->dp, P = pr->P, LN = l * n, prec = S->prec;
    slong k, i, j, o, r;
    arb_ptr th = S->th, z = S->z, h = S->h, f = S->f, g = S->g, c = S->c, D = S->D, zD = S->zD;
    arb_ptr hD = S->hD, fD = S->fD, gD = S->gD, cD = S->cD, sl = S->sl, grad = S->grad;
    arb_ptr gradD = S->gradD, sx = S->sx;
    arb_srcptr thm = th + m * P;
    arb_t t;
    arb_init(t);

    /* z, h and their derivatives (linear in theta) */
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
        {
            slong ki = k * n + i;
            arb_dot(z + m * LN + ki, NULL, 0, thm + rc_flow_iw(pr, k, 0), 1, pr->X + i * dp, 1, pr->d, prec);
            if (pr->has_b1)
                arb_add(z + m * LN + ki, z + m * LN + ki, thm + rc_flow_iw(pr, k, pr->d), prec);
            for (r = 0; r < P; r++)
            {
                arb_dot(ZD(m, ki, r), NULL, 0, TD(m, rc_flow_iw(pr, k, 0), r), P, pr->X + i * dp, 1, pr->d, prec);
                if (pr->has_b1)
                    arb_add(ZD(m, ki, r), ZD(m, ki, r), TD(m, rc_flow_iw(pr, k, pr->d), r), prec);
            }
            arb_mul(h + m * LN + ki, z + m * LN + ki, sl + ki, prec);
            for (r = 0; r < P; r++)
                arb_mul(HD(m, ki, r), ZD(m, ki, r), sl + ki, prec);
        }
    /* f_m = sum_q sum_k v_q h_{m-q} (+ b2), and D f_m by the product rule; then g */
    for (i = 0; i < n; i++)
        for (o = 0; o < e; o++)
        {
            slong io = i * e + o;
            arb_ptr fm = f + m * n * e + io;
            for (k = 0; k < l; k++)
            {
                slong iv = rc_flow_iv(pr, k, o), ki = k * n + i;
                arb_dot(fm, k ? fm : NULL, 0, th + iv, P, h + m * LN + ki, -LN, m + 1, prec);
                for (r = 0; r < P; r++)
                {
                    arb_dot(FD(m, io, r), k ? FD(m, io, r) : NULL, 0, TD(0, iv, r), P * P, h + m * LN + ki, -LN, m + 1, prec);
                    arb_dot(FD(m, io, r), FD(m, io, r), 0, th + iv, P, HD(m, ki, r), -LN * P, m + 1, prec);
                }
            }
            if (pr->has_b2)
            {
                arb_add(fm, fm, thm + rc_flow_ib2(pr, o), prec);
                for (r = 0; r < P; r++)
                    arb_add(FD(m, io, r), FD(m, io, r), TD(m, rc_flow_ib2(pr, o), r), prec);
            }
            if (m == 0)
                arb_sub(t, f + io, pr->Y + io, prec);
            else
                arb_set(t, fm);
            arb_mul(g + m * n * e + io, t, pr->scale, prec);
            for (r = 0; r < P; r++)
                arb_mul(GD(m, io, r), FD(m, io, r), pr->scale, prec);
        }
    /* c_m = sum_q sum_o g_q v_{m-q} and its derivative */
    for (k = 0; k < l; k++)
        for (i = 0; i < n; i++)
        {
            slong ki = k * n + i;
            arb_zero(c + m * LN + ki);
            for (r = 0; r < P; r++)
                arb_zero(CD(m, ki, r));
            for (o = 0; o < e; o++)
            {
                slong iv = rc_flow_iv(pr, k, o), io = i * e + o;
                arb_dot(c + m * LN + ki, c + m * LN + ki, 0, g + io, n * e, th + m * P + iv, -P, m + 1, prec);
                for (r = 0; r < P; r++)
                {
                    arb_dot(CD(m, ki, r), CD(m, ki, r), 0, GD(0, io, r), n * e * P, th + m * P + iv, -P, m + 1, prec);
                    arb_dot(CD(m, ki, r), CD(m, ki, r), 0, g + io, n * e, TD(m, iv, r), -P * P, m + 1, prec);
                }
            }
        }
    _arb_vec_zero(grad, P);
    _arb_vec_zero(gradD, P * P);
    for (k = 0; k < l; k++)
    {
        /* grad w_k[j] = sum_i c_ki s_ki x~_i[j] */
        for (j = 0; j < dp; j++)
        {
            slong iw = rc_flow_iw(pr, k, j);
            for (i = 0; i < n; i++)
                arb_mul(sx + i, sl + k * n + i, pr->X + i * dp + j, prec);
            arb_dot(grad + iw, NULL, 0, c + m * LN + k * n, 1, sx, 1, n, prec);
            for (r = 0; r < P; r++)
                arb_dot(gradD + iw * P + r, NULL, 0, CD(m, k * n, r), P, sx, 1, n, prec);
        }
        /* the sliding projection of grad w_k, and likewise of each column of its derivative */
        for (r = -1; r < P; r++)
            _rc_flow_proj_apply(r < 0 ? grad : gradD + r, r < 0 ? 1 : P, &S->pj, k, pr, prec);
        /* grad v_k[o] = sum_i sum_q g_q[i,o] h_{m-q}[k,i] */
        for (o = 0; o < e; o++)
        {
            slong iv = rc_flow_iv(pr, k, o);
            for (i = 0; i < n; i++)
            {
                slong ki = k * n + i, io = i * e + o;
                arb_dot(grad + iv, grad + iv, 0, g + io, n * e, h + m * LN + ki, -LN, m + 1, prec);
                for (r = 0; r < P; r++)
                {
                    arb_dot(gradD + iv * P + r, gradD + iv * P + r, 0, GD(0, io, r), n * e * P, h + m * LN + ki, -LN, m + 1, prec);
                    arb_dot(gradD + iv * P + r, gradD + iv * P + r, 0, g + io, n * e, HD(m, ki, r), -LN * P, m + 1, prec);
                }
            }
        }
    }
    if (pr->has_b2)
        for (o = 0; o < e; o++)
            for (i = 0; i < n; i++)
            {
                arb_add(grad + rc_flow_ib2(pr, o), grad + rc_flow_ib2(pr, o), g + m * n * e + i * e + o, prec);
                for (r = 0; r < P; r++)
                    arb_add(gradD + rc_flow_ib2(pr, o) * P + r, gradD + rc_flow_ib2(pr, o) * P + r,
                            GD(m, i * e + o, r), prec);
            }
    for (j = 0; j < P; j++)
    {
        arb_mul(t, pr->lam, thm + j, prec);
        arb_add(t, t, grad + j, prec);
        arb_neg(t, t);
        arb_div_si(th + (m + 1) * P + j, t, m + 1, prec);
        for (r = 0; r < P; r++)
        {
            arb_mul(t, pr->lam, TD(m, j, r), prec);
            arb_add(t, t, gradD + j * P + r, prec);
            arb_neg(t, t);
            arb_div_si(TD(m + 1, j, r), t, m + 1, prec);
        }
    }
    arb_clear(t);
}

/* D_n = D th_n(X), n < p (p blocks of P x P, row-major), and J = sum_{n<p} D_n dur^n, where D th_n is the Jacobian of the n-th Taylor coefficient
   of the solution with respect to the initial value (forward-mode differentiation of the
   recurrences of series.c: every product rule applied to every Cauchy product), evaluated over
   the box X.  By the mean value theorem, for x, c in X: T(x) - T(c) in J (x - c) where T is
   the Taylor polynomial of degree p - 1 (proofs/flow.md, section 2.3).  MSE only. */
static void ref_jac_coeffs(arb_ptr Dout, arb_srcptr X, const int * modes, slong p,
                                const rc_flow_problem_t pr, slong prec)
{
    slong n = pr->n, l = pr->l, e = pr->e, P = pr->P, LN = l * n;
    slong m, k, i, j;
    arb_ptr th, z, h, f, g, c, D, zD, hD, fD, gD, cD, sl, grad, gradD, sx;
    _rc_flow_proj_struct pj;
    th = _arb_vec_init((p + 1) * P);
    z = _arb_vec_init((p + 1) * LN);
    h = _arb_vec_init((p + 1) * LN);
    c = _arb_vec_init((p + 1) * LN);
    f = _arb_vec_init((p + 1) * n * e);
    g = _arb_vec_init((p + 1) * n * e);
    D = _arb_vec_init((p + 1) * P * P);
    zD = _arb_vec_init((p + 1) * LN * P);
    hD = _arb_vec_init((p + 1) * LN * P);
    cD = _arb_vec_init((p + 1) * LN * P);
    fD = _arb_vec_init((p + 1) * n * e * P);
    gD = _arb_vec_init((p + 1) * n * e * P);
    sl = _arb_vec_init(LN);
    grad = _arb_vec_init(P);
    gradD = _arb_vec_init(P * P);
    sx = _arb_vec_init(n);
    _rc_flow_proj_init(&pj, modes, pr, prec);
    for (k = 0; k < l; k++)
    {
        for (i = 0; i < n; i++)
        {
            if (modes[k * n + i] == RC_FLOW_INACT)
                arb_set(sl + k * n + i, pr->a);
            else
                arb_one(sl + k * n + i);
        }
    }
    _arb_vec_set(th, X, P);
    for (j = 0; j < P; j++)
        arb_one(TD(0, j, j));
    for (m = 0; m < p; m++)
    {
        ref_sj_t S;
        S.pr = pr, S.prec = prec, S.th = th, S.z = z, S.h = h, S.f = f, S.g = g, S.c = c, S.D = D;
        S.zD = zD, S.hD = hD, S.fD = fD, S.gD = gD, S.cD = cD, S.sl = sl, S.grad = grad;
        S.gradD = gradD, S.sx = sx, S.pj = pj;
        ref_sj_order(&S, m);
    }
    _arb_vec_set(Dout, D, p * P * P);
#undef TD
#undef ZD
#undef HD
#undef CD
#undef FD
#undef GD
    _arb_vec_clear(th, (p + 1) * P);
    _arb_vec_clear(z, (p + 1) * LN);
    _arb_vec_clear(h, (p + 1) * LN);
    _arb_vec_clear(c, (p + 1) * LN);
    _arb_vec_clear(f, (p + 1) * n * e);
    _arb_vec_clear(g, (p + 1) * n * e);
    _arb_vec_clear(D, (p + 1) * P * P);
    _arb_vec_clear(zD, (p + 1) * LN * P);
    _arb_vec_clear(hD, (p + 1) * LN * P);
    _arb_vec_clear(cD, (p + 1) * LN * P);
    _arb_vec_clear(fD, (p + 1) * n * e * P);
    _arb_vec_clear(gD, (p + 1) * n * e * P);
    _arb_vec_clear(sl, LN);
    _arb_vec_clear(grad, P);
    _arb_vec_clear(gradD, P * P);
    _arb_vec_clear(sx, n);
    _rc_flow_proj_clear(&pj);
}


/* D of series_jac.c under arithmetic 1 equals the reference bit for bit, and its first q blocks
   do not depend on the order computed (the integrator shares one computation of order q' >= q
   per step).  Arithmetic 2 (pairs of slope exactly 0 skipped): the prefix property holds as
   well; every ball overlaps the reference's (both enclose the same coefficients); and when no
   pair is skipped (leak != 0, or no INACT pair) the balls are the reference's bit for bit. */
static void test_reference(void)
{
    flint_rand_t st;
    slong iter, i, j;
    RC_RAND_INIT(st);
    for (iter = 0; iter < RC_TEST_ITER(40); iter++)
    {
        rc_net_t net;
        rc_data_t data;
        rc_flow_problem_t pr;
        rc_err_t err;
        fmpq_t lam;
        slong P, LN, q = 1 + n_randint(st, 6), q2, prec = n_randint(st, 2) ? 64 : 128;
        int * modes;
        arb_ptr X, D, D2, Dr;
        flow_test_random(net, data, st);
        fmpq_init(lam);
        fmpq_set_si(lam, (slong) n_randint(st, 3), 4);
        CU_ASSERT_FATAL(rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err) == RC_OK);
        P = pr->P;
        LN = pr->l * pr->n;
        q2 = q + 1 + n_randint(st, 3);
        modes = flint_malloc(sizeof(int) * LN);
        for (i = 0; i < LN; i++)
            modes[i] = n_randint(st, 2) ? RC_FLOW_ACT : RC_FLOW_INACT;
        if (n_randint(st, 2) == 0)
            modes[n_randint(st, LN)] = RC_FLOW_SLIDE;
        X = _arb_vec_init(P);
        D = _arb_vec_init(q * P * P);
        D2 = _arb_vec_init(q2 * P * P);
        Dr = _arb_vec_init(q * P * P);
        for (j = 0; j < P; j++)
        {
            arb_set_fmpq(X + j, pr->theta0 + j, 256);
            mag_set_ui_2exp_si(arb_radref(X + j), 1, -10 - (slong) n_randint(st, 40));
        }
        pr->arith = RC_FLOW_ARITH_1;
        _rc_flow_series_jac_coeffs(D, X, modes, q, pr, prec);
        _rc_flow_series_jac_coeffs(D2, X, modes, q2, pr, prec);
        ref_jac_coeffs(Dr, X, modes, q, pr, prec);
        for (j = 0; j < q * P * P; j++)
        {
            CU_ASSERT(arb_equal(D + j, Dr + j));
            CU_ASSERT(arb_equal(D + j, D2 + j));
        }
        {
            int skips = 0;
            for (i = 0; i < LN; i++)
                skips |= modes[i] == RC_FLOW_INACT && fmpq_is_zero(pr->leak);
            pr->arith = RC_FLOW_ARITH_2;
            _rc_flow_series_jac_coeffs(D, X, modes, q, pr, prec);
            _rc_flow_series_jac_coeffs(D2, X, modes, q2, pr, prec);
            for (j = 0; j < q * P * P; j++)
            {
                CU_ASSERT(arb_equal(D + j, D2 + j));
                CU_ASSERT(arb_overlaps(D + j, Dr + j));
                if (!skips)
                    CU_ASSERT(arb_equal(D + j, Dr + j));
            }
        }
        _arb_vec_clear(X, P);
        _arb_vec_clear(D, q * P * P);
        _arb_vec_clear(D2, q2 * P * P);
        _arb_vec_clear(Dr, q * P * P);
        flint_free(modes);
        rc_flow_problem_clear(pr);
        rc_net_clear(net);
        rc_data_clear(data);
        fmpq_clear(lam);
    }
    flint_randclear(st);
}

RC_TEST_MAIN("flow_series_jac", RC_CASE(test_jac), RC_CASE(test_reference))
