/* Human-readable report of relucert implicit. */
#include "internal.h"
#include "relucert/num.h"

static void encl(FILE * f, const arb_t x)
{
    char * lo, * hi;
    if (!arb_is_finite(x))
    {
        fprintf(f, "(not enclosed)");
        return;
    }
    rc_arb_get_interval_str(&lo, &hi, x, 12);
    fprintf(f, "[%s, %s]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static void ends(FILE * f, const arf_t lo, const arf_t hi)
{
    char * a, * b, * c, * d;
    arb_t x;
    if (!arf_is_finite(hi))
    {
        fprintf(f, "(no upper bound certified)");
        return;
    }
    arb_init(x);
    arb_set_arf(x, lo);
    rc_arb_get_interval_str(&a, &b, x, 12);
    arb_set_arf(x, hi);
    rc_arb_get_interval_str(&c, &d, x, 12);
    fprintf(f, "[%s, %s]", a, d);
    flint_free(a); flint_free(b); flint_free(c); flint_free(d);
    arb_clear(x);
}

void rc_implicit_result_write_text(FILE * f, const rc_implicit_result_t res, const rc_implicit_net_t net)
{
    slong i, k;
    char * s = rc_fmpq_get_str(net->gamma);
    static const char * st[] = { "proved", "refuted", "not checked", "not applicable" };
    fprintf(f, "implicit ReLU network: m = %ld, d = %ld, e = %ld, gamma = %s; %ld samples\n",
            (long) res->m, (long) res->d, (long) res->e, s, (long) res->n);
    flint_free(s);
    fprintf(f, "well-posed (gamma ||A||_2 < 1): %s\n  by %s\n",
            res->wp->well_posed ? "PROVED" : res->wp->decided ? "no (gamma ||A||_2 >= 1 proved)"
                                                              : "not proved", res->wp->method);
    fprintf(f, "  gamma ||A||_2 in ");
    ends(f, res->wp->norm_lo, res->wp->norm_hi);
    fprintf(f, "%s\n", res->wp->norm_exact_one ? "  (exactly 1)" : "");
    if (!res->wp->well_posed)
    {
        if (res->wp->rho_holds)
        {
            s = rc_fmpq_get_str(res->wp->rho_factor);
            fprintf(f, "  other condition: rho(gamma |A|) < 1 PROVED (weighted max-norm contraction "
                    "factor %s): one equilibrium per input\n", s);
            flint_free(s);
        }
        else
            fprintf(f, "  other condition: rho(gamma |A|) < 1 %s\n", res->wp->rho_decided
                    ? "REFUTED (rho(gamma |A|) >= 1 proved, exact solve)" : "not proved");
    }
    fprintf(f, "uniqueness of equilibria: %s\n", res->unique == 1 ? "proved"
            : res->unique == 0 ? "REFUTED (two different exact equilibria found)" : "not proved");
    fprintf(f, "equilibria: %ld of %ld exact, %ld of %ld found or enclosed\n", (long) res->num_exact,
            (long) res->n, (long) res->num_found, (long) res->n);
    for (i = 0; i < res->n && i < 10; i++)
    {
        const rc_implicit_eq_struct * eq = res->eq + i;
        fprintf(f, "  sample %ld: %s", (long) i, eq->how);
        if (eq->found)
        {
            fprintf(f, "\n    f(x) = ");
            for (k = 0; k < res->e && k < 4; k++)
            {
                if (eq->exact)
                {
                    s = rc_fmpq_get_str(eq->out + k);
                    fprintf(f, "%s%s", k ? ", " : "", s);
                    flint_free(s);
                }
                else
                {
                    fprintf(f, "%s", k ? ", " : "");
                    encl(f, eq->outb + k);
                }
            }
            if (eq->second)
                fprintf(f, "  (a second exact equilibrium exists: not unique)");
        }
        fprintf(f, "\n");
    }
    if (res->n > 10)
        fprintf(f, "  ... (--json for all)\n");
    fprintf(f, "Gram lambda_min(z_i . z_j): ");
    if (res->gram_done)
        ends(f, res->gram.lo, res->gram.hi);
    else
        fprintf(f, "(not all equilibria known)");
    fprintf(f, "%s\n", res->gram.exact_pd == 1 ? "  (positive definite, exact)"
            : res->gram.exact_pd == 0 ? "  (singular, exact: lambda_min = 0)" : "");
    if (arb_is_finite(res->loss))
    {
        fprintf(f, "loss (1/2) sum ||f(x_i) - y_i||^2 in ");
        encl(f, res->loss);
        if (res->loss_is_exact)
        {
            char * q = rc_fmpq_get_str(res->loss_exact);
            fprintf(f, "  (exactly %s)", q);
            flint_free(q);
        }
        fprintf(f, "\n");
    }
    fprintf(f, "hypotheses of the convergence theorem (Gao & Gao 2022):\n");
    for (i = 0; i < RC_IMPLICIT_NUM_HYP; i++)
        fprintf(f, "  %-26s %-14s %s\n", res->hyp[i].name, st[res->hyp[i].status], res->hyp[i].detail);
}
