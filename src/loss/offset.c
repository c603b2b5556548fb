/* Offsets of the blocks of theta: W_1 row-major, b_1, ..., W_n, b_n (absent biases: no slot). */
#include "relucert/loss.h"

slong rc_loss_offset_W(const rc_mlp_t shape, slong k)
{
    slong j, p = 0;
    for (j = 0; j < k; j++)
        p += shape->widths[j + 1] * shape->widths[j] + (shape->b[j] != NULL ? shape->widths[j + 1] : 0);
    return p;
}

slong rc_loss_offset_b(const rc_mlp_t shape, slong k)
{
    if (shape->b[k] == NULL)
        return -1;
    return rc_loss_offset_W(shape, k) + shape->widths[k + 1] * shape->widths[k];
}
