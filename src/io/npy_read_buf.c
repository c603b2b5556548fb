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
    return _rc_npy_read_stream(a, &r, RC_MAX_ENTRIES, name, err);
}
