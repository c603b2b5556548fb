/* relucert.network/1 from JSON text. */
#include "internal.h"

int rc_net_read_json_buf(rc_net_t net, const char * buf, size_t len, const char * name, rc_err_t err)
{
    rc_json_struct * doc;
    int r = rc_json_parse(&doc, buf, len, name, err);
    if (r != RC_OK)
        return r;
    r = rc_net_set_json(net, doc, name, err);
    rc_json_free(doc);
    return r;
}
