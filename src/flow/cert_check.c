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

#define REJECT(...) do { rc_err_set(err, RC_EINPUT, __VA_ARGS__); goto done; } while (0)

int rc_flow_cert_check_buf(const char * buf, size_t len, const char * name, rc_err_t err, FILE * report)
{
    int verdict;
    return rc_flow_cert_check_buf_verdict(&verdict, buf, len, name, err, report);
}

int rc_flow_cert_check_buf_verdict(int * verdict, const char * buf, size_t len, const char * name,
                                   rc_err_t err, FILE * report)
{
    cur_t c;
    const char * ls, * le, * s;
    long prec = 0, order = 0, dims[6];
    int loss = -1, accepted = 0, have_pr = 0, have_net = 0, have_data = 0, last_kind = -1;
    fmpq_t leak, lam, T, q;
    rc_net_t net;
    rc_data_t data;
    rc_flow_problem_t pr;
    rc_flow_set_struct S;
    rc_flow_step_struct st;
    int * modes = NULL, * facts = NULL, * m0 = NULL, * sides = NULL;
    slong * which = NULL;
    slong P = 0, LN = 0, i, j, nsteps = 0, sides_bad = 0;
    arb_t t, te, tmp, Tb;
    arb_ptr E2 = NULL, X0 = NULL;
    ulong h;
    const char * dig;

    *verdict = RC_FLOW_NOT_CERTIFIED;
    fmpq_init(leak); fmpq_init(lam); fmpq_init(T); fmpq_init(q);
    arb_init(t); arb_init(te); arb_init(tmp); arb_init(Tb);
    st.B = st.E = NULL;
    st.nu_fields = NULL;
    arb_init(st.dur);

    /* digest: the last line "digest H" covers every byte before it */
    dig = NULL;
    for (i = (slong) len - 2; i >= 0; i--)
        if (buf[i] == '\n')
        {
            dig = buf + i + 1;
            break;
        }
    if (dig == NULL || strncmp(dig, "digest ", 7) != 0)
        REJECT("%s: no digest line at the end", name);
    h = _rc_fnv1a(RC_FNV_INIT, buf, dig - buf);
    if (strtoul(dig + 7, NULL, 16) != (unsigned long) h)
        REJECT("%s: digest mismatch (the file was altered)", name);
    len = dig - buf;

    c.p = buf; c.end = buf + len; c.line = 0;
    if (!next_line(&c, &ls, &le) || le - ls != 19 || strncmp(ls, "relucert.flowcert/1", 19))
        REJECT("%s: line 1: not a relucert.flowcert/1 certificate", name);
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "prec") || (prec = strtol(s, NULL, 10)) < 32 || prec > RC_MAX_PREC)
        REJECT("%s: line %ld: bad prec", name, (long) c.line);
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "order") || (order = strtol(s, NULL, 10)) < 4 || order > 200)
        REJECT("%s: line %ld: bad order", name, (long) c.line);
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "loss"))
        REJECT("%s: line %ld: bad loss", name, (long) c.line);
    loss = (le - s == 4 && !strncmp(s, " mse", 4)) ? RC_LOSS_MSE : (le - s == 4 && !strncmp(s, " bce", 4)) ? RC_LOSS_BCE : -1;
    if (loss < 0)
        REJECT("%s: line %ld: bad loss", name, (long) c.line);
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "dims"))
        REJECT("%s: line %ld: bad dims", name, (long) c.line);
    for (i = 0; i < 6; i++)
    {
        char * e2;
        dims[i] = strtol(s, &e2, 10);
        if (e2 == s || dims[i] < 0 || dims[i] > 1000000)
            REJECT("%s: line %ld: bad dims", name, (long) c.line);
        s = e2;
    }
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "leak") || read_fmpq_tok(leak, &s, le))
        REJECT("%s: line %ld: bad leak", name, (long) c.line);
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "lambda") || read_fmpq_tok(lam, &s, le))
        REJECT("%s: line %ld: bad lambda", name, (long) c.line);
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "time") || read_fmpq_tok(T, &s, le) || fmpq_sgn(T) <= 0)
        REJECT("%s: line %ld: bad time", name, (long) c.line);
    if (rc_net_init(net, dims[0], dims[1], dims[2], (int) dims[4], (int) dims[5], err) != RC_OK)
        goto done;
    have_net = 1;
    fmpq_set(net->leak, leak);
    if (rc_data_init(data, dims[3], dims[0], dims[2], err) != RC_OK)
        goto done;
    have_data = 1;
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "X"))
        REJECT("%s: line %ld: expected X", name, (long) c.line);
    for (i = 0; i < dims[3] * dims[0]; i++)
        if (read_fmpq_tok(data->X + i, &s, le))
            REJECT("%s: line %ld: bad X entry %ld", name, (long) c.line, (long) i);
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "Y"))
        REJECT("%s: line %ld: expected Y", name, (long) c.line);
    for (i = 0; i < dims[3] * dims[2]; i++)
        if (read_fmpq_tok(data->Y + i, &s, le))
            REJECT("%s: line %ld: bad Y entry %ld", name, (long) c.line, (long) i);
    P = rc_net_num_params(net);
    {
        fmpq * th = _fmpq_vec_init(P);
        int bad = 0;
        if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "theta0"))
            bad = 1;
        for (i = 0; i < P && !bad; i++)
            bad = read_fmpq_tok(th + i, &s, le);
        if (!bad)
            rc_net_set_theta(net, th);
        _fmpq_vec_clear(th, P);
        if (bad)
            REJECT("%s: line %ld: bad theta0", name, (long) c.line);
    }
    if (rc_flow_problem_init(pr, net, data, loss, lam, prec, err) != RC_OK)
        goto done;
    have_pr = 1;
    LN = pr->l * pr->n;
    modes = flint_malloc(sizeof(int) * LN);
    m0 = flint_malloc(sizeof(int) * LN);
    facts = flint_calloc(LN, sizeof(int));
    sides = flint_calloc(pr->l, sizeof(int));
    which = flint_malloc(sizeof(slong) * pr->l);
    _rc_flow_initial_modes(modes, pr);
    _rc_flow_sides(sides, which, pr);
    if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "modes"))
        REJECT("%s: line %ld: expected modes", name, (long) c.line);
    for (i = 0; i < LN; i++)
    {
        char * e2;
        m0[i] = (int) strtol(s, &e2, 10);
        if (e2 == s || m0[i] != modes[i])
            REJECT("%s: line %ld: initial modes do not match the exact signs at theta0", name, (long) c.line);
        s = e2;
    }
    rc_flow_set_init(&S, P);
    st.B = _arb_vec_init(P);
    st.E = _arb_vec_init(P);
    E2 = _arb_vec_init(P);
    X0 = _arb_vec_init(P);
    for (j = 0; j < P; j++)
        arb_set_fmpq(X0 + j, pr->theta0 + j, prec);
    rc_flow_set_from_box(&S, X0, prec);
    arb_zero(t);

    for (;;)
    {
        char kname[16];
        long pair;
        int nm, n_read;
        const char * why;
        if (!next_line(&c, &ls, &le))
            REJECT("%s: missing end line", name);
        if (le - ls == 3 && !strncmp(ls, "end", 3))
            break;
        if (expect_key(&s, ls, le, "step") || sscanf(s, " %15s %ld %d%n", kname, &pair, &nm, &n_read) != 3)
            REJECT("%s: line %ld: expected a step", name, (long) c.line);
        s += n_read;
        st.kind = !strcmp(kname, "taylor") ? RC_EV_NONE : !strcmp(kname, "cross") ? RC_EV_CROSS
                : !strcmp(kname, "exit") ? RC_EV_EXIT : !strcmp(kname, "inclusion") ? RC_EV_INCL
                : !strcmp(kname, "nonunique") ? RC_EV_NONUNIQUE : -1;
        if (st.kind < 0)
            REJECT("%s: line %ld: unknown step kind", name, (long) c.line);
        st.pair = pair;
        st.newmode = nm;
        if (st.kind == RC_EV_CROSS && nm == RC_FLOW_FREE)
            REJECT("%s: line %ld: a crossing must state the new mode", name, (long) c.line);
        if (_rc_flow_read_arb(te, &s) || _rc_flow_read_arb(st.dur, &s))
            REJECT("%s: line %ld: bad times", name, (long) c.line);
        if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "B"))
            REJECT("%s: line %ld: expected B", name, (long) c.line);
        for (j = 0; j < P; j++)
            if (_rc_flow_read_arb(st.B + j, &s))
                REJECT("%s: line %ld: bad B entry %ld", name, (long) c.line, (long) j);
        if (!next_line(&c, &ls, &le) || expect_key(&s, ls, le, "E"))
            REJECT("%s: line %ld: expected E", name, (long) c.line);
        for (j = 0; j < P; j++)
            if (_rc_flow_read_arb(E2 + j, &s))
                REJECT("%s: line %ld: bad E entry %ld", name, (long) c.line, (long) j);
        /* time semantics */
        if (last_kind == RC_EV_NONUNIQUE)
            REJECT("%s: line %ld: a step after the onset of non-uniqueness", name, (long) c.line);
        if (st.kind == RC_EV_CROSS || st.kind == RC_EV_EXIT || st.kind == RC_EV_NONUNIQUE)
        {
            arb_add(tmp, t, st.dur, prec);
            if (!arb_contains(te, tmp))
                REJECT("%s: step %ld: end time does not contain start + duration", name, (long) nsteps);
        }
        else
        {
            arb_sub(tmp, te, t, prec);
            if (!arb_contains(st.dur, tmp))
                REJECT("%s: step %ld: duration does not contain end - start", name, (long) nsteps);
        }
        if (!rc_flow_step_validate(&st, &S, modes, facts, order, pr, prec, &why))
            REJECT("%s: step %ld (line %ld): not proved: %s", name, (long) nsteps, (long) c.line, why);
        for (j = 0; j < P; j++)
            if (!arb_equal(st.E + j, E2 + j))
                REJECT("%s: step %ld: recorded end box differs from the recomputed one (entry %ld)", name, (long) nsteps, (long) j);
        if (!_rc_flow_levels_ok(st.E, te, pr, prec))
            REJECT("%s: step %ld: conservation check failed", name, (long) nsteps);
        for (i = 0; i < pr->l; i++)
            if (sides[i] != 0 && !(sides[i] > 0 ? arb_is_positive(st.B + which[i]) : arb_is_negative(st.B + which[i])))
                sides_bad++;
        arb_set(t, te);
        last_kind = st.kind;
        nsteps++;
    }
    arb_set_fmpq(Tb, T, prec);
    if (last_kind == RC_EV_NONUNIQUE)
    {
        /* the theorem of proofs/flow.md 3.7: the last step proved the onset of non-uniqueness,
           which must lie before T */
        if (!arb_lt(t, Tb))
            REJECT("%s: the onset of non-uniqueness is not proved to lie before T", name);
        *verdict = RC_FLOW_NOT_UNIQUE;
    }
    else if (nsteps == 0 || !(last_kind == RC_EV_NONE || last_kind == RC_EV_INCL) || !arb_equal(t, Tb))
        REJECT("%s: the steps do not end at the time T", name);
    else
        *verdict = sides_bad ? RC_FLOW_NOT_CERTIFIED : RC_FLOW_CERTIFIED;
    accepted = 1;
    if (report != NULL && *verdict == RC_FLOW_NOT_UNIQUE)
    {
        char * lo, * hi;
        rc_arb_get_interval_str(&lo, &hi, t, 25);
        fprintf(report, "certificate %s: ACCEPTED (%ld steps re-validated): NOT UNIQUE: neuron %ld, sample %ld "
                "is dead on its surface and its active side repels from a time in [%s, %s]; staying dead and "
                "reviving are both Filippov solutions\n", name, (long) nsteps, (long) (st.pair / pr->n),
                (long) (st.pair % pr->n), lo, hi);
        flint_free(lo);
        flint_free(hi);
    }
    else if (report != NULL)
    {
        char * ts = rc_fmpq_get_str(T), * lo, * hi;
        fprintf(report, "certificate %s: ACCEPTED (%ld steps re-validated, end time %s)\n", name, (long) nsteps, ts);
        flint_free(ts);
        for (i = 0; i < pr->l; i++)
            if (sides[i] != 0)
                fprintf(report, "neuron %ld: sign %c %s on [0, T]\n", (long) i, sides[i] > 0 ? '+' : '-',
                        sides_bad ? "not proved constant" : "proved constant");
        arb_zero(tmp);
        rc_flow_loss(tmp, st.E, pr, prec);
        rc_arb_get_interval_str(&lo, &hi, tmp, 25);
        fprintf(report, "loss at T in [%s, %s]\n", lo, hi);
        flint_free(lo);
        flint_free(hi);
        for (j = 0; j < P; j++)
        {
            rc_arb_get_interval_str(&lo, &hi, st.E + j, 25);
            fprintf(report, "theta[%ld] in [%s, %s]\n", (long) j, lo, hi);
            flint_free(lo);
            flint_free(hi);
        }
    }
done:
    if (st.B != NULL)
    {
        _arb_vec_clear(st.B, P);
        _arb_vec_clear(st.E, P);
        _arb_vec_clear(E2, P);
        _arb_vec_clear(X0, P);
        rc_flow_set_clear(&S);
    }
    arb_clear(st.dur);
    if (have_pr) rc_flow_problem_clear(pr);
    if (have_net) rc_net_clear(net);
    if (have_data) rc_data_clear(data);
    flint_free(modes); flint_free(m0); flint_free(facts); flint_free(sides); flint_free(which);
    fmpq_clear(leak); fmpq_clear(lam); fmpq_clear(T); fmpq_clear(q);
    arb_clear(t); arb_clear(te); arb_clear(tmp); arb_clear(Tb);
    return accepted;
}
