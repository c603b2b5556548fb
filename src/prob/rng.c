#include <math.h>
#include "relucert/prob.h"

/* splitmix64 expands the seed into the 256-bit state (never all zero). */
static uint64_t splitmix64(uint64_t * x)
{
    uint64_t z = (*x += UINT64_C(0x9e3779b97f4a7c15));
    z = (z ^ (z >> 30)) * UINT64_C(0xbf58476d1ce4e5b9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94d049bb133111eb);
    return z ^ (z >> 31);
}

void rc_rng_seed(rc_rng_t r, uint64_t seed)
{
    int i;
    uint64_t x = seed;
    for (i = 0; i < 4; i++)
        r->s[i] = splitmix64(&x);
    r->has_spare = 0;
    r->spare = 0.0;
}

static inline uint64_t rotl(const uint64_t x, int k)
{
    return (x << k) | (x >> (64 - k));
}

uint64_t rc_rng_u64(rc_rng_t r)
{
    uint64_t * s = r->s;
    const uint64_t result = rotl(s[1] * 5, 7) * 9;
    const uint64_t t = s[1] << 17;
    s[2] ^= s[0];
    s[3] ^= s[1];
    s[1] ^= s[2];
    s[0] ^= s[3];
    s[2] ^= t;
    s[3] = rotl(s[3], 45);
    return result;
}

double rc_rng_uniform(rc_rng_t r)
{
    return (double) (rc_rng_u64(r) >> 11) * 0x1.0p-53;
}

/* Marsaglia polar method: (u, v) uniform in the unit disc, s = u^2 + v^2, then
   u sqrt(-2 log s / s) and v sqrt(-2 log s / s) are independent N(0, 1). */
double rc_rng_normal(rc_rng_t r)
{
    double u, v, s, f;
    if (r->has_spare)
    {
        r->has_spare = 0;
        return r->spare;
    }
    do
    {
        u = 2.0 * rc_rng_uniform(r) - 1.0;
        v = 2.0 * rc_rng_uniform(r) - 1.0;
        s = u * u + v * v;
    }
    while (s >= 1.0 || s == 0.0);
    f = sqrt(-2.0 * log(s) / s);
    r->spare = v * f;
    r->has_spare = 1;
    return u * f;
}
