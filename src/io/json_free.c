/* Frees a JSON tree from rc_json_parse, including partially built trees (zeroed fields). */
#include "internal.h"

static void free_contents(rc_json_struct * v)
{
    slong i;
    /* recursion depth <= RC_JSON_MAX_DEPTH: the parser refuses deeper documents */
    for (i = 0; i < v->len; i++)
    {
        free_contents(v->items + i);
        if (v->keys != NULL)
            flint_free(v->keys[i]);
    }
    flint_free(v->items);
    flint_free(v->keys);
    flint_free(v->text);
}

void rc_json_free(rc_json_struct * v)
{
    if (v == NULL)
        return;
    free_contents(v);
    flint_free(v);
}
