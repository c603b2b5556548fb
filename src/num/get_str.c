#include "relucert/num.h"

/* FLINT prints a canonical fmpq (lowest terms, q > 0) as "p/q", or "p" when q = 1. */
char * rc_fmpq_get_str(const fmpq_t x)
{
    return fmpq_get_str(NULL, 10, x);
}

char * rc_fmpz_get_str(const fmpz_t x)
{
    return fmpz_get_str(NULL, 10, x);
}
