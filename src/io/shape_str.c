/* "(3,2)", "(3,)", "()": an array's shape for messages, as NumPy prints it (without spaces). */
#include "internal.h"

void _rc_io_shape_str(char * buf, size_t n, const rc_npy_struct * a)
{
    slong k;
    size_t m = 0;
    m += (size_t) snprintf(buf, n, "(");
    for (k = 0; k < a->ndim && m + 24 < n; k++)
        m += (size_t) snprintf(buf + m, n - m, k + 1 < a->ndim || a->ndim == 1 ? "%ld," : "%ld",
                               (long) a->shape[k]);
    snprintf(buf + m, n - m, ")");
}
