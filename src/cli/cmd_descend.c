/* relucert descend NET DATA --lr ETA --steps S: certified discrete gradient descent in Arb balls
   (or exact rationals) from the exact initial parameters; verdicts about the sides of the
   disconnected neurons, the drift identity D1 checked at every step (proofs/descent.md). */
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/descent.h"
#include "cli.h"

static const char * descend_help =
"usage: relucert descend NET DATA --lr ETA --steps S [--weight-decay LAMBDA] [--loss mse|bce]\n"
"                        [--prec BITS] [--exact] [--every K] [--json]\n"
"\n"
"Runs full-batch gradient descent theta+ = (1 - ETA LAMBDA) theta - ETA grad L(theta) from the\n"
"exact parameters of NET on DATA, in Arb ball arithmetic (every rounding enclosed), or in exact\n"
"rational arithmetic with --exact (MSE only; sizes grow fast, for a few steps on small nets).\n"
"ETA and LAMBDA are exact rationals (0.1 means 1/10).  sigma'(0) = leak (0 for ReLU), as PyTorch.\n"
"\n"
"Per step: an enclosure of the loss and of every level c_k = ||w_k||^2 - ||v_k||^2, a check that\n"
"the exact drift identity c_k+ = (1 - ETA LAMBDA)^2 c_k + ETA^2 (||g_w||^2 - ||g_v||^2) agrees with\n"
"the enclosures, and for every neuron whose factor of H(c) is disconnected at the start whether\n"
"the sign of its sheet coordinate (v_k when c_k < 0, e = 1; w_k when c_k > 0, d' = 1) is proved\n"
"unchanged, or proved changed (the ball excludes the old sign).\n"
"GD is discontinuous where some w_k . x~_i = 0: when a ball of it contains 0 the step is not\n"
"determined, and the run stops there with verdict \"not_certified\" (neuron, sample, step).\n"
"\n"
"  --lr ETA            learning rate (> 0), required\n"
"  --steps S           number of steps, required (0 <= S <= 10000000)\n"
"  --weight-decay L    decoupled decay (PyTorch SGD weight_decay; every parameter), default 0\n"
"  --loss mse|bce      mean of ||f - y||^2 (default), or BCE-with-logits (one output, y in {0,1})\n"
"  --prec BITS         working precision of the balls (default 256)\n"
"  --exact             exact rational arithmetic (MSE only)\n"
"  --every K           print every K-th step (default: about 20 rows); --json lists the same rows\n"
"  --json              machine-readable output (relucert.descend/1)\n"
RC_CLI_HEADER_HELP;

static void put_ball(const arb_t x, int exact_mode, const fmpq_t q)
{
    char * lo, * hi;
    if (exact_mode && q != NULL)
    {
        lo = rc_fmpq_get_str(q);
        printf("[\"%s\", \"%s\"]", lo, lo);
        flint_free(lo);
        return;
    }
    rc_arb_get_interval_str(&lo, &hi, x, 17);
    printf("[\"%s\", \"%s\"]", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static void put_exact_or_ball_text(const arb_t x, int exact_mode, const fmpq_t q)
{
    char * lo, * hi;
    if (exact_mode && q != NULL)
    {
        char * e = rc_fmpq_get_str(q);
        if (strlen(e) <= 30)
        {
            printf("%s", e);
            flint_free(e);
            return;
        }
        flint_free(e);
    }
    rc_arb_get_interval_str(&lo, &hi, x, 10);
    printf("%s[%s, %s]", exact_mode ? "~" : "", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static const char * side_word(int s)
{
    return s == RC_SIDE_SAME ? "same" : s == RC_SIDE_FLIPPED ? "FLIPPED" : "undecided";
}

static void row_json(const rc_descent_t S, int first, int have_loss)
{
    slong k;
    printf("%s\n    {\"step\": %ld, \"loss\": ", first ? "" : ",", (long) S->step);
    if (have_loss)
        put_ball(S->loss, S->exact, S->loss_q);
    else
        printf("null");
    printf(", \"identity_ok\": %s, \"levels\": [", S->identity_ok ? "true" : "false");
    for (k = 0; k < S->shape->l; k++)
    {
        printf("%s", k ? ", " : "");
        put_ball(S->level + k, S->exact, S->level_q + k);
    }
    printf("], \"sides\": [");
    for (k = 0; k < S->shape->l; k++)
        printf("%s%s", k ? ", " : "", !S->disc[k] ? "null" : S->side[k] == RC_SIDE_SAME ? "\"same\""
               : S->side[k] == RC_SIDE_FLIPPED ? "\"flipped\"" : "\"undecided\"");
    printf("]}");
}

static void row_text(const rc_descent_t S, int have_loss)
{
    slong k, ns = 0, nf = 0, nu = 0;
    for (k = 0; k < S->shape->l; k++)
        if (S->disc[k])
        {
            ns += S->side[k] == RC_SIDE_SAME;
            nf += S->side[k] == RC_SIDE_FLIPPED;
            nu += S->side[k] == RC_SIDE_UNKNOWN;
        }
    printf("  %7ld  ", (long) S->step);
    if (have_loss)
        put_exact_or_ball_text(S->loss, S->exact, S->loss_q);
    else
        printf("(not determined)");
    printf("  identity %s  sides: %ld same, %ld flipped, %ld undecided", S->identity_ok ? "ok" : "FAILED",
           (long) ns, (long) nf, (long) nu);
    if (S->shape->l <= 4)
    {
        printf("  c = ");
        for (k = 0; k < S->shape->l; k++)
        {
            printf("%s", k ? ", " : "");
            put_exact_or_ball_text(S->level + k, S->exact, S->level_q + k);
        }
    }
    printf("\n");
}

int rc_cli_descend(int argc, char ** argv)
{
    const char * paths[2] = { NULL, NULL }, * lr = NULL, * wd = "0", * loss_s = "mse";
    long steps = -1, prec = 256, every = 0;
    int json = 0, exact = 0, i, np = 0, loss_kind, r, status = RC_EXIT_OK, printed = 0, ok_loss;
    const char * why;
    fmpq_t eta, lambda;
    rc_net_t net;
    rc_data_t data;
    rc_descent_t S;
    rc_err_t err;
    slong k, s, first_step = -1, first_neuron = -1;
    int sides_kept = 1, limit_hit = 0;
    slong n_disc = 0;
    rc_header_mode hdr;

    if (rc_cli_take_header(&argc, argv, &hdr, "descend"))
        return RC_EXIT_USAGE;
    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i], * v = (i + 1 < argc) ? argv[i + 1] : NULL;
        if (rc_cli_is_help(a))
        {
            fputs(descend_help, stdout);
            return RC_EXIT_OK;
        }
        else if (strcmp(a, "--json") == 0)
            json = 1;
        else if (strcmp(a, "--exact") == 0)
            exact = 1;
        else if (strcmp(a, "--lr") == 0 || strcmp(a, "--weight-decay") == 0 || strcmp(a, "--loss") == 0)
        {
            if (v == NULL)
                return rc_cli_error("descend", "%s: missing value", a);
            if (a[2] == 'l' && a[3] == 'r')
                lr = v;
            else if (a[2] == 'w')
                wd = v;
            else
                loss_s = v;
            i++;
        }
        else if (strcmp(a, "--steps") == 0 || strcmp(a, "--prec") == 0 || strcmp(a, "--every") == 0)
        {
            long * out = a[2] == 's' ? &steps : a[2] == 'p' ? &prec : &every;
            if (rc_cli_parse_slong(out, "descend", a, v, a[2] == 'p' ? 16 : a[2] == 'e' ? 1 : 0,
                                   a[2] == 'p' ? 1000000 : 10000000))
                return RC_EXIT_USAGE;
            i++;
        }
        else if (a[0] == '-' && a[1] != '\0')
            return rc_cli_error("descend", "unknown option \"%s\" (see relucert descend --help)", a);
        else if (np < 2)
            paths[np++] = a;
        else
            return rc_cli_error("descend", "too many arguments (see relucert descend --help)");
    }
    if (np < 2)
        return rc_cli_error("descend", "need NET and DATA (see relucert descend --help)");
    if (lr == NULL)
        return rc_cli_error("descend", "--lr: missing (the learning rate is required)");
    if (steps < 0)
        return rc_cli_error("descend", "--steps: missing (the number of steps is required)");
    if (strcmp(loss_s, "mse") == 0)
        loss_kind = RC_LOSS_MSE;
    else if (strcmp(loss_s, "bce") == 0)
        loss_kind = RC_LOSS_BCE;
    else
        return rc_cli_error("descend", "--loss: \"%s\" is not mse or bce", loss_s);
    fmpq_init(eta);
    fmpq_init(lambda);
    if (rc_fmpq_set_str(eta, lr, &why) != RC_OK)
        return rc_cli_error("descend", "--lr: not a number: \"%s\" (%s)", lr, why);
    if (rc_fmpq_set_str(lambda, wd, &why) != RC_OK)
        return rc_cli_error("descend", "--weight-decay: not a number: \"%s\" (%s)", wd, why);
    rc_err_init(err);
    if (rc_cli_read_net(net, "descend", paths[0], err) != RC_OK)
        return rc_cli_error_err("descend", err);
    if (rc_cli_read_data(data, "descend", paths[1], 0, hdr, err) != RC_OK)
    {
        rc_net_clear(net);
        return rc_cli_error_err("descend", err);
    }
    if (rc_descent_init(S, net, data, eta, lambda, loss_kind, exact, prec, err) != RC_OK)
    {
        rc_data_clear(data);
        rc_net_clear(net);
        return rc_cli_error_err("descend", err);
    }
    if (every == 0)
        every = steps <= 40 ? 1 : (steps + 19) / 20;
    if (json)
    {
        printf("{\n  \"format\": \"relucert.descend/1\",\n  \"net\": ");
        rc_json_write_string(stdout, paths[0]);
        printf(", \"data\": ");
        rc_json_write_string(stdout, paths[1]);
        {
            char * a = rc_fmpq_get_str(eta), * b = rc_fmpq_get_str(lambda);
            printf(",\n  \"lr\": \"%s\", \"weight_decay\": \"%s\", \"loss_kind\": \"%s\", \"arithmetic\": \"%s\", "
                   "\"prec\": %ld, \"steps_requested\": %ld,\n  \"trajectory\": [", a, b, loss_s,
                   exact ? "exact" : "balls", prec, steps);
            flint_free(a);
            flint_free(b);
        }
    }
    else
    {
        char * a = rc_fmpq_get_str(eta), * b = rc_fmpq_get_str(lambda);
        printf("gradient descent on %s with %s: eta = %s, weight decay = %s, loss %s, %s, %ld steps\n\n",
               paths[0], paths[1], a, b, loss_s, exact ? "exact rationals" : "Arb balls", steps);
        if (!exact)
            printf("  (working precision %ld bits)\n", prec);
        printf("  %7s  %s\n", "step", exact ? "loss (exact; ~[..] when long), drift identity check, sides of the disconnected neurons" : "loss enclosure, drift identity check, sides of the disconnected neurons");
        flint_free(a);
        flint_free(b);
    }
    for (s = 0; ; s++)
    {
        if (s > 0)
        {
            r = rc_descent_step(S, err);
            if (r == RC_ELIMIT)
            {
                limit_hit = 1;
                if (!json)
                    printf("  %s\n", err->msg);
            }
            else if (r != RC_OK)
                break;
        }
        ok_loss = rc_descent_current_loss(S);
        if (first_step < 0)
            for (k = 0; k < S->shape->l; k++)
                if (S->first_flip[k] >= 0)
                {
                    first_step = S->first_flip[k];
                    first_neuron = k;
                    break;
                }
        if (s % every == 0 || s == steps || !S->identity_ok || (first_step == s) || !ok_loss || limit_hit)
        {
            if (json)
                row_json(S, printed == 0, ok_loss);
            else
                row_text(S, ok_loss);
            printed++;
        }
        if (s >= steps || limit_hit || !ok_loss)
            break;
    }
    for (k = 0; k < S->shape->l; k++)
    {
        n_disc += S->disc[k];
        if (S->disc[k] && S->proved_through[k] < S->step)
            sides_kept = 0;
    }
    {
        int certified = S->determined && S->identity_failures == 0 && S->step == steps;
        char reason[640];
        reason[0] = '\0';
        if (!S->determined)
            snprintf(reason, sizeof(reason), "the step from iterate %ld is not determined: neuron %ld, "
                     "sample %ld: the ball of w_k . x~_i contains 0 (GD is discontinuous there)", (long) S->step, (long) S->bad_neuron,
                     (long) S->bad_sample);
        else if (S->identity_failures > 0)
            snprintf(reason, sizeof(reason), "the drift identity disagreed with the enclosures at %ld steps",
                     (long) S->identity_failures);
        else if (limit_hit)
            snprintf(reason, sizeof(reason), "%s", err->msg);
        if (json)
        {
            printf("\n  ],\n  \"verdict\": \"%s\", \"reason\": ", certified ? "certified" : "not_certified");
            if (reason[0])
                rc_json_write_string(stdout, reason);
            else
                printf("null");
            printf(",\n  \"steps_done\": %ld, \"identity_consistent\": %s,\n", (long) S->step,
                   S->identity_failures == 0 ? "true" : "false");
            if (!S->determined)
                printf("  \"undetermined\": {\"step\": %ld, \"neuron\": %ld, \"sample\": %ld},\n", (long) S->step,
                       (long) S->bad_neuron, (long) S->bad_sample);
            else
                printf("  \"undetermined\": null,\n");
            if (first_step >= 0)
                printf("  \"first_sign_change\": {\"step\": %ld, \"neuron\": %ld},\n", (long) first_step,
                       (long) first_neuron);
            else
                printf("  \"first_sign_change\": null,\n");
            printf("  \"sides_kept\": %s,\n  \"neurons\": [", sides_kept ? "true" : "false");
            for (k = 0; k < S->shape->l; k++)
            {
                fmpq_t c0;
                char * cs;
                fmpq_init(c0);
                rc_net_level(c0, net, k);
                cs = rc_fmpq_get_str(c0);
                printf("%s\n    {\"index\": %ld, \"c0\": \"%s\", \"disconnected\": %s, \"side\": ", k ? "," : "",
                       (long) k, cs, S->disc[k] ? "true" : "false");
                if (S->disc[k])
                    printf("\"%c\", \"proved_through\": %ld, \"first_proved_flip\": ", S->side0[k] > 0 ? '+' : '-',
                           (long) S->proved_through[k]);
                else
                    printf("null, \"proved_through\": null, \"first_proved_flip\": ");
                if (S->disc[k] && S->first_flip[k] >= 0)
                    printf("%ld", (long) S->first_flip[k]);
                else
                    printf("null");
                printf(", \"c_final\": ");
                put_ball(S->level + k, S->exact, S->level_q + k);
                printf("}");
                flint_free(cs);
                fmpq_clear(c0);
            }
            printf("\n  ],\n  \"theta\": [");
            for (k = 0; k < S->n; k++)
            {
                printf("%s", k ? ", " : "");
                put_ball(S->theta + k, S->exact, S->theta_q + k);
            }
            printf("]\n}\n");
        }
        else
        {
            printf("\n  %-7s %-18s %-5s %-15s %s\n", "neuron", "level c_k(0)", "side", "proved same", "sign change");
            for (k = 0; k < S->shape->l; k++)
            {
                fmpq_t c0;
                char * cs;
                if (!S->disc[k] && S->shape->l > 20)
                    continue;
                fmpq_init(c0);
                rc_net_level(c0, net, k);
                cs = rc_fmpq_get_str(c0);
                printf("  %-7ld %-18s ", (long) k, strlen(cs) <= 18 ? cs : "(long)");
                if (!S->disc[k])
                    printf("%-5s %-15s %s\n", ".", "-", "(factor connected)");
                else
                {
                    char buf[64];
                    if (S->proved_through[k] >= 0)
                        snprintf(buf, sizeof(buf), "steps 0..%ld", (long) S->proved_through[k]);
                    else
                        snprintf(buf, sizeof(buf), "never");
                    printf("%-5c %-15s ", S->side0[k] > 0 ? '+' : '-', buf);
                    if (S->first_flip[k] >= 0)
                        printf("PROVED at step %ld (%s now)\n", (long) S->first_flip[k], side_word(S->side[k]));
                    else
                        printf("none proved\n");
                }
                flint_free(cs);
                fmpq_clear(c0);
            }
            printf("\n  verdict: %s%s%s\n", certified ? "certified" : "not certified",
                   reason[0] ? ": " : "", reason);
            if (S->identity_failures == 0 && S->step > 0)
                printf("  drift identity consistent with the enclosures at all %ld steps\n", (long) S->step);
            if (first_step >= 0)
                printf("  first proved sign change: neuron %ld at step %ld (the run left its initial component)\n",
                       (long) first_neuron, (long) first_step);
            else if (sides_kept && n_disc == 0)
                printf("  no neuron's factor of H(c) is disconnected at the start\n");
            else if (sides_kept)
                printf("  every disconnected neuron's side is proved unchanged at steps 0..%ld\n", (long) S->step);
            else
                printf("  no sign change proved; some sides undecided (see the table)\n");
        }
        if (!certified && !json)
            status = RC_EXIT_OK;
    }
    rc_descent_clear(S);
    rc_data_clear(data);
    rc_net_clear(net);
    fmpq_clear(eta);
    fmpq_clear(lambda);
    return status;
}
