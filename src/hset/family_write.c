/* The family table (relucert family): relucert.family/1 JSON, Markdown, CSV and LaTeX. */
#include <string.h>
#include "relucert/num.h"
#include "relucert/hset.h"

#define MD RC_HSET_FAMILY_MD
#define CSV RC_HSET_FAMILY_CSV
#define TEX RC_HSET_FAMILY_TEX
#define JSON RC_HSET_FAMILY_JSON

/* Exact integer as text; in md/tex, huge powers of two are written 2^m to stay readable. */
static void write_count(rc_jsonw_t w, const fmpz_t x, rc_hset_family_format fmt)
{
    char * s;
    if ((fmt == MD || fmt == TEX) && fmpz_bits(x) > 64 && fmpz_val2(x) + 1 == fmpz_bits(x))
    {
        rc_jsonw_printf(w, fmt == TEX ? "$2^{%lu}$" : "2^%lu", (unsigned long) fmpz_val2(x));
        return;
    }
    s = rc_fmpz_get_str(x);
    rc_jsonw_puts(w, s);
    flint_free(s);
}

static void write_betti(rc_jsonw_t w, const rc_hset_family_row_t row, rc_hset_family_format fmt)
{
    slong i;
    char * s;
    if (row->betti_shown && row->betti_len == 0)
    {
        rc_jsonw_puts(w, fmt == JSON ? "[]" : "0");
        return;
    }
    if (!row->betti_shown)
    {
        rc_jsonw_puts(w, fmt == JSON ? "null" : (fmt == TEX ? "---" : "(see Poincare)"));
        return;
    }
    rc_jsonw_puts(w, fmt == JSON ? "[" : (fmt == CSV ? "\"" : ""));
    for (i = 0; i < row->betti_len; i++)
    {
        s = rc_fmpz_get_str(row->betti + i);
        rc_jsonw_printf(w, fmt == JSON ? "%s\"%s\"" : "%s%s", i ? (fmt == JSON ? ", " : " ") : "", s);
        flint_free(s);
    }
    rc_jsonw_puts(w, fmt == JSON ? "]" : (fmt == CSV ? "\"" : ""));
}

/* The factored Poincare polynomial; in LaTeX "a * b" is written "a \cdot b". */
static void write_poincare(rc_jsonw_t w, const char * p, rc_hset_family_format fmt)
{
    const char * r;
    if (fmt != TEX)
    {
        rc_jsonw_puts(w, p);
        return;
    }
    for (r = p; *r != '\0'; r++)
        if (*r == '*')
            rc_jsonw_puts(w, "\\cdot");
        else
            rc_jsonw_printf(w, "%c", *r);
}

void rc_hset_family_write_head(rc_jsonw_t w, rc_hset_family_format fmt)
{
    if (fmt == JSON)
        rc_jsonw_puts(w, "{\"format\": \"relucert.family/1\", \"rows\": [");
    else if (fmt == CSV)
        rc_jsonw_puts(w, "input_dim_effective,output_dim,hidden,negative,zero,positive,components,"
                      "effective_components,poincare,betti\n");
    else if (fmt == TEX)
        rc_jsonw_puts(w, "\\begin{tabular}{rrrrrrrrll}\n\\toprule\n$d'$ & $e$ & $l$ & $l_-$ & $l_0$ & "
                      "$l_+$ & $b_0$ & eff. & $P(t)$ & Betti \\\\\n\\midrule\n");
    else
        rc_jsonw_puts(w, "| d' | e | l | c<0 | c=0 | c>0 | components | effective | Poincare | Betti |\n"
                      "|---:|---:|---:|---:|---:|---:|---:|---:|---|---|\n");
}

void rc_hset_family_write_row(rc_jsonw_t w, const rc_hset_family_row_t row,
                              rc_hset_family_format fmt, int first)
{
    const char * sep = fmt == CSV ? "," : (fmt == TEX ? " & " : " | ");
    if (fmt == JSON)
        rc_jsonw_printf(w, "%s\n  {\"input_dim_effective\": %ld, \"output_dim\": %ld, \"hidden\": %ld, "
                        "\"negative\": %ld, \"zero\": %ld, \"positive\": %ld, \"components\": \"",
                        first ? "" : ",", (long) row->dim_in, (long) row->dim_out, (long) row->hidden,
                        (long) row->negative, (long) row->zero, (long) row->positive);
    else
        rc_jsonw_printf(w, "%s%ld%s%ld%s%ld%s%ld%s%ld%s%ld%s", fmt == MD ? "| " : "",
                        (long) row->dim_in, sep, (long) row->dim_out, sep, (long) row->hidden, sep,
                        (long) row->negative, sep, (long) row->zero, sep, (long) row->positive, sep);
    write_count(w, row->components, fmt);
    rc_jsonw_puts(w, fmt == JSON ? "\", \"effective_components\": \"" : sep);
    write_count(w, row->effective, fmt);
    rc_jsonw_puts(w, fmt == JSON ? "\", \"poincare\": \"" : fmt == CSV ? ",\"" : fmt == TEX ? " & $" : sep);
    write_poincare(w, row->poincare, fmt);
    rc_jsonw_puts(w, fmt == JSON ? "\", \"betti\": " : fmt == CSV ? "\"," : fmt == TEX ? "$ & " : sep);
    write_betti(w, row, fmt);
    rc_jsonw_puts(w, fmt == JSON ? "}" : (fmt == TEX ? " \\\\\n" : (fmt == MD ? " |\n" : "\n")));
}

void rc_hset_family_write_tail(rc_jsonw_t w, rc_hset_family_format fmt)
{
    if (fmt == JSON)
        rc_jsonw_puts(w, "\n]}\n");
    else if (fmt == TEX)
        rc_jsonw_puts(w, "\\bottomrule\n\\end{tabular}\n");
}

void rc_hset_family_write_text(rc_jsonw_t w, const rc_hset_family_t fam, rc_hset_family_format fmt)
{
    slong i;
    rc_hset_family_write_head(w, fmt);
    for (i = 0; fam->rows != NULL && i < fam->nrows; i++)
        rc_hset_family_write_row(w, fam->rows + i, fmt, i == 0);
    rc_hset_family_write_tail(w, fmt);
}

void rc_hset_family_write_json(rc_jsonw_t w, const rc_hset_family_t fam)
{
    rc_hset_family_write_text(w, fam, JSON);
}
