/* Member lookup; keys are unique (the parser refuses duplicates), so the first match is the one. */
#include "internal.h"

const rc_json_struct * rc_json_get(const rc_json_struct * obj, const char * key)
{
    slong i;
    if (obj == NULL || obj->type != RC_JSON_OBJECT)
        return NULL;
    for (i = 0; i < obj->len; i++)
        if (strcmp(obj->keys[i], key) == 0)
            return obj->items + i;
    return NULL;
}
