#include <time.h>
#include <string.h>
#include <stdlib.h>
#include "relucert/flow.h"
#include "relucert/io.h"
#include "relucert/num.h"
#include "flow_internal.h"

/* The certificate checker.  Soundness rests only on rc_flow_step_validate (proofs/flow.md); the
   checker supplies it the recorded steps and accepts iff every one is proved, the recorded end
   boxes are exactly the recomputed ones, the time intervals chain as the semantics of section
   5 of proofs/flow.md require, and the run ends at T. */

typedef struct
{
    const char * p, * end;
    slong line;
}
cur_t;

/* next line into [*ls, *le); returns 0 at the end */
static int next_line(cur_t * c, const char ** ls, const char ** le)
{
    if (c->p >= c->end)
        return 0;
    *ls = c->p;
    while (c->p < c->end && *c->p != '\n')
        c->p++;
    *le = c->p;
    if (c->p < c->end)
        c->p++;
    c->line++;
    return 1;
}

static int read_fmpq_tok(fmpq_t x, const char ** s, const char * le)
{
    const char * p = *s, * q;
    const char * why;
    while (p < le && *p == ' ')
        p++;
    q = p;
    while (q < le && *q != ' ')
        q++;
    if (q == p || rc_fmpq_set_strn(x, p, q - p, &why) != RC_OK)
        return 1;
    *s = q;
    return 0;
}

/* 1 iff a number line ends where its last token ends: the writer puts nothing after it, and a
   checker that skipped the rest would accept bytes it never read (more X entries than dims says,
   a second "end", ...) as part of a proof */
static int at_eol(const char * s, const char * le)
{
    return s == le;
}

/* a decimal integer that is the rest of the line */
static int read_long_eol(long * x, const char * s, const char * le)
{
    char * e2;
    *x = strtol(s, &e2, 10);
    return e2 != s && at_eol(e2, le);
}

static int expect_key(const char ** s, const char * ls, const char * le, const char * key)
{
    size_t k = strlen(key);
    if ((size_t) (le - ls) < k || strncmp(ls, key, k) != 0 || (ls + k < le && ls[k] != ' '))
        return 1;
    *s = ls + k;
    return 0;
}

int rc_flow_cert_seal(const char * path, rc_err_t err)
{
    char * buf;
    size_t len;
    FILE * f;
    ulong h;
    if (rc_file_read_all(&buf, &len, path, err) != RC_OK)
        return RC_EINPUT;
    h = _rc_fnv1a(RC_FNV_INIT, buf, len);
    flint_free(buf);
    if (!(f = fopen(path, "a")))
        return rc_err_set(err, RC_EINPUT, "%s: cannot append", path);
    fprintf(f, "digest %016lx\n", (unsigned long) h);
    fclose(f);
    return RC_OK;
}

void rc_flow_cert_seal_buf(rc_strbuf_t b)
{
    ulong h = _rc_fnv1a(RC_FNV_INIT, b->s, b->len);
    rc_strbuf_printf(b, "digest %016lx\n", (unsigned long) h);
}

#define REJECT(...) do { rc_err_set(err, RC_EINPUT, __VA_ARGS__); return 0; } while (0)

/* The checker's state. */
typedef struct
{
    cur_t c;
    const char * name;
    long prec, order, dims[6];
    int loss, have_pr, have_net, have_data, last_kind;
    int arith;                 /* the format version of line 1 = the validator's arithmetic */
    int code;                  /* the status of a failure: RC_EINPUT unless a callee said otherwise */
    slong max_prec;            /* the largest prec checked; above it RC_ELIMIT */
    fmpq_t leak, lam, T;
    rc_net_t net;
    rc_data_t data;
    rc_flow_problem_t pr;
    rc_flow_set_struct S;
    rc_flow_step_struct st;
    int * modes, * facts, * sides;
    slong * which;
    slong P, LN, nsteps, sides_bad;
    arb_t t, te, tmp, Tb;
    arb_ptr E2, X0;
}
ck_t;

static void ck_init(ck_t * k, const char * buf, size_t len, const char * name)
{
    memset(k, 0, sizeof(ck_t));
    k->c.p = buf;
    k->c.end = buf + len;
    k->name = name;
    k->loss = -1;
    k->last_kind = -1;
    k->code = RC_EINPUT;
    fmpq_init(k->leak); fmpq_init(k->lam); fmpq_init(k->T);
    arb_init(k->t); arb_init(k->te); arb_init(k->tmp); arb_init(k->Tb);
    arb_init(k->st.dur);
}

static void ck_clear(ck_t * k)
{
    if (k->st.B != NULL)
    {
        _arb_vec_clear(k->st.B, k->P);
        _arb_vec_clear(k->st.E, k->P);
        _arb_vec_clear(k->E2, k->P);
        _arb_vec_clear(k->X0, k->P);
        rc_flow_set_clear(&k->S);
    }
    arb_clear(k->st.dur);
    if (k->have_pr) rc_flow_problem_clear(k->pr);
    if (k->have_net) rc_net_clear(k->net);
    if (k->have_data) rc_data_clear(k->data);
    flint_free(k->modes); flint_free(k->facts); flint_free(k->sides); flint_free(k->which);
    fmpq_clear(k->leak); fmpq_clear(k->lam); fmpq_clear(k->T);
    arb_clear(k->t); arb_clear(k->te); arb_clear(k->tmp); arb_clear(k->Tb);
}

/* digest: the last line "digest H" covers every byte before it; *len is cut before it */
static int ck_digest(const char * buf, size_t * len, const char * name, rc_err_t err)
{
    const char * dig = NULL;
    slong i;
    size_t e;
    ulong h, d;
    for (i = (slong) *len - 2; i >= 0; i--)
        if (buf[i] == '\n')
        {
            dig = buf + i + 1;
            break;
        }
    if (dig == NULL || (size_t) (buf + *len - dig) < 7 || strncmp(dig, "digest ", 7) != 0)
        REJECT("%s: no digest line at the end", name);
    /* exactly the writer's "%016lx", then at most a newline, all inside buf[0..len) (strtoul
       would read past len and accept other spellings) */
    e = (size_t) (buf + *len - dig);
    if (!(e == 7 + 16 || (e == 7 + 17 && dig[7 + 16] == '\n')))
        REJECT("%s: digest line: expected \"digest\" and 16 hexadecimal digits", name);
    for (i = 0, d = 0; i < 16; i++)
    {
        char ch = dig[7 + i];
        if (!((ch >= '0' && ch <= '9') || (ch >= 'a' && ch <= 'f')))
            REJECT("%s: digest line: expected \"digest\" and 16 hexadecimal digits", name);
        d = (d << 4) | (ulong) (ch <= '9' ? ch - '0' : ch - 'a' + 10);
    }
    h = _rc_fnv1a(RC_FNV_INIT, buf, dig - buf);
    if (d != h)
        REJECT("%s: digest mismatch (the file was altered)", name);
    *len = dig - buf;
    return 1;
}

/* A callee's failure: its message prefixed with the file name and where (e.g. "line 5: dims: ",
   the header line the callee worked from), its status kept (RC_ELIMIT stays a refused limit). */
static int ck_fail_callee(ck_t * k, int r, const char * where, rc_err_t err)
{
    char msg[RC_ERR_LEN];
    strncpy(msg, err->msg, RC_ERR_LEN - 1);
    msg[RC_ERR_LEN - 1] = '\0';
    k->code = rc_err_set(err, r, "%s: %s%s", k->name, where, msg);
    return 0;
}

/* header lines up to "time", and the network and data shells */
/* The arithmetic (RC_FLOW_ARITH_*) a version digit of "relucert.flowcert/N" names, 0 for none. */
static int arith_of_version(char c)
{
    return c == '1' ? RC_FLOW_ARITH_1 : c == '2' ? RC_FLOW_ARITH_2 : c == '3' ? RC_FLOW_ARITH_3 : 0;
}

static int ck_header_scalars(ck_t * k, rc_err_t err)
{
    const char * ls, * le, * s, * name = k->name;
    cur_t * c = &k->c;
    slong i;
    int r;
    /* the version selects the arithmetic the steps were validated with (flow.h, RC_FLOW_ARITH_*) */
    if (!next_line(c, &ls, &le) || le - ls != 19 || strncmp(ls, "relucert.flowcert/", 18)
        || (k->arith = arith_of_version(ls[18])) == 0)
        REJECT("%s: line 1: not a relucert.flowcert/1, /2 or /3 certificate", name);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "prec") || !read_long_eol(&k->prec, s, le) || k->prec < 32 || k->prec > RC_MAX_PREC)
        REJECT("%s: line %ld: bad prec", name, (long) c->line);
    /* a resource limit, on the value as parsed (any spelling strtol accepts): checking costs what
       producing cost, about quadratic in the precision */
    if (k->prec > k->max_prec)
    {
        k->code = rc_err_set(err, RC_ELIMIT, "%s: line %ld: prec %ld bits is above the checker's limit of %ld "
                             "(relucert check --max-prec BITS raises it, up to %ld)", name, (long) c->line,
                             k->prec, (long) k->max_prec, (long) RC_MAX_PREC);
        return 0;
    }
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "order") || !read_long_eol(&k->order, s, le) || k->order < 4 || k->order > 200)
        REJECT("%s: line %ld: bad order", name, (long) c->line);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "loss"))
        REJECT("%s: line %ld: bad loss", name, (long) c->line);
    k->loss = (le - s == 4 && !strncmp(s, " mse", 4)) ? RC_LOSS_MSE : (le - s == 4 && !strncmp(s, " bce", 4)) ? RC_LOSS_BCE : -1;
    if (k->loss < 0)
        REJECT("%s: line %ld: bad loss", name, (long) c->line);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "dims"))
        REJECT("%s: line %ld: bad dims", name, (long) c->line);
    for (i = 0; i < 6; i++)
    {
        char * e2;
        k->dims[i] = strtol(s, &e2, 10);
        if (e2 == s || k->dims[i] < 0 || k->dims[i] > 1000000)
            REJECT("%s: line %ld: bad dims", name, (long) c->line);
        s = e2;
    }
    /* has_b1, has_b2 are flags: 0 or 1 */
    if (!at_eol(s, le) || k->dims[4] > 1 || k->dims[5] > 1)
        REJECT("%s: line %ld: bad dims", name, (long) c->line);
    {
        /* the flow's resource limits on P, N and l N, before any array is allocated or read:
           P = l (d + has_b1) + e l + e has_b2 (net.h's parameter order); each dim <= 10^6 */
        slong P = k->dims[1] * (k->dims[0] + k->dims[4]) + k->dims[2] * k->dims[1] + k->dims[2] * k->dims[5];
        if (k->dims[1] < 1)
            REJECT("%s: line %ld: bad dims (no hidden neurons)", name, (long) c->line);
        if (_rc_flow_size_check(P, k->dims[1], FLINT_MAX(k->dims[3], 1), err) != RC_OK
            || _rc_flow_cost_check_dims(P, k->dims[1], k->dims[3], k->dims[0] + k->dims[4], k->dims[2],
                                        k->order, k->prec, err) != RC_OK)
            return ck_fail_callee(k, RC_ELIMIT, "line 5: dims: ", err);
    }
    /* the model (doc/model.md): sigma(z) = max(z, a z) with 0 <= a < 1; the integrator's field
       takes slope a on z < 0, which is that sigma only in this range */
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "leak") || read_fmpq_tok(k->leak, &s, le) || !at_eol(s, le)
        || fmpq_sgn(k->leak) < 0 || fmpq_cmp_ui(k->leak, 1) >= 0)
        REJECT("%s: line %ld: bad leak (the model has 0 <= a < 1)", name, (long) c->line);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "lambda") || read_fmpq_tok(k->lam, &s, le) || !at_eol(s, le))
        REJECT("%s: line %ld: bad lambda", name, (long) c->line);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "time") || read_fmpq_tok(k->T, &s, le) || !at_eol(s, le) || fmpq_sgn(k->T) <= 0)
        REJECT("%s: line %ld: bad time", name, (long) c->line);
    /* k->code keeps the status of a failure (RC_EINPUT, or a callee's RC_ELIMIT); it is never
       left at RC_OK, which rc_flow_cert_verify_buf would return as "accepted" */
    if ((r = rc_net_init(k->net, k->dims[0], k->dims[1], k->dims[2], (int) k->dims[4], (int) k->dims[5], err)) != RC_OK)
        return ck_fail_callee(k, r, "line 5: dims: ", err);
    k->have_net = 1;
    fmpq_set(k->net->leak, k->leak);
    if ((r = rc_data_init(k->data, k->dims[3], k->dims[0], k->dims[2], err)) != RC_OK)
        return ck_fail_callee(k, r, "line 5: dims: ", err);
    k->have_data = 1;
    return 1;
}

/* X, Y, theta0, the problem, and the initial modes (which must be the exact signs at theta0) */
static int ck_header_values(ck_t * k, rc_err_t err)
{
    const char * ls, * le, * s, * name = k->name;
    cur_t * c = &k->c;
    slong i, j, P;
    int bad = 0, r;
    fmpq * th;
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "X"))
        REJECT("%s: line %ld: expected X", name, (long) c->line);
    for (i = 0; i < k->dims[3] * k->dims[0]; i++)
        if (read_fmpq_tok(k->data->X + i, &s, le))
            REJECT("%s: line %ld: bad X entry %ld", name, (long) c->line, (long) i);
    if (!at_eol(s, le))
        REJECT("%s: line %ld: more X entries than dims gives", name, (long) c->line);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "Y"))
        REJECT("%s: line %ld: expected Y", name, (long) c->line);
    for (i = 0; i < k->dims[3] * k->dims[2]; i++)
        if (read_fmpq_tok(k->data->Y + i, &s, le))
            REJECT("%s: line %ld: bad Y entry %ld", name, (long) c->line, (long) i);
    if (!at_eol(s, le))
        REJECT("%s: line %ld: more Y entries than dims gives", name, (long) c->line);
    P = k->P = rc_net_num_params(k->net);
    th = _fmpq_vec_init(P);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "theta0"))
        bad = 1;
    for (i = 0; i < P && !bad; i++)
        bad = read_fmpq_tok(th + i, &s, le);
    bad = bad || !at_eol(s, le);
    if (!bad)
        rc_net_set_theta(k->net, th);
    _fmpq_vec_clear(th, P);
    if (bad)
        REJECT("%s: line %ld: bad theta0", name, (long) c->line);
    if ((r = rc_flow_problem_init(k->pr, k->net, k->data, k->loss, k->lam, k->prec, err)) != RC_OK)
        return ck_fail_callee(k, r, "", err);    /* the problem of the header and X/Y/theta0 lines */
    k->pr->arith = k->arith;
    k->have_pr = 1;
    k->LN = k->pr->l * k->pr->n;
    k->modes = flint_malloc(sizeof(int) * k->LN);
    k->facts = flint_calloc(k->LN, sizeof(int));
    k->sides = flint_calloc(k->pr->l, sizeof(int));
    k->which = flint_malloc(sizeof(slong) * k->pr->l);
    _rc_flow_initial_modes(k->modes, k->pr);
    _rc_flow_sides(k->sides, k->which, k->pr);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "modes"))
        REJECT("%s: line %ld: expected modes", name, (long) c->line);
    for (i = 0; i < k->LN; i++)
    {
        char * e2;
        long m = strtol(s, &e2, 10);
        if (e2 == s || m != k->modes[i])
            REJECT("%s: line %ld: initial modes do not match the exact signs at theta0", name, (long) c->line);
        s = e2;
    }
    if (!at_eol(s, le))
        REJECT("%s: line %ld: more modes than pairs", name, (long) c->line);
    rc_flow_set_init(&k->S, P);
    k->st.B = _arb_vec_init(P);
    k->st.E = _arb_vec_init(P);
    k->E2 = _arb_vec_init(P);
    k->X0 = _arb_vec_init(P);
    for (j = 0; j < P; j++)
        arb_set_fmpq(k->X0 + j, k->pr->theta0 + j, k->prec);
    rc_flow_set_from_box(&k->S, k->X0, k->prec);
    arb_zero(k->t);
    return 1;
}

/* One recorded step (its first line is [ls, le)): read, check the time semantics, re-validate,
   compare the end box bit for bit, check the levels. */
static int ck_step(ck_t * k, const char * ls, const char * le, rc_err_t err)
{
    const char * s, * why, * name = k->name;
    cur_t * c = &k->c;
    rc_flow_step_struct * st = &k->st;
    char kname[16];
    long pair;
    long nm;
    int n_read;
    slong i, j, P = k->P;
    if (k->last_kind == RC_EV_NONUNIQUE)
        REJECT("%s: line %ld: a step after the onset of non-uniqueness", name, (long) c->line);
    if (expect_key(&s, ls, le, "step") || sscanf(s, " %15s %ld %ld%n", kname, &pair, &nm, &n_read) != 3
        || nm < RC_FLOW_INACT || nm > RC_FLOW_SLIDE)
        REJECT("%s: line %ld: expected a step", name, (long) c->line);
    s += n_read;
    st->kind = !strcmp(kname, "taylor") ? RC_EV_NONE : !strcmp(kname, "cross") ? RC_EV_CROSS
            : !strcmp(kname, "exit") ? RC_EV_EXIT : !strcmp(kname, "inclusion") ? RC_EV_INCL
            : !strcmp(kname, "nonunique") ? RC_EV_NONUNIQUE : -1;
    if (st->kind < 0)
        REJECT("%s: line %ld: unknown step kind", name, (long) c->line);
    st->pair = pair;
    st->newmode = (int) nm;
    if (st->kind == RC_EV_CROSS && nm == RC_FLOW_FREE)
        REJECT("%s: line %ld: a crossing must state the new mode", name, (long) c->line);
    if (_rc_flow_read_arb(k->te, &s) || _rc_flow_read_arb(st->dur, &s) || !at_eol(s, le))
        REJECT("%s: line %ld: bad times", name, (long) c->line);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "B"))
        REJECT("%s: line %ld: expected B", name, (long) c->line);
    for (j = 0; j < P; j++)
        if (_rc_flow_read_arb(st->B + j, &s))
            REJECT("%s: line %ld: bad B entry %ld", name, (long) c->line, (long) j);
    if (!at_eol(s, le))
        REJECT("%s: line %ld: more B entries than parameters", name, (long) c->line);
    if (!next_line(c, &ls, &le) || expect_key(&s, ls, le, "E"))
        REJECT("%s: line %ld: expected E", name, (long) c->line);
    for (j = 0; j < P; j++)
        if (_rc_flow_read_arb(k->E2 + j, &s))
            REJECT("%s: line %ld: bad E entry %ld", name, (long) c->line, (long) j);
    if (!at_eol(s, le))
        REJECT("%s: line %ld: more E entries than parameters", name, (long) c->line);
    /* time semantics (proofs/flow.md 5) */
    if (st->kind == RC_EV_CROSS || st->kind == RC_EV_EXIT || st->kind == RC_EV_NONUNIQUE)
    {
        arb_add(k->tmp, k->t, st->dur, k->prec);
        if (!arb_contains(k->te, k->tmp))
            REJECT("%s: step %ld: end time does not contain start + duration", name, (long) k->nsteps);
    }
    else
    {
        arb_sub(k->tmp, k->te, k->t, k->prec);
        if (!arb_contains(st->dur, k->tmp))
            REJECT("%s: step %ld: duration does not contain end - start", name, (long) k->nsteps);
    }
    if (!rc_flow_step_validate(st, &k->S, k->modes, k->facts, k->order, k->pr, k->prec, &why))
        REJECT("%s: step %ld (line %ld): not proved: %s", name, (long) k->nsteps, (long) c->line, why);
    for (j = 0; j < P; j++)
        if (!arb_equal(st->E + j, k->E2 + j))
            REJECT("%s: step %ld: recorded end box differs from the recomputed one (entry %ld)", name, (long) k->nsteps, (long) j);
    if (!_rc_flow_levels_ok(st->E, k->te, k->pr, k->prec))
        REJECT("%s: step %ld: conservation check failed", name, (long) k->nsteps);
    for (i = 0; i < k->pr->l; i++)
        if (k->sides[i] != 0 && !(k->sides[i] > 0 ? arb_is_positive(st->B + k->which[i]) : arb_is_negative(st->B + k->which[i])))
            k->sides_bad++;
    arb_set(k->t, k->te);
    k->last_kind = st->kind;
    k->nsteps++;
    return 1;
}

/* the end: T reached (or a proved onset of non-uniqueness before T); the verdict */
static int ck_finish(ck_t * k, int * verdict, rc_err_t err)
{
    const char * name = k->name;
    arb_set_fmpq(k->Tb, k->T, k->prec);
    if (k->last_kind == RC_EV_NONUNIQUE)
    {
        /* the theorem of proofs/flow.md 3.9: the last step proved the onset of non-uniqueness,
           which must lie before T */
        if (!arb_lt(k->t, k->Tb))
            REJECT("%s: the onset of non-uniqueness is not proved to lie before T", name);
        *verdict = RC_FLOW_NOT_UNIQUE;
    }
    else if (k->nsteps == 0 || !(k->last_kind == RC_EV_NONE || k->last_kind == RC_EV_INCL) || !arb_equal(k->t, k->Tb))
        REJECT("%s: the steps do not end at the time T", name);
    else
        *verdict = k->sides_bad ? RC_FLOW_NOT_CERTIFIED : RC_FLOW_CERTIFIED;
    return 1;
}

void rc_flow_cert_info_init(rc_flow_cert_info_t info)
{
    memset(info, 0, sizeof(rc_flow_cert_info_struct));
    info->verdict = RC_FLOW_NOT_CERTIFIED;
    fmpq_init(info->T);
    arb_init(info->t_end);
    arb_init(info->loss_end);
    info->nu_neuron = info->nu_sample = -1;
}

void rc_flow_cert_info_clear(rc_flow_cert_info_t info)
{
    if (info->theta_end != NULL)
        _arb_vec_clear(info->theta_end, info->P);
    flint_free(info->signs);
    fmpq_clear(info->T);
    arb_clear(info->t_end);
    arb_clear(info->loss_end);
}

/* what the accepted certificate proves, from the checker's final state */
static void ck_info(rc_flow_cert_info_t info, ck_t * k, int verdict)
{
    slong j;
    if (info->theta_end != NULL)
        _arb_vec_clear(info->theta_end, info->P);
    flint_free(info->signs);
    info->verdict = verdict;
    info->steps = k->nsteps;
    info->P = k->P;
    info->l = k->pr->l;
    fmpq_set(info->T, k->T);
    arb_set(info->t_end, k->t);
    rc_flow_loss(info->loss_end, k->st.E, k->pr, k->prec);
    info->theta_end = _arb_vec_init(k->P);
    _arb_vec_set(info->theta_end, k->st.E, k->P);
    info->signs = flint_malloc(sizeof(int) * FLINT_MAX(1, k->pr->l));
    for (j = 0; j < k->pr->l; j++)
        info->signs[j] = k->sides[j];
    info->signs_proved = k->sides_bad == 0;
    info->nu_neuron = verdict == RC_FLOW_NOT_UNIQUE ? k->st.pair / k->pr->n : -1;
    info->nu_sample = verdict == RC_FLOW_NOT_UNIQUE ? k->st.pair % k->pr->n : -1;
}

void rc_flow_cert_info_write_text(rc_jsonw_t w, const rc_flow_cert_info_t info, const char * name)
{
    char * lo, * hi;
    slong i, j;
    if (info->verdict == RC_FLOW_NOT_UNIQUE)
    {
        rc_arb_get_interval_str(&lo, &hi, info->t_end, 25);
        rc_jsonw_printf(w, "certificate %s: ACCEPTED (%ld steps re-validated): NOT UNIQUE: neuron %ld, sample %ld "
                "is dead on its surface and its active side repels from a time in [%s, %s]; staying dead and "
                "reviving are both Filippov solutions\n", name, (long) info->steps, (long) info->nu_neuron,
                (long) info->nu_sample, lo, hi);
        flint_free(lo);
        flint_free(hi);
        return;
    }
    lo = rc_fmpq_get_str(info->T);
    rc_jsonw_printf(w, "certificate %s: ACCEPTED (%ld steps re-validated, end time %s)\n", name, (long) info->steps, lo);
    flint_free(lo);
    for (i = 0; i < info->l; i++)
        if (info->signs[i] != 0)
            rc_jsonw_printf(w, "neuron %ld: sign %c %s on [0, T]\n", (long) i, info->signs[i] > 0 ? '+' : '-',
                            info->signs_proved ? "proved constant" : "not proved constant");
    rc_arb_get_interval_str(&lo, &hi, info->loss_end, 25);
    rc_jsonw_printf(w, "loss at T in [%s, %s]\n", lo, hi);
    flint_free(lo);
    flint_free(hi);
    for (j = 0; j < info->P; j++)
    {
        rc_arb_get_interval_str(&lo, &hi, info->theta_end + j, 25);
        rc_jsonw_printf(w, "theta[%ld] in [%s, %s]\n", (long) j, lo, hi);
        flint_free(lo);
        flint_free(hi);
    }
}

int rc_flow_cert_verify_buf(rc_flow_cert_info_t info, const char * buf, size_t len, const char * name,
                            rc_err_t err)
{
    return rc_flow_cert_verify_buf_progress(info, buf, len, name, RC_MAX_PREC, NULL, NULL, err);
}

/* The checker proper, on a NUL-terminated buffer (strtol and sscanf read up to a NUL). */
static int verify_terminated(rc_flow_cert_info_t info, const char * buf, size_t len, const char * name,
                             slong max_prec, void (*progress)(void * arg, double t, slong steps),
                             void * arg, rc_err_t err);

int rc_flow_cert_verify_buf_progress(rc_flow_cert_info_t info, const char * buf, size_t len,
                                     const char * name, slong max_prec,
                                     void (*progress)(void * arg, double t, slong steps),
                                     void * arg, rc_err_t err)
{
    /* the caller's buffer need not end with a NUL: the parsers (strtol, sscanf) would read past
       buf[len - 1] looking for one, so they run on a terminated copy */
    char * copy = flint_malloc(len + 1);
    int r;
    if (len > 0)
        memcpy(copy, buf, len);
    copy[len] = '\0';
    r = verify_terminated(info, copy, len, name, max_prec, progress, arg, err);
    flint_free(copy);
    return r;
}

static int verify_terminated(rc_flow_cert_info_t info, const char * buf, size_t len, const char * name,
                             slong max_prec, void (*progress)(void * arg, double t, slong steps),
                             void * arg, rc_err_t err)
{
    ck_t k;
    clock_t last = clock();
    const char * ls, * le;
    int ok, verdict = RC_FLOW_NOT_CERTIFIED, code;
    /* nothing of an earlier certificate remains, whatever the outcome */
    rc_flow_cert_info_clear(info);
    rc_flow_cert_info_init(info);
    /* the version of line 1 also when the digest fails: the report names the format it read */
    if (len > 19 && !strncmp(buf, "relucert.flowcert/", 18) && arith_of_version(buf[18]) != 0
        && buf[19] == '\n')
        info->version = arith_of_version(buf[18]);
    if (!ck_digest(buf, &len, name, err))
        return RC_EINPUT;
    ck_init(&k, buf, len, name);
    k.max_prec = max_prec;
    ok = ck_header_scalars(&k, err);
    info->version = k.arith;   /* the format read on line 1 (0 if none), also when rejected */
    ok = ok && ck_header_values(&k, err);
    while (ok)
    {
        if (!next_line(&k.c, &ls, &le))
        {
            rc_err_set(err, RC_EINPUT, "%s: missing end line", name);
            ok = 0;
        }
        else if (le - ls == 3 && !strncmp(ls, "end", 3))
        {
            /* "end" is the last line before the digest (ck_digest cut the digest off) */
            if (next_line(&k.c, &ls, &le))
            {
                rc_err_set(err, RC_EINPUT, "%s: line %ld: content after the end line", name, (long) k.c.line);
                ok = 0;
            }
            break;
        }
        else
            ok = ck_step(&k, ls, le, err);
        if (ok && progress != NULL && (double) (clock() - last) > CLOCKS_PER_SEC)
        {
            last = clock();
            progress(arg, arf_get_d(arb_midref(k.t), ARF_RND_NEAR), k.nsteps);
        }
    }
    ok = ok && ck_finish(&k, &verdict, err);
    if (ok)
        ck_info(info, &k, verdict);
    /* a rejection is never RC_OK, whatever a callee left in k.code */
    code = ok ? RC_OK : (k.code != RC_OK ? k.code : RC_EINPUT);
    ck_clear(&k);
    return code;
}

/* The predicate wrappers (1 accepted, 0 rejected) of the earlier API. */
int rc_flow_cert_check_buf_verdict(int * verdict, const char * buf, size_t len, const char * name,
                                   rc_err_t err, FILE * report)
{
    rc_flow_cert_info_t info;
    int r;
    rc_flow_cert_info_init(info);
    r = rc_flow_cert_verify_buf(info, buf, len, name, err);
    *verdict = r == RC_OK ? info->verdict : RC_FLOW_NOT_CERTIFIED;
    if (r == RC_OK && report != NULL)
    {
        rc_jsonw_t w;
        rc_jsonw_init_file(w, report);
        rc_flow_cert_info_write_text(w, info, name);
    }
    rc_flow_cert_info_clear(info);
    return r == RC_OK;
}

int rc_flow_cert_check_buf(const char * buf, size_t len, const char * name, rc_err_t err, FILE * report)
{
    int verdict;
    return rc_flow_cert_check_buf_verdict(&verdict, buf, len, name, err, report);
}
