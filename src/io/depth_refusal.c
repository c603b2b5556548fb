/* The one-line refusal of a network whose depth a shallow-only reader cannot take. */
#include "internal.h"

int _rc_io_depth_refusal(rc_err_t err, const char * name, slong n)
{
    return rc_err_set(err, RC_EINPUT, "%s: the network has %ld weight layer%s (%ld hidden layer%s); "
                      "this command reads networks with exactly one hidden layer (W1, W2) only",
                      name, (long) n, n == 1 ? "" : "s", (long) (n - 1), n == 2 ? "" : "s");
}
