/* A deep network as relucert.network/1 JSON with exact strings (W1 ... Wn, b1 ... bn); reading
   the output back gives the same rationals. */
#include "internal.h"
#include "relucert/mlp.h"

void rc_mlp_write_json(FILE * f, const rc_mlp_t mlp)
{
    slong k;
    fputs("{\n  \"format\": \"relucert.network/1\",\n  \"activation\": ", f);
    if (fmpq_is_zero(mlp->leak))
        fputs("\"relu\"", f);
    else
    {
        fputs("{\"leaky_relu\": ", f);
        _rc_io_write_num(f, mlp->leak);
        fputc('}', f);
    }
    for (k = 0; k < mlp->n; k++)
    {
        fprintf(f, ",\n  \"W%ld\": ", (long) (k + 1));
        _rc_io_write_mat(f, mlp->W[k], mlp->widths[k + 1], mlp->widths[k]);
        if (mlp->b[k] != NULL)
        {
            fprintf(f, ",\n  \"b%ld\": ", (long) (k + 1));
            _rc_io_write_vec(f, mlp->b[k], mlp->widths[k + 1]);
        }
    }
    fputs("\n}\n", f);
}
