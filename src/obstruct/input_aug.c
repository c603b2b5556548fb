/* x~_i = (x_i, 1) with a hidden bias, x_i otherwise (doc/math.md section 1). */
#include "relucert/obstruct.h"

void rc_obstruct_input_aug(fmpq * res, const rc_data_t data, slong i, int has_b1)
{
    _rc_fmpq_vec_set(res, data->X + i * data->d, data->d);
    if (has_b1)
        fmpq_one(res + data->d);
}
