/* rc_replay_run: the replay of a float training log (doc/descent.md, proofs/descent.md D1-D6).
   Per step s and neuron k: the exact level c_k(s) (128-bit dyadics, exact rationals when they do
   not fit), the exact observed drift c_k(s) - c_k(s-1), and for plain GD an enclosure of the
   drift identity D1 predicts from snapshot s-1; the residual observed - predicted is the effect
   of float rounding (and of any mismatch between the assumed and the real run). */
#include <math.h>
#include <string.h>
#include "relucert/descent.h"
#include "relucert/num.h"

typedef struct
{
    const rc_log_struct * log;
    const rc_data_struct * data;
    const rc_replay_opts_struct * opts;
    rc_replay_result_struct * res;
    int sgd;                   /* the identity is checked */
    int want_ball;             /* every level and drift is needed as a ball (identity or CSV) */
    slong prec, l;
    rc_ddata_t D;
    double * Xd, * Yd;         /* the data as exact doubles, or NULL (then no fast path) */
    arb_ptr c_prev, c_cur, obs, pred;
    rc_dyadic_struct * dy_prev, * dy_cur;
    int * f_prev, * f_cur;
    int * sgn0;                /* exact sign of c_k at step 0 */
    slong * sidx;              /* index of the sheet coordinate, -1 when not disconnected */
    double max_obs_d;          /* max_obs rounded down: a cheap filter */
    arb_t shrink_b, eta_b, r, t;
    arf_t ub, lb;
}
replay_state;

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

static void csv_pair(FILE * f, const arb_t x)
{
    char * lo, * hi;
    rc_arb_get_interval_str(&lo, &hi, x, 17);
    fprintf(f, "%s,%s", lo, hi);
    flint_free(lo);
    flint_free(hi);
}

/* The data as exact doubles when every entry is one (the fast gradient path applies). */
static void data_doubles(replay_state * R)
{
    const rc_data_struct * data = R->data;
    int all_exact = data->n * data->d > 0 && R->opts->fast;
    slong k;
    R->Xd = flint_malloc(sizeof(double) * FLINT_MAX(data->n * data->d, 1));
    R->Yd = flint_malloc(sizeof(double) * FLINT_MAX(data->n * data->e, 1));
    for (k = 0; k < data->n * data->d && all_exact; k++)
        all_exact = rc_fmpq_get_d_exact(R->Xd + k, data->X + k);
    for (k = 0; k < data->n * data->e && all_exact; k++)
        all_exact = rc_fmpq_get_d_exact(R->Yd + k, data->Y + k);
    if (!all_exact)
    {
        flint_free(R->Xd);
        flint_free(R->Yd);
        R->Xd = R->Yd = NULL;
    }
}

static void state_init(replay_state * R)
{
    slong l = R->l;
    fmpq_t sh;
    rc_ddata_init(R->D, R->data, R->prec);
    data_doubles(R);
    R->c_prev = _arb_vec_init(l);
    R->c_cur = _arb_vec_init(l);
    R->obs = _arb_vec_init(l);
    R->pred = _arb_vec_init(l);
    R->dy_prev = flint_malloc(sizeof(rc_dyadic_struct) * FLINT_MAX(l, 1));
    R->dy_cur = flint_malloc(sizeof(rc_dyadic_struct) * FLINT_MAX(l, 1));
    R->f_prev = flint_malloc(sizeof(int) * FLINT_MAX(l, 1));
    R->f_cur = flint_malloc(sizeof(int) * FLINT_MAX(l, 1));
    R->sgn0 = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    R->sidx = flint_malloc(sizeof(slong) * FLINT_MAX(l, 1));
    R->max_obs_d = 0;
    arb_init(R->shrink_b);
    arb_init(R->eta_b);
    arb_init(R->r);
    arb_init(R->t);
    arf_init(R->ub);
    arf_init(R->lb);
    arb_set_fmpq(R->eta_b, R->opts->lr, R->prec);
    fmpq_init(sh);
    fmpq_mul(sh, R->opts->lr, R->opts->weight_decay);
    fmpq_sub_si(sh, sh, 1);
    fmpq_neg(sh, sh);                                  /* shrink = 1 - eta lambda */
    arb_set_fmpq(R->shrink_b, sh, R->prec);
    fmpq_clear(sh);
}

static void state_clear(replay_state * R)
{
    slong l = R->l;
    rc_ddata_clear(R->D);
    flint_free(R->Xd);
    flint_free(R->Yd);
    _arb_vec_clear(R->c_prev, l);
    _arb_vec_clear(R->c_cur, l);
    _arb_vec_clear(R->obs, l);
    _arb_vec_clear(R->pred, l);
    flint_free(R->dy_prev);
    flint_free(R->dy_cur);
    flint_free(R->f_prev);
    flint_free(R->f_cur);
    flint_free(R->sgn0);
    flint_free(R->sidx);
    arb_clear(R->shrink_b);
    arb_clear(R->eta_b);
    arb_clear(R->r);
    arb_clear(R->t);
    arf_clear(R->ub);
    arf_clear(R->lb);
}

/* Step 0: exact levels, their signs, the disconnected neurons and their initial sides. */
static void replay_start(replay_state * R)
{
    rc_replay_result_struct * res = R->res;
    const double * th0 = rc_log_snapshot(R->log, 0);
    slong k;
    rc_log_levels_dyadic(R->dy_prev, R->f_prev, R->c_prev, th0, R->log->shape, 1);
    for (k = 0; k < R->l; k++)
    {
        arb_set(res->c0 + k, R->c_prev + k);
        R->sgn0[k] = arf_sgn(arb_midref(R->c_prev + k));     /* exact: radius 0 */
        R->sidx[k] = rc_descent_side_index(R->log->shape, k, R->sgn0[k]);
        res->disc[k] = R->sidx[k] >= 0;
        res->side0[k] = R->sidx[k] >= 0 ? rc_double_sgn(th0[R->sidx[k]]) : 0;
        res->disconnected += R->sidx[k] >= 0;
    }
    if (R->opts->csv != NULL)
    {
        fprintf(R->opts->csv, "step,neuron,level,level_approx,observed_drift,observed_drift_approx,"
                "predicted_drift_lo,predicted_drift_hi,residual_lo,residual_hi,side_sign,on_initial_side\n");
        for (k = 0; k < R->l; k++)
        {
            char * cs = exact_str(R->c_prev + k);
            fprintf(R->opts->csv, "0,%ld,%s,%.17g,,,,,,,%d,%s\n", (long) k, cs,
                    arf_get_d(arb_midref(R->c_prev + k), ARF_RND_NEAR),
                    R->sidx[k] >= 0 ? res->side0[k] : 0, R->sidx[k] >= 0 ? "1" : "");
            flint_free(cs);
        }
    }
}

static void csv_row(replay_state * R, slong s, slong k, int sg)
{
    FILE * f = R->opts->csv;
    char * cs = exact_str(R->c_cur + k), * os = exact_str(R->obs + k);
    fprintf(f, "%ld,%ld,%s,%.17g,%s,%.17g,", (long) s, (long) k, cs,
            arf_get_d(arb_midref(R->c_cur + k), ARF_RND_NEAR), os,
            arf_get_d(arb_midref(R->obs + k), ARF_RND_NEAR));
    if (R->sgd)
    {
        csv_pair(f, R->pred + k);
        fprintf(f, ",");
        csv_pair(f, R->r);
    }
    else
        fprintf(f, ",,,");
    fprintf(f, ",%d,%s\n", R->sidx[k] >= 0 ? sg : 0,
            R->sidx[k] >= 0 ? (sg == R->res->side0[k] ? "1" : "0") : "");
    flint_free(cs);
    flint_free(os);
}

/* Neuron k at step s: exact observed drift, its running maximum, the identity residual, the
   sides and the level sign. */
static void replay_neuron(replay_state * R, slong s, slong k, const double * th)
{
    rc_replay_result_struct * res = R->res;
    int sg = 0, lsg;
    rc_dyadic_t dd;
    double od;
    /* exact observed drift: 128-bit fast path, or exact balls */
    if (rc_log_drift(dd, R->obs + k, R->dy_cur, R->f_cur, R->c_cur, R->dy_prev, R->f_prev, R->c_prev, k))
    {
        /* cheap filter: only a drift whose upper bound reaches the running maximum (rounded
           down) is compared exactly */
        od = rc_dyadic_abs_ubound_d(dd);
        if (R->want_ball || od >= R->max_obs_d)
            rc_dyadic_get_arb(R->obs + k, dd);
    }
    else
        od = INFINITY;
    if (od >= R->max_obs_d)
    {
        arf_abs(R->ub, arb_midref(R->obs + k));
        if (arf_cmp(R->ub, res->max_obs) > 0)
        {
            arf_set(res->max_obs, R->ub);
            R->max_obs_d = arf_get_d(res->max_obs, ARF_RND_DOWN);
        }
    }
    lsg = R->f_cur[k] ? rc_dyadic_sgn(R->dy_cur + k) : arf_sgn(arb_midref(R->c_cur + k));
    if (R->sgd)
    {
        arb_sub(R->r, R->obs + k, R->pred + k, R->prec);
        arb_get_abs_ubound_arf(R->ub, R->r, R->prec);
        arb_get_abs_lbound_arf(R->lb, R->r, R->prec);
        if (arf_cmp(R->ub, res->max_res_hi) > 0)
        {
            arf_set(res->max_res_hi, R->ub);
            res->max_residual_at.step = s;
            res->max_residual_at.neuron = k;
        }
        if (arf_cmp(R->lb, res->max_res_lo) > 0)
            arf_set(res->max_res_lo, R->lb);
    }
    if (R->sidx[k] >= 0)
    {
        sg = rc_double_sgn(th[R->sidx[k]]);
        if (sg != res->side0[k] && res->left_component.step < 0)
        {
            res->left_component.step = s;
            res->left_component.neuron = k;
        }
        if (sg == -res->side0[k] && res->first_sign_change.step < 0)
        {
            res->first_sign_change.step = s;
            res->first_sign_change.neuron = k;
        }
    }
    if (lsg != R->sgn0[k])
    {
        res->level_sign_changes++;
        if (res->first_level_sign_change.step < 0)
        {
            res->first_level_sign_change.step = s;
            res->first_level_sign_change.neuron = k;
        }
    }
    if (R->opts->csv != NULL)
        csv_row(R, s, k, sg);
}

static void replay_steps(replay_state * R)
{
    const rc_log_struct * log = R->log;
    rc_replay_result_struct * res = R->res;
    slong s, k;
    for (s = 1; s <= res->steps; s++)
    {
        const double * th = rc_log_snapshot(log, s);
        rc_log_levels_dyadic(R->dy_cur, R->f_cur, R->c_cur, th, log->shape, R->want_ball);
        if (R->sgd)
        {
            rc_replay_predict(R->pred, R->t, rc_log_snapshot(log, s - 1), R->c_prev, log->shape, R->D,
                              R->data, R->Xd, R->Yd, R->opts->loss_kind, R->shrink_b, R->eta_b, R->prec);
            if (s == 1)
                arb_set(res->loss_first, R->t);
        }
        for (k = 0; k < R->l; k++)
            replay_neuron(R, s, k, th);
        _arb_vec_swap(R->c_prev, R->c_cur, R->l);
        {
            rc_dyadic_struct * t = R->dy_prev;
            int * u = R->f_prev;
            R->dy_prev = R->dy_cur, R->dy_cur = t;
            R->f_prev = R->f_cur, R->f_cur = u;
        }
    }
}

/* The last snapshot: exact levels, sides, and the loss there. */
static void replay_finish(replay_state * R)
{
    const rc_log_struct * log = R->log;
    rc_replay_result_struct * res = R->res;
    const double * th = rc_log_snapshot(log, res->steps);
    slong k;
    rc_log_levels(res->c_last, th, log->shape);   /* exact, as balls */
    for (k = 0; k < R->l; k++)
        res->side_last[k] = R->sidx[k] >= 0 ? rc_double_sgn(th[R->sidx[k]]) : 0;
    if (R->sgd)
    {
        rc_replay_predict(R->pred, res->loss_last, th, res->c_last, log->shape, R->D, R->data,
                          R->Xd, R->Yd, R->opts->loss_kind, R->shrink_b, R->eta_b, R->prec);
        if (res->steps == 0)
            arb_set(res->loss_first, res->loss_last);
    }
}

static char * str_copy(const char * s)
{
    char * c;
    if (s == NULL)
        return NULL;
    c = flint_malloc(strlen(s) + 1);
    strcpy(c, s);
    return c;
}

/* The result's header fields and arrays. */
static void result_start(rc_replay_result_struct * res, const rc_log_t log, const rc_replay_opts_t opts,
                         int sgd)
{
    slong l = log->shape->l;
    res->log_name = str_copy(opts->log_name);
    res->data_name = str_copy(opts->data_name);
    res->first_file = str_copy(log->first_file);
    res->last_file = str_copy(log->last_file);
    res->steps = (opts->last_step >= 0 && opts->last_step < log->steps) ? opts->last_step : log->steps;
    res->d = log->shape->d;
    res->l = l;
    res->e = log->shape->e;
    res->optimizer = opts->optimizer;
    res->loss_kind = opts->loss_kind;
    res->have_lr = opts->have_lr;
    fmpq_set(res->lr, opts->lr);
    fmpq_set(res->weight_decay, opts->weight_decay);
    res->identity_checked = sgd;
    res->first_sign_change.step = res->left_component.step = -1;
    res->first_level_sign_change.step = res->max_residual_at.step = -1;
    res->first_sign_change.neuron = res->left_component.neuron = -1;
    res->first_level_sign_change.neuron = res->max_residual_at.neuron = -1;
    res->c0 = _arb_vec_init(FLINT_MAX(l, 1));
    res->c_last = _arb_vec_init(FLINT_MAX(l, 1));
    res->disc = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    res->side0 = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
    res->side_last = flint_calloc(FLINT_MAX(l, 1), sizeof(int));
}

int rc_replay_check(const rc_log_t log, const rc_data_t data, const rc_replay_opts_t opts, rc_err_t err)
{
    int sgd = opts->optimizer == RC_OPT_SGD && opts->identity;
    if (data->d != log->shape->d || data->e != log->shape->e)
        return rc_err_set(err, RC_EINPUT, "%s: the data have %ld inputs and %ld outputs, the log's network %ld and %ld",
                          opts->data_name ? opts->data_name : "data", (long) data->d, (long) data->e,
                          (long) log->shape->d, (long) log->shape->e);
    if (opts->loss_kind == RC_LOSS_BCE && data->e != 1)
        return rc_err_set(err, RC_EINPUT, "--loss bce needs one output");
    if (sgd && (!opts->have_lr || fmpq_sgn(opts->lr) <= 0))
        return rc_err_set(err, RC_EINPUT, "--lr: missing (needed to predict the drift of plain GD; "
                          "or --no-identity)");
    if (fmpq_sgn(opts->weight_decay) < 0)
        return rc_err_set(err, RC_EINPUT, "--weight-decay: must be nonnegative");
    return RC_OK;
}

int rc_replay_run(rc_replay_result_t res, const rc_log_t log, const rc_data_t data,
                  const rc_replay_opts_t opts, rc_err_t err)
{
    replay_state R[1];
    int sgd = opts->optimizer == RC_OPT_SGD && opts->identity, r;
    rc_replay_result_clear(res);
    rc_replay_result_init(res);
    if ((r = rc_replay_check(log, data, opts, err)) != RC_OK)
        return r;
    result_start(res, log, opts, sgd);
    R->log = log;
    R->data = data;
    R->opts = opts;
    R->res = res;
    R->sgd = sgd;
    R->want_ball = sgd || opts->csv != NULL;
    R->prec = opts->prec;
    R->l = log->shape->l;
    state_init(R);
    replay_start(R);
    replay_steps(R);
    replay_finish(R);
    state_clear(R);
    res->filled = 1;
    return RC_OK;
}
