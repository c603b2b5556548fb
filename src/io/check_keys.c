/* Refusing unknown keys of a JSON object: a misspelt "b1" must not mean "no bias". */
#include "internal.h"

int _rc_io_check_keys(const rc_json_struct * doc, const char * const * keys, size_t nkeys,
                      const char * expected, const char * name, rc_err_t err)
{
    slong i;
    size_t k;
    char snip[72];
    for (i = 0; i < doc->len; i++)
    {
        for (k = 0; k < nkeys; k++)
            if (strcmp(doc->keys[i], keys[k]) == 0)
                break;
        if (k == nkeys)
        {
            _rc_io_snippet(snip, doc->keys[i], strlen(doc->keys[i]), 60);
            return rc_err_set(err, RC_EINPUT, "%s: unknown key \"%s\" (expected %s)", name, snip,
                              expected);
        }
    }
    return RC_OK;
}
