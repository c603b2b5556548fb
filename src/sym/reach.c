#include <stdio.h>
#include <string.h>
#include "relucert/sym.h"

/* Neuron j of the target can be moved onto slot k of init's component iff a level-restoring
   rescaling takes it to level c_k on the slot's sheet (doc/math.md section 4; proofs P6):
   alpha^2 ||w||^2 - ||v||^2 / alpha^2 = c_k has a root alpha > 0 iff
     c_k < 0: v != 0;   c_k > 0: w != 0;   c_k = 0: w, v both nonzero or both zero;
   rescaling by alpha > 0 keeps the signs of w and v, so the sheet must match the side. */
int rc_sym_fits(const rc_hset_t h, slong k, const rc_net_t target, slong j)
{
    slong i, dp = rc_net_dim_in(target);
    int wnz = 0, vnz = 0;
    for (i = 0; i < dp && !wnz; i++)
        wnz = !fmpq_is_zero(rc_net_w_entry(target, j, i));
    for (i = 0; i < target->e && !vnz; i++)
        vnz = !fmpq_is_zero(rc_net_v_entry(target, j, i));
    if (h->sgn[k] < 0)
        return vnz && (h->dim_out != 1 || fmpq_sgn(rc_net_v_entry(target, j, 0)) == h->side[k]);
    if (h->sgn[k] > 0)
        return wnz && (h->dim_in != 1 || fmpq_sgn(rc_net_w_entry(target, j, 0)) == h->side[k]);
    return wnz == vnz;
}

void rc_sym_reach_init(rc_sym_reach_t r)
{
    memset(r, 0, sizeof(rc_sym_reach_struct));
}

void rc_sym_reach_clear(rc_sym_reach_t r)
{
    flint_free(r->assign);
    flint_free(r->blocking);
    flint_free(r->blocked_target);
    flint_free(r->blocked_slots);
    rc_sym_reach_init(r);
}

/* Types: whether a neuron fits a slot depends only on the slot's (sign c, side) and on the
   target neuron's (w != 0, v != 0, sign of w if d' = 1, sign of v if e = 1). */
#define NT 36    /* target types */
#define NS 9     /* slot types */
#define NN (2 + NT + NS)
#define SRC 0
#define SNK 1
#define INF WORD_MAX

static int target_type(const rc_net_t t, slong j)
{
    slong i, dp = rc_net_dim_in(t);
    int wnz = 0, vnz = 0, sw = 0, sv = 0;
    for (i = 0; i < dp; i++)
        wnz |= !fmpq_is_zero(rc_net_w_entry(t, j, i));
    for (i = 0; i < t->e; i++)
        vnz |= !fmpq_is_zero(rc_net_v_entry(t, j, i));
    if (dp == 1)
        sw = fmpq_sgn(rc_net_w_entry(t, j, 0));
    if (t->e == 1)
        sv = fmpq_sgn(rc_net_v_entry(t, j, 0));
    return ((wnz * 2 + vnz) * 3 + (sw + 1)) * 3 + (sv + 1);
}

static int slot_type(const rc_hset_t h, slong k)
{
    return (h->sgn[k] + 1) * 3 + (h->side[k] + 1);
}

/* Edmonds-Karp on the type graph: src -> target type (count), target type -> slot type (inf if
   compatible), slot type -> sink (count).  Max flow = maximum matching of neurons to slots,
   since neurons of one type are interchangeable. */
static slong max_flow(slong cap[NN][NN], slong flow[NN][NN], int * seen)
{
    slong total = 0, u, v, b;
    int queue[NN], prev[NN], qh, qt;
    for (;;)
    {
        for (u = 0; u < NN; u++)
            prev[u] = -1;
        prev[SRC] = SRC;
        qh = qt = 0;
        queue[qt++] = SRC;
        while (qh < qt && prev[SNK] < 0)
        {
            u = queue[qh++];
            for (v = 0; v < NN; v++)
                if (prev[v] < 0 && cap[u][v] - flow[u][v] > 0)
                {
                    prev[v] = (int) u;
                    queue[qt++] = (int) v;
                }
        }
        if (prev[SNK] < 0)
            break;
        b = INF;
        for (v = SNK; v != SRC; v = prev[v])
            b = FLINT_MIN(b, cap[prev[v]][v] - flow[prev[v]][v]);
        for (v = SNK; v != SRC; v = prev[v])
        {
            flow[prev[v]][v] += b;
            flow[v][prev[v]] -= b;
        }
        total += b;
    }
    for (u = 0; u < NN; u++)
        seen[u] = (prev[u] >= 0);   /* residual reachability from the source */
    return total;
}

/* "w*!=0, v*<0": what a target neuron offers (the attributes that decide which slots fit). */
static void describe_target(char * buf, size_t n, const rc_net_t t, slong j)
{
    slong i, dp = rc_net_dim_in(t);
    int wnz = 0, vnz = 0;
    for (i = 0; i < dp; i++)
        wnz |= !fmpq_is_zero(rc_net_w_entry(t, j, i));
    for (i = 0; i < t->e; i++)
        vnz |= !fmpq_is_zero(rc_net_v_entry(t, j, i));
    snprintf(buf, n, "%ld (w*%s, v*%s)", (long) j,
             dp == 1 ? (fmpq_sgn(rc_net_w_entry(t, j, 0)) > 0 ? ">0" : wnz ? "<0" : "=0") : (wnz ? "!=0" : "=0"),
             t->e == 1 ? (fmpq_sgn(rc_net_v_entry(t, j, 0)) > 0 ? ">0" : vnz ? "<0" : "=0") : (vnz ? "!=0" : "=0"));
}

static void describe_blocking(rc_sym_reach_t res, const rc_net_t target, const rc_hset_t h)
{
    size_t n = 200 + 48 * (size_t) (res->num_blocked_target + res->num_blocked_slots);
    char * s = flint_malloc(n), buf[64];
    size_t len;
    slong i, k;
    len = (size_t) snprintf(s, n, "target neuron(s) ");
    for (i = 0; i < res->num_blocked_target && len < n; i++)
    {
        describe_target(buf, sizeof buf, target, res->blocked_target[i]);
        len += (size_t) snprintf(s + len, n - len, "%s%s", i ? ", " : "", buf);
    }
    len += (size_t) snprintf(s + len, n - len, " need %ld slots but fit only %ld on the initial component",
                             (long) res->num_blocked_target, (long) res->num_blocked_slots);
    if (res->num_blocked_slots > 0 && len < n)
    {
        len += (size_t) snprintf(s + len, n - len, " (init neurons");
        for (i = 0; i < res->num_blocked_slots && len < n; i++)
        {
            k = res->blocked_slots[i];
            len += (size_t) snprintf(s + len, n - len, " %ld[c%s%s]", (long) k,
                                     h->sgn[k] < 0 ? "<0" : h->sgn[k] > 0 ? ">0" : "=0",
                                     h->side[k] > 0 ? ",+" : h->side[k] < 0 ? ",-" : "");
        }
        if (len < n)
            snprintf(s + len, n - len, ")");
    }
    res->blocking = s;
}

int rc_sym_reach(rc_sym_reach_t res, const rc_net_t init, const rc_net_t target, rc_err_t err)
{
    slong cap[NN][NN], flow[NN][NN];
    slong l = init->l, k, j, tcount[NT] = {0}, scount[NS] = {0}, a, b, total;
    slong rep_t[NT], rep_s[NS];
    int seen[NN], * ttype, * stype;
    rc_hset_t h;

    if (!rc_net_same_shape(init, target))
        return rc_err_set(err, RC_EINPUT, "init and target differ in shape or activation "
                          "(d, l, e, biases and activation must agree)");
    rc_hset_init(h, l, rc_net_dim_in(init), init->e);
    rc_hset_set_net(h, init);
    ttype = flint_malloc(sizeof(int) * FLINT_MAX(l, 1));
    stype = flint_malloc(sizeof(int) * FLINT_MAX(l, 1));
    memset(cap, 0, sizeof cap);
    memset(flow, 0, sizeof flow);
    for (k = 0; k < l; k++)
    {
        ttype[k] = target_type(target, k);
        stype[k] = slot_type(h, k);
        if (tcount[ttype[k]]++ == 0)
            rep_t[ttype[k]] = k;
        if (scount[stype[k]]++ == 0)
            rep_s[stype[k]] = k;
    }
    for (a = 0; a < NT; a++)
        cap[SRC][2 + a] = tcount[a];
    for (b = 0; b < NS; b++)
        cap[2 + NT + b][SNK] = scount[b];
    for (a = 0; a < NT; a++)
        for (b = 0; b < NS; b++)
            if (tcount[a] && scount[b] && rc_sym_fits(h, rep_s[b], target, rep_t[a]))
                cap[2 + a][2 + NT + b] = INF;
    total = max_flow(cap, flow, seen);

    rc_sym_reach_clear(res);
    res->l = l;
    res->reachable = (total == l);
    if (res->reachable)
    {
        /* spread each type-to-type flow over concrete neurons */
        slong * next_slot = flint_calloc(NS, sizeof(slong));
        res->assign = flint_malloc(sizeof(slong) * FLINT_MAX(l, 1));
        for (j = 0; j < l; j++)
        {
            a = ttype[j];
            for (b = 0; b < NS; b++)
                if (flow[2 + a][2 + NT + b] > 0)
                    break;
            flow[2 + a][2 + NT + b]--;
            /* next unused slot of type b */
            for (k = next_slot[b]; stype[k] != b; k++)
                ;
            res->assign[k] = j;
            next_slot[b] = k + 1;
        }
        flint_free(next_slot);
    }
    else
    {
        /* Hall violator (Konig): the target types reachable from the source in the residual
           graph, and their neighbourhood, which is exactly the reachable slot types. */
        res->blocked_target = flint_malloc(sizeof(slong) * FLINT_MAX(l, 1));
        res->blocked_slots = flint_malloc(sizeof(slong) * FLINT_MAX(l, 1));
        for (j = 0; j < l; j++)
            if (seen[2 + ttype[j]])
                res->blocked_target[res->num_blocked_target++] = j;
        for (k = 0; k < l; k++)
            if (seen[2 + NT + stype[k]])
                res->blocked_slots[res->num_blocked_slots++] = k;
        describe_blocking(res, target, h);
    }
    flint_free(ttype);
    flint_free(stype);
    rc_hset_clear(h);
    return RC_OK;
}
