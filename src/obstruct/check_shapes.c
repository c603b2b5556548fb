/* A network and a dataset fit together: same input and output dimensions, N >= 1. */
#include "relucert/obstruct.h"

int rc_obstruct_check_shapes(const rc_net_t net, const rc_data_t data, const char * name,
                             rc_err_t err)
{
    if (data->n < 1)
        return rc_err_set(err, RC_EINPUT, "%s: X: the dataset has no samples", name);
    if (data->d != net->d)
        return rc_err_set(err, RC_EINPUT, "%s: X: %ld input columns, but the network has input "
                          "dimension %ld", name, (long) data->d, (long) net->d);
    if (data->e != net->e)
        return rc_err_set(err, RC_EINPUT, "%s: y: %ld output columns, but the network has %ld "
                          "outputs", name, (long) data->e, (long) net->e);
    return RC_OK;
}
