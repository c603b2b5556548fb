/* Shared by the prob writer tests: a writer's output through a buffer and through a stream,
   which must be the same bytes. */
#ifndef PROB_WRITE_TEST_H
#define PROB_WRITE_TEST_H
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "relucert/jsonw.h"

/* Calls write(w, arg) on a buffer and on a memory stream; asserts equal bytes; returns the
   buffer's text (caller frees with flint_free) and its length in *len. */
#define RC_WRITE_BOTH(out, len, write, arg)                                              \
    do {                                                                                 \
        rc_strbuf_t b_;                                                                  \
        rc_jsonw_t w_;                                                                   \
        char * f_buf = NULL;                                                             \
        size_t f_len = 0;                                                                \
        FILE * f_ = open_memstream(&f_buf, &f_len);                                      \
        rc_strbuf_init(b_);                                                              \
        rc_jsonw_init_buf(w_, b_);                                                       \
        write(w_, arg);                                                                  \
        rc_jsonw_init_file(w_, f_);                                                      \
        write(w_, arg);                                                                  \
        fclose(f_);                                                                      \
        CU_ASSERT(f_len == b_->len && memcmp(f_buf, b_->s, f_len) == 0);                 \
        free(f_buf);                                                                     \
        (len) = b_->len;                                                                 \
        (out) = flint_malloc(b_->len + 1);                                               \
        memcpy((out), b_->s, b_->len + 1);                                               \
        rc_strbuf_clear(b_);                                                             \
    } while (0)
#endif
