/* The alternative well-posedness test rho(gamma |A|) < 1 (proofs/implicit.md, P4 and P4b).

   M = gamma |A| >= 0 entrywise.  Any exact w > 0 with q = max_j (M w)_j / w_j < 1 proves
   rho(M) <= q < 1 (Collatz-Wielandt) and makes z -> sigma(gamma A z + u) a q-contraction in
   ||z||_w = max_j |z_j| / w_j.  Floats only propose w; q is computed exactly.  Proposals,
   cheapest first: a near-Perron vector (power iteration), the double solution of
   (I - M) w = 1, for an acyclic |A| (nilpotent) the exact solution of (I - M) w = 1 by
   substitution (any m), and for m <= exact_max the exact solution of (I - M) w = 1 by
   elimination, which also decides (P4b). */
#include "internal.h"
#include "relucert/num.h"

/* Exact q = max_j (M w)_j / w_j.  Returns 1 when every w_j > 0 and q < 1 (then q is set),
   else 0. */
static int rho_check_weights(fmpq_t q, const fmpq * w, const rc_implicit_net_t net)
{
    slong m = net->m, i, j;
    fmpq_t s, a;
    int holds = 1;
    for (i = 0; i < m; i++)
        if (fmpq_sgn(w + i) <= 0)
            return 0;                  /* the weights must be > 0 (never divide by 0) */
    fmpq_init(s);
    fmpq_init(a);
    fmpq_zero(q);
    for (i = 0; i < m && holds; i++)
    {
        fmpq_zero(s);
        for (j = 0; j < m; j++)
        {
            fmpq_abs(a, net->A + i * m + j);
            fmpq_addmul(s, a, w + j);
        }
        fmpq_mul(s, s, net->gamma);
        fmpq_div(s, s, w + i);
        if (fmpq_cmp(s, q) > 0)
            fmpq_set(q, s);
        if (fmpq_cmp_si(q, 1) >= 0)
            holds = 0;
    }
    fmpq_clear(s);
    fmpq_clear(a);
    return holds;
}

/* |gamma A| in double (a proposal only; its rounding does not matter). */
static double * rho_abs_d(const rc_implicit_net_t net)
{
    slong i, m = net->m;
    double g = fmpq_get_d(net->gamma), * Ad = flint_malloc(sizeof(double) * m * m);
    for (i = 0; i < m * m; i++)
        Ad[i] = fabs(g * fmpq_get_d(net->A + i));
    return Ad;
}

/* Proposal 1: power iteration on M + I, lifted by a floor 1e-6 * max so every entry is > 0. */
static void rho_propose_power(fmpq * w, const double * Ad, slong m)
{
    slong i, j, it;
    double * v = flint_malloc(sizeof(double) * m), * t = flint_malloc(sizeof(double) * m);
    double vmax;
    for (i = 0; i < m; i++)
        v[i] = 1.0;
    for (it = 0; it < 500; it++)
    {
        vmax = 0.0;
        for (i = 0; i < m; i++)
        {
            double acc = v[i];
            for (j = 0; j < m; j++)
                acc += Ad[i * m + j] * v[j];
            t[i] = acc;
            vmax = FLINT_MAX(vmax, acc);
        }
        if (!(vmax > 0.0) || !isfinite(vmax))
            break;
        for (i = 0; i < m; i++)
            v[i] = t[i] / vmax;
    }
    vmax = 0.0;
    for (i = 0; i < m; i++)
        vmax = FLINT_MAX(vmax, isfinite(v[i]) ? v[i] : 0.0);
    if (!(vmax > 0.0))
        vmax = 1.0;
    for (i = 0; i < m; i++)
        rc_fmpq_set_d(w + i, (isfinite(v[i]) ? v[i] : 0.0) + 1e-6 * vmax);
    flint_free(v);
    flint_free(t);
}

/* Proposal 2: (I - M) w = 1 by Gaussian elimination with partial pivoting in double.  If
   rho(M) < 1 the exact solution is sum_k M^k 1 >= 1, and M w = w - 1 < w.  Returns 0 when
   the elimination meets a zero pivot or a non-finite number (w is then left unusable). */
static int rho_propose_solve(fmpq * w, const double * Ad, slong m)
{
    slong i, j, k, p;
    double * B = flint_malloc(sizeof(double) * m * m), * x = flint_malloc(sizeof(double) * m);
    int ok = 1;
    for (i = 0; i < m; i++)
    {
        for (j = 0; j < m; j++)
            B[i * m + j] = (i == j ? 1.0 : 0.0) - Ad[i * m + j];
        x[i] = 1.0;
    }
    for (k = 0; k < m && ok; k++)
    {
        for (p = k, i = k + 1; i < m; i++)
            if (fabs(B[i * m + k]) > fabs(B[p * m + k]))
                p = i;
        if (!(fabs(B[p * m + k]) > 0.0))
        { ok = 0; break; }
        for (j = 0; j < m && p != k; j++)
        { double t = B[k * m + j]; B[k * m + j] = B[p * m + j]; B[p * m + j] = t; }
        if (p != k)
        { double t = x[k]; x[k] = x[p]; x[p] = t; }
        for (i = k + 1; i < m; i++)
        {
            double f = B[i * m + k] / B[k * m + k];
            for (j = k; j < m; j++)
                B[i * m + j] -= f * B[k * m + j];
            x[i] -= f * x[k];
        }
    }
    for (k = m - 1; k >= 0 && ok; k--)
    {
        double s = x[k];
        for (j = k + 1; j < m; j++)
            s -= B[k * m + j] * x[j];
        x[k] = s / B[k * m + k];
        ok = isfinite(x[k]);
    }
    for (i = 0; i < m && ok; i++)
        rc_fmpq_set_d(w + i, x[i]);
    flint_free(B);
    flint_free(x);
    return ok;
}

/* Proposal 3, exact and deciding (P4b): w = (I - M)^{-1} 1 over Q.  rho(M) < 1 iff I - M is
   nonsingular and w > 0.  Returns 1 when the solve succeeded (w set), 0 when I - M is
   singular (then rho(M) >= 1, since rho(M) < 1 makes I - M invertible). */
static int rho_solve_exact(fmpq * w, const rc_implicit_net_t net)
{
    slong m = net->m, i, j;
    fmpq_mat_t B, X, one;
    int ok;
    fmpq_mat_init(B, m, m);
    fmpq_mat_init(X, m, 1);
    fmpq_mat_init(one, m, 1);
    for (i = 0; i < m; i++)
    {
        for (j = 0; j < m; j++)
        {
            fmpq_abs(fmpq_mat_entry(B, i, j), net->A + i * m + j);
            fmpq_mul(fmpq_mat_entry(B, i, j), fmpq_mat_entry(B, i, j), net->gamma);
            fmpq_neg(fmpq_mat_entry(B, i, j), fmpq_mat_entry(B, i, j));
        }
        fmpq_add_si(fmpq_mat_entry(B, i, i), fmpq_mat_entry(B, i, i), 1);
        fmpq_one(fmpq_mat_entry(one, i, 0));
    }
    ok = fmpq_mat_solve(X, B, one);
    for (i = 0; i < m && ok; i++)
        fmpq_set(w + i, fmpq_mat_entry(X, i, 0));
    fmpq_mat_clear(B);
    fmpq_mat_clear(X);
    fmpq_mat_clear(one);
    return ok;
}

/* Proposal 0, exact, for an acyclic |A| (nilpotent: the digraph i -> j for A_ij != 0, i = j
   included, has no cycle, so rho(M) = 0): w_i = 1 + sum_j M_ij w_j by exact substitution in
   topological order (each w_j needed is already set).  This is the exact solution of
   (I - M) w = 1, so w >= 1 and (M w)_i = w_i - 1 < w_i, whatever m and the sizes of the
   entries (the double proposals fail once w leaves the double range or precision).  Returns 0
   when the digraph has a cycle, or when the operand sizes read exceed RHO_ACYCLIC_WORK bits
   (huge dense m: w's size grows with the depth; then the route is skipped, never wrong; w is
   then unusable). */
#define RHO_ACYCLIC_WORK ((double) 1e9)   /* bits of operands read: seconds at most */

static int rho_acyclic_exact(fmpq * w, const rc_implicit_net_t net)
{
    slong m = net->m, i, j, k, head = 0, tail = 0;
    double work = 0.0;
    slong * cnt = flint_calloc(m, sizeof(slong)), * queue = flint_malloc(sizeof(slong) * m);
    fmpq_t a;
    fmpq_init(a);
    for (i = 0; i < m; i++)
    {
        for (j = 0; j < m; j++)
            cnt[i] += !fmpq_is_zero(net->A + i * m + j);   /* w_j still missing for row i */
        if (cnt[i] == 0)
            queue[tail++] = i;
    }
    while (head < tail && work <= RHO_ACYCLIC_WORK)  /* Kahn's order: every w_j of row i set */
    {
        i = queue[head++];
        fmpq_zero(w + i);
        for (j = 0; j < m; j++)
            if (!fmpq_is_zero(net->A + i * m + j))
            {
                fmpq_abs(a, net->A + i * m + j);
                fmpq_addmul(w + i, a, w + j);
                work += fmpz_bits(fmpq_numref(w + j)) + fmpz_bits(fmpq_denref(w + j))
                        + fmpz_bits(fmpq_numref(a)) + fmpz_bits(fmpq_denref(a));
            }
        fmpq_mul(w + i, w + i, net->gamma);
        fmpq_add_si(w + i, w + i, 1);
        for (k = 0; k < m; k++)             /* rows k that need w_i */
            if (!fmpq_is_zero(net->A + k * m + i) && --cnt[k] == 0)
                queue[tail++] = k;
    }
    fmpq_clear(a);
    flint_free(cnt);
    flint_free(queue);
    return tail == m && head == m;         /* acyclic, and the work budget not exceeded */
}

static void rho_accept(rc_implicit_wp_t wp, fmpq * w, const fmpq_t q)
{
    wp->rho_holds = 1;
    wp->rho_decided = 1;
    fmpq_set(wp->rho_factor, q);
    wp->rho_weights = w;
}

int rc_implicit_rho_decide(rc_implicit_wp_t wp, const rc_implicit_net_t net, slong exact_max)
{
    slong m = net->m;
    fmpq * w = _fmpq_vec_init(m);
    double * Ad = rho_abs_d(net);
    fmpq_t q;
    int holds;
    fmpq_init(q);
    rho_propose_power(w, Ad, m);
    holds = rho_check_weights(q, w, net);
    if (!holds && rho_propose_solve(w, Ad, m))
        holds = rho_check_weights(q, w, net);
    if (!holds && rho_acyclic_exact(w, net))
        holds = rho_check_weights(q, w, net);
    if (!holds && m <= exact_max)
    {
        /* Decides: a failed exact check means rho(M) >= 1 (P4b). */
        holds = rho_solve_exact(w, net) && rho_check_weights(q, w, net);
        wp->rho_decided = 1;
    }
    if (holds)
        rho_accept(wp, w, q);
    else
        _fmpq_vec_clear(w, m);
    fmpq_clear(q);
    flint_free(Ad);
    return holds;
}

int rc_implicit_rho_test(rc_implicit_wp_t wp, const rc_implicit_net_t net)
{
    return rc_implicit_rho_decide(wp, net, 0);
}
