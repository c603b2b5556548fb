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
"files (W1, b1, W2, b2) whose names sort in step order.  Every float is read as its exact value.\n"
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
"  --json               machine-readable summary (FORMATS.md)\n"
RC_CLI_HEADER_HELP;

/* The plot program, also shipped as scripts/plot_levels.py (the same code). */
static const char * plot_prog =
"import sys, csv\n"
"import matplotlib\n"
"matplotlib.use('Agg')\n"
"import matplotlib.pyplot as plt\n"
"series = {}\n"
"with open(sys.argv[1]) as f:\n"
"    for r in csv.DictReader(f):\n"
"        s = series.setdefault(int(r['neuron']), ([], []))\n"
"        s[0].append(int(r['step'])); s[1].append(float(r['level_approx']))\n"
"fig, ax = plt.subplots(figsize=(8, 4.5))\n"
"for k in sorted(series):\n"
"    ax.plot(series[k][0], series[k][1], lw=1.2 if len(series) <= 10 else 0.6,\n"
"            label='neuron %d' % k if len(series) <= 10 else None)\n"
"ax.axhline(0, color='k', lw=0.5)\n"
"ax.set_xlabel('step'); ax.set_ylabel('level c_k = |w_k|^2 - |v_k|^2')\n"
"ax.set_title(sys.argv[3] if len(sys.argv) > 3 else 'levels over the logged steps')\n"
"if len(series) <= 10: ax.legend()\n"
"fig.tight_layout(); fig.savefig(sys.argv[2], dpi=120)\n";

static int run_plot(const char * csv, const char * out, const char * title)
{
    const char * py = getenv("RC_PYTHON");
    pid_t pid;
    int st;
    if (py == NULL)
        py = access("/usr/bin/python3", X_OK) == 0 ? "/usr/bin/python3" : "python3";
    fflush(stdout);
    pid = fork();
    if (pid < 0)
        return 1;
    if (pid == 0)
    {
        execlp(py, py, "-c", plot_prog, csv, out, title, (char *) NULL);
        _exit(127);
    }
    if (waitpid(pid, &st, 0) < 0 || !WIFEXITED(st) || WEXITSTATUS(st) != 0)
        return 1;
    return 0;
}

static char * exact_str(const arb_t x)
{
    fmpq_t q;
    char * s;
    fmpq_init(q);
    arf_get_fmpq(q, arb_midref(x));
    s = rc_fmpq_get_str(q);
    fmpq_clear(q);
    return s;
}

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

int rc_cli_replay(int argc, char ** argv)
{
    const char * paths[2] = { NULL, NULL }, * lr = NULL, * wd = "0", * opt = "sgd", * loss_s = "mse",
               * leak_s = "0", * csv_path = NULL, * plot_path = NULL, * why;
    long prec = 128;
    int json = 0, no_identity = 0, no_fast = 0, i, np = 0, sgd, loss_kind, status = RC_EXIT_OK;
    char tmp_csv[64] = "";
    FILE * csv = NULL;
    fmpq_t eta, lambda, leak;
    rc_log_t log;
    rc_data_t data;
    rc_ddata_t D;
    rc_err_t err;
    arb_ptr c_prev, c_cur, obs, pred;
    rc_dyadic_struct * dy_prev, * dy_cur, * dtmp;
    int * f_prev, * f_cur, * itmp, want_ball;
    double * Xd, * Yd;
    double max_obs_d = 0;
    arb_t shrink_b, eta_b, loss0, loss_last, res, max_res_hi_b, t;
    arf_t ub, lb, max_ub, max_lb, max_obs;
    slong l, k, s, n_disc = 0, first_step = -1, first_neuron = -1, left_step = -1, left_neuron = -1;
    slong lvl_step = -1, lvl_neuron = -1, res_step = -1, res_neuron = -1;
    int * sgn0, * side0;
    slong * sidx;
    rc_header_mode hdr;

    if (rc_cli_take_header(&argc, argv, &hdr, "replay"))
        return RC_EXIT_USAGE;
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
            json = 1;
            continue;
        }
        if (strcmp(a, "--no-identity") == 0)
        {
            no_identity = 1;
            continue;
        }
        if (strcmp(a, "--no-fast") == 0)
        {
            no_fast = 1;
            continue;
        }
        if (strcmp(a, "--prec") == 0)
        {
            if (rc_cli_parse_slong(&prec, "replay", a, v, 16, 100000))
                return RC_EXIT_USAGE;
            i++;
            continue;
        }
        if (strcmp(a, "--lr") == 0) dst = &lr;
        else if (strcmp(a, "--weight-decay") == 0) dst = &wd;
        else if (strcmp(a, "--optimizer") == 0) dst = &opt;
        else if (strcmp(a, "--loss") == 0) dst = &loss_s;
        else if (strcmp(a, "--leak") == 0) dst = &leak_s;
        else if (strcmp(a, "--csv") == 0) dst = &csv_path;
        else if (strcmp(a, "--plot") == 0) dst = &plot_path;
        if (dst != NULL)
        {
            if (v == NULL)
                return rc_cli_error("replay", "%s: missing value", a);
            *dst = v;
            i++;
        }
        else if (a[0] == '-' && a[1] != '\0')
            return rc_cli_error("replay", "unknown option \"%s\" (see relucert replay --help)", a);
        else if (np < 2)
            paths[np++] = a;
        else
            return rc_cli_error("replay", "too many arguments (see relucert replay --help)");
    }
    if (np < 2)
        return rc_cli_error("replay", "need LOG and DATA (see relucert replay --help)");
    if (strcmp(opt, "sgd") == 0)
        sgd = !no_identity;
    else if (strcmp(opt, "momentum") == 0 || strcmp(opt, "adam") == 0)
        sgd = 0;
    else
        return rc_cli_error("replay", "--optimizer: \"%s\" is not sgd, momentum or adam", opt);
    if (strcmp(loss_s, "mse") == 0)
        loss_kind = RC_LOSS_MSE;
    else if (strcmp(loss_s, "bce") == 0)
        loss_kind = RC_LOSS_BCE;
    else
        return rc_cli_error("replay", "--loss: \"%s\" is not mse or bce", loss_s);
    if (sgd && lr == NULL)
        return rc_cli_error("replay", "--lr: missing (needed to predict the drift of plain GD; "
                            "or --no-identity)");
    fmpq_init(eta);
    fmpq_init(lambda);
    fmpq_init(leak);
    if (lr != NULL && (rc_fmpq_set_str(eta, lr, &why) != RC_OK || fmpq_sgn(eta) <= 0))
        return rc_cli_error("replay", "--lr: not a positive number: \"%s\"", lr);
    if (rc_fmpq_set_str(lambda, wd, &why) != RC_OK || fmpq_sgn(lambda) < 0)
        return rc_cli_error("replay", "--weight-decay: not a nonnegative number: \"%s\"", wd);
    if (rc_fmpq_set_str(leak, leak_s, &why) != RC_OK || fmpq_sgn(leak) < 0 || fmpq_cmp_si(leak, 1) >= 0)
        return rc_cli_error("replay", "--leak: not a number in [0, 1): \"%s\"", leak_s);
    rc_err_init(err);
    if (rc_log_read(log, paths[0], err) != RC_OK)
        return rc_cli_error_err("replay", err);
    fmpq_set(log->shape->leak, leak);
    if (rc_cli_read_data(data, "replay", paths[1], 0, hdr, err) != RC_OK)
    {
        rc_log_clear(log);
        return rc_cli_error_err("replay", err);
    }
    if (data->d != log->shape->d || data->e != log->shape->e)
    {
        status = rc_cli_error("replay", "%s: the data have %ld inputs and %ld outputs, the log's network %ld and %ld",
                              paths[1], (long) data->d, (long) data->e, (long) log->shape->d, (long) log->shape->e);
        rc_data_clear(data);
        rc_log_clear(log);
        return status;
    }
    if (loss_kind == RC_LOSS_BCE && data->e != 1)
    {
        rc_data_clear(data);
        rc_log_clear(log);
        return rc_cli_error("replay", "--loss bce needs one output");
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
            return rc_cli_error("replay", "%s: cannot write", csv_path != NULL ? csv_path : tmp_csv);
        }
        fprintf(csv, "step,neuron,level,level_approx,observed_drift,observed_drift_approx,"
                     "predicted_drift_lo,predicted_drift_hi,residual_lo,residual_hi,side_sign,on_initial_side\n");
    }

    l = log->shape->l;
    rc_ddata_init(D, data, prec);
    /* the data as exact doubles, when they are (then the fast gradient path applies) */
    Xd = flint_malloc(sizeof(double) * FLINT_MAX(data->n * data->d, 1));
    Yd = flint_malloc(sizeof(double) * FLINT_MAX(data->n * data->e, 1));
    {
        int all_exact = data->n * data->d > 0 && !no_fast;
        for (k = 0; k < data->n * data->d && all_exact; k++)
            all_exact = rc_fmpq_get_d_exact(Xd + k, data->X + k);
        for (k = 0; k < data->n * data->e && all_exact; k++)
            all_exact = rc_fmpq_get_d_exact(Yd + k, data->Y + k);
        if (!all_exact)
        {
            flint_free(Xd);
            flint_free(Yd);
            Xd = Yd = NULL;
        }
    }
    c_prev = _arb_vec_init(l);
    c_cur = _arb_vec_init(l);
    dy_prev = flint_malloc(sizeof(rc_dyadic_struct) * l);
    dy_cur = flint_malloc(sizeof(rc_dyadic_struct) * l);
    f_prev = flint_malloc(sizeof(int) * l);
    f_cur = flint_malloc(sizeof(int) * l);
    want_ball = sgd || csv != NULL;
    obs = _arb_vec_init(l);
    pred = _arb_vec_init(l);
    sgn0 = flint_calloc(l, sizeof(int));
    side0 = flint_calloc(l, sizeof(int));
    sidx = flint_malloc(sizeof(slong) * l);
    arb_init(shrink_b);
    arb_init(eta_b);
    arb_init(loss0);
    arb_init(loss_last);
    arb_init(res);
    arb_init(max_res_hi_b);
    arb_init(t);
    arf_init(ub);
    arf_init(lb);
    arf_init(max_ub);
    arf_init(max_lb);
    arf_init(max_obs);
    arb_set_fmpq(eta_b, eta, prec);
    {
        fmpq_t sh;
        fmpq_init(sh);
        fmpq_mul(sh, eta, lambda);
        fmpq_sub_si(sh, sh, 1);
        fmpq_neg(sh, sh);
        arb_set_fmpq(shrink_b, sh, prec);
        fmpq_clear(sh);
    }
    rc_log_levels_dyadic(dy_prev, f_prev, c_prev, rc_log_snapshot(log, 0), log->shape, 1);
    for (k = 0; k < l; k++)
    {
        sgn0[k] = arf_sgn(arb_midref(c_prev + k));     /* exact: radius 0 */
        sidx[k] = rc_descent_side_index(log->shape, k, sgn0[k]);
        side0[k] = sidx[k] >= 0 ? rc_double_sgn(rc_log_snapshot(log, 0)[sidx[k]]) : 0;
        n_disc += sidx[k] >= 0;
    }
    if (csv != NULL)
        for (k = 0; k < l; k++)
        {
            char * cs = exact_str(c_prev + k);
            fprintf(csv, "0,%ld,%s,%.17g,,,,,,,%d,%s\n", (long) k, cs, arf_get_d(arb_midref(c_prev + k), ARF_RND_NEAR),
                    sidx[k] >= 0 ? side0[k] : 0, sidx[k] >= 0 ? "1" : "");
            flint_free(cs);
        }
    for (s = 1; s <= log->steps; s++)
    {
        const double * th = rc_log_snapshot(log, s);
        rc_log_levels_dyadic(dy_cur, f_cur, c_cur, th, log->shape, want_ball);
        if (sgd)
        {
            rc_replay_predict(pred, t, rc_log_snapshot(log, s - 1), c_prev, log->shape, D, data, Xd, Yd, loss_kind,
                              shrink_b, eta_b, prec);
            if (s == 1)
                arb_set(loss0, t);
        }
        for (k = 0; k < l; k++)
        {
            int sg = 0;
            int lsg;
            rc_dyadic_t dd;
            double od;
            /* exact observed drift: 128-bit fast path, or exact balls */
            if (rc_log_drift(dd, obs + k, dy_cur, f_cur, c_cur, dy_prev, f_prev, c_prev, k))
            {
                /* cheap filter: only a drift whose upper bound reaches the running maximum
                   (rounded down) is compared exactly */
                od = rc_dyadic_abs_ubound_d(dd);
                if (want_ball || od >= max_obs_d)
                    rc_dyadic_get_arb(obs + k, dd);
            }
            else
                od = INFINITY;
            if (od >= max_obs_d)
            {
                arf_abs(ub, arb_midref(obs + k));
                if (arf_cmp(ub, max_obs) > 0)
                {
                    arf_set(max_obs, ub);
                    max_obs_d = arf_get_d(max_obs, ARF_RND_DOWN);
                }
            }
            lsg = f_cur[k] ? rc_dyadic_sgn(dy_cur + k) : arf_sgn(arb_midref(c_cur + k));
            if (sgd)
            {
                arb_sub(res, obs + k, pred + k, prec);
                arb_get_abs_ubound_arf(ub, res, prec);
                arb_get_abs_lbound_arf(lb, res, prec);
                if (arf_cmp(ub, max_ub) > 0)
                {
                    arf_set(max_ub, ub);
                    res_step = s;
                    res_neuron = k;
                }
                if (arf_cmp(lb, max_lb) > 0)
                    arf_set(max_lb, lb);
            }
            if (sidx[k] >= 0)
            {
                sg = rc_double_sgn(th[sidx[k]]);
                if (sg != side0[k] && left_step < 0)
                {
                    left_step = s;
                    left_neuron = k;
                }
                if (sg == -side0[k] && first_step < 0)
                {
                    first_step = s;
                    first_neuron = k;
                }
            }
            if (lsg != sgn0[k] && lvl_step < 0)
            {
                lvl_step = s;
                lvl_neuron = k;
            }
            if (csv != NULL)
            {
                char * cs = exact_str(c_cur + k), * os = exact_str(obs + k);
                fprintf(csv, "%ld,%ld,%s,%.17g,%s,%.17g,", (long) s, (long) k, cs,
                        arf_get_d(arb_midref(c_cur + k), ARF_RND_NEAR), os, arf_get_d(arb_midref(obs + k), ARF_RND_NEAR));
                if (sgd)
                {
                    put_pair(csv, pred + k, 0);
                    fprintf(csv, ",");
                    put_pair(csv, res, 0);
                }
                else
                    fprintf(csv, ",,,");
                fprintf(csv, ",%d,%s\n", sidx[k] >= 0 ? sg : 0, sidx[k] >= 0 ? (sg == side0[k] ? "1" : "0") : "");
                flint_free(cs);
                flint_free(os);
            }
        }
        _arb_vec_swap(c_prev, c_cur, l);
        dtmp = dy_prev, dy_prev = dy_cur, dy_cur = dtmp;
        itmp = f_prev, f_prev = f_cur, f_cur = itmp;
    }
    rc_log_levels(c_prev, rc_log_snapshot(log, log->steps), log->shape);   /* exact, as balls */
    if (sgd)
    {
        /* loss at the last snapshot */
        rc_replay_predict(pred, loss_last, rc_log_snapshot(log, log->steps), c_prev, log->shape, D, data,
                          Xd, Yd, loss_kind, shrink_b, eta_b, prec);
        if (log->steps == 0)
            arb_set(loss0, loss_last);
    }
    if (csv != NULL)
        fclose(csv);

    if (json)
    {
        char * a;
        printf("{\n  \"format\": \"relucert.replay/1\",\n  \"log\": ");
        rc_json_write_string(stdout, paths[0]);
        printf(", \"data\": ");
        rc_json_write_string(stdout, paths[1]);
        printf(",\n  \"steps\": %ld, \"hidden\": %ld, \"input_dim\": %ld, \"output_dim\": %ld, \"optimizer\": \"%s\",\n",
               (long) log->steps, (long) l, (long) log->shape->d, (long) log->shape->e, opt);
        a = rc_fmpq_get_str(eta);
        printf("  \"lr\": %s%s%s, ", lr ? "\"" : "", lr ? a : "null", lr ? "\"" : "");
        flint_free(a);
        a = rc_fmpq_get_str(lambda);
        printf("\"weight_decay\": \"%s\", \"loss_kind\": \"%s\",\n", a, loss_s);
        flint_free(a);
        printf("  \"identity\": %s, \"identity_checked\": %s,\n", strcmp(opt, "sgd") == 0
               ? "\"c+ = (1 - lr wd)^2 c + lr^2 (|g_w|^2 - |g_v|^2)\"" : "null", sgd ? "true" : "false");
        if (first_step >= 0)
            printf("  \"first_sign_change\": {\"step\": %ld, \"neuron\": %ld},\n", (long) first_step, (long) first_neuron);
        else
            printf("  \"first_sign_change\": null,\n");
        if (left_step >= 0)
            printf("  \"left_component\": {\"step\": %ld, \"neuron\": %ld},\n", (long) left_step, (long) left_neuron);
        else
            printf("  \"left_component\": null,\n");
        printf("  \"stays_on_component\": %s, \"disconnected_neurons\": %ld,\n", left_step < 0 ? "true" : "false",
               (long) n_disc);
        if (lvl_step >= 0)
            printf("  \"first_level_sign_change\": {\"step\": %ld, \"neuron\": %ld},\n", (long) lvl_step, (long) lvl_neuron);
        else
            printf("  \"first_level_sign_change\": null,\n");
        arb_set_arf(t, max_obs);
        {
            char * lo, * hi;
            rc_arb_get_interval_str(&lo, &hi, t, 17);
            printf("  \"max_abs_observed_drift\": \"%s\",\n", hi);
            flint_free(lo);
            flint_free(hi);
        }
        if (sgd && log->steps > 0)
        {
            char * lo, * hi;
            char * lo2, * hi2;
            arb_set_arf(t, max_lb);                 /* exact: the strings round outward */
            rc_arb_get_interval_str(&lo, &hi2, t, 17);
            arb_set_arf(t, max_ub);
            rc_arb_get_interval_str(&lo2, &hi, t, 17);
            flint_free(lo2);
            flint_free(hi2);
            printf("  \"max_identity_residual\": \"%s\", \"max_identity_residual_enclosure\": [\"%s\", \"%s\"],\n",
                   hi, lo, hi);
            if (res_step >= 0)
                printf("  \"max_identity_residual_at\": {\"step\": %ld, \"neuron\": %ld},\n", (long) res_step,
                       (long) res_neuron);
            else
                printf("  \"max_identity_residual_at\": null,\n");
            printf("  \"loss_first\": ");
            put_pair(stdout, loss0, 1);
            printf(", \"loss_last\": ");
            put_pair(stdout, loss_last, 1);
            printf(",\n");
            flint_free(lo);
            flint_free(hi);
        }
        else
            printf("  \"max_identity_residual\": null,\n");
        printf("  \"neurons\": [");
        {
            arb_ptr cz = _arb_vec_init(l);
            rc_log_levels(cz, rc_log_snapshot(log, 0), log->shape);
            for (k = 0; k < l; k++)
            {
                char * c0s = exact_str(cz + k), * cfs = exact_str(c_prev + k);
                printf("%s\n    {\"index\": %ld, \"c0\": \"%s\", \"c_last\": \"%s\", \"disconnected\": %s, \"side\": ",
                       k ? "," : "", (long) k, c0s, cfs, sidx[k] >= 0 ? "true" : "false");
                if (sidx[k] >= 0)
                    printf("\"%c\", \"side_last\": %d}", side0[k] > 0 ? '+' : '-',
                           rc_double_sgn(rc_log_snapshot(log, log->steps)[sidx[k]]));
                else
                    printf("null, \"side_last\": null}");
                flint_free(c0s);
                flint_free(cfs);
            }
            _arb_vec_clear(cz, l);
        }
        printf("\n  ]\n}\n");
    }
    else
    {
        char * a = rc_fmpq_get_str(eta), * b = rc_fmpq_get_str(lambda);
        printf("replay of %s on %s: %ld steps, d = %ld, l = %ld, e = %ld, optimizer %s", paths[0], paths[1],
               (long) log->steps, (long) log->shape->d, (long) l, (long) log->shape->e, opt);
        if (lr)
            printf(", eta = %s", a);
        printf(", weight decay %s, loss %s\n\n", b, loss_s);
        flint_free(a);
        flint_free(b);
        printf("  disconnected neurons at step 0: %ld of %ld\n", (long) n_disc, (long) l);
        if (left_step < 0)
            printf("  the run stays on its initial component at every logged step (0..%ld)\n", (long) log->steps);
        else
            printf("  the run leaves its initial component at step %ld (neuron %ld's sheet coordinate loses its sign)\n",
                   (long) left_step, (long) left_neuron);
        if (first_step >= 0)
            printf("  first sign change: step %ld, neuron %ld\n", (long) first_step, (long) first_neuron);
        else
            printf("  first sign change: none\n");
        if (lvl_step >= 0)
            printf("  first level sign change: step %ld, neuron %ld\n", (long) lvl_step, (long) lvl_neuron);
        else
            printf("  no level changes sign\n");
        arb_set_arf(t, max_obs);
        printf("  largest |observed drift| of a level in one step: %.6g\n", arf_get_d(max_obs, ARF_RND_UP));
        if (sgd && log->steps > 0)
        {
            printf("  drift identity (plain GD): max |observed - predicted| = %.6g (step %ld, neuron %ld)\n"
                   "    the float-rounding effect; rigorous bounds: [%.6g, %.6g]\n",
                   arf_get_d(max_ub, ARF_RND_UP), (long) res_step, (long) res_neuron,
                   arf_get_d(max_lb, ARF_RND_DOWN), arf_get_d(max_ub, ARF_RND_UP));
            printf("  loss: step 0 ");
            put_pair(stdout, loss0, 1);
            printf(", step %ld ", (long) log->steps);
            put_pair(stdout, loss_last, 1);
            printf("\n");
        }
        else if (no_identity && strcmp(opt, "sgd") == 0)
            printf("  drift identity skipped (--no-identity): the drift above is measured only\n");
        else if (!sgd)
            printf("  %s: no drift identity applies; the drift above is measured only\n", opt);
        if (csv_path != NULL)
            printf("  full table: %s\n", csv_path);
    }
    if (plot_path != NULL)
    {
        if (run_plot(csv_path != NULL ? csv_path : tmp_csv, plot_path, paths[0]) != 0)
            status = rc_cli_error("replay", "--plot: %s: python3 with matplotlib failed (apt-get install -y "
                                  "python3-matplotlib; RC_PYTHON selects the interpreter)", plot_path);
        else if (!json)
            printf("  plot of the levels: %s\n", plot_path);
    }
    if (tmp_csv[0])
        unlink(tmp_csv);
    rc_ddata_clear(D);
    flint_free(Xd);
    flint_free(Yd);
    _arb_vec_clear(c_prev, l);
    _arb_vec_clear(c_cur, l);
    flint_free(dy_prev);
    flint_free(dy_cur);
    flint_free(f_prev);
    flint_free(f_cur);
    _arb_vec_clear(obs, l);
    _arb_vec_clear(pred, l);
    flint_free(sgn0);
    flint_free(side0);
    flint_free(sidx);
    arb_clear(shrink_b);
    arb_clear(eta_b);
    arb_clear(loss0);
    arb_clear(loss_last);
    arb_clear(res);
    arb_clear(max_res_hi_b);
    arb_clear(t);
    arf_clear(ub);
    arf_clear(lb);
    arf_clear(max_ub);
    arf_clear(max_lb);
    arf_clear(max_obs);
    fmpq_clear(eta);
    fmpq_clear(lambda);
    fmpq_clear(leak);
    rc_data_clear(data);
    rc_log_clear(log);
    return status;
}
