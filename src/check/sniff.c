/* rc_check_sniff: which certificate is this?  JSON certificates carry their format in the
   top-level key "format" (relucert's writers put it first; any order is accepted), the flow
   certificate is text whose first line is its tag. */
#include <string.h>
#include "relucert/io.h"
#include "relucert/check.h"

/* the kind whose tag is s[0..n) among the JSON kinds (json = 1) or the text kind (json = 0) */
static int kind_of_tag(const char * s, size_t n, int json)
{
    int k;
    for (k = json ? RC_CHECK_REGIONS : RC_CHECK_FLOW; k <= (json ? RC_CHECK_OBSTRUCT : RC_CHECK_FLOW); k++)
        if (strlen(rc_check_kind_format(k)) == n && !strncmp(rc_check_kind_format(k), s, n))
            return k;
    return RC_CHECK_UNKNOWN;
}

static int is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The fast path: '{' "format" ':' "tag" at the start (no escapes in the tag).  1 with [*s, *s + *n)
   the tag when it matches, else 0. */
static int leading_format(const char ** s, size_t * n, const char * p, const char * end)
{
    const char * q;
    p++;
    while (p < end && is_blank(*p)) p++;
    if (end - p < 8 || strncmp(p, "\"format\"", 8))
        return 0;
    p += 8;
    while (p < end && is_blank(*p)) p++;
    if (p >= end || *p != ':')
        return 0;
    p++;
    while (p < end && is_blank(*p)) p++;
    if (p >= end || *p != '"')
        return 0;
    q = ++p;
    while (q < end && *q != '"' && *q != '\\' && (unsigned char) *q >= 0x20)
        q++;
    if (q >= end || *q != '"')
        return 0;
    *s = p;
    *n = q - p;
    return 1;
}

static int sniff_json(int * kind, const char * p, const char * buf, size_t len, const char * name,
                      rc_err_t err)
{
    const char * tag;
    size_t n;
    rc_json_struct * doc;
    const rc_json_struct * f;
    int r;
    if (leading_format(&tag, &n, p, buf + len))
    {
        if ((*kind = kind_of_tag(tag, n, 1)) != RC_CHECK_UNKNOWN)
            return RC_OK;
        return rc_err_set(err, RC_EINPUT, "%s: format: unknown certificate format \"%.*s\" (relucert checks "
                          "relucert.regions-cert/1 and relucert.obstruct-cert/1 as JSON, relucert.flowcert/1, /2 and /3 as text)",
                          name, (int) (n > 100 ? 100 : n), tag);
    }
    /* "format" elsewhere: the whole document must be read to find its top level */
    if ((r = rc_json_parse(&doc, buf, len, name, err)) != RC_OK)
        return r == RC_ELIMIT ? RC_ELIMIT : RC_EINPUT;
    f = doc->type == RC_JSON_OBJECT ? rc_json_get(doc, "format") : NULL;
    if (f == NULL || f->type != RC_JSON_STRING)
        r = rc_err_set(err, RC_EINPUT, "%s: format: missing (a certificate is a JSON object with a "
                       "\"format\" string)", name);
    else if ((*kind = kind_of_tag(f->text, f->text_len, 1)) == RC_CHECK_UNKNOWN)
        r = rc_err_set(err, RC_EINPUT, "%s: format: unknown certificate format \"%.100s\" (relucert checks "
                       "relucert.regions-cert/1 and relucert.obstruct-cert/1 as JSON, relucert.flowcert/1, /2 and /3 as text)",
                       name, f->text);
    rc_json_free(doc);
    return r;
}

int rc_check_sniff(int * kind, const char * buf, size_t len, const char * name, rc_err_t err)
{
    const char * p = buf, * end = buf + len, * q;
    *kind = RC_CHECK_UNKNOWN;
    if (len >= 3 && !memcmp(p, "\xEF\xBB\xBF", 3))
        p += 3;
    while (p < end && is_blank(*p))
        p++;
    if (p >= end)
        return rc_err_set(err, RC_EINPUT, "%s: empty (not a certificate)", name);
    if (*p == '{')
        return sniff_json(kind, p, buf, len, name, err);
    /* text: the first line is the tag (exactly; the checker reads it again) */
    q = buf;
    while (q < end && *q != '\n')
        q++;
    if ((*kind = kind_of_tag(buf, q - buf, 0)) == RC_CHECK_FLOW)
        return RC_OK;
    /* relucert.flowcert/2: the same format, validated with arithmetic 2 (relucert/flow.h) */
    if (q - buf == 19 && (!strncmp(buf, "relucert.flowcert/2", 19) || !strncmp(buf, "relucert.flowcert/3", 19)))
        return (*kind = RC_CHECK_FLOW), RC_OK;
    *kind = RC_CHECK_UNKNOWN;
    if (q - buf >= 9 && !strncmp(buf, "relucert.", 9))
        return rc_err_set(err, RC_EINPUT, "%s: line 1: unknown certificate format \"%.*s\" (relucert checks "
                          "relucert.flowcert/1, /2 and /3 as text, relucert.regions-cert/1 and relucert.obstruct-cert/1 as JSON)",
                          name, (int) (q - buf > 100 ? 100 : q - buf), buf);
    return rc_err_set(err, RC_EINPUT, "%s: line 1: not a certificate (neither a JSON object with a "
                      "\"format\" nor a text certificate starting with relucert.flowcert/1, /2 or /3)", name);
}
