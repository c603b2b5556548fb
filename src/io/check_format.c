/* The optional "format" field of an input document must name the expected format exactly. */
#include "internal.h"

int _rc_io_check_format(const rc_json_struct * doc, const char * expected, const char * name,
                        rc_err_t err)
{
    const rc_json_struct * f = rc_json_get(doc, "format");
    char snip[72];
    if (f == NULL)
        return RC_OK;
    if (f->type != RC_JSON_STRING)
        return rc_err_set(err, RC_EINPUT, "%s: format: expected the string \"%s\", got %s", name,
                          expected, _rc_json_type_name(f->type));
    if (f->text_len != strlen(expected) || memcmp(f->text, expected, f->text_len) != 0)
    {
        _rc_io_snippet(snip, f->text, f->text_len, 60);
        return rc_err_set(err, RC_EINPUT, "%s: format: expected \"%s\", got \"%s\"", name,
                          expected, snip);
    }
    return RC_OK;
}
