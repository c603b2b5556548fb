/* Automatic witness: see rc_obstruct_witness_construct in obstruct.h (proofs/obstruct.md O10).
   Merging: if for every sample i the numbers rho_a.x~_i (a in a group) never have opposite
   signs, then with lam_a >= 0 and z_a = lam_a rho_a.x~_i all in one closed half-line,
   sigma(sum z_a) = sum sigma(z_a) because sigma is linear on each closed half-line. */
#include <math.h>
#include "relucert/obstruct.h"
#include "relucert/num.h"

/* Greedy grouping of the atoms (in the given order): an atom joins the first group of its sign
   whose sign pattern on the samples never opposes its own, else opens a group.  gof[atom]
   receives its group, gs[group] the group's sign; returns the number of groups. */
static slong group_atoms(slong * gof, int * gs, const slong * atom_col, const slong * order, slong na,
                         const rc_obstruct_relax_t R)
{
    slong n = R->n, r = R->r, a, i, t, g, ng = 0;
    signed char * gsign = flint_calloc(FLINT_MAX(na, 1) * FLINT_MAX(n, 1), 1);   /* ng x n */
    signed char * sv = flint_malloc(FLINT_MAX(n, 1));
    fmpq_t q, z;
    int ok;
    fmpq_init(q);
    fmpq_init(z);
    for (a = 0; a < na; a++)
    {
        slong col = atom_col[order[a]], ray = col / 2;
        int sg = (col % 2 == 0) ? 1 : -1;
        for (i = 0; i < n; i++)
        {
            fmpq_zero(z);
            for (t = 0; t < r; t++)
            {
                fmpq_mul_fmpz(q, R->G + i * r + t, R->rays + ray * r + t);
                fmpq_add(z, z, q);
            }
            sv[i] = (signed char) fmpq_sgn(z);
        }
        for (g = 0; g < ng; g++)
        {
            if (gs[g] != sg)
                continue;
            for (i = 0, ok = 1; i < n && ok; i++)
                ok = !(sv[i] != 0 && gsign[g * n + i] != 0 && sv[i] != gsign[g * n + i]);
            if (ok)
                break;
        }
        if (g == ng)
            gs[ng++] = sg;
        for (i = 0; i < n; i++)
            if (sv[i] != 0)
                gsign[g * n + i] = sv[i];
        gof[order[a]] = g;
    }
    flint_free(sv);
    flint_free(gsign);
    fmpq_clear(q);
    fmpq_clear(z);
    return ng;
}

/* Refits the output weights (and b2) of wit by exact least squares on its first nk hidden
   features: the loss can only decrease, and is at most that of v = 0. */
static void refit_output(rc_net_t wit, const rc_data_t data, const fmpq * targets, slong nk, slong r)
{
    slong n = data->n, m = nk + (wit->has_b2 != 0), i, g, t;
    fmpq * H = _fmpq_vec_init(FLINT_MAX(m, 1) * n), * coef = _fmpq_vec_init(FLINT_MAX(m, 1));
    fmpq * res = _fmpq_vec_init(n), * yt = _fmpq_vec_init(n);
    fmpq ** cols = flint_malloc(FLINT_MAX(m, 1) * sizeof(fmpq *));
    fmpq * xt = _fmpq_vec_init(r);
    fmpq_t z, a;
    fmpq_init(z);
    fmpq_init(a);
    fmpq_set(a, wit->leak);
    for (i = 0; i < n; i++)
    {
        fmpq_set(yt + i, targets ? targets + i : data->Y + i);
        rc_obstruct_input_aug(xt, data, i, wit->has_b1);
        for (g = 0; g < nk; g++)
        {
            fmpq_zero(z);
            for (t = 0; t < r; t++)
                fmpq_addmul(z, rc_net_w_entry(wit, g, t), xt + t);
            rc_obstruct_sigma(H + g * n + i, z, a);
        }
        if (wit->has_b2)
            fmpq_one(H + nk * n + i);
    }
    for (g = 0; g < m; g++)
        cols[g] = H + g * n;
    rc_obstruct_project_residual(res, coef, yt, n, cols, m);
    for (g = 0; g < nk; g++)
        fmpq_set(rc_net_v_entry(wit, g, 0), coef + g);
    if (wit->has_b2)
        fmpq_set(wit->b2, coef + nk);
    _fmpq_vec_clear(H, FLINT_MAX(m, 1) * n);
    _fmpq_vec_clear(coef, FLINT_MAX(m, 1));
    _fmpq_vec_clear(res, n);
    _fmpq_vec_clear(yt, n);
    _fmpq_vec_clear(xt, r);
    flint_free(cols);
    fmpq_clear(z);
    fmpq_clear(a);
}

int rc_obstruct_witness_construct(rc_net_t wit, const rc_net_t net, const rc_data_t data,
                                  const rc_obstruct_relax_t R, const fmpq * targets, rc_err_t err)
{
    slong n = R->n, r = R->r, k, j, i, t, g, ng = 0, a, na = 0, bcol = -1;
    double * A, * b, * lam, * wgt;
    slong * atom_col, * order, * gof, * keep;
    int * gs;
    fmpq_t q, z;

    if (net->e != 1 || data->e != 1)
        return rc_err_set(err, RC_EINPUT, "witness: automatic construction needs one output");
    if (R->reduced || R->nrays == 0 || r != rc_net_dim_in(net))
        return rc_err_set(err, RC_EINPUT, "witness: automatic construction needs inputs spanning "
                          "R^d' (augmented inputs of full rank)");

    k = 2 * R->nrays + (net->has_b2 ? 2 : 0);
    A = flint_malloc(k * n * sizeof(double));
    b = flint_malloc(n * sizeof(double));
    lam = flint_malloc(k * sizeof(double));
    for (j = 0; j < R->nrays; j++)
        for (i = 0; i < n; i++)
        {
            A[(2 * j) * n + i] = fmpq_get_d(R->phi + j * n + i);
            A[(2 * j + 1) * n + i] = -A[(2 * j) * n + i];
        }
    if (net->has_b2)
    {
        bcol = 2 * R->nrays;
        for (i = 0; i < n; i++)
        {
            A[bcol * n + i] = 1;
            A[(bcol + 1) * n + i] = -1;
        }
    }
    for (i = 0; i < n; i++)
        b[i] = fmpq_get_d(targets ? targets + i : data->Y + i);
    rc_obstruct_nnls_d(lam, A, b, n, k, 10 * k + 100);

    /* atoms, largest contribution first */
    atom_col = flint_malloc(FLINT_MAX(2 * R->nrays, 1) * sizeof(slong));
    wgt = flint_malloc(FLINT_MAX(2 * R->nrays, 1) * sizeof(double));
    for (t = 0; t < 2 * R->nrays; t++)
        if (lam[t] > 0)
        {
            double nr = 0;
            for (i = 0; i < n; i++)
                nr += A[t * n + i] * A[t * n + i];
            atom_col[na] = t;
            wgt[na++] = lam[t] * sqrt(nr);
        }
    order = flint_malloc(FLINT_MAX(na, 1) * sizeof(slong));
    for (a = 0; a < na; a++)
        order[a] = a;
    for (a = 1; a < na; a++)             /* insertion sort, descending weight */
        for (t = a; t > 0 && wgt[order[t]] > wgt[order[t - 1]]; t--)
        {
            slong s = order[t];
            order[t] = order[t - 1];
            order[t - 1] = s;
        }

    /* greedy grouping */
    fmpq_init(q);
    fmpq_init(z);
    gs = flint_malloc(FLINT_MAX(na, 1) * sizeof(int));
    gof = flint_malloc(FLINT_MAX(na, 1) * sizeof(slong));
    ng = group_atoms(gof, gs, atom_col, order, na, R);

    /* the network: the first l groups (groups are opened in decreasing weight of their first
       atom) */
    rc_net_init(wit, net->d, net->l, 1, net->has_b1, net->has_b2, err);
    fmpq_set(wit->leak, net->leak);
    keep = flint_malloc(FLINT_MAX(ng, 1) * sizeof(slong));
    for (g = 0; g < ng; g++)
        keep[g] = g < net->l ? g : -1;
    for (a = 0; a < na; a++)
    {
        slong col = atom_col[a], ray = col / 2;
        g = keep[gof[a]];
        if (g < 0)
            continue;
        rc_fmpq_set_d(q, lam[col]);
        for (t = 0; t < r; t++)
        {
            fmpq_mul_fmpz(z, q, R->rays + ray * r + t);
            fmpq_add(rc_net_w_entry(wit, g, t), rc_net_w_entry(wit, g, t), z);
        }
        fmpq_set_si(rc_net_v_entry(wit, g, 0), gs[gof[a]], 1);
    }
    if (net->has_b2)
    {
        rc_fmpq_set_d(q, lam[bcol] - lam[bcol + 1]);
        fmpq_set(wit->b2, q);
    }

    refit_output(wit, data, targets, FLINT_MIN(ng, net->l), r);   /* wit has net's biases and leak */

    fmpq_clear(q);
    fmpq_clear(z);
    flint_free(A);
    flint_free(b);
    flint_free(lam);
    flint_free(atom_col);
    flint_free(wgt);
    flint_free(order);
    flint_free(gs);
    flint_free(gof);
    flint_free(keep);
    return RC_OK;
}
