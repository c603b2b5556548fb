/* rc_test_jsonw.h: checks shared by the tests of result writers (rc_jsonw_t sinks).
   A writer is run twice, into a tmpfile() stream and into an rc_strbuf_t; the bytes must agree.
   The JSON helper parses with rc_json_parse and looks up keys. */
#ifndef RC_TEST_JSONW_H
#define RC_TEST_JSONW_H

#include "rc_test.h"
#include "relucert/jsonw.h"
#include "relucert/io.h"

/* Everything written to f so far (caller frees with free). */
static inline char * rc_test_stream_bytes(FILE * f, size_t * len)
{
    long n;
    char * s;
    fflush(f);
    n = ftell(f);
    s = malloc((size_t) n + 1);
    rewind(f);
    *len = fread(s, 1, (size_t) n, f);
    s[*len] = '\0';
    return s;
}

/* Runs WRITE(w) (a statement using the sink w) into a stream and into buf; asserts the same
   bytes.  buf (an initialised rc_strbuf_t) keeps the buffer output. */
#define RC_TEST_SAME_BYTES(buf, WRITE)                                              \
    do {                                                                            \
        rc_jsonw_t w;                                                               \
        FILE * f_ = tmpfile();                                                      \
        char * s_;                                                                  \
        size_t n_;                                                                  \
        CU_ASSERT_PTR_NOT_NULL_FATAL(f_);                                           \
        rc_jsonw_init_file(w, f_);                                                  \
        WRITE;                                                                      \
        s_ = rc_test_stream_bytes(f_, &n_);                                         \
        fclose(f_);                                                                 \
        rc_strbuf_reset(buf);                                                       \
        rc_jsonw_init_buf(w, buf);                                                  \
        WRITE;                                                                      \
        CU_ASSERT_EQUAL(n_, (buf)->len);                                            \
        CU_ASSERT(n_ == (buf)->len && memcmp(s_, (buf)->s, n_) == 0);               \
        free(s_);                                                                   \
    } while (0)

/* Parses s (asserting success); caller frees with rc_json_free. */
static inline rc_json_struct * rc_test_json_parse(const char * s, size_t len)
{
    rc_json_struct * v = NULL;
    rc_err_t err;
    rc_err_init(err);
    CU_ASSERT_EQUAL_FATAL(rc_json_parse(&v, s, len, "writer output", err), RC_OK);
    return v;
}

/* Asserts that the object v has every key of keys (NULL-terminated). */
static inline void rc_test_json_has_keys(const rc_json_struct * v, const char * const * keys)
{
    slong i;
    CU_ASSERT_EQUAL_FATAL(v->type, RC_JSON_OBJECT);
    for (i = 0; keys[i] != NULL; i++)
    {
        if (rc_json_get(v, keys[i]) == NULL)
            fprintf(stderr, "missing key %s\n", keys[i]);
        CU_ASSERT_PTR_NOT_NULL(rc_json_get(v, keys[i]));
    }
}

/* The string value of key (asserting it is a string). */
static inline const char * rc_test_json_str(const rc_json_struct * v, const char * key)
{
    const rc_json_struct * x = rc_json_get(v, key);
    CU_ASSERT_PTR_NOT_NULL_FATAL(x);
    CU_ASSERT_EQUAL_FATAL(x->type, RC_JSON_STRING);
    return x->text;
}

#endif
