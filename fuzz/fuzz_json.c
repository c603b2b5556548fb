/* libFuzzer target: the JSON parser, then the network and dataset readers on the tree. */
#include <stdint.h>
#include <stddef.h>
#include "relucert/io.h"

int LLVMFuzzerTestOneInput(const uint8_t * data, size_t size)
{
    rc_json_struct * doc;
    rc_err_t err;
    rc_err_init(err);
    if (rc_json_parse(&doc, (const char *) data, size, "f.json", err) == RC_OK)
    {
        rc_net_t net;
        rc_data_t ds;
        FILE * f;
        if (rc_net_set_json(net, doc, "f.json", err) == RC_OK)
        {
            /* the writer's output must read back */
            char * out = NULL;
            size_t len = 0;
            rc_net_t net2;
            f = open_memstream(&out, &len);
            rc_net_write_json(f, net);
            fclose(f);
            if (rc_net_read_json_buf(net2, out, len, "w.json", err) != RC_OK)
                __builtin_trap();
            rc_net_clear(net2);
            free(out);
            rc_net_clear(net);
        }
        if (rc_data_set_json(ds, doc, "f.json", err) == RC_OK)
            rc_data_clear(ds);
        f = fopen("/dev/null", "w");
        if (doc->type == RC_JSON_STRING && f != NULL)
            rc_json_write_string(f, doc->text);
        if (f != NULL)
            fclose(f);
        rc_json_free(doc);
    }
    return 0;
}
