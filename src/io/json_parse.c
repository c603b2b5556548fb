/* Strict RFC 8259 JSON parser that keeps number literals as their exact text.
   Grammar (RFC 8259 sections 2-7): one value surrounded by optional whitespace (space, tab,
   LF, CR); numbers -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?; strings of valid UTF-8
   without raw control characters, escapes \" \\ \/ \b \f \n \r \t \u and four hex digits (surrogate pairs combined)
   combined and lone surrogates refused.  Objects with a repeated key are refused (RFC 8259
   leaves their meaning unspecified, so any reading would be a guess).
   Every position in a message is "line L, column C" with C counting characters (code points). */
#include <stdlib.h>
#include <string.h>
#include "internal.h"

typedef struct
{
    const unsigned char * s;
    size_t len, pos;
    slong line;
    size_t line_start;
    size_t cache_pos;      /* column cache: cache_col is the column of cache_pos */
    slong cache_col;
    slong nvalues;
    const char * name;
    rc_err_struct * err;
}
parser;

/* Column (1-based, in code points) of byte offset pos on the current line.  Positions queried
   during a parse only move forward, so the cache makes the total cost linear. */
static slong column(parser * p, size_t pos)
{
    size_t i;
    if (p->cache_pos < p->line_start || p->cache_pos > pos)
    {
        p->cache_pos = p->line_start;
        p->cache_col = 1;
    }
    for (i = p->cache_pos; i < pos && i < p->len; i++)
        if ((p->s[i] & 0xC0) != 0x80)
            p->cache_col++;
    p->cache_pos = pos;
    return p->cache_col;
}

static int fail_at(parser * p, size_t pos, int code, const char * what)
{
    return rc_err_set(p->err, code, "%s: line %ld, column %ld: %s", p->name, (long) p->line,
                      (long) column(p, pos), what);
}

/* Describes the byte at pos for "unexpected ..." messages. */
static int fail_unexpected(parser * p, const char * expected)
{
    char what[160];
    if (p->pos >= p->len)
        snprintf(what, sizeof(what), "unexpected end of input (expected %s)", expected);
    else if (p->s[p->pos] >= 0x20 && p->s[p->pos] < 0x7f)
        snprintf(what, sizeof(what), "unexpected character '%c' (expected %s)", p->s[p->pos], expected);
    else
        snprintf(what, sizeof(what), "unexpected byte 0x%02x (expected %s)", p->s[p->pos], expected);
    return fail_at(p, p->pos, RC_EINPUT, what);
}

static void skip_ws(parser * p)
{
    while (p->pos < p->len)
    {
        unsigned char c = p->s[p->pos];
        if (c == '\n')
        {
            p->line++;
            p->line_start = p->pos + 1;
        }
        else if (c != ' ' && c != '\t' && c != '\r')
            break;
        p->pos++;
    }
}

/* Length of the valid UTF-8 sequence at s[0..n) (RFC 3629: no overlongs, no surrogates, at
   most U+10FFFF), or 0 if invalid. */
size_t rc_utf8_seq_len(const unsigned char * s, size_t n)
{
    unsigned char c = s[0];
    unsigned char lo = 0x80, hi = 0xBF;
    size_t k, i;
    if (c < 0x80)
        return 1;
    if (c >= 0xC2 && c <= 0xDF)
        k = 2;
    else if (c >= 0xE0 && c <= 0xEF)
    {
        k = 3;
        if (c == 0xE0) lo = 0xA0;
        if (c == 0xED) hi = 0x9F;
    }
    else if (c >= 0xF0 && c <= 0xF4)
    {
        k = 4;
        if (c == 0xF0) lo = 0x90;
        if (c == 0xF4) hi = 0x8F;
    }
    else
        return 0;
    if (n < k)
        return 0;
    if (s[1] < lo || s[1] > hi)
        return 0;
    for (i = 2; i < k; i++)
        if ((s[i] & 0xC0) != 0x80)
            return 0;
    return k;
}

typedef struct
{
    char * buf;
    size_t len, alloc;
}
strbuf;

static void sb_reserve(strbuf * b, size_t extra)
{
    if (b->len + extra + 1 > b->alloc)
    {
        size_t a = FLINT_MAX(2 * b->alloc, b->len + extra + 1);
        a = FLINT_MAX(a, 16);
        b->buf = flint_realloc(b->buf, a);
        b->alloc = a;
    }
}

static void sb_put_cp(strbuf * b, ulong cp)
{
    sb_reserve(b, 4);
    if (cp < 0x80)
        b->buf[b->len++] = (char) cp;
    else if (cp < 0x800)
    {
        b->buf[b->len++] = (char) (0xC0 | (cp >> 6));
        b->buf[b->len++] = (char) (0x80 | (cp & 0x3F));
    }
    else if (cp < 0x10000)
    {
        b->buf[b->len++] = (char) (0xE0 | (cp >> 12));
        b->buf[b->len++] = (char) (0x80 | ((cp >> 6) & 0x3F));
        b->buf[b->len++] = (char) (0x80 | (cp & 0x3F));
    }
    else
    {
        b->buf[b->len++] = (char) (0xF0 | (cp >> 18));
        b->buf[b->len++] = (char) (0x80 | ((cp >> 12) & 0x3F));
        b->buf[b->len++] = (char) (0x80 | ((cp >> 6) & 0x3F));
        b->buf[b->len++] = (char) (0x80 | (cp & 0x3F));
    }
}

static int hex4(ulong * v, const unsigned char * s)
{
    int i;
    *v = 0;
    for (i = 0; i < 4; i++)
    {
        unsigned char c = s[i];
        ulong d;
        if (c >= '0' && c <= '9') d = c - '0';
        else if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') d = c - 'A' + 10;
        else return 0;
        *v = 16 * *v + d;
    }
    return 1;
}

/* Parses a string starting at the opening quote; on success *out (NUL-terminated, flint_malloc)
   holds the decoded UTF-8 and *outlen its length. */
static int parse_string(parser * p, char ** out, size_t * outlen)
{
    strbuf b = { NULL, 0, 0 };
    size_t start = p->pos;
    p->pos++;                                   /* opening quote */
    sb_reserve(&b, 0);
    for (;;)
    {
        unsigned char c;
        if (p->pos >= p->len)
        {
            flint_free(b.buf);
            return fail_at(p, start, RC_EINPUT, "unterminated string");
        }
        c = p->s[p->pos];
        if (c == '"')
        {
            p->pos++;
            break;
        }
        if (c < 0x20)
        {
            flint_free(b.buf);
            return fail_at(p, p->pos, RC_EINPUT, "control character in string (must be escaped)");
        }
        if (c == '\\')
        {
            unsigned char e;
            if (p->pos + 1 >= p->len)
            {
                flint_free(b.buf);
                return fail_at(p, start, RC_EINPUT, "unterminated string");
            }
            e = p->s[p->pos + 1];
            if (e == 'u')
            {
                ulong cp, lo;
                if (p->pos + 6 > p->len || !hex4(&cp, p->s + p->pos + 2))
                {
                    flint_free(b.buf);
                    return fail_at(p, p->pos, RC_EINPUT, "invalid \\u escape (needs 4 hex digits)");
                }
                if (cp >= 0xDC00 && cp <= 0xDFFF)
                {
                    flint_free(b.buf);
                    return fail_at(p, p->pos, RC_EINPUT, "lone low surrogate in \\u escape");
                }
                if (cp >= 0xD800 && cp <= 0xDBFF)
                {
                    if (p->pos + 12 > p->len || p->s[p->pos + 6] != '\\' || p->s[p->pos + 7] != 'u'
                        || !hex4(&lo, p->s + p->pos + 8) || lo < 0xDC00 || lo > 0xDFFF)
                    {
                        flint_free(b.buf);
                        return fail_at(p, p->pos, RC_EINPUT,
                                       "high surrogate in \\u escape not followed by a low surrogate");
                    }
                    cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    p->pos += 6;
                }
                sb_put_cp(&b, cp);
                p->pos += 6;
                continue;
            }
            switch (e)
            {
                case '"': c = '"'; break;
                case '\\': c = '\\'; break;
                case '/': c = '/'; break;
                case 'b': c = '\b'; break;
                case 'f': c = '\f'; break;
                case 'n': c = '\n'; break;
                case 'r': c = '\r'; break;
                case 't': c = '\t'; break;
                default:
                    flint_free(b.buf);
                    return fail_at(p, p->pos, RC_EINPUT, "invalid escape in string");
            }
            sb_reserve(&b, 1);
            b.buf[b.len++] = (char) c;
            p->pos += 2;
            continue;
        }
        {
            size_t k = rc_utf8_seq_len(p->s + p->pos, p->len - p->pos);
            if (k == 0)
            {
                flint_free(b.buf);
                return fail_at(p, p->pos, RC_EINPUT, "invalid UTF-8 in string");
            }
            sb_reserve(&b, k);
            memcpy(b.buf + b.len, p->s + p->pos, k);
            b.len += k;
            p->pos += k;
        }
    }
    b.buf[b.len] = '\0';
    *out = b.buf;
    *outlen = b.len;
    return RC_OK;
}

static int is_digit(unsigned char c)
{
    return c >= '0' && c <= '9';
}

static int parse_number(parser * p, rc_json_struct * v)
{
    size_t start = p->pos, n;
    const unsigned char * s = p->s;
    if (p->pos < p->len && s[p->pos] == '-')
        p->pos++;
    if (p->pos < p->len && s[p->pos] == '0')
        p->pos++;
    else if (p->pos < p->len && s[p->pos] >= '1' && s[p->pos] <= '9')
        while (p->pos < p->len && is_digit(s[p->pos]))
            p->pos++;
    else
        return fail_unexpected(p, "a digit");
    if (p->pos < p->len && s[p->pos] == '.')
    {
        p->pos++;
        if (p->pos >= p->len || !is_digit(s[p->pos]))
            return fail_unexpected(p, "a digit after '.'");
        while (p->pos < p->len && is_digit(s[p->pos]))
            p->pos++;
    }
    if (p->pos < p->len && (s[p->pos] == 'e' || s[p->pos] == 'E'))
    {
        p->pos++;
        if (p->pos < p->len && (s[p->pos] == '+' || s[p->pos] == '-'))
            p->pos++;
        if (p->pos >= p->len || !is_digit(s[p->pos]))
            return fail_unexpected(p, "a digit in the exponent");
        while (p->pos < p->len && is_digit(s[p->pos]))
            p->pos++;
    }
    n = p->pos - start;
    v->type = RC_JSON_NUMBER;
    v->text = flint_malloc(n + 1);
    memcpy(v->text, s + start, n);
    v->text[n] = '\0';
    v->text_len = n;
    return RC_OK;
}

static int parse_literal(parser * p, rc_json_struct * v)
{
    static const char * const words[3] = { "true", "false", "null" };
    int i;
    for (i = 0; i < 3; i++)
    {
        size_t n = strlen(words[i]);
        if (p->len - p->pos >= n && memcmp(p->s + p->pos, words[i], n) == 0)
        {
            p->pos += n;
            v->type = (i == 2) ? RC_JSON_NULL : RC_JSON_BOOL;
            v->boolean = (i == 0);
            return RC_OK;
        }
    }
    return fail_at(p, p->pos, RC_EINPUT, "invalid literal (expected true, false or null)");
}

static int parse_value(parser * p, rc_json_struct * v, int depth);

static int parse_array(parser * p, rc_json_struct * v, int depth)
{
    slong alloc = 0;
    v->type = RC_JSON_ARRAY;
    p->pos++;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == ']')
    {
        p->pos++;
        return RC_OK;
    }
    for (;;)
    {
        int r;
        if (v->len == alloc)
        {
            alloc = FLINT_MAX(4, 2 * alloc);
            v->items = flint_realloc(v->items, alloc * sizeof(rc_json_struct));
        }
        memset(v->items + v->len, 0, sizeof(rc_json_struct));
        v->len++;                      /* counted now so that a partial element is freed */
        r = parse_value(p, v->items + v->len - 1, depth + 1);
        if (r != RC_OK)
            return r;
        skip_ws(p);
        if (p->pos < p->len && p->s[p->pos] == ',')
        {
            p->pos++;
            continue;
        }
        if (p->pos < p->len && p->s[p->pos] == ']')
        {
            p->pos++;
            break;
        }
        return fail_unexpected(p, "',' or ']'");
    }
    if (alloc > v->len)                /* give back the slack of the doubling */
        v->items = flint_realloc(v->items, v->len * sizeof(rc_json_struct));
    return RC_OK;
}

/* qsort comparator on (key, index) pairs: by key, then by position, so that among equal keys
   the later one in the document comes later. */
typedef struct
{
    const char * key;
    slong idx;
}
keyref;

static int cmp_keys(const void * a, const void * b)
{
    const keyref * x = a, * y = b;
    int c = strcmp(x->key, y->key);
    return c != 0 ? c : (x->idx > y->idx) - (x->idx < y->idx);
}

/* Refuses repeated keys: sort (key, index) pairs, compare neighbours (O(n log n)); the message
   points at the value of the second occurrence. */
static int check_duplicates(parser * p, const rc_json_struct * v)
{
    keyref * k;
    slong i;
    char snip[80];
    if (v->len < 2)
        return RC_OK;
    k = flint_malloc(v->len * sizeof(keyref));
    for (i = 0; i < v->len; i++)
    {
        k[i].key = v->keys[i];
        k[i].idx = i;
    }
    qsort(k, v->len, sizeof(keyref), cmp_keys);
    for (i = 1; i < v->len; i++)
        if (strcmp(k[i - 1].key, k[i].key) == 0)
        {
            const rc_json_struct * second = v->items + k[i].idx;
            _rc_io_snippet(snip, k[i].key, strlen(k[i].key), 60);
            flint_free(k);
            return rc_err_set(p->err, RC_EINPUT, "%s: line %ld, column %ld: duplicate key \"%s\" "
                              "(its second value starts here)", p->name, (long) second->line,
                              (long) second->col, snip);
        }
    flint_free(k);
    return RC_OK;
}

static int parse_object(parser * p, rc_json_struct * v, int depth)
{
    slong alloc = 0;
    v->type = RC_JSON_OBJECT;
    p->pos++;
    skip_ws(p);
    if (p->pos < p->len && p->s[p->pos] == '}')
    {
        p->pos++;
        return RC_OK;
    }
    for (;;)
    {
        int r;
        size_t klen;
        char * key;
        if (p->pos >= p->len || p->s[p->pos] != '"')
            return fail_unexpected(p, "a string key");
        {
            size_t kpos = p->pos;
            r = parse_string(p, &key, &klen);
            if (r != RC_OK)
                return r;
            if (strlen(key) != klen)
            {
                flint_free(key);
                return fail_at(p, kpos, RC_EINPUT, "object key contains U+0000");
            }
        }
        if (v->len == alloc)
        {
            alloc = FLINT_MAX(4, 2 * alloc);
            v->items = flint_realloc(v->items, alloc * sizeof(rc_json_struct));
            v->keys = flint_realloc(v->keys, alloc * sizeof(char *));
        }
        memset(v->items + v->len, 0, sizeof(rc_json_struct));
        v->keys[v->len] = key;
        v->len++;
        skip_ws(p);
        if (p->pos >= p->len || p->s[p->pos] != ':')
            return fail_unexpected(p, "':'");
        p->pos++;
        r = parse_value(p, v->items + v->len - 1, depth + 1);
        if (r != RC_OK)
            return r;
        skip_ws(p);
        if (p->pos < p->len && p->s[p->pos] == ',')
        {
            p->pos++;
            skip_ws(p);
            continue;
        }
        if (p->pos < p->len && p->s[p->pos] == '}')
        {
            p->pos++;
            break;
        }
        return fail_unexpected(p, "',' or '}'");
    }
    if (alloc > v->len)
    {
        v->items = flint_realloc(v->items, v->len * sizeof(rc_json_struct));
        v->keys = flint_realloc(v->keys, v->len * sizeof(char *));
    }
    return check_duplicates(p, v);
}

static int parse_value(parser * p, rc_json_struct * v, int depth)
{
    unsigned char c;
    skip_ws(p);
    v->line = p->line;
    v->col = column(p, p->pos);
    if (p->pos >= p->len)
        return fail_unexpected(p, "a value");
    if (++p->nvalues > RC_JSON_MAX_VALUES)
        return fail_at(p, p->pos, RC_ELIMIT, "too many values in one document (limit 2^24; use .npz or CSV for big data)");
    c = p->s[p->pos];
    if (c == '[' || c == '{')
    {
        if (depth >= RC_JSON_MAX_DEPTH)
            return fail_at(p, p->pos, RC_ELIMIT, "nesting deeper than 64 levels");
        return (c == '[') ? parse_array(p, v, depth) : parse_object(p, v, depth);
    }
    if (c == '"')
    {
        v->type = RC_JSON_STRING;
        return parse_string(p, &v->text, &v->text_len);
    }
    if (c == '-' || is_digit(c))
        return parse_number(p, v);
    if (c == 't' || c == 'f' || c == 'n')
        return parse_literal(p, v);
    return fail_unexpected(p, "a value");
}

int rc_json_parse(rc_json_struct ** res, const char * buf, size_t len, const char * name, rc_err_t err)
{
    parser p;
    rc_json_struct * v;
    int r;
    p.s = (const unsigned char *) buf;
    p.len = len;
    p.pos = 0;
    p.line = 1;
    p.line_start = 0;
    p.cache_pos = 0;
    p.cache_col = 1;
    p.nvalues = 0;
    p.name = name;
    p.err = err;
    *res = NULL;
    /* RFC 8259 section 8.1: a parser may ignore a leading byte order mark. */
    if (len >= 3 && p.s[0] == 0xEF && p.s[1] == 0xBB && p.s[2] == 0xBF)
    {
        p.pos = 3;
        p.line_start = 3;
        p.cache_pos = 3;
    }
    v = flint_calloc(1, sizeof(rc_json_struct));
    r = parse_value(&p, v, 0);
    if (r == RC_OK)
    {
        skip_ws(&p);
        if (p.pos < p.len)
            r = fail_unexpected(&p, "end of input after the JSON value");
    }
    if (r != RC_OK)
    {
        rc_json_free(v);
        return r;
    }
    *res = v;
    return RC_OK;
}
