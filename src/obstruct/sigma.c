/* sigma(z) = max(z, a z), 0 <= a < 1: z for z >= 0, a z for z < 0. */
#include "relucert/obstruct.h"

void rc_obstruct_sigma(fmpq_t res, const fmpq_t z, const fmpq_t leak)
{
    if (fmpq_sgn(z) >= 0)
        fmpq_set(res, z);
    else
        fmpq_mul(res, z, leak);
}
