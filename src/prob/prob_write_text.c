/* rc_prob_result_write_text: the readable report of `relucert prob` (doc/prob.md). */
#include <inttypes.h>
#include "relucert/num.h"
#include "relucert/prob.h"
#include "prob_internal.h"

/* "  LABEL  DIGITS in [lo, hi]": the certified digits (when certified and some digit is) and the
   outward-rounded enclosure. */
static void write_line(rc_jsonw_t w, const char * label, const arb_t x, slong digits, int certified,
                       int unit)
{
    char * lo, * hi, * c;
    _rc_prob_interval_str(&lo, &hi, x, digits, unit);
    c = certified ? rc_prob_certified_digits_str(x, digits) : NULL;
    rc_jsonw_printf(w, "  %-32s ", label);
    if (c != NULL)
        rc_jsonw_printf(w, "%-24s in [%s, %s]\n", c, lo, hi);
    else
        rc_jsonw_printf(w, "[%s, %s]\n", lo, hi);
    flint_free(lo);
    flint_free(hi);
    if (c != NULL)
        flint_free(c);
}

static void write_law(rc_jsonw_t w, const rc_prob_model_t m)
{
    char * ws = rc_fmpq_get_str(m->w_scale);
    char * vs = rc_fmpq_get_str(m->v_scale);
    if (rc_prob_scheme_is_normal(m->scheme))
        rc_jsonw_printf(w, "  w: %ld coordinate(s) N(0, %s)%s; v: %ld coordinate(s) N(0, %s)\n",
                        (long) m->nw, ws, m->nw < m->dtop ? ", bias coordinate 0" : "",
                        (long) m->e, vs);
    else
        rc_jsonw_printf(w, "  w: %ld coordinate(s) U(-A, A), A^2 = %s%s; v: %ld coordinate(s) "
                        "U(-B, B), B^2 = %s\n",
                        (long) m->nw, ws, m->nw < m->dtop ? ", bias coordinate 0" : "",
                        (long) m->e, vs);
    flint_free(ws);
    flint_free(vs);
}

void rc_prob_result_write_text(rc_jsonw_t w, const rc_prob_result_t res)
{
    const rc_prob_model_struct * m = res->model;
    const rc_prob_stats_struct * st = res->stats;
    slong k, digits = res->digits;
    int c = st->certified;
    rc_jsonw_printf(w, "%s, d = %ld, l = %ld, e = %ld, %s: d' = %ld\n", rc_prob_scheme_name(m->scheme),
                    (long) m->d, (long) m->l, (long) m->e,
                    m->bias ? (m->scheme == RC_INIT_TORCH_DEFAULT ? "hidden bias (random)"
                               : "hidden bias (zero-initialised)") : "no hidden bias",
                    (long) m->dtop);
    write_law(w, m);
    if (c)
        rc_jsonw_printf(w, "certified (%s, %ld bits): each true value lies in its interval [lo, hi]\n"
                        "and rounds to the number shown before it\n", st->method, (long) res->prec);
    else
    {
        rc_jsonw_printf(w, "NOT CERTIFIED: Monte Carlo estimate, %ld neurons, seed %" PRIu64 "; the\n"
                        "intervals hold jointly with probability >= ", (long) st->samples, st->seed);
        _rc_prob_write_double(w, st->level);
        rc_jsonw_puts(w, " (Hoeffding)\n");
    }
    write_line(w, "P(c_k < 0)  [p_negative_level]", st->p_negative, digits, c, 1);
    write_line(w, "P(factor k disconnected)", st->q_disconnect, digits, c, 1);
    write_line(w, "P(H(c) disconnected)", st->p_disconnected, digits, c, 1);
    write_line(w, "E[#components] = E[2^m]", st->expected_components, digits, c, 0);
    write_line(w, "E[#effective components]", st->expected_effective, digits, c, 0);
    if (st->pathological_pmf != NULL && st->len <= 21)
    {
        rc_jsonw_puts(w, "  P(#pathological neurons = k):\n");
        for (k = 0; k < st->len; k++)
        {
            char label[32];
            snprintf(label, sizeof label, "  k = %ld", (long) k);
            write_line(w, label, st->pathological_pmf + k, digits, c, 1);
        }
    }
    if (!c && !res->monte_carlo)
        rc_jsonw_printf(w, "(no certified method for %s with d' = %ld random coordinates and "
                        "e = %ld: see doc/prob.md)\n", rc_prob_scheme_name(m->scheme),
                        (long) m->nw, (long) m->e);
}
