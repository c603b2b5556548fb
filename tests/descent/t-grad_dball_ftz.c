/* The double-ball gradient (D7) under flush-to-zero / denormals-are-zero.  Lemma S bounds the
   error of a product that underflows by 2^-1075; with the x86 MXCSR bits FTZ (subnormal results
   become 0) or DAZ (subnormal operands read as 0) set it is up to 2^-1022, or the whole operand.
   A process gets these modes from any shared object linked with -ffast-math / -Ofast
   (crtfastmath.o sets them when it is loaded), e.g. an extension module in the same Python
   process.  The kernel must then decline (or still enclose the exact gradient and loss).
   Case: d = l = e = 1, theta = (w, b, v, b2) = (2^1023, 1, 1, 0), x = 2^-1060 (subnormal), y = 0:
   z = 1 + 2^-37 exactly; under DAZ the kernel computed z = 1 and answered with a ball that
   misses the exact g and L; under FTZ g_w = 2 f x ~ 2^-1059 was flushed to 0, and so was its
   radius term m 2^-1070, which left the ball [0 +- 0]. */
#include <math.h>
#include "rc_test.h"
#include "relucert/descent.h"
#include "relucert/num.h"
#if defined(__SSE2__) || defined(__x86_64__)
#include <xmmintrin.h>
#define RC_HAVE_MXCSR 1
#endif

static void test_ftz_daz(void)
{
#ifdef RC_HAVE_MXCSR
    rc_net_t net;
    rc_data_t data;
    rc_err_t err;
    double th[4] = { 0x1p1023, 1.0, 1.0, 0.0 }, X[1] = { 0x1p-1060 }, Y[1] = { 0.0 };
    fmpq * thq = _fmpq_vec_init(4), * gq = _fmpq_vec_init(4);
    arb_ptr g = _arb_vec_init(4);
    fmpq_t Lq;
    arb_t L;
    slong i;
    int mode;
    fmpq_init(Lq);
    arb_init(L);
    rc_net_init(net, 1, 1, 1, 1, 1, err);
    rc_data_init(data, 1, 1, 1, err);
    for (i = 0; i < 4; i++)
        rc_fmpq_set_d(thq + i, th[i]);
    rc_fmpq_set_d(data->X, X[0]);
    rc_fmpq_set_d(data->Y, Y[0]);
    rc_descent_grad_fmpq(gq, Lq, thq, net, data);
    /* without FTZ/DAZ the kernel answers and is right */
    CU_ASSERT_FATAL(rc_descent_grad_dball(g, L, th, net, X, Y, 1, RC_LOSS_MSE, 128) == 1);
    for (i = 0; i < 4; i++)
        CU_ASSERT(arb_contains_fmpq(g + i, gq + i));
    CU_ASSERT(arb_contains_fmpq(L, Lq));
    for (mode = 0; mode < 3; mode++)
    {
        unsigned int csr = _mm_getcsr(), bits = mode == 0 ? 0x0040u : mode == 1 ? 0x8000u : 0x8040u;
        int ok, inside = 1;
        _mm_setcsr(csr | bits);               /* DAZ, FTZ, both */
        ok = rc_descent_grad_dball(g, L, th, net, X, Y, 1, RC_LOSS_MSE, 128);
        _mm_setcsr(csr);
        if (ok)
        {
            for (i = 0; i < 4; i++)
                inside = inside && arb_contains_fmpq(g + i, gq + i);
            inside = inside && arb_contains_fmpq(L, Lq);
        }
        CU_ASSERT(inside);
    }
    _fmpq_vec_clear(thq, 4);
    _fmpq_vec_clear(gq, 4);
    _arb_vec_clear(g, 4);
    fmpq_clear(Lq);
    arb_clear(L);
    rc_data_clear(data);
    rc_net_clear(net);
#endif
}

RC_TEST_MAIN("descent-grad_dball_ftz", RC_CASE(test_ftz_daz))
