/* .npy image in memory: the stream reader over a byte range. */
#include "internal.h"

typedef struct
{
    const unsigned char * buf;
    size_t len, pos;
}
memsrc;

static int64_t mem_read(void * ctx, void * dst, size_t n, const char ** msg)
{
    memsrc * m = ctx;
    size_t k = FLINT_MIN(n, m->len - m->pos);
    (void) msg;
    if (k > 0)
        memcpy(dst, m->buf + m->pos, k);
    m->pos += k;
    return (int64_t) k;
}

int rc_npy_read_buf(rc_npy_t a, const unsigned char * buf, size_t len, const char * name, rc_err_t err)
{
    memsrc m = { buf, len, 0 };
    _rc_io_reader r;
    r.read = mem_read;
    r.ctx = &m;
    r.total = len;
    int res = _rc_npy_read_stream(a, &r, RC_MAX_ENTRIES, name, err);
    if (res == RC_OK && !a->numeric)
    {
        /* a lone .npy must hold numbers; archives (.npz) may carry extra non-numeric members */
        res = strcmp(a->descr, "structured") == 0
              ? rc_err_set(err, RC_EINPUT, "%s: unsupported dtype (structured array)", name)
              : rc_err_set(err, RC_EINPUT, "%s: unsupported dtype '%s' (supported: float16/32/64, "
                           "int8..int64, uint8..uint64, bool)", name, a->descr);
        rc_npy_clear(a);
    }
    return res;
}
