/* A deep network from named arrays (.npz members or .safetensors tensors; relucert/io.h,
   doc/io.md "Networks"): relucert names W1 ... Wn / b1 ... bn, or PyTorch state_dict names
   PREFIX.weight / PREFIX.bias.  Every array is recognised, ignored with a note (0-d scalars,
   non-numeric arrays) or refused by name; shapes are checked to chain before anything is
   allocated; the values are the exact doubles the reader produced. */
#include "internal.h"
#include "relucert/mlp.h"

/* k >= 1 when name is "<c><k>" with a canonical decimal k, else 0. */
static slong layer_index(const char * name, char c)
{
    const char * p = name + 1;
    slong k = 0;
    if (name[0] != c || *p < '1' || *p > '9')
        return 0;
    for (; *p; p++)
    {
        if (*p < '0' || *p > '9' || k > RC_MLP_MAX_LAYERS)
            return 0;
        k = 10 * k + (*p - '0');
    }
    return k;
}

/* length of the prefix when name ends with "." suffix, else 0 */
static size_t prefix_len(const char * name, const char * suffix)
{
    size_t n = strlen(name), m = strlen(suffix);
    if (n > m + 1 && name[n - m - 1] == '.' && strcmp(name + n - m, suffix) == 0)
        return n - m - 1;
    return 0;
}

/* One Linear layer: member indices of its weight and bias (-1: absent), and its label. */
typedef struct
{
    slong w, b;
    char label[80];      /* the weight's name, for messages */
    const char * pre;    /* prefix (state_dict) */
    size_t plen;
}
layer_t;

/* Natural order of two prefixes: digit runs compare as numbers.  *amb = 1 when the first
   difference is not a number (or is an equal number spelt differently): then the order of the
   names says nothing about the order of the layers. */
static int natcmp(const char * a, size_t na, const char * b, size_t nb, int * amb)
{
    size_t i = 0, j = 0;
    while (i < na && j < nb)
    {
        if (a[i] >= '0' && a[i] <= '9' && b[j] >= '0' && b[j] <= '9')
        {
            size_t i0 = i, j0 = j, li, lj, zi, zj;
            while (i < na && a[i] >= '0' && a[i] <= '9') i++;
            while (j < nb && b[j] >= '0' && b[j] <= '9') j++;
            for (zi = i0; zi + 1 < i && a[zi] == '0'; zi++) ;
            for (zj = j0; zj + 1 < j && b[zj] == '0'; zj++) ;
            li = i - zi;
            lj = j - zj;
            if (li != lj)
                return li < lj ? -1 : 1;
            if (memcmp(a + zi, b + zj, li) != 0)
                return memcmp(a + zi, b + zj, li) < 0 ? -1 : 1;
            if (i - i0 != j - j0)
            {
                *amb = 1;
                return (i - i0) < (j - j0) ? -1 : 1;
            }
            continue;
        }
        if (a[i] != b[j])
        {
            *amb = 1;
            return (unsigned char) a[i] < (unsigned char) b[j] ? -1 : 1;
        }
        i++;
        j++;
    }
    if (i < na || j < nb)
        *amb = 1;
    return (i < na) - (j < nb);
}

/* Sorts the layers by natural order of their prefixes (insertion sort: few layers), refusing
   ambiguous pairs. */
static int sort_natural(layer_t * L, slong n, const char * name, rc_err_t err)
{
    slong i, j;
    for (i = 1; i < n; i++)
        for (j = i; j > 0; j--)
        {
            int amb = 0, c = natcmp(L[j - 1].pre, L[j - 1].plen, L[j].pre, L[j].plen, &amb);
            if (amb)
                return rc_err_set(err, RC_EINPUT, "%s: cannot tell the order of the layers \"%s\" "
                                  "and \"%s\" (this format stores tensors sorted by name; name the "
                                  "layers with numbers, e.g. 0.weight, 2.weight, or W1 ... Wn)",
                                  name, L[j - 1].label, L[j].label);
            if (c > 0)
            {
                layer_t t = L[j];
                L[j] = L[j - 1];
                L[j - 1] = t;
            }
            else
                break;
        }
    return RC_OK;
}

/* Archive order (.npz) kept only when no two consecutive layers contradict the numbers in their
   names: "10" stored before "2", or "fc2" before "fc1", means the order was changed on the way
   (a sorted dict: 0, 10, 12, 2, ...; a module registering fc2 first), and with square layers
   the shapes would still chain, so the network would silently be a different one.  Prefixes
   whose order the names do not tell (encoder, decoder) keep the archive order. */
static int check_archive_order(const layer_t * L, slong n, const char * name, rc_err_t err)
{
    slong k;
    for (k = 1; k < n; k++)
    {
        int amb = 0, c = natcmp(L[k - 1].pre, L[k - 1].plen, L[k].pre, L[k].plen, &amb);
        if (!amb && c > 0)
            return rc_err_set(err, RC_EINPUT, "%s: %s is stored before %s, against the numbers in "
                              "their names, so the order of the layers is unclear (was the "
                              "state_dict sorted?); save it in its own order, "
                              "numpy.savez(**model.state_dict()), or name the layers W1 ... Wn",
                              name, L[k - 1].label, L[k].label);
    }
    return RC_OK;
}

/* Refusal of a member that is a parameter of a layer relucert does not model, or RC_OK. */
static int check_unmodelled(const rc_npz_t z, slong i, const char * name, rc_err_t err)
{
    static const char * const bn[3] = { "running_mean", "running_var", "num_batches_tracked" };
    char snip[72];
    size_t p;
    int k;
    for (k = 0; k < 3; k++)
        if ((p = prefix_len(z->names[i], bn[k])) > 0)
        {
            _rc_io_snippet(snip, z->names[i], p, 60);
            return rc_err_set(err, RC_EINPUT, "%s: %s.%s: layer \"%s\" is a BatchNorm layer, which "
                              "relucert does not model (only Linear layers with ReLU)", name, snip,
                              bn[k], snip);
        }
    return RC_OK;
}

/* Shape check of layer k (0-based) of n: weight (out, in) (1-d allowed for the last layer of
   the relucert layout), bias of out entries; the chain with the previous layer. */
static int layer_shape(slong * out, slong * in, const layer_t * L, slong k, slong n, int torch,
                       const rc_npz_t z, const char * name, rc_err_t err)
{
    const rc_npy_struct * W = z->arrays + L[k].w;
    char sh[120];
    _rc_io_shape_str(sh, sizeof(sh), W);
    if (torch && W->ndim >= 3 && W->ndim <= 5)
        return rc_err_set(err, RC_EINPUT, "%s: %s: shape %s: a convolution kernel (%ld dimensions); "
                          "relucert models only Linear layers", name, L[k].label, sh, (long) W->ndim);
    if (torch && W->ndim == 1)
        return rc_err_set(err, RC_EINPUT, "%s: %s: shape %s: a 1-d weight belongs to a normalisation "
                          "layer (BatchNorm, LayerNorm), which relucert does not model", name,
                          L[k].label, sh);
    if (W->ndim == 2)
    {
        *out = W->shape[0];
        *in = W->shape[1];
    }
    else if (!torch && W->ndim == 1 && k == n - 1 && n > 1)
    {
        *out = 1;
        *in = W->shape[0];
    }
    else
        return rc_err_set(err, RC_EINPUT, "%s: %s: shape %s, expected 2 dimensions (outputs x "
                          "inputs)", name, L[k].label, sh);
    if (*out == 0 || *in == 0)
        return rc_err_set(err, RC_EINPUT, "%s: %s: shape %s: empty layer", name, L[k].label, sh);
    if (L[k].b >= 0 && _rc_io_vector_len(z->arrays + L[k].b) != *out)
    {
        _rc_io_shape_str(sh, sizeof(sh), z->arrays + L[k].b);
        return rc_err_set(err, RC_EINPUT, "%s: %s: shape %s, expected (%ld,) (one per output of %s)",
                          name, z->names[L[k].b], sh, (long) *out, L[k].label);
    }
    return RC_OK;
}

/* Collects the layers: relucert names (by index) or state_dict prefixes (archive order). */
static int collect(layer_t * L, slong * n, int * torch, int * skip, const rc_npz_t z,
                   const char * name, rc_err_t err)
{
    slong i, k, nw = 0, nt = 0, first_w = -1, first_t = -1;
    char snip[72];
    int r;
    *n = 0;
    for (i = 0; i < z->num; i++)
    {
        const char * s = z->names[i];
        size_t p;
        skip[i] = 0;
        if ((r = check_unmodelled(z, i, name, err)) != RC_OK)
            return r;
        if (!z->arrays[i].numeric && (layer_index(s, 'W') > 0 || layer_index(s, 'b') > 0
                                      || prefix_len(s, "weight") > 0 || prefix_len(s, "bias") > 0))
        {
            _rc_io_snippet(snip, s, strlen(s), 60);
            return rc_err_set(err, RC_EINPUT, "%s: %s: not numbers (dtype '%s')", name, snip,
                              z->arrays[i].descr);
        }
        if (z->arrays[i].numeric && (layer_index(s, 'W') > 0 || layer_index(s, 'b') > 0))
        {
            nw++;
            first_w = first_w < 0 ? i : first_w;
            *n = FLINT_MAX(*n, layer_index(s, 'W'));
        }
        else if (z->arrays[i].numeric && ((p = prefix_len(s, "weight")) > 0
                                          || (p = prefix_len(s, "bias")) > 0))
        {
            nt++;
            first_t = first_t < 0 ? i : first_t;
            for (k = 0; k < *n; k++)
                if (L[k].plen == p && memcmp(L[k].pre, s, p) == 0)
                    break;
            if (k == *n)
            {
                if (*n >= RC_MLP_MAX_LAYERS)
                    return rc_err_set(err, RC_ELIMIT, "%s: more than %d layers", name,
                                      RC_MLP_MAX_LAYERS);
                L[k].w = L[k].b = -1;
                L[k].pre = s;
                L[k].plen = p;
                (*n)++;
            }
            if (s[p + 1] == 'w')
                L[k].w = i;
            else
                L[k].b = i;
        }
        else if (!z->arrays[i].numeric || z->arrays[i].ndim == 0)
            skip[i] = 1;
        else
        {
            _rc_io_snippet(snip, s, strlen(s), 60);
            return rc_err_set(err, RC_EINPUT, "%s: unexpected array \"%s\" (expected W1 ... Wn, "
                              "b1 ... bn, or state_dict names such as 0.weight, 0.bias)", name, snip);
        }
    }
    if (nw > 0 && nt > 0)
        return rc_err_set(err, RC_EINPUT, "%s: mixes relucert names (%s) and state_dict names (%s); "
                          "use one layout", name, z->names[first_w], z->names[first_t]);
    *torch = nt > 0;
    if (nt > 0)
    {
        for (k = 0; k < *n; k++)
        {
            _rc_io_snippet(snip, L[k].pre, L[k].plen, 60);
            snprintf(L[k].label, sizeof(L[k].label), "%s.weight", snip);
            if (L[k].w < 0)
                return rc_err_set(err, RC_EINPUT, "%s: %s.bias: no weight %s for this bias", name,
                                  snip, L[k].label);
        }
        return RC_OK;
    }
    if (*n == 0)
        return rc_err_set(err, RC_EINPUT, "%s: W1: missing", name);
    for (k = 1; *n > nw; k++)         /* some Wk is missing (and L has room for nw layers) */
    {
        char f[32];
        snprintf(f, sizeof(f), "W%ld", (long) k);
        if (rc_npz_get(z, f) == NULL)
            return rc_err_set(err, RC_EINPUT, "%s: %s: missing (the network has W%ld)", name, f,
                              (long) *n);
    }
    for (k = 0; k < *n; k++)
    {
        char f[32];
        snprintf(L[k].label, sizeof(L[k].label), "W%ld", (long) k + 1);
        L[k].w = L[k].b = -1;
        L[k].pre = NULL;
        L[k].plen = 0;
        for (i = 0; i < z->num; i++)
        {
            if (strcmp(z->names[i], L[k].label) == 0)
                L[k].w = i;
            snprintf(f, sizeof(f), "b%ld", (long) k + 1);
            if (strcmp(z->names[i], f) == 0)
                L[k].b = i;
        }
        if (L[k].w < 0)
            return rc_err_set(err, RC_EINPUT, "%s: %s: missing (the network has W%ld)", name,
                              L[k].label, (long) *n);
    }
    for (i = 0; i < z->num; i++)
        if ((k = layer_index(z->names[i], 'b')) > *n)
            return rc_err_set(err, RC_EINPUT, "%s: %s: no weight matrix W%ld for this bias", name,
                              z->names[i], (long) k);
    return RC_OK;
}

static void fill(rc_mlp_t mlp, const layer_t * L, const rc_npz_t z)
{
    slong k, i;
    /* rc_fmpq_set_d cannot fail: the readers refused NaN and infinities */
    for (k = 0; k < mlp->n; k++)
    {
        const rc_npy_struct * W = z->arrays + L[k].w;
        for (i = 0; i < W->size; i++)
            rc_fmpq_set_d(mlp->W[k] + i, W->data[i]);
        if (L[k].b >= 0)
            for (i = 0; i < mlp->widths[k + 1]; i++)
                rc_fmpq_set_d(mlp->b[k] + i, z->arrays[L[k].b].data[i]);
    }
}

int rc_mlp_set_npz(rc_mlp_t mlp, rc_io_notes_t notes, const rc_npz_t z, int natural,
                   const char * name, rc_err_t err)
{
    layer_t * L = flint_malloc(FLINT_MAX(z->num, 1) * sizeof(layer_t));
    int * skip = flint_malloc(FLINT_MAX(z->num, 1) * sizeof(int)), * has_b = NULL, torch = 0, r;
    slong n, k, * widths = NULL;
    r = collect(L, &n, &torch, skip, z, name, err);
    if (r == RC_OK && torch && natural)
        r = sort_natural(L, n, name, err);
    else if (r == RC_OK && torch)
        r = check_archive_order(L, n, name, err);
    if (r == RC_OK && n > RC_MLP_MAX_LAYERS)
        r = rc_err_set(err, RC_ELIMIT, "%s: more than %d layers", name, RC_MLP_MAX_LAYERS);
    if (r == RC_OK)
    {
        widths = flint_malloc((n + 1) * sizeof(slong));
        has_b = flint_malloc(n * sizeof(int));
    }
    for (k = 0; r == RC_OK && k < n; k++)
    {
        slong out = 0, in = 0;
        if ((r = layer_shape(&out, &in, L, k, n, torch, z, name, err)) != RC_OK)
            break;
        if (k > 0 && in != widths[k])
        {
            char sh[120];
            _rc_io_shape_str(sh, sizeof(sh), z->arrays + L[k].w);
            r = rc_err_set(err, RC_EINPUT, "%s: %s: shape %s: %ld inputs, but the previous layer %s "
                           "has %ld outputs (consecutive layers must chain)", name, L[k].label, sh,
                           (long) in, L[k - 1].label, (long) widths[k]);
            break;
        }
        widths[k] = in;
        widths[k + 1] = out;
        has_b[k] = L[k].b >= 0;
    }
    if (r == RC_OK && (r = rc_mlp_init(mlp, n, widths, has_b, err)) != RC_OK)
        r = _rc_io_prefix_err(err, r, name);
    else if (r == RC_OK)
    {
        fill(mlp, L, z);
        _rc_io_note_ignored(notes, z, skip, name, "arrays (not parameters of a Linear layer)");
    }
    flint_free(L);
    flint_free(skip);
    flint_free(widths);
    flint_free(has_b);
    return r;
}
