/* Weak duality for MSE (proofs/obstruct.md O4): for z with mu.z <= 0,
   ||y - z||^2 >= ||y - z||^2 - ||y - z - mu||^2 = 2 mu.(y - z) - ||mu||^2 >= 2 mu.y - ||mu||^2. */
#include "relucert/obstruct.h"

void rc_obstruct_dual_value_mse(fmpq_t B, const fmpq * mu, const rc_data_t data)
{
    slong i, m = data->n * data->e;
    fmpq_t t;
    fmpq_init(t);
    fmpq_zero(B);
    for (i = 0; i < m; i++)
    {
        fmpq_mul_2exp(t, data->Y + i, 1);
        fmpq_sub(t, t, mu + i);
        fmpq_addmul(B, t, mu + i);
    }
    _rc_obstruct_fmpq_div_si(B, B, data->n);
    fmpq_clear(t);
}
