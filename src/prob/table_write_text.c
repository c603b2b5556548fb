/* rc_prob_table_write_text: the tables of `relucert table` (CSV, Markdown, LaTeX booktabs). */
#include <string.h>
#include "relucert/num.h"
#include "relucert/prob.h"
#include "prob_internal.h"

#define CSV RC_PROB_TABLE_CSV
#define MD RC_PROB_TABLE_MD
#define TEX RC_PROB_TABLE_TEX

/* One value: certified digits (every point of the ball rounds to them), the enclosure with 3
   digits when no digit is certified, "~x (MC)" for a Monte Carlo estimate, n/a (empty in CSV)
   for a cell without a value. */
static void write_cell(rc_jsonw_t w, const rc_prob_stats_struct * st, rc_prob_quantity q,
                       slong digits, rc_prob_table_format fmt)
{
    arb_srcptr x = rc_prob_stats_get(st, q);
    char * s, * lo, * hi, * e;
    if (st->method[0] == '\0')
    {
        rc_jsonw_puts(w, fmt == CSV ? "" : "n/a");
        return;
    }
    if (!st->certified)
    {
        /* Monte Carlo: midpoint with 3 digits, marked */
        double mid = arf_get_d(arb_midref(x), ARF_RND_NEAR);
        char buf[48];
        if (fmt == CSV)
            snprintf(buf, sizeof buf, "%.6g", mid);
        else
            snprintf(buf, sizeof buf, fmt == TEX ? "$\\approx$%.3g (MC)" : "~%.3g (MC)", mid);
        rc_jsonw_puts(w, buf);
        return;
    }
    s = rc_prob_certified_digits_str(x, digits);
    if (s == NULL)
    {
        /* in CSV quoted (RFC 4180): unquoted, its comma shifted the _lo/_hi columns of the row
           (found by a tester: a reader took a lower end for the certified upper bound) */
        _rc_prob_interval_str(&lo, &hi, x, 3, _rc_prob_quantity_is_probability(q));
        rc_jsonw_printf(w, fmt == CSV ? "\"[%s, %s]\"" : "[%s, %s]", lo, hi);
        flint_free(lo);
        flint_free(hi);
        return;
    }
    e = strchr(s, 'e');
    if (fmt == TEX && e != NULL)   /* 1.5e-7 -> $1.5\cdot 10^{-7}$ */
    {
        *e = '\0';
        rc_jsonw_printf(w, "$%s\\cdot 10^{%s}$", s, e + 1);
    }
    else
        rc_jsonw_puts(w, s);
    flint_free(s);
}

/* ",lo,hi" outward, or ",," for a cell without a value. */
static void write_bounds(rc_jsonw_t w, const rc_prob_stats_struct * st, rc_prob_quantity q, slong digits)
{
    char * lo, * hi;
    if (st->method[0] == '\0')
    {
        rc_jsonw_puts(w, ",,");
        return;
    }
    _rc_prob_interval_str(&lo, &hi, rc_prob_stats_get(st, q), digits, _rc_prob_quantity_is_probability(q));
    rc_jsonw_printf(w, ",%s,%s", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static const char * quantity_label(rc_prob_quantity q, rc_prob_table_format fmt)
{
    static const char * const md[] = { "P(c<0)", "P(factor disc.)", "P(H(c) disconnected)",
                                       "E[#components]", "E[#effective]" };
    static const char * const tex[] = { "$P(c_k<0)$", "$P(Q(c_k)$ disc.$)$",
                                        "$P(H(c)$ disc.$)$", "$E[b_0]$", "$E[\\#\\mathrm{eff}]$" };
    return fmt == TEX ? tex[q] : md[q];
}

static void write_long_head(rc_jsonw_t w, const rc_prob_table_t t)
{
    int j, nq = t->n_quantities;
    const rc_prob_quantity * qs = t->quantities;
    if (t->format == CSV)
    {
        rc_jsonw_puts(w, "scheme,input_dim,hidden,output_dim,bias,certified,method");
        for (j = 0; j < nq; j++)
            rc_jsonw_printf(w, ",%s,%s_lo,%s_hi", rc_prob_quantity_name(qs[j]),
                            rc_prob_quantity_name(qs[j]), rc_prob_quantity_name(qs[j]));
        rc_jsonw_puts(w, "\n");
    }
    else if (t->format == MD)
    {
        rc_jsonw_puts(w, "| scheme | d | l | e |");
        for (j = 0; j < nq; j++)
            rc_jsonw_printf(w, " %s |", quantity_label(qs[j], t->format));
        rc_jsonw_puts(w, "\n|---|--:|--:|--:|");
        for (j = 0; j < nq; j++)
            rc_jsonw_puts(w, "---|");
        rc_jsonw_puts(w, "\n");
    }
    else
    {
        rc_jsonw_puts(w, "\\begin{tabular}{lrrr");
        for (j = 0; j < nq; j++)
            rc_jsonw_puts(w, "l");
        rc_jsonw_puts(w, "}\n\\toprule\nscheme & $d$ & $l$ & $e$");
        for (j = 0; j < nq; j++)
            rc_jsonw_printf(w, " & %s", quantity_label(qs[j], t->format));
        rc_jsonw_puts(w, " \\\\\n\\midrule\n");
    }
}

/* One row per cell. */
static void write_long(rc_jsonw_t w, const rc_prob_table_t t)
{
    slong i;
    int j, any_mc = 0, fmt = t->format;
    const char * sep = fmt == TEX ? " & " : " | ";
    write_long_head(w, t);
    for (i = 0; i < t->n; i++)
    {
        const rc_prob_model_struct * m = t->cells[i].model;
        const rc_prob_stats_struct * st = t->cells[i].stats;
        any_mc |= (st->method[0] != '\0' && !st->certified);
        if (fmt == CSV)
            rc_jsonw_printf(w, "%s,%ld,%ld,%ld,%d,%s,%s", rc_prob_scheme_name(m->scheme), (long) m->d,
                            (long) m->l, (long) m->e, m->bias, st->certified ? "true" : "false",
                            st->method[0] ? st->method : "none");
        else
            rc_jsonw_printf(w, "%s%s%s%ld%s%ld%s%ld", fmt == MD ? "| " : "",
                            rc_prob_scheme_name(m->scheme), sep, (long) m->d, sep, (long) m->l, sep,
                            (long) m->e);
        for (j = 0; j < t->n_quantities; j++)
        {
            rc_jsonw_puts(w, fmt == CSV ? "," : sep);
            write_cell(w, st, t->quantities[j], t->digits, t->format);
            if (fmt == CSV)
                write_bounds(w, st, t->quantities[j], t->digits + 2);
        }
        rc_jsonw_puts(w, fmt == MD ? " |\n" : fmt == TEX ? " \\\\\n" : "\n");
    }
    if (fmt == TEX)
        rc_jsonw_puts(w, "\\bottomrule\n\\end{tabular}\n");
    if (fmt != CSV)
    {
        rc_jsonw_puts(w, fmt == MD ? "\n" : "% ");
        rc_jsonw_puts(w, "Certified digits only: each value is the true value correctly rounded to the "
                      "digits shown.\n");
        if (any_mc)
            rc_jsonw_printf(w, "%s(MC): NOT certified, Monte Carlo estimate (see relucert prob "
                            "--monte-carlo).\n", fmt == MD ? "\n" : "% ");
    }
}

/* Rows d, columns l: one scheme, one e, one quantity (cells are d-major, l-minor). */
static void write_grid(rc_jsonw_t w, const rc_prob_table_t t)
{
    slong i, j;
    int fmt = t->format;
    rc_prob_quantity q = t->quantities[0];
    const char * sep = fmt == TEX ? " & " : fmt == MD ? " | " : ",";
    const rc_prob_model_struct * m0 = t->cells[0].model;
    if (fmt == TEX)
    {
        rc_jsonw_printf(w, "%% %s, %s, e = %ld; rows d, columns l\n\\begin{tabular}{r",
                        rc_prob_scheme_name(m0->scheme), rc_prob_quantity_name(q), (long) m0->e);
        for (j = 0; j < t->n_l; j++)
            rc_jsonw_puts(w, "l");
        rc_jsonw_puts(w, "}\n\\toprule\n$d \\backslash l$");
    }
    else if (fmt == MD)
        rc_jsonw_printf(w, "%s, %s, e = %ld (rows d, columns l)\n\n| d \\ l",
                        rc_prob_scheme_name(m0->scheme), rc_prob_quantity_name(q), (long) m0->e);
    else
        rc_jsonw_puts(w, "d\\l");
    for (j = 0; j < t->n_l; j++)
        rc_jsonw_printf(w, "%s%ld", sep, (long) t->l[j]);
    if (fmt == TEX)
        rc_jsonw_puts(w, " \\\\\n\\midrule\n");
    else if (fmt == MD)
    {
        rc_jsonw_puts(w, " |\n|--:|");
        for (j = 0; j < t->n_l; j++)
            rc_jsonw_puts(w, "---|");
        rc_jsonw_puts(w, "\n");
    }
    else
        rc_jsonw_puts(w, "\n");
    for (i = 0; i < t->n_d; i++)
    {
        rc_jsonw_printf(w, "%s%ld", fmt == MD ? "| " : "", (long) t->d[i]);
        for (j = 0; j < t->n_l; j++)
        {
            rc_jsonw_puts(w, sep);
            write_cell(w, t->cells[i * t->n_l + j].stats, q, t->digits, t->format);
        }
        rc_jsonw_puts(w, fmt == MD ? " |\n" : fmt == TEX ? " \\\\\n" : "\n");
    }
    if (fmt == TEX)
        rc_jsonw_puts(w, "\\bottomrule\n\\end{tabular}\n");
}

void rc_prob_table_write_text(rc_jsonw_t w, const rc_prob_table_t t)
{
    if (t->n == 0)
        return;
    if (t->grid)
        write_grid(w, t);
    else
        write_long(w, t);
}
