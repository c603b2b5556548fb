/* Output of relucert implicit replay: JSON relucert.implicit-replay/1 and text. */
#include "internal.h"
#include "relucert/jsonw.h"

/* The gradient-flow reference per step (proofs/implicit.md, P8): dL/dt <= -2 lambda L (sum
   loss) or -(2/N) lambda L (mean loss), lambda = lambda_min(G) >= its certified lower bound,
   so over a time lr the flow would shrink L by at least exp(-2 lr lambda_lo [/N]). */
static double gf_rate(const rc_implicit_replay_t rep, slong t, slong n)
{
    double l = arf_get_d(rep->step[t].lam_lo, ARF_RND_DOWN);
    if (!_rc_implicit_step_gram_valid(rep->step + t) || !(l > 0.0))
        l = 0.0;
    return exp(-2.0 * rep->lr * l / (rep->mean ? (double) n : 1.0));
}

static double mid(const arb_t x)
{
    return arb_is_finite(x) ? arf_get_d(arb_midref(x), ARF_RND_NEAR) : NAN;
}

void rc_implicit_replay_write_json(rc_jsonw_t w, const rc_implicit_replay_t rep, slong prec)
{
    slong t;
    (void) prec;
    rc_jsonw_printf(w, "{\"format\": \"relucert.implicit-replay/1\", \"steps\": %ld, \"lr\": %.17g, "
            "\"loss_normalization\": \"%s\", \"steps_well_posed\": %ld, \"steps_lambda_positive\": %ld, "
            "\"step_size_small_enough\": \"not_checked: constants not available\", "
            "\"snapshots\": [", (long) rep->T, rep->lr, rep->mean ? "mean" : "sum",
            (long) rep->steps_well_posed, (long) rep->steps_lambda_pos);
    for (t = 0; t < rep->T; t++)
    {
        const rc_implicit_step_struct * s = rep->step + t;
        rc_jsonw_printf(w, "%s{\"step\": %ld, \"well_posed\": %s, \"norm_bound\": ", t ? ", " : "", (long) t,
                s->well_posed ? "true" : "false");
        _rc_implicit_write_ends(w, s->norm_lo, s->norm_hi);
        rc_jsonw_printf(w, ", \"unique\": %s", _rc_implicit_tribool_json(s->unique));
        rc_jsonw_printf(w, ", \"gram_lambda_min\": ");
        if (s->gram_done)
            _rc_implicit_write_ends(w, s->lam_lo, s->lam_hi);
        else
            rc_jsonw_printf(w, "null");
        rc_jsonw_printf(w, ", \"loss\": ");
        _rc_implicit_write_encl(w, s->loss);
        if (isfinite(s->logged_loss))
            rc_jsonw_printf(w, ", \"logged_loss\": %.17g", s->logged_loss);
        if (t + 1 < rep->T)
        {
            /* L(t+1)/L(t) is undefined when a loss is unknown (no equilibrium) or L(t) = 0:
               JSON null then (inf and nan are not JSON) */
            double ratio = mid(rep->step[t + 1].loss) / mid(s->loss);
            if (isfinite(ratio))
                rc_jsonw_printf(w, ", \"observed_ratio\": %.6g", ratio);
            else
                rc_jsonw_printf(w, ", \"observed_ratio\": null");
            rc_jsonw_printf(w, ", \"gf_rate_bound\": %.6g", gf_rate(rep, t, rep->n_samples));
        }
        rc_jsonw_printf(w, "}");
    }
    rc_jsonw_printf(w, "]}\n");
}

void rc_implicit_replay_write_text(rc_jsonw_t w, const rc_implicit_replay_t rep, slong prec)
{
    slong t;
    (void) prec;
    rc_jsonw_printf(w, "replay: %ld snapshots, lr = %g, loss normalised by %s\n", (long) rep->T, rep->lr,
            rep->mean ? "1/(2N)" : "1/2");
    rc_jsonw_printf(w, "  well-posed (certified) at %ld of %ld snapshots; lambda_min(G) > 0 certified at "
            "%ld (with unique equilibria)\n", (long) rep->steps_well_posed, (long) rep->T, (long) rep->steps_lambda_pos);
    rc_jsonw_printf(w, "  %5s %-4s %-4s %-12s %-12s %-12s %-10s %-10s\n", "step", "wp", "uniq", "norm_hi",
            "lambda_lo", "loss", "ratio", "gf_rate");
    for (t = 0; t < rep->T; t++)
    {
        const rc_implicit_step_struct * s = rep->step + t;
        arf_t lo, hi;
        arf_init(lo);
        arf_init(hi);
        arf_set(hi, s->norm_hi);
        arf_set(lo, s->lam_lo);
        rc_jsonw_printf(w, "  %5ld %-4s %-4s %-12.6g %-12.6g %-12.6g", (long) t, s->well_posed ? "yes" : "NO",
                s->unique == 1 ? "yes" : s->unique == 0 ? "NO" : "?", arf_get_d(hi, ARF_RND_UP), s->gram_done ? arf_get_d(lo, ARF_RND_DOWN) : NAN,
                mid(s->loss));
        if (t + 1 < rep->T)
            rc_jsonw_printf(w, " %-10.6g %-10.6g", mid(rep->step[t + 1].loss) / mid(s->loss),
                    gf_rate(rep, t, rep->n_samples));
        rc_jsonw_printf(w, "\n");
        arf_clear(lo);
        arf_clear(hi);
    }
    rc_jsonw_printf(w, "  ratio = L(t+1)/L(t) observed; gf_rate = exp(-2 lr lambda_lo%s), the gradient-flow\n"
            "  decay over time lr implied by lambda_min(G) alone (a comparison, not a proof; 1 where the\n"
            "  equilibria are not proved unique: lambda_lo and loss are then those of the equilibria found).\n",
            rep->mean ? "/N" : "");
}
