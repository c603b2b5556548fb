/* A deep network as relucert.network/1 JSON with exact strings (W1 ... Wn, b1 ... bn); reading
   the output back gives the same rationals. */
#include "internal.h"
#include "relucert/jsonw.h"
#include "relucert/mlp.h"

void rc_mlp_write_json(rc_jsonw_t w, const rc_mlp_t mlp)
{
    slong k;
    rc_jsonw_puts(w, "{\n  \"format\": \"relucert.network/1\",\n  \"activation\": ");
    if (fmpq_is_zero(mlp->leak))
        rc_jsonw_puts(w, "\"relu\"");
    else
    {
        rc_jsonw_puts(w, "{\"leaky_relu\": ");
        _rc_io_write_num(w, mlp->leak);
        rc_jsonw_printf(w, "%c", '}');
    }
    for (k = 0; k < mlp->n; k++)
    {
        rc_jsonw_printf(w, ",\n  \"W%ld\": ", (long) (k + 1));
        _rc_io_write_mat(w, mlp->W[k], mlp->widths[k + 1], mlp->widths[k]);
        if (mlp->b[k] != NULL)
        {
            rc_jsonw_printf(w, ",\n  \"b%ld\": ", (long) (k + 1));
            _rc_io_write_vec(w, mlp->b[k], mlp->widths[k + 1]);
        }
    }
    rc_jsonw_puts(w, "\n}\n");
}
