/* relucert/flint.h: one place that hides where FLINT and Arb put their headers.
   FLINT 2.x + Arb 2.x: <flint/fmpq.h> and <arb.h>; FLINT >= 3: <flint/fmpq.h> and <flint/arb.h>. */
#ifndef RELUCERT_FLINT_H
#define RELUCERT_FLINT_H

#include <flint/flint.h>
#include <flint/fmpz.h>
#include <flint/fmpz_vec.h>
#include <flint/fmpz_poly.h>
#include <flint/fmpq.h>
#include <flint/fmpq_vec.h>
#include <flint/fmpq_mat.h>
#include <flint/fmpq_poly.h>

#if defined(__has_include)
# if __has_include(<flint/arb.h>)
#  define RC_FLINT3 1
# endif
#endif

#ifdef RC_FLINT3
# include <flint/arb.h>
# include <flint/acb.h>
# include <flint/arb_hypgeom.h>
# include <flint/acb_calc.h>
# include <flint/arb_mat.h>
#else
# include <arb.h>
# include <acb.h>
# include <arb_hypgeom.h>
# include <acb_calc.h>
# include <arb_mat.h>
#endif

#endif
