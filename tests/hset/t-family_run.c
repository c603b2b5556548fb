/* rc_hset_family_run: the rows in the documented order (d', e, negative, zero, positive), each
   equal to rc_hset_family_row_set's; the callback receives the same rows in the same order and
   can stop the run; status codes. */
#include "rc_test.h"
#include "relucert/hset.h"

typedef struct { const rc_hset_family_struct * kept; slong seen, stop_at; int same; } sink;

static int same_row(const rc_hset_family_row_struct * a, const rc_hset_family_row_struct * b)
{
    slong i;
    if (a->dim_in != b->dim_in || a->dim_out != b->dim_out || a->negative != b->negative
        || a->zero != b->zero || a->positive != b->positive || a->hidden != b->hidden
        || !fmpz_equal(a->components, b->components) || !fmpz_equal(a->effective, b->effective)
        || strcmp(a->poincare, b->poincare) != 0 || a->betti_shown != b->betti_shown
        || a->betti_len != b->betti_len)
        return 0;
    for (i = 0; i < a->betti_len; i++)
        if (!fmpz_equal(a->betti + i, b->betti + i))
            return 0;
    return 1;
}

static int on_row(void * ctx, const rc_hset_family_row_struct * row)
{
    sink * k = ctx;
    k->same &= same_row(row, k->kept->rows + k->seen);
    k->seen++;
    return k->seen == k->stop_at ? 7 : 0;
}

static void test_rows(void)
{
    static const slong dp[3] = { 1, 2, 3 }, e[2] = { 1, 2 }, nn[3] = { 0, 1, 2 }, nz[2] = { 0, 4 },
                       np[2] = { 0, 1 };
    rc_hset_family_opts_t o;
    rc_hset_family_t fam, streamed;
    rc_hset_family_row_t r;
    rc_err_t err;
    sink k;
    slong a, b, c, x, y, i = 0;
    rc_hset_family_opts_init(o);
    CU_ASSERT(o->betti_terms == 12 && o->row == NULL);
    o->dim_in = dp; o->n_dim_in = 3;
    o->dim_out = e; o->n_dim_out = 2;
    o->negative = nn; o->n_negative = 3;
    o->zero = nz; o->n_zero = 2;
    o->positive = np; o->n_positive = 2;
    rc_hset_family_init(fam);
    rc_hset_family_row_init(r);
    CU_ASSERT_FATAL(rc_hset_family_run(fam, o, err) == RC_OK);
    CU_ASSERT_FATAL(fam->nrows == 72 && fam->rows != NULL);
    for (a = 0; a < 3; a++)
        for (b = 0; b < 2; b++)
            for (c = 0; c < 3; c++)
                for (x = 0; x < 2; x++)
                    for (y = 0; y < 2; y++, i++)
                    {
                        rc_hset_family_row_set(r, dp[a], e[b], nn[c], nz[x], np[y], 12);
                        CU_ASSERT(same_row(r, fam->rows + i));
                    }
    /* streamed: the same rows, none kept */
    k.kept = fam; k.seen = 0; k.stop_at = -1; k.same = 1;
    o->row = on_row;
    o->ctx = &k;
    rc_hset_family_init(streamed);
    CU_ASSERT(rc_hset_family_run(streamed, o, err) == RC_OK);
    CU_ASSERT(k.seen == 72 && k.same && streamed->rows == NULL && streamed->nrows == 72);
    /* a nonzero return stops the run with that status */
    k.seen = 0; k.stop_at = 5;
    CU_ASSERT(rc_hset_family_run(streamed, o, err) == 7);
    CU_ASSERT(k.seen == 5 && k.same);
    rc_hset_family_clear(streamed);
    rc_hset_family_row_clear(r);
    rc_hset_family_clear(fam);
}

static void test_errors(void)
{
    static slong one[1] = { 1 }, zero[1] = { 0 }, neg[1] = { -1 };
    slong big[1001], i;
    rc_hset_family_opts_t o;
    rc_hset_family_t fam;
    rc_err_t err;
    for (i = 0; i < 1001; i++)
        big[i] = i;
    rc_hset_family_init(fam);
    rc_hset_family_opts_init(o);
    CU_ASSERT(rc_hset_family_run(fam, o, err) == RC_EINPUT);      /* no axes */
    o->dim_in = one; o->n_dim_in = 1;
    o->dim_out = one; o->n_dim_out = 1;
    o->negative = one; o->n_negative = 1;
    o->zero = zero; o->n_zero = 1;
    o->positive = zero; o->n_positive = 1;
    CU_ASSERT(rc_hset_family_run(fam, o, err) == RC_OK && fam->nrows == 1);
    o->dim_in = zero;
    CU_ASSERT(rc_hset_family_run(fam, o, err) == RC_EINPUT);      /* d' = 0 */
    o->dim_in = one;
    o->zero = neg;
    CU_ASSERT(rc_hset_family_run(fam, o, err) == RC_EINPUT);      /* a negative count */
    o->zero = zero;
    o->betti_terms = -1;
    CU_ASSERT(rc_hset_family_run(fam, o, err) == RC_EINPUT);
    o->betti_terms = 12;
    o->negative = big; o->n_negative = 1001;
    o->positive = big; o->n_positive = 1000;
    CU_ASSERT(rc_hset_family_run(fam, o, err) == RC_ELIMIT);      /* 1001000 rows */
    CU_ASSERT(strcmp(err->msg, "1e+06 rows requested, more than the limit of 10^6") == 0);
    CU_ASSERT(fam->nrows == 0 && fam->rows == NULL);
    rc_hset_family_clear(fam);
}

RC_TEST_MAIN("hset_family_run", RC_CASE(test_rows), RC_CASE(test_errors))
