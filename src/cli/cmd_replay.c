/* relucert replay LOG DATA --lr ETA: exact levels of every float snapshot of a training log, the
   drift predicted by identity D1 (enclosed) against the observed exact drift, sign changes of
   the disconnected neurons, the first step off the initial component (proofs/descent.md). */
#include <stdlib.h>
#include <math.h>
#include <string.h>
#include <unistd.h>
#include <sys/wait.h>
#include "relucert/io.h"
#include "relucert/num.h"
#include "relucert/descent.h"
#include "cli.h"

static const char * replay_help =
"usage: relucert replay LOG DATA [--lr ETA] [--weight-decay LAMBDA] [--optimizer sgd|momentum|adam]\n"
"                       [--loss mse|bce] [--leak A] [--prec BITS] [--csv FILE] [--plot FILE] [--json]\n"
"\n"
"LOG is an .npz of stacked snapshots (W1: S+1 x l x d, b1: S+1 x l, W2: S+1 x e x l, b2: S+1 x e;\n"
"snapshot 0 is the initialization; other arrays are ignored) or a directory of per-step .npz\n"
"files (W1, b1, W2, b2) named PREFIX<integer>.npz (step_0.npz ... step_12.npz, step-0000.npz ...),\n"
"taken in the numeric order of the integers; mixed or ambiguous names are refused.  Every float\n"
"is read as its exact value.\n"
"DATA is the dataset the run trained on (.json, .npz, .csv); save it as the floats the trainer saw\n"
"(e.g. float32 .npz), or the residual also measures the rounding of the data.\n"
"\n"
"For every step s and neuron k: the exact level c_k(s) = ||w_k||^2 - ||v_k||^2 of the snapshot,\n"
"the observed drift c_k(s) - c_k(s-1) (exact), and for plain full-batch GD (--optimizer sgd, the\n"
"default) an enclosure of the drift that the exact identity\n"
"    c_k+ = (1 - ETA LAMBDA)^2 c_k + ETA^2 (||g_w||^2 - ||g_v||^2)\n"
"predicts from snapshot s-1 (g = the exact gradient of the loss there, enclosed in balls).  The\n"
"difference observed - predicted is the effect of float rounding (and of any mismatch between\n"
"ETA, the loss, the data and what the trainer used).  For momentum and Adam no such identity\n"
"applies: the drift is measured and reported only.  Also: sign changes of the sheet coordinate\n"
"of the neurons whose factor of H(c) is disconnected at step 0, and the first step off the\n"
"initial component.\n"
"\n"
"  --lr ETA             learning rate (exact rational; required for sgd)\n"
"  --weight-decay L     PyTorch SGD weight_decay (every parameter), default 0\n"
"  --optimizer NAME     sgd (default), momentum or adam\n"
"  --loss mse|bce       loss the run minimised (default mse; bce = BCE-with-logits, one output)\n"
"  --leak A             leaky ReLU slope (default 0: ReLU)\n"
"  --prec BITS          precision of the drift enclosures (default 128)\n"
"  --csv FILE           full per-step, per-neuron table\n"
"  --plot FILE          plot of the levels over the steps (PNG/PDF/SVG; needs /usr/bin/python3\n"
"                       with matplotlib: apt-get install python3-matplotlib)\n"
"  --no-identity        skip the drift identity (it needs the gradient over all samples at\n"
"                       every snapshot, the costly part): exact levels, drifts, signs only\n"
"  --no-fast            enclose every gradient with Arb at --prec bits (tighter, about 10x\n"
"                       slower) instead of double ball arithmetic with rounding bounds\n"
"  --json               machine-readable summary (doc/formats.md)\n"
RC_CLI_HEADER_HELP;


static void put_pair(FILE * f, const arb_t x, int json)
{
    char * lo, * hi;
    rc_arb_get_interval_str(&lo, &hi, x, 17);
    if (json)
        fprintf(f, "[\"%s\", \"%s\"]", lo, hi);
    else
        fprintf(f, "%s,%s", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

static int parse_opts(rc_replay_opts_t o, const char * lr, const char * wd, const char * opt,
                      const char * loss_s, int no_identity, int no_fast, long prec)
{
    const char * why;
    if (strcmp(opt, "sgd") == 0)
        o->optimizer = RC_OPT_SGD;
    else if (strcmp(opt, "momentum") == 0)
        o->optimizer = RC_OPT_MOMENTUM;
    else if (strcmp(opt, "adam") == 0)
        o->optimizer = RC_OPT_ADAM;
    else
        return rc_cli_error("replay", "--optimizer: \"%s\" is not sgd, momentum or adam", opt);
    o->identity = !no_identity;
    o->fast = !no_fast;
    o->prec = prec;
    if (strcmp(loss_s, "mse") == 0)
        o->loss_kind = RC_LOSS_MSE;
    else if (strcmp(loss_s, "bce") == 0)
        o->loss_kind = RC_LOSS_BCE;
    else
        return rc_cli_error("replay", "--loss: \"%s\" is not mse or bce", loss_s);
    if (o->optimizer == RC_OPT_SGD && o->identity && lr == NULL)
        return rc_cli_error("replay", "--lr: missing (needed to predict the drift of plain GD; "
                            "or --no-identity)");
    o->have_lr = (lr != NULL);
    if (lr != NULL && (rc_fmpq_set_str(o->lr, lr, &why) != RC_OK || fmpq_sgn(o->lr) <= 0))
        return rc_cli_error("replay", "--lr: not a positive number: \"%s\"", lr);
    if (rc_fmpq_set_str(o->weight_decay, wd, &why) != RC_OK || fmpq_sgn(o->weight_decay) < 0)
        return rc_cli_error("replay", "--weight-decay: not a nonnegative number: \"%s\"", wd);
    return RC_EXIT_OK;
}

static void print_text(const rc_replay_result_t res, const char * opt, int no_identity, const char * csv_path)
{
    const char * loss_s = res->loss_kind == RC_LOSS_BCE ? "bce" : "mse";
    char * a = rc_fmpq_get_str(res->lr), * b = rc_fmpq_get_str(res->weight_decay);
    int sgd = res->identity_checked;
    printf("replay of %s on %s: %ld steps, d = %ld, l = %ld, e = %ld, optimizer %s", res->log_name,
           res->data_name, (long) res->steps, (long) res->d, (long) res->l, (long) res->e, opt);
    if (res->have_lr)
        printf(", eta = %s", a);
    printf(", weight decay %s, loss %s\n", b, loss_s);
    if (res->first_file != NULL)
        printf("  snapshots: %ld files, %s ... %s (numeric order)\n", (long) res->steps + 1,
               res->first_file, res->last_file);
    printf("\n");
    flint_free(a);
    flint_free(b);
    printf("  disconnected neurons at step 0: %ld of %ld\n", (long) res->disconnected, (long) res->l);
    if (res->left_component.step < 0)
        printf("  the run stays on its initial component at every logged step (0..%ld)\n", (long) res->steps);
    else
        printf("  the run leaves its initial component at step %ld (neuron %ld's sheet coordinate loses its sign)\n",
               (long) res->left_component.step, (long) res->left_component.neuron);
    if (res->first_sign_change.step >= 0)
        printf("  first sign change: step %ld, neuron %ld\n", (long) res->first_sign_change.step,
               (long) res->first_sign_change.neuron);
    else
        printf("  first sign change: none\n");
    if (res->first_level_sign_change.step >= 0)
        printf("  first level sign change: step %ld, neuron %ld\n", (long) res->first_level_sign_change.step,
               (long) res->first_level_sign_change.neuron);
    else
        printf("  no level changes sign\n");
    printf("  largest |observed drift| of a level in one step: %.6g\n", arf_get_d(res->max_obs, ARF_RND_UP));
    if (sgd && res->steps > 0)
    {
        /* the bounds as decimals rounded outward (%.6g would round them to nearest) */
        char * lo, * hi, * lo2, * hi2;
        arb_t t;
        arb_init(t);
        arb_set_arf(t, res->max_res_lo);
        rc_arb_get_interval_str(&lo, &hi2, t, 6);
        flint_free(hi2);
        arb_set_arf(t, res->max_res_hi);
        rc_arb_get_interval_str(&lo2, &hi, t, 6);
        flint_free(lo2);
        printf("  drift identity (plain GD): max |observed - predicted| = %.6g (step %ld, neuron %ld)\n"
               "    the float-rounding effect; rigorous bounds: [%s, %s]\n",
               arf_get_d(res->max_res_hi, ARF_RND_UP), (long) res->max_residual_at.step,
               (long) res->max_residual_at.neuron, lo, hi);
        flint_free(lo);
        flint_free(hi);
        arb_clear(t);
        printf("  loss: step 0 ");
        put_pair(stdout, res->loss_first, 1);
        printf(", step %ld ", (long) res->steps);
        put_pair(stdout, res->loss_last, 1);
        printf("\n");
    }
    else if (no_identity && strcmp(opt, "sgd") == 0)
        printf("  drift identity skipped (--no-identity): the drift above is measured only\n");
    else if (!sgd)
        printf("  %s: no drift identity applies; the drift above is measured only\n", opt);
    if (csv_path != NULL)
        printf("  full table: %s\n", csv_path);
}

/* The command line; returns -1 to go on, else the exit status. */
typedef struct
{
    const char * paths[2], * lr, * wd, * opt, * loss_s, * leak_s, * csv_path, * plot_path;
    long prec;
    int json, no_identity, no_fast, np;
}
replay_args;

static int parse_args(replay_args * A, int argc, char ** argv)
{
    int i;
    for (i = 1; i < argc; i++)
    {
        const char * a = argv[i], * v = (i + 1 < argc) ? argv[i + 1] : NULL;
        const char ** dst = NULL;
        if (rc_cli_is_help(a))
        {
            fputs(replay_help, stdout);
            return RC_EXIT_OK;
        }
        if (strcmp(a, "--json") == 0)
        {
            A->json = 1;
            continue;
        }
        if (strcmp(a, "--no-identity") == 0)
        {
            A->no_identity = 1;
            continue;
        }
        if (strcmp(a, "--no-fast") == 0)
        {
            A->no_fast = 1;
            continue;
        }
        if (strcmp(a, "--prec") == 0)
        {
            if (rc_cli_parse_slong(&A->prec, "replay", a, v, 16, 100000))
                return RC_EXIT_USAGE;
            i++;
            continue;
        }
        if (strcmp(a, "--lr") == 0) dst = &A->lr;
        else if (strcmp(a, "--weight-decay") == 0) dst = &A->wd;
        else if (strcmp(a, "--optimizer") == 0) dst = &A->opt;
        else if (strcmp(a, "--loss") == 0) dst = &A->loss_s;
        else if (strcmp(a, "--leak") == 0) dst = &A->leak_s;
        else if (strcmp(a, "--csv") == 0) dst = &A->csv_path;
        else if (strcmp(a, "--plot") == 0) dst = &A->plot_path;
        if (dst != NULL)
        {
            if (v == NULL)
                return rc_cli_error("replay", "%s: missing value", a);
            *dst = v;
            i++;
        }
        else if (a[0] == '-' && a[1] != '\0')
            return rc_cli_error("replay", "unknown option \"%s\" (see relucert replay --help)", a);
        else if (A->np < 2)
            A->paths[A->np++] = a;
        else
            return rc_cli_error("replay", "too many arguments (see relucert replay --help)");
    }
    if (A->np < 2)
        return rc_cli_error("replay", "need LOG and DATA (see relucert replay --help)");
    return -1;
}

int rc_cli_replay(int argc, char ** argv)
{
    replay_args A = { { NULL, NULL }, NULL, "0", "sgd", "mse", "0", NULL, NULL, 128, 0, 0, 0, 0 };
    const char ** paths = A.paths, * csv_path, * plot_path, * why;
    int json, status = RC_EXIT_OK;
    char tmp_csv[64] = "";
    FILE * csv = NULL;
    fmpq_t leak;
    rc_log_t log;
    rc_data_t data;
    rc_err_t err;
    rc_replay_opts_t ropts;
    rc_replay_result_t res;
    rc_header_mode hdr;

    if (rc_cli_take_header(&argc, argv, &hdr, "replay"))
        return RC_EXIT_USAGE;
    if ((status = parse_args(&A, argc, argv)) >= 0)
        return status;
    status = RC_EXIT_OK;
    json = A.json;
    csv_path = A.csv_path;
    plot_path = A.plot_path;
    if (plot_path != NULL && rc_cli_plot_check_path("replay", plot_path, rc_cli_plot_mpl_exts))
        return RC_EXIT_USAGE;
    rc_replay_opts_init(ropts);
    ropts->log_name = paths[0];
    ropts->data_name = paths[1];
    fmpq_init(leak);
    if ((status = parse_opts(ropts, A.lr, A.wd, A.opt, A.loss_s, A.no_identity, A.no_fast, A.prec)) != RC_EXIT_OK)
        goto out;
    if (rc_fmpq_set_str(leak, A.leak_s, &why) != RC_OK || fmpq_sgn(leak) < 0 || fmpq_cmp_si(leak, 1) >= 0)
    {
        status = rc_cli_error("replay", "--leak: not a number in [0, 1): \"%s\"", A.leak_s);
        goto out;
    }
    rc_err_init(err);
    if (rc_log_read(log, paths[0], err) != RC_OK)
    {
        status = rc_cli_error_err("replay", err);
        goto out;
    }
    fmpq_set(log->shape->leak, leak);
    if (rc_cli_read_data(data, "replay", paths[1], log->shape->e, hdr, err) != RC_OK)
    {
        rc_log_clear(log);
        status = rc_cli_error_err("replay", err);
        goto out;
    }
    if (rc_replay_check(log, data, ropts, err) != RC_OK)
    {
        rc_data_clear(data);
        rc_log_clear(log);
        status = rc_cli_error_err("replay", err);
        goto out;
    }
    if (plot_path != NULL && csv_path == NULL)
    {
        int fd;
        /* mkstemp template: the prefix, then six 'X' that mkstemp replaces */
        strcpy(tmp_csv, "/tmp/relucert-replay-");
        memset(tmp_csv + strlen(tmp_csv), 'X', 6);
        tmp_csv[strlen("/tmp/relucert-replay-") + 6] = '\0';
        fd = mkstemp(tmp_csv);
        if (fd < 0)
            tmp_csv[0] = '\0';
        else
            close(fd);
    }
    if (csv_path != NULL || tmp_csv[0])
    {
        csv = fopen(csv_path != NULL ? csv_path : tmp_csv, "w");
        if (csv == NULL)
        {
            rc_data_clear(data);
            rc_log_clear(log);
            status = rc_cli_error("replay", "%s: cannot write", csv_path != NULL ? csv_path : tmp_csv);
            goto out;
        }
    }
    ropts->csv = csv;
    rc_replay_result_init(res);
    if (rc_replay_run(res, log, data, ropts, err) != RC_OK)
        status = rc_cli_error_err("replay", err);
    if (csv != NULL)
        fclose(csv);
    if (status == RC_EXIT_OK && json)
    {
        rc_jsonw_t w;
        rc_jsonw_init_file(w, stdout);
        rc_replay_result_write_json(w, res);
    }
    else if (status == RC_EXIT_OK)
        print_text(res, A.opt, A.no_identity, csv_path);
    if (status == RC_EXIT_OK && plot_path != NULL)
    {
        const char * args[] = { csv_path != NULL ? csv_path : tmp_csv, plot_path, paths[0], NULL };
        if (rc_cli_plot_run("replay", "plot_replay.py", args) != RC_EXIT_OK)
            status = RC_EXIT_USAGE;
        else if (!json)
            printf("  plot of the levels: %s\n", plot_path);
    }
    if (tmp_csv[0])
        unlink(tmp_csv);
    rc_replay_result_clear(res);
    rc_data_clear(data);
    rc_log_clear(log);
out:
    rc_replay_opts_clear(ropts);
    fmpq_clear(leak);
    return status;
}
