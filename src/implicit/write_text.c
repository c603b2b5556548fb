/* Human-readable report of relucert implicit. */
#include "internal.h"
#include "relucert/jsonw.h"
#include "relucert/num.h"

static void encl(rc_jsonw_struct * w, const arb_t x)
{
    char * lo, * hi;
    if (!arb_is_finite(x))
    {
        rc_jsonw_printf(w, "(not enclosed)");
        return;
    }
    rc_arb_get_interval_str(&lo, &hi, x, 12);
    rc_jsonw_printf(w, "[%s, %s]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static void ends(rc_jsonw_struct * w, const arf_t lo, const arf_t hi)
{
    char * a, * b, * c, * d;
    arb_t x;
    if (!arf_is_finite(hi))
    {
        rc_jsonw_printf(w, "(no upper bound certified)");
        return;
    }
    arb_init(x);
    arb_set_arf(x, lo);
    rc_arb_get_interval_str(&a, &b, x, 12);
    arb_set_arf(x, hi);
    rc_arb_get_interval_str(&c, &d, x, 12);
    rc_jsonw_printf(w, "[%s, %s]", a, d);
    flint_free(a); flint_free(b); flint_free(c); flint_free(d);
    arb_clear(x);
}

/* The Gram matrix and the loss are the network's only when its equilibria are unique; otherwise
   they are those of the equilibria found (a note on their lines). */
static const char * scope_note(const rc_implicit_result_t res)
{
    return res->unique == 1 ? "" : res->unique == 0
           ? "  [of the equilibria found; they are NOT unique, another choice may differ]"
           : "  [of the equilibria found; uniqueness not proved]";
}

void rc_implicit_result_write_text(rc_jsonw_t w, const rc_implicit_result_t res, const rc_implicit_net_t net)
{
    slong i, k;
    char * s = rc_fmpq_get_str(net->gamma);
    static const char * st[] = { "proved", "refuted", "not checked", "not applicable" };
    rc_jsonw_printf(w, "implicit ReLU network: m = %ld, d = %ld, e = %ld, gamma = %s; %ld samples\n",
            (long) res->m, (long) res->d, (long) res->e, s, (long) res->n);
    flint_free(s);
    rc_jsonw_printf(w, "well-posed (gamma ||A||_2 < 1): %s\n  by %s\n",
            res->wp->well_posed ? "PROVED" : res->wp->decided ? "no (gamma ||A||_2 >= 1 proved)"
                                                              : "not proved", res->wp->method);
    rc_jsonw_printf(w, "  gamma ||A||_2 in ");
    ends(w, res->wp->norm_lo, res->wp->norm_hi);
    rc_jsonw_printf(w, "%s\n", res->wp->norm_exact_one ? "  (exactly 1)" : "");
    if (!res->wp->well_posed)
    {
        if (res->wp->rho_holds)
        {
            s = rc_fmpq_get_str(res->wp->rho_factor);
            rc_jsonw_printf(w, "  other condition: rho(gamma |A|) < 1 PROVED (weighted max-norm contraction "
                    "factor %s): one equilibrium per input\n", s);
            flint_free(s);
        }
        else
            rc_jsonw_printf(w, "  other condition: rho(gamma |A|) < 1 %s\n", res->wp->rho_decided
                    ? "REFUTED (rho(gamma |A|) >= 1 proved, exact solve)" : "not proved");
    }
    if (res->exact_skipped)
        rc_jsonw_printf(w, "exact routes SKIPPED (resource limit): gamma, A and X hold %ld bits > %ld; "
                        "only the certified float routes ran\n", (long) res->exact_input_bits,
                        (long) RC_IMPLICIT_EXACT_BITS_MAX);
    rc_jsonw_printf(w, "uniqueness of equilibria: %s\n", res->unique == 1 ? "proved"
            : res->unique == 0 ? "REFUTED (two different exact equilibria found)" : "not proved");
    rc_jsonw_printf(w, "equilibria: %ld of %ld exact, %ld of %ld found or enclosed\n", (long) res->num_exact,
            (long) res->n, (long) res->num_found, (long) res->n);
    for (i = 0; i < res->n && i < 10; i++)
    {
        const rc_implicit_eq_struct * eq = res->eq + i;
        rc_jsonw_printf(w, "  sample %ld: %s", (long) i, eq->how);
        if (eq->found)
        {
            rc_jsonw_printf(w, "\n    f(x) = ");
            for (k = 0; k < res->e && k < 4; k++)
            {
                if (eq->exact)
                {
                    s = rc_fmpq_get_str(eq->out + k);
                    rc_jsonw_printf(w, "%s%s", k ? ", " : "", s);
                    flint_free(s);
                }
                else
                {
                    rc_jsonw_printf(w, "%s", k ? ", " : "");
                    encl(w, eq->outb + k);
                }
            }
            if (eq->second)
                rc_jsonw_printf(w, "  (a second exact equilibrium exists: not unique)");
        }
        rc_jsonw_printf(w, "\n");
    }
    if (res->n > 10)
        rc_jsonw_printf(w, "  ... (--json for all)\n");
    rc_jsonw_printf(w, "Gram lambda_min(z_i . z_j): ");
    if (res->gram_done)
        ends(w, res->gram.lo, res->gram.hi);
    else
        rc_jsonw_printf(w, "(not all equilibria known)");
    rc_jsonw_printf(w, "%s%s\n", res->gram.exact_pd == 1 ? "  (positive definite, exact)"
            : res->gram.exact_pd == 0 ? "  (singular, exact: lambda_min = 0)" : "",
            res->gram_done ? scope_note(res) : "");
    if (arb_is_finite(res->loss))
    {
        rc_jsonw_printf(w, "loss (1/2) sum ||f(x_i) - y_i||^2 in ");
        encl(w, res->loss);
        if (res->loss_is_exact)
        {
            char * q = rc_fmpq_get_str(res->loss_exact);
            rc_jsonw_printf(w, "  (exactly %s)", q);
            flint_free(q);
        }
        rc_jsonw_printf(w, "%s\n", scope_note(res));
    }
    rc_jsonw_printf(w, "hypotheses of the convergence theorem (Gao & Gao 2022):\n");
    for (i = 0; i < RC_IMPLICIT_NUM_HYP; i++)
        rc_jsonw_printf(w, "  %-26s %-14s %s\n", res->hyp[i].name, st[res->hyp[i].status], res->hyp[i].detail);
}
