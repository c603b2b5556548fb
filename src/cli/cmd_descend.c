/* relucert descend NET DATA --lr ETA --steps S: certified discrete gradient descent in Arb balls
   (or exact rationals) from the exact initial parameters; verdicts about the sides of the
   disconnected neurons, the drift identity D1 checked at every step (proofs/descent.md).
   The analysis is rc_descend_run (src/descent/descend_run.c); this file parses, calls, prints. */
#include <stdlib.h>
#include <string.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/descent.h"
#include "cli.h"

static const char * descend_help =
"usage: relucert descend NET DATA --lr ETA --steps S [--weight-decay LAMBDA] [--loss mse|bce]\n"
"                        [--prec BITS] [--exact] [--every K] [--at-zero pytorch|refuse] [--json]\n"
"\n"
"Runs full-batch gradient descent theta+ = (1 - ETA LAMBDA) theta - ETA grad L(theta) from the\n"
"exact parameters of NET on DATA, in Arb ball arithmetic (every rounding enclosed), or in exact\n"
"rational arithmetic with --exact (MSE only; sizes grow fast, for a few steps on small nets).\n"
"ETA and LAMBDA are exact rationals (0.1 means 1/10).\n"
"\n"
"Per step: an enclosure of the loss and of every level c_k = ||w_k||^2 - ||v_k||^2, a check that\n"
"the exact drift identity c_k+ = (1 - ETA LAMBDA)^2 c_k + ETA^2 (||g_w||^2 - ||g_v||^2) agrees with\n"
"the enclosures, and for every neuron whose factor of H(c) is disconnected at the start whether\n"
"the sign of its sheet coordinate (v_k when c_k < 0, e = 1; w_k when c_k > 0, d' = 1) is proved\n"
"unchanged, or proved changed (the ball excludes the old sign).\n"
"GD is discontinuous where some w_k . x~_i = 0: when a ball of it contains 0 the step is not\n"
"determined, and the run stops there with verdict \"not_certified\" (neuron, sample, step).\n"
"A pre-activation that is exactly 0 (w_k . x~_i = 0 at every point of the balls, or exactly in\n"
"exact mode) is resolved by PyTorch's convention sigma'(0) = a (0 for ReLU, the slope a for\n"
"LeakyReLU): the step is then exactly the one PyTorch's autograd takes, and every such\n"
"(step, neuron, sample) is listed in the output.  --at-zero refuse stops there instead\n"
"(verdict \"not_certified\", exit status 0, \"undetermined\" with \"exact_zero\": true).\n"
"\n"
"  --lr ETA            learning rate (> 0), required\n"
"  --steps S           number of steps, required (0 <= S <= 10000000)\n"
"  --weight-decay L    decoupled decay (PyTorch SGD weight_decay; every parameter), default 0\n"
"  --loss mse|bce      mean of ||f - y||^2 (default), or BCE-with-logits (one output, y in {0,1})\n"
"  --prec BITS         working precision of the balls (default 256)\n"
"  --exact             exact rational arithmetic (MSE only)\n"
"  --every K           print every K-th step (default: about 20 rows); --json lists the same rows\n"
"  --at-zero MODE      pytorch (default): sigma'(0) = a at an exact zero, listed; refuse: stop\n"
"  --json              machine-readable output (relucert.descend/1)\n"
RC_CLI_HEADER_HELP;

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

static void row_text(const rc_descend_result_t res, const rc_descend_row_struct * row)
{
    slong k, ns = 0, nf = 0, nu = 0;
    if (row->limit)
        printf("  %s\n", res->limit_msg);
    for (k = 0; k < res->l; k++)
        if (res->disc[k])
        {
            ns += row->side[k] == RC_SIDE_SAME;
            nf += row->side[k] == RC_SIDE_FLIPPED;
            nu += row->side[k] == RC_SIDE_UNKNOWN;
        }
    printf("  %7ld  ", (long) row->step);
    if (row->have_loss)
        put_exact_or_ball_text(row->loss, res->exact, row->loss_q);
    else
        printf("(not determined)");
    printf("  identity %s  sides: %ld same, %ld flipped, %ld undecided", row->identity_ok ? "ok" : "FAILED",
           (long) ns, (long) nf, (long) nu);
    if (res->l <= 4)
    {
        printf("  c = ");
        for (k = 0; k < res->l; k++)
        {
            printf("%s", k ? ", " : "");
            put_exact_or_ball_text(row->level + k, res->exact, row->level_q + k);
        }
    }
    printf("\n");
}

static void neurons_text(const rc_descend_result_t res)
{
    slong k;
    printf("\n  %-7s %-18s %-5s %-15s %s\n", "neuron", "level c_k(0)", "side", "proved same", "sign change");
    for (k = 0; k < res->l; k++)
    {
        char * cs;
        if (!res->disc[k] && res->l > 20)
            continue;
        cs = rc_fmpq_get_str(res->c0 + k);
        printf("  %-7ld %-18s ", (long) k, strlen(cs) <= 18 ? cs : "(long)");
        if (!res->disc[k])
            printf("%-5s %-15s %s\n", ".", "-", "(factor connected)");
        else
        {
            char buf[64];
            if (res->proved_through[k] >= 0)
                snprintf(buf, sizeof(buf), "steps 0..%ld", (long) res->proved_through[k]);
            else
                snprintf(buf, sizeof(buf), "never");
            printf("%-5c %-15s ", res->side0[k] > 0 ? '+' : '-', buf);
            if (res->first_flip[k] >= 0)
                printf("PROVED at step %ld (%s now)\n", (long) res->first_flip[k], side_word(res->side[k]));
            else
                printf("none proved\n");
        }
        flint_free(cs);
    }
}

static void zeros_text(const rc_descend_result_t res)
{
    slong i;
    if (res->zeros->total == 0)
        return;
    printf("  exact zero pre-activations (w_k . x~_i = 0 exactly): %ld; %s\n", (long) res->zeros->total,
           res->zero_refused ? "refused (--at-zero refuse)"
           : "resolved by PyTorch's convention sigma'(0) = a (0 for ReLU)");
    for (i = 0; i < res->zeros->len && i < 10; i++)
        printf("    step %ld, neuron %ld, sample %ld\n", (long) res->zeros->v[i].step,
               (long) res->zeros->v[i].neuron, (long) res->zeros->v[i].sample);
    if (res->zeros->total > 10)
        printf("    ... (--json lists the first %ld)\n", (long) res->zeros->len);
}

static void print_text(const rc_descend_result_t res)
{
    slong i;
    char * a = rc_fmpq_get_str(res->lr), * b = rc_fmpq_get_str(res->weight_decay);
    printf("gradient descent on %s with %s: eta = %s, weight decay = %s, loss %s, %s, %ld steps\n\n",
           res->net_name, res->data_name, a, b, res->loss_kind == RC_LOSS_BCE ? "bce" : "mse",
           res->exact ? "exact rationals" : "Arb balls", (long) res->steps_requested);
    flint_free(a);
    flint_free(b);
    if (!res->exact)
        printf("  (working precision %ld bits)\n", (long) res->prec);
    printf("  %7s  %s\n", "step", res->exact ? "loss (exact; ~[..] when long), drift identity check, sides of the disconnected neurons" : "loss enclosure, drift identity check, sides of the disconnected neurons");
    for (i = 0; i < res->nrows; i++)
        row_text(res, res->rows + i);
    neurons_text(res);
    printf("\n  verdict: %s%s%s\n", res->certified ? "certified" : "not certified",
           res->reason[0] ? ": " : "", res->reason);
    if (res->identity_failures == 0 && res->steps_done > 0)
        printf("  drift identity consistent with the enclosures at all %ld steps\n", (long) res->steps_done);
    if (res->first_sign_change.step >= 0)
        printf("  first proved sign change: neuron %ld at step %ld (the run left its initial component)\n",
               (long) res->first_sign_change.neuron, (long) res->first_sign_change.step);
    else if (res->sides_kept && res->disconnected == 0)
        printf("  no neuron's factor of H(c) is disconnected at the start\n");
    else if (res->sides_kept)
        printf("  every disconnected neuron's side is proved unchanged at steps 0..%ld\n", (long) res->steps_done);
    else
        printf("  no sign change proved; some sides undecided (see the table)\n");
    zeros_text(res);
}

int rc_cli_descend(int argc, char ** argv)
{
    const char * paths[2] = { NULL, NULL }, * lr = NULL, * wd = "0", * loss_s = "mse", * at_zero = "pytorch";
    long steps = -1, prec = 256, every = 0;
    int json = 0, exact = 0, i, np = 0, status = RC_EXIT_OK;
    const char * why;
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    rc_descend_opts_t opts;
    rc_descend_result_t res;
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
        else if (strcmp(a, "--lr") == 0 || strcmp(a, "--weight-decay") == 0 || strcmp(a, "--loss") == 0
                 || strcmp(a, "--at-zero") == 0)
        {
            if (v == NULL)
                return rc_cli_error("descend", "%s: missing value", a);
            if (a[2] == 'l' && a[3] == 'r')
                lr = v;
            else if (a[2] == 'w')
                wd = v;
            else if (a[2] == 'a')
                at_zero = v;
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
    rc_descend_opts_init(opts);
    opts->steps = steps;
    opts->prec = prec;
    opts->every = every;
    opts->exact = exact;
    opts->net_name = paths[0];
    opts->data_name = paths[1];
    if (strcmp(loss_s, "mse") == 0)
        opts->loss_kind = RC_LOSS_MSE;
    else if (strcmp(loss_s, "bce") == 0)
        opts->loss_kind = RC_LOSS_BCE;
    else
        status = rc_cli_error("descend", "--loss: \"%s\" is not mse or bce", loss_s);
    if (status == RC_EXIT_OK && strcmp(at_zero, "pytorch") == 0)
        opts->at_zero = RC_AT_ZERO_CONVENTION;
    else if (status == RC_EXIT_OK && strcmp(at_zero, "refuse") == 0)
        opts->at_zero = RC_AT_ZERO_REFUSE;
    else if (status == RC_EXIT_OK)
        status = rc_cli_error("descend", "--at-zero: \"%s\" is not pytorch or refuse", at_zero);
    if (status == RC_EXIT_OK && rc_fmpq_set_str(opts->lr, lr, &why) != RC_OK)
        status = rc_cli_error("descend", "--lr: not a number: \"%s\" (%s)", lr, why);
    if (status == RC_EXIT_OK && rc_fmpq_set_str(opts->weight_decay, wd, &why) != RC_OK)
        status = rc_cli_error("descend", "--weight-decay: not a number: \"%s\" (%s)", wd, why);
    if (status != RC_EXIT_OK)
    {
        rc_descend_opts_clear(opts);
        return status;
    }
    rc_err_init(err);
    if (rc_cli_read_net(net, "descend", paths[0], err) != RC_OK)
    {
        rc_descend_opts_clear(opts);
        return rc_cli_error_err("descend", err);
    }
    if (rc_cli_read_data(data, "descend", paths[1], net->e, hdr, err) != RC_OK)
    {
        rc_net_clear(net);
        rc_descend_opts_clear(opts);
        return rc_cli_error_err("descend", err);
    }
    rc_descend_result_init(res);
    if (rc_descend_run(res, net, data, opts, err) != RC_OK)
        status = rc_cli_error_err("descend", err);
    else if (json)
    {
        rc_jsonw_t w;
        rc_jsonw_init_file(w, stdout);
        rc_descend_result_write_json(w, res);
    }
    else
        print_text(res);
    rc_descend_result_clear(res);
    rc_descend_opts_clear(opts);
    rc_data_clear(data);
    rc_net_clear(net);
    return status;
}
