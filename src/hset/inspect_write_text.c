/* The text report of `relucert inspect` for a shallow network: header, the neuron table (first
   50 neurons unless all), levels, components, Poincare polynomial, Betti numbers when short, and
   the component of theta. */
#include <string.h>
#include "relucert/hset.h"
#include "relucert/num.h"

static const char * class_name(const rc_hset_t h, slong k)
{
    if (h->sgn[k] < 0)
        return rc_hset_factor_is_disconnected(h, k) ? "c<0 pathological" : "c<0 connected";
    if (h->sgn[k] > 0)
        return rc_hset_factor_is_disconnected(h, k) ? "c>0 disconnected" : "c>0 connected";
    return "c=0 cone";
}

static void write_table(rc_jsonw_t w, const rc_hset_inspect_t res, int all)
{
    const rc_hset_struct * h = res->h;
    slong k, shown = all ? res->l : FLINT_MIN(res->l, 50);
    rc_quadric_type_t qt;
    char * s, * t;
    rc_jsonw_printf(w, "  %-7s %-24s %-17s %-18s %s\n", "neuron", "level c_k (exact)", "class",
                    "factor Q(c_k)", "side");
    for (k = 0; k < shown; k++)
    {
        s = rc_fmpq_get_str(res->c + k);
        rc_hset_factor_type(qt, h, k);
        t = rc_quadric_type_get_str(qt);
        rc_jsonw_printf(w, "  %-7ld %-24s %-17s %-18s %s\n", (long) k,
                        strlen(s) <= 24 ? s : "(long, see --json)", class_name(h, k), t,
                        rc_hset_factor_is_disconnected(h, k) ? (h->side[k] > 0 ? "+" : "-") : ".");
        flint_free(s);
        flint_free(t);
    }
    if (shown < res->l)
        rc_jsonw_printf(w, "  ... %ld more neurons (--all prints them)\n", (long) (res->l - shown));
}

/* [b_0, b_1, ...] as bare integers */
static void write_betti(rc_jsonw_t w, const fmpz_poly_t P)
{
    slong i;
    char * s;
    rc_jsonw_puts(w, "[");
    for (i = 0; i < fmpz_poly_length(P); i++)
    {
        s = rc_fmpz_get_str(fmpz_poly_get_coeff_ptr(P, i));
        rc_jsonw_printf(w, "%s%s", i ? ", " : "", s);
        flint_free(s);
    }
    rc_jsonw_puts(w, "]");
}

/* components (2^m, shortened beyond 200 bits), effective components, Poincare, Betti */
static void write_counts(rc_jsonw_t w, const rc_hset_inspect_t res)
{
    const rc_hset_struct * h = res->h;
    int big = fmpz_bits(res->components) > 200;
    char * s;
    rc_jsonw_printf(w, "\n  levels: %ld negative (%ld pathological), %ld zero, %ld positive\n",
                    (long) h->n_neg, (long) rc_hset_num_neg_disconnected(h), (long) h->n_zero,
                    (long) h->n_pos);
    s = rc_fmpz_get_str(res->components);
    rc_jsonw_printf(w, "  connected components of H(c): %s%s", big ? "2^" : "", big ? "" : s);
    if (big)
        rc_jsonw_printf(w, "%ld", (long) rc_hset_num_disconnected(h));
    else if (rc_hset_num_disconnected(h) > 0)
        rc_jsonw_printf(w, " = 2^%ld", (long) rc_hset_num_disconnected(h));
    rc_jsonw_puts(w, "\n");
    flint_free(s);
    s = rc_fmpz_get_str(res->effective);
    rc_jsonw_printf(w, "  effective components:         %s\n", s);
    flint_free(s);
    rc_jsonw_printf(w, "  Poincare polynomial:          %s\n", res->poincare);
    if (res->have_betti && fmpz_poly_length(res->betti) <= 12 && fmpz_poly_max_bits(res->betti) < 128)
    {
        rc_jsonw_puts(w, "  Betti numbers:                ");
        write_betti(w, res->betti);
        rc_jsonw_puts(w, "\n");
    }
    else
        rc_jsonw_printf(w, "  Betti numbers:                %s\n", res->have_betti ? "long list (--json prints it)"
                        : "not expanded: over --betti-limit (read them off the factored form above)");
}

void rc_hset_inspect_write_text(rc_jsonw_t w, const rc_hset_inspect_t res, const char * path, int all)
{
    const rc_hset_struct * h = res->h;
    const char * s = res->component;
    char * a = rc_fmpq_get_str(res->leak);
    int relu = fmpq_is_zero(res->leak);
    rc_jsonw_printf(w, "network %s\n  d = %ld, hidden bias %s (d' = %ld), l = %ld neurons, e = %ld outputs, "
                    "output bias %s, activation %s%s\n\n", path, (long) res->d, res->has_b1 ? "yes" : "no",
                    (long) res->dim_in, (long) res->l, (long) res->e, res->has_b2 ? "yes" : "no",
                    relu ? "relu" : "leaky_relu a = ", relu ? "" : a);
    flint_free(a);
    write_table(w, res, all);
    write_counts(w, res);
    if (strlen(s) <= 64 || all)
        rc_jsonw_printf(w, "  component of theta:           %s\n", s[0] ? s : "(H(c) is connected)");
    else
        rc_jsonw_printf(w, "  component of theta:           %.48s... (%ld signs; --all or --json for all)\n",
                        s, (long) strlen(s));
    if (s[0])
        rc_jsonw_printf(w, "  effective component:          %ld of %ld pathological '+', %ld of %ld c>0 (d'=1) '+'\n",
                        (long) res->plus_neg, (long) rc_hset_num_neg_disconnected(h),
                        (long) res->plus_pos, (long) rc_hset_num_pos_disconnected(h));
}
