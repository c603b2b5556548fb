/* Shared helpers of the check tests: certificates of the three kinds, in memory. */
#ifndef RC_CHECK_TEST_H
#define RC_CHECK_TEST_H
#include <stdio.h>
#include <string.h>
#include "relucert/check.h"
#include "relucert/io.h"
#include "relucert/mlp.h"
#include "relucert/regions.h"
#include "relucert/num.h"

/* The committed certificates (tests run in the source directory). */
#define CT_FLOW_CERT "proofs/certificates/toy-obstructed-T100.cert"
#define CT_FLOW_CERT2 "proofs/certificates/toy-unobstructed-T100.cert"
#define CT_FLOW_BUGGY "data/flow-nonunique-buggy-T2.cert"
#define CT_OBSTRUCT_CERT "proofs/certificates/obstruct-toy.json"

/* A file's bytes, NUL-terminated (flint_free). */
static inline char * ct_read(size_t * len, const char * path)
{
    char * b;
    rc_err_t err;
    if (rc_file_read_all(&b, len, path, err) != RC_OK)
        return NULL;
    return b;
}

/* The regions certificate of data/regions-deep.json on [-1, 1]^2 (doc/regions.md: exactly 18
   regions, 68 facets), malloc'd. */
static inline char * ct_regions_cert(size_t * len)
{
    rc_mlp_t m;
    rc_regions_t res;
    rc_err_t err;
    fmpq * box = _fmpq_vec_init(4);
    char * buf = NULL;
    FILE * f;
    slong i;
    if (rc_mlp_read(m, "data/regions-deep.json", err) != RC_OK)
        return NULL;
    for (i = 0; i < 4; i++)
        fmpq_set_si(box + i, (i % 2) ? 1 : -1, 1);
    rc_regions_init(res);
    if (rc_regions_compute(res, m, box, RC_REGIONS_CERT, 0, err) == RC_OK)
    {
        f = open_memstream(&buf, len);
        { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_regions_cert_write(w, res, m); }
        fclose(f);
    }
    rc_regions_clear(res);
    rc_mlp_clear(m);
    _fmpq_vec_clear(box, 4);
    return buf;
}

/* A copy of buf with the first occurrence of from replaced by to (malloc'd; NULL if absent). */
static inline char * ct_replace(size_t * len2, const char * buf, size_t len, const char * from,
                                const char * to)
{
    const char * p = strstr(buf, from);
    size_t a, b = strlen(from), c = strlen(to);
    char * out;
    if (p == NULL)
        return NULL;
    a = p - buf;
    out = malloc(len - b + c + 1);
    memcpy(out, buf, a);
    memcpy(out + a, to, c);
    memcpy(out + a + c, p + b, len - a - b);
    *len2 = len - b + c;
    out[*len2] = '\0';
    return out;
}

/* Recomputes the digest line of an edited flow certificate (so that only the mathematics can
   reject it). */
static inline void ct_reseal(char * buf, size_t * len)
{
    char * d = strstr(buf, "\ndigest ");
    rc_strbuf_t b;
    rc_strbuf_init(b);
    rc_strbuf_putn(b, buf, d - buf + 1);
    rc_flow_cert_seal_buf(b);
    memcpy(buf, b->s, b->len + 1);
    *len = b->len;
    rc_strbuf_clear(b);
}

#endif
