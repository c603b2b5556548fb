/* One exact number from JSON: a number literal or a string, both read by rc_fmpq_set_strn,
   so the value is the rational the text spells (never a double conversion). */
#include "internal.h"

int _rc_io_json_fmpq(fmpq_t x, const rc_json_struct * v, const char * name,
                     const char * field, slong i, slong j, rc_err_t err)
{
    char pos[160];
    char snip[72];
    const char * why = NULL;
    int r;
    if (v->type == RC_JSON_NUMBER || v->type == RC_JSON_STRING)
    {
        r = rc_fmpq_set_strn(x, v->text, v->text_len, &why);
        if (r == RC_OK)
            return RC_OK;
    }
    else
        r = RC_EINPUT;
    if (i >= 0 && j >= 0)
        snprintf(pos, sizeof(pos), "%s[%ld][%ld]", field, (long) i, (long) j);
    else if (i >= 0)
        snprintf(pos, sizeof(pos), "%s[%ld]", field, (long) i);
    else
        snprintf(pos, sizeof(pos), "%s", field);
    if (v->type != RC_JSON_NUMBER && v->type != RC_JSON_STRING)
        return rc_err_set(err, RC_EINPUT, "%s: %s: expected a number, got %s", name, pos,
                          _rc_json_type_name(v->type));
    _rc_io_snippet(snip, v->text, v->text_len, 60);
    if (r == RC_ELIMIT)
        return rc_err_set(err, RC_ELIMIT, "%s: %s: number refused: %s (limit %ld digits): \"%s\"",
                          name, pos, why != NULL ? why : "too large", (long) RC_MAX_DIGITS, snip);
    return rc_err_set(err, RC_EINPUT, "%s: %s: not a number: \"%s\" (%s)", name, pos, snip,
                      why != NULL ? why : "unparsable");
}
