/* The list of exact zero pre-activations met by GD steps (include/relucert/descent.h). */
#include "relucert/descent.h"

void rc_descent_zeros_init(rc_descent_zeros_t z)
{
    z->v = NULL;
    z->len = z->alloc = 0;
    z->keep = 1000;
    z->total = 0;
    z->cur_step = z->cur_neuron = z->cur_sample = -1;
}

void rc_descent_zeros_clear(rc_descent_zeros_t z)
{
    flint_free(z->v);
    z->v = NULL;
    z->len = z->alloc = z->total = 0;
}

void rc_descent_zeros_add(rc_descent_zeros_t z, slong step, slong neuron, slong sample)
{
    z->total++;
    if (step != z->cur_step)
    {
        z->cur_step = step;
        z->cur_neuron = neuron;
        z->cur_sample = sample;
    }
    if (z->len >= z->keep)
        return;
    if (z->len == z->alloc)
    {
        z->alloc = z->alloc ? 2 * z->alloc : 16;
        z->v = flint_realloc(z->v, sizeof(rc_descent_zero_struct) * z->alloc);
    }
    z->v[z->len].step = step;
    z->v[z->len].neuron = neuron;
    z->v[z->len].sample = sample;
    z->len++;
}
