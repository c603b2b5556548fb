/* relucert.implicit/1 JSON output (doc/implicit.md). */
#include "internal.h"
#include "relucert/jsonw.h"
#include <string.h>
#include "relucert/num.h"

/* ["lo", "hi"]: exact strings when x is an exact dyadic point, else outward decimals. */
void _rc_implicit_write_encl(rc_jsonw_t w, const arb_t x)
{
    char * lo, * hi;
    if (!arb_is_finite(x))
    {
        rc_jsonw_printf(w, "null");
        return;
    }
    if (arb_is_exact(x))
    {
        fmpq_t q;
        fmpq_init(q);
        arf_get_fmpq(q, arb_midref(x));
        lo = rc_fmpq_get_str(q);
        rc_jsonw_printf(w, "[\"%s\", \"%s\"]", lo, lo);
        flint_free(lo);
        fmpq_clear(q);
        return;
    }
    rc_arb_get_interval_str(&lo, &hi, x, 20);
    rc_jsonw_printf(w, "[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

/* ["lo", "hi"] from exact endpoints: exact strings when short, else outward decimals. */
static void end_str(rc_jsonw_struct * w, const arf_t x, int upper)
{
    char * lo, * hi;
    arb_t t;
    fmpq_t q;
    if (arf_bits(x) <= 64 && arf_is_finite(x) && fmpz_bits(ARF_EXPREF(x)) < 12)
    {
        fmpq_init(q);
        arf_get_fmpq(q, x);
        lo = rc_fmpq_get_str(q);
        if (strlen(lo) <= 24)
        {
            rc_jsonw_printf(w, "\"%s\"", lo);
            flint_free(lo);
            fmpq_clear(q);
            return;
        }
        flint_free(lo);
        fmpq_clear(q);
    }
    arb_init(t);
    arb_set_arf(t, x);
    rc_arb_get_interval_str(&lo, &hi, t, 20);
    rc_jsonw_printf(w, "\"%s\"", upper ? hi : lo);
    flint_free(lo);
    flint_free(hi);
    arb_clear(t);
}

void _rc_implicit_write_ends(rc_jsonw_t w, const arf_t lo, const arf_t hi)
{
    if (!arf_is_finite(hi))
    {
        rc_jsonw_printf(w, "null");
        return;
    }
    rc_jsonw_printf(w, "[");
    end_str(w, lo, 0);
    rc_jsonw_printf(w, ", ");
    end_str(w, hi, 1);
    rc_jsonw_printf(w, "]");
}

static void write_q(rc_jsonw_struct * w, const fmpq_t x)
{
    char * s = rc_fmpq_get_str(x);
    rc_jsonw_printf(w, "\"%s\"", s);
    flint_free(s);
}

static const char * hyp_str(rc_hyp_status s)
{
    return s == RC_HYP_PROVED ? "proved" : s == RC_HYP_REFUTED ? "refuted"
         : s == RC_HYP_NOT_CHECKED ? "not_checked" : "not_applicable";
}

/* an enclosure of a quantity known to be >= 0: the lower end clamped at 0 */
static void write_encl_nonneg(rc_jsonw_struct * w, const arb_t x)
{
    arf_t lo, hi;
    arf_init(lo);
    arf_init(hi);
    arb_get_lbound_arf(lo, x, 128);
    arb_get_ubound_arf(hi, x, 128);
    if (arf_sgn(lo) < 0)
        arf_zero(lo);
    if (arb_is_finite(x))
        _rc_implicit_write_ends(w, lo, hi);
    else
        rc_jsonw_printf(w, "null");
    arf_clear(lo);
    arf_clear(hi);
}

static void write_eq(rc_jsonw_struct * w, const rc_implicit_eq_struct * eq, slong s, slong m, slong e)
{
    slong i;
    rc_jsonw_printf(w, "{\"sample\": %ld, \"found\": %s, \"exact\": %s, \"method\": ", (long) s,
            eq->found ? "true" : "false", eq->exact ? "true" : "false");
    rc_jsonw_string(w, eq->how);
    if (eq->found)
    {
        rc_jsonw_printf(w, ", \"z\": [");
        for (i = 0; i < m; i++)
        {
            rc_jsonw_printf(w, i ? ", " : "");
            if (eq->exact)
                write_q(w, eq->z + i);
            else
                write_encl_nonneg(w, eq->zb + i);
        }
        rc_jsonw_printf(w, "], \"output\": [");
        for (i = 0; i < e; i++)
        {
            rc_jsonw_printf(w, i ? ", " : "");
            if (eq->exact)
                write_q(w, eq->out + i);
            else
                _rc_implicit_write_encl(w, eq->outb + i);
        }
        rc_jsonw_printf(w, "]");
        if (eq->active >= 0)
            rc_jsonw_printf(w, ", \"active\": %ld", (long) eq->active);
        rc_jsonw_printf(w, ", \"second_equilibrium\": %s", eq->second ? "true" : "false");
    }
    rc_jsonw_printf(w, "}");
}

void rc_implicit_result_write_json(rc_jsonw_t w, const rc_implicit_result_t res, const rc_implicit_net_t net)
{
    slong i;
    rc_jsonw_printf(w, "{\"format\": \"relucert.implicit/1\", \"m\": %ld, \"d\": %ld, \"e\": %ld, "
            "\"samples\": %ld, \"gamma\": ", (long) res->m, (long) res->d, (long) res->e, (long) res->n);
    write_q(w, net->gamma);
    rc_jsonw_printf(w, ", \"well_posed\": %s, \"well_posed_decided\": %s, \"well_posed_method\": ",
            res->wp->well_posed ? "true" : "false", res->wp->decided ? "true" : "false");
    rc_jsonw_string(w, res->wp->method);
    rc_jsonw_printf(w, ", \"norm_bound\": ");
    _rc_implicit_write_ends(w, res->wp->norm_lo, res->wp->norm_hi);
    rc_jsonw_printf(w, ", \"norm_exactly_one\": %s", res->wp->norm_exact_one ? "true" : "false");
    rc_jsonw_printf(w, ", \"other_conditions\": [");
    if (!res->wp->well_posed)
    {
        rc_jsonw_printf(w, "{\"condition\": \"rho(gamma |A|) < 1\", \"holds\": %s, \"decided\": %s",
                res->wp->rho_holds ? "true" : "false", res->wp->rho_decided ? "true" : "false");
        if (res->wp->rho_holds)
        {
            rc_jsonw_printf(w, ", \"factor\": ");
            write_q(w, res->wp->rho_factor);
            rc_jsonw_printf(w, ", \"norm\": \"max_j |z_j| / w_j\"");
        }
        rc_jsonw_printf(w, "}");
    }
    rc_jsonw_printf(w, "], \"unique\": %s", _rc_implicit_tribool_json(res->unique));
    rc_jsonw_printf(w, ", \"exact_routes\": ");
    if (res->exact_skipped)
        rc_jsonw_printf(w, "\"skipped: gamma, A and X hold %ld bits > %ld (resource limit)\"",
                        (long) res->exact_input_bits, (long) RC_IMPLICIT_EXACT_BITS_MAX);
    else
        rc_jsonw_puts(w, "null");
    rc_jsonw_printf(w, ", \"equilibria_exact\": %ld, \"equilibria_found\": %ld, \"equilibria\": [",
            (long) res->num_exact, (long) res->num_found);
    for (i = 0; i < res->n; i++)
    {
        rc_jsonw_printf(w, i ? ", " : "");
        write_eq(w, res->eq + i, i, res->m, res->e);
    }
    /* gram_* and loss* describe the network only when its equilibria are unique */
    rc_jsonw_printf(w, "], \"equilibria_scope\": \"%s\"", res->unique == 1 ? "unique" : "found");
    rc_jsonw_printf(w, ", \"gram_lambda_min\": ");
    if (res->gram_done)
        _rc_implicit_write_ends(w, res->gram.lo, res->gram.hi);
    else
        rc_jsonw_printf(w, "null");
    rc_jsonw_printf(w, ", \"gram_exact\": %s", res->gram.exact_pd == 1 ? "\"positive_definite\""
            : res->gram.exact_pd == 0 ? "\"singular\"" : "null");
    rc_jsonw_printf(w, ", \"loss\": ");
    _rc_implicit_write_encl(w, res->loss);
    if (res->loss_is_exact)
    {
        rc_jsonw_printf(w, ", \"loss_exact\": ");
        write_q(w, res->loss_exact);
    }
    rc_jsonw_printf(w, ", \"hypotheses\": [");
    for (i = 0; i < RC_IMPLICIT_NUM_HYP; i++)
    {
        rc_jsonw_printf(w, "%s{\"name\": \"%s\", \"status\": \"%s\", \"detail\": ", i ? ", " : "",
                res->hyp[i].name, hyp_str(res->hyp[i].status));
        rc_jsonw_string(w, res->hyp[i].detail);
        rc_jsonw_printf(w, "}");
    }
    rc_jsonw_printf(w, "]}\n");
}
