/* Classes of a dataset: the distinct label rows y_1..y_Q (one-hot: ordered by the position of the
   1; otherwise by first appearance), which must be linearly independent; the data embedded in
   R^Q (x -> (x, 0) when d < Q); class means and their centroid. */
#include <string.h>
#include "internal.h"

static int row_equal(const fmpq * a, const fmpq * b, slong e)
{
    slong i;
    for (i = 0; i < e; i++)
        if (!fmpq_equal(a + i, b + i))
            return 0;
    return 1;
}

/* position of the 1 if the row is a standard basis vector, else -1 */
static slong hot_index(const fmpq * a, slong e)
{
    slong i, h = -1;
    for (i = 0; i < e; i++)
    {
        if (fmpq_is_zero(a + i))
            continue;
        if (!fmpq_is_one(a + i) || h >= 0)
            return -1;
        h = i;
    }
    return h;
}

/* first[k]: a sample holding label k (first appearance order); returns Q, or -1 if > max */
static slong distinct_rows(slong * first, const rc_data_t data, slong max)
{
    slong n, k, Q = 0;
    for (n = 0; n < data->n; n++)
    {
        for (k = 0; k < Q; k++)
            if (row_equal(data->Y + n * data->e, data->Y + first[k] * data->e, data->e))
                break;
        if (k == Q)
        {
            if (Q == max)
                return -1;
            first[Q++] = n;
        }
    }
    return Q;
}

static void sort_one_hot(slong * first, slong Q, const rc_data_t data, int * one_hot)
{
    slong k, j, t;
    *one_hot = 1;
    for (k = 0; k < Q; k++)
        if (hot_index(data->Y + first[k] * data->e, data->e) < 0)
            *one_hot = 0;
    if (!*one_hot)
        return;
    for (k = 1; k < Q; k++)
        for (j = k; j > 0 && hot_index(data->Y + first[j] * data->e, data->e)
                             < hot_index(data->Y + first[j - 1] * data->e, data->e); j--)
        {
            t = first[j]; first[j] = first[j - 1]; first[j - 1] = t;
        }
}

static slong label_rank(const rc_data_t data, const slong * first, slong Q)
{
    fmpq_mat_t A, B;
    slong k, i, r;
    fmpq_mat_init(A, Q, data->e);
    fmpq_mat_init(B, Q, data->e);
    for (k = 0; k < Q; k++)
        for (i = 0; i < data->e; i++)
            fmpq_set(fmpq_mat_entry(A, k, i), data->Y + first[k] * data->e + i);
    r = fmpq_mat_rref(B, A);
    fmpq_mat_clear(A);
    fmpq_mat_clear(B);
    return r;
}

static void fill(rc_construct_classes_t cl, const rc_data_t data, const slong * first)
{
    slong Q = cl->Q, n, k, i;
    fmpq_t t;
    fmpq_init(t);
    for (k = 0; k < Q; k++)
        _rc_fmpq_vec_set(cl->labels + k * cl->e, data->Y + first[k] * cl->e, cl->e);
    for (n = 0; n < cl->N; n++)
    {
        for (k = 0; k < Q; k++)
            if (row_equal(data->Y + n * cl->e, cl->labels + k * cl->e, cl->e))
                break;
        cl->cls[n] = k;
        cl->count[k]++;
        for (i = 0; i < cl->d; i++)
        {
            fmpq_set(cl->X + n * Q + i, data->X + n * cl->d + i);
            fmpq_add(cl->means + k * Q + i, cl->means + k * Q + i, data->X + n * cl->d + i);
        }
    }
    for (k = 0; k < Q; k++)
        for (i = 0; i < Q; i++)
        {
            fmpz_set_si(fmpq_denref(t), cl->count[k]);
            fmpz_one(fmpq_numref(t));
            fmpq_mul(cl->means + k * Q + i, cl->means + k * Q + i, t);
            fmpq_add(cl->centroid + i, cl->centroid + i, cl->means + k * Q + i);
        }
    fmpq_clear(t);
}

int rc_construct_classes_init(rc_construct_classes_t cl, const rc_data_t data, const char * name,
                              rc_err_t err)
{
    slong first[RC_CONSTRUCT_MAX_CLASSES], Q, r, i;
    fmpz_t q;
    if (data->n < 1)
        return rc_err_set(err, RC_EINPUT, "%s: X: no samples", name);
    Q = distinct_rows(first, data, RC_CONSTRUCT_MAX_CLASSES);
    if (Q < 0)
        return rc_err_set(err, RC_ELIMIT, "%s: y: more than %d distinct labels (classes); refused",
                          name, RC_CONSTRUCT_MAX_CLASSES);
    if ((r = label_rank(data, first, Q)) < Q)
        return rc_err_set(err, RC_EINPUT, "%s: y: the %ld distinct labels are not linearly "
                          "independent (rank %ld); the construction needs Q independent labels",
                          name, (long) Q, (long) r);
    if (data->d > Q)
        return rc_err_set(err, RC_EINPUT, "%s: X: input dimension %ld exceeds the number of classes "
                          "Q = %ld; the construction needs d = Q (d < Q is embedded), refused",
                          name, (long) data->d, (long) Q);
    cl->Q = Q; cl->N = data->n; cl->d = data->d; cl->e = data->e;
    sort_one_hot(first, Q, data, &cl->one_hot);
    cl->cls = flint_calloc(cl->N, sizeof(slong));
    cl->count = flint_calloc(Q, sizeof(slong));
    cl->labels = _fmpq_vec_init(Q * cl->e);
    cl->X = _fmpq_vec_init(cl->N * Q);
    cl->means = _fmpq_vec_init(Q * Q);
    cl->centroid = _fmpq_vec_init(Q);
    fill(cl, data, first);
    fmpz_init_set_si(q, Q);
    for (i = 0; i < Q; i++)
        fmpq_div_fmpz(cl->centroid + i, cl->centroid + i, q);
    fmpz_clear(q);
    return RC_OK;
}

void rc_construct_classes_clear(rc_construct_classes_t cl)
{
    flint_free(cl->cls);
    flint_free(cl->count);
    _fmpq_vec_clear(cl->labels, cl->Q * cl->e);
    _fmpq_vec_clear(cl->X, cl->N * cl->Q);
    _fmpq_vec_clear(cl->means, cl->Q * cl->Q);
    _fmpq_vec_clear(cl->centroid, cl->Q);
}
