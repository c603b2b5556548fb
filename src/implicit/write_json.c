/* relucert.implicit/1 JSON output (doc/implicit.md). */
#include "internal.h"
#include <string.h>
#include "relucert/num.h"

/* ["lo", "hi"]: exact strings when x is an exact dyadic point, else outward decimals. */
void _rc_implicit_write_encl(FILE * f, const arb_t x)
{
    char * lo, * hi;
    if (!arb_is_finite(x))
    {
        fprintf(f, "null");
        return;
    }
    if (arb_is_exact(x))
    {
        fmpq_t q;
        fmpq_init(q);
        arf_get_fmpq(q, arb_midref(x));
        lo = rc_fmpq_get_str(q);
        fprintf(f, "[\"%s\", \"%s\"]", lo, lo);
        flint_free(lo);
        fmpq_clear(q);
        return;
    }
    rc_arb_get_interval_str(&lo, &hi, x, 20);
    fprintf(f, "[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

/* ["lo", "hi"] from exact endpoints: exact strings when short, else outward decimals. */
static void end_str(FILE * f, const arf_t x, int upper)
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
            fprintf(f, "\"%s\"", lo);
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
    fprintf(f, "\"%s\"", upper ? hi : lo);
    flint_free(lo);
    flint_free(hi);
    arb_clear(t);
}

void _rc_implicit_write_ends(FILE * f, const arf_t lo, const arf_t hi)
{
    if (!arf_is_finite(hi))
    {
        fprintf(f, "null");
        return;
    }
    fprintf(f, "[");
    end_str(f, lo, 0);
    fprintf(f, ", ");
    end_str(f, hi, 1);
    fprintf(f, "]");
}

static void write_q(FILE * f, const fmpq_t x)
{
    char * s = rc_fmpq_get_str(x);
    fprintf(f, "\"%s\"", s);
    flint_free(s);
}

static const char * hyp_str(rc_hyp_status s)
{
    return s == RC_HYP_PROVED ? "proved" : s == RC_HYP_REFUTED ? "refuted"
         : s == RC_HYP_NOT_CHECKED ? "not_checked" : "not_applicable";
}

/* an enclosure of a quantity known to be >= 0: the lower end clamped at 0 */
static void write_encl_nonneg(FILE * f, const arb_t x)
{
    arf_t lo, hi;
    arf_init(lo);
    arf_init(hi);
    arb_get_lbound_arf(lo, x, 128);
    arb_get_ubound_arf(hi, x, 128);
    if (arf_sgn(lo) < 0)
        arf_zero(lo);
    if (arb_is_finite(x))
        _rc_implicit_write_ends(f, lo, hi);
    else
        fprintf(f, "null");
    arf_clear(lo);
    arf_clear(hi);
}

static void write_eq(FILE * f, const rc_implicit_eq_struct * eq, slong s, slong m, slong e)
{
    slong i;
    fprintf(f, "{\"sample\": %ld, \"found\": %s, \"exact\": %s, \"method\": ", (long) s,
            eq->found ? "true" : "false", eq->exact ? "true" : "false");
    rc_json_write_string(f, eq->how);
    if (eq->found)
    {
        fprintf(f, ", \"z\": [");
        for (i = 0; i < m; i++)
        {
            fprintf(f, i ? ", " : "");
            if (eq->exact)
                write_q(f, eq->z + i);
            else
                write_encl_nonneg(f, eq->zb + i);
        }
        fprintf(f, "], \"output\": [");
        for (i = 0; i < e; i++)
        {
            fprintf(f, i ? ", " : "");
            if (eq->exact)
                write_q(f, eq->out + i);
            else
                _rc_implicit_write_encl(f, eq->outb + i);
        }
        fprintf(f, "]");
        if (eq->active >= 0)
            fprintf(f, ", \"active\": %ld", (long) eq->active);
        fprintf(f, ", \"second_equilibrium\": %s", eq->second ? "true" : "false");
    }
    fprintf(f, "}");
}

void rc_implicit_result_write_json(FILE * f, const rc_implicit_result_t res, const rc_implicit_net_t net)
{
    slong i;
    fprintf(f, "{\"format\": \"relucert.implicit/1\", \"m\": %ld, \"d\": %ld, \"e\": %ld, "
            "\"samples\": %ld, \"gamma\": ", (long) res->m, (long) res->d, (long) res->e, (long) res->n);
    write_q(f, net->gamma);
    fprintf(f, ", \"well_posed\": %s, \"well_posed_decided\": %s, \"well_posed_method\": ",
            res->wp->well_posed ? "true" : "false", res->wp->decided ? "true" : "false");
    rc_json_write_string(f, res->wp->method);
    fprintf(f, ", \"norm_bound\": ");
    _rc_implicit_write_ends(f, res->wp->norm_lo, res->wp->norm_hi);
    fprintf(f, ", \"norm_exactly_one\": %s", res->wp->norm_exact_one ? "true" : "false");
    fprintf(f, ", \"other_conditions\": [");
    if (!res->wp->well_posed)
    {
        fprintf(f, "{\"condition\": \"rho(gamma |A|) < 1\", \"holds\": %s, \"decided\": %s",
                res->wp->rho_holds ? "true" : "false", res->wp->rho_decided ? "true" : "false");
        if (res->wp->rho_holds)
        {
            fprintf(f, ", \"factor\": ");
            write_q(f, res->wp->rho_factor);
            fprintf(f, ", \"norm\": \"max_j |z_j| / w_j\"");
        }
        fprintf(f, "}");
    }
    fprintf(f, "], \"unique\": %s", res->unique == 1 ? "true" : res->unique == 0 ? "false" : "null");
    fprintf(f, ", \"equilibria_exact\": %ld, \"equilibria_found\": %ld, \"equilibria\": [",
            (long) res->num_exact, (long) res->num_found);
    for (i = 0; i < res->n; i++)
    {
        fprintf(f, i ? ", " : "");
        write_eq(f, res->eq + i, i, res->m, res->e);
    }
    fprintf(f, "], \"gram_lambda_min\": ");
    if (res->gram_done)
        _rc_implicit_write_ends(f, res->gram.lo, res->gram.hi);
    else
        fprintf(f, "null");
    fprintf(f, ", \"gram_exact\": %s", res->gram.exact_pd == 1 ? "\"positive_definite\""
            : res->gram.exact_pd == 0 ? "\"singular\"" : "null");
    fprintf(f, ", \"loss\": ");
    _rc_implicit_write_encl(f, res->loss);
    if (res->loss_is_exact)
    {
        fprintf(f, ", \"loss_exact\": ");
        write_q(f, res->loss_exact);
    }
    fprintf(f, ", \"hypotheses\": [");
    for (i = 0; i < RC_IMPLICIT_NUM_HYP; i++)
    {
        fprintf(f, "%s{\"name\": \"%s\", \"status\": \"%s\", \"detail\": ", i ? ", " : "",
                res->hyp[i].name, hyp_str(res->hyp[i].status));
        rc_json_write_string(f, res->hyp[i].detail);
        fprintf(f, "}");
    }
    fprintf(f, "]}\n");
}
