/* rc_hset_family_run: every row of a family of architectures and level-sign patterns. */
#include "relucert/hset.h"

void rc_hset_family_opts_init(rc_hset_family_opts_t opts)
{
    opts->dim_in = opts->dim_out = opts->negative = opts->zero = opts->positive = NULL;
    opts->n_dim_in = opts->n_dim_out = opts->n_negative = opts->n_zero = opts->n_positive = 0;
    opts->betti_terms = 12;
    opts->row = NULL;
    opts->ctx = NULL;
}

void rc_hset_family_init(rc_hset_family_t fam)
{
    fam->nrows = 0;
    fam->rows = NULL;
}

void rc_hset_family_clear(rc_hset_family_t fam)
{
    slong i;
    for (i = 0; fam->rows != NULL && i < fam->nrows; i++)
        rc_hset_family_row_clear(fam->rows + i);
    flint_free(fam->rows);
    fam->rows = NULL;
    fam->nrows = 0;
}

/* RC_OK when the n values of an axis are all >= lo. */
static int check_axis(const slong * v, slong n, slong lo, const char * name, rc_err_t err)
{
    slong i;
    if (n < 1 || v == NULL)
        return rc_err_set(err, RC_EINPUT, "family: %s: no values", name);
    for (i = 0; i < n; i++)
        if (v[i] < lo)
            return rc_err_set(err, RC_EINPUT, "family: %s[%ld]: %ld is below %ld", name, (long) i,
                              (long) v[i], (long) lo);
    return RC_OK;
}

static int check_opts(const rc_hset_family_opts_t o, rc_err_t err)
{
    double rows;
    if (check_axis(o->dim_in, o->n_dim_in, 1, "input_dim_effective", err)
        || check_axis(o->dim_out, o->n_dim_out, 1, "output_dim", err)
        || check_axis(o->negative, o->n_negative, 0, "negative", err)
        || check_axis(o->zero, o->n_zero, 0, "zero", err)
        || check_axis(o->positive, o->n_positive, 0, "positive", err))
        return RC_EINPUT;
    if (o->betti_terms < 0)
        return rc_err_set(err, RC_EINPUT, "family: betti_terms: %ld is negative", (long) o->betti_terms);
    rows = (double) o->n_dim_in * o->n_dim_out * o->n_negative * o->n_zero * o->n_positive;
    if (rows > (double) RC_HSET_FAMILY_MAX_ROWS)
        return rc_err_set(err, RC_ELIMIT, "%.3g rows requested, more than the limit of 10^6", rows);
    return RC_OK;
}

int rc_hset_family_run(rc_hset_family_t fam, const rc_hset_family_opts_t opts, rc_err_t err)
{
    slong a, b, c, x, y, n;
    int r = check_opts(opts, err);
    rc_hset_family_row_t one;
    rc_hset_family_clear(fam);
    if (r != RC_OK)
        return r;
    n = opts->n_dim_in * opts->n_dim_out * opts->n_negative * opts->n_zero * opts->n_positive;
    if (opts->row == NULL)
        fam->rows = flint_malloc(sizeof(rc_hset_family_row_struct) * (size_t) n);
    rc_hset_family_row_init(one);
    for (a = 0; a < opts->n_dim_in; a++)
        for (b = 0; b < opts->n_dim_out; b++)
            for (c = 0; c < opts->n_negative; c++)
                for (x = 0; x < opts->n_zero; x++)
                    for (y = 0; y < opts->n_positive; y++)
                    {
                        rc_hset_family_row_struct * row = opts->row == NULL ? fam->rows + fam->nrows : one;
                        if (opts->row == NULL)
                            rc_hset_family_row_init(row);
                        rc_hset_family_row_set(row, opts->dim_in[a], opts->dim_out[b], opts->negative[c],
                                               opts->zero[x], opts->positive[y], opts->betti_terms);
                        fam->nrows++;
                        if (opts->row != NULL && (r = opts->row(opts->ctx, row)) != 0)
                            goto done;
                    }
done:
    rc_hset_family_row_clear(one);
    return r;
}
