/* rc_construct_certify breaks exactly when a hypothesis of the certificate is broken exactly:
   an output bias moved by 1/1000 (cost != bound), a first-layer bias set so that one
   pre-activation is exactly 0, a leak of 1/2 (dead neurons no longer output 0); and a built point
   rebuilt from scratch certifies again (idempotence). */
#include "construct_test.h"

static void q2(rc_data_t data)
{
    const char * X[] = {"0", "0", "1", "0", "4", "0", "4", "1"};
    const char * Y[] = {"1", "0", "1", "0", "0", "1", "0", "1"};
    slong i;
    rc_err_t err;
    CU_ASSERT_FATAL(rc_data_init(data, 4, 2, 2, err) == RC_OK);
    for (i = 0; i < 8; i++)
    {
        fmpq_set_str(data->X + i, X[i], 10);
        fmpq_set_str(data->Y + i, Y[i], 10);
    }
}

static void test_breaks(void)
{
    rc_data_t data;
    rc_construct_classes_t cl;
    rc_construct_sep_struct sep[2];
    rc_construct_point_t p;
    rc_err_t err;
    slong k;
    q2(data);
    CU_ASSERT_FATAL(rc_construct_classes_init(cl, data, "q2", err) == RC_OK);
    for (k = 0; k < 2; k++)
    {
        rc_construct_sep_init(sep + k, 2);
        rc_construct_separate(sep + k, cl, k);
    }
    /* S = {} : move the output bias */
    rc_construct_point_init(p, 0);
    rc_construct_build(p, cl, sep, 2);
    rc_construct_certify(p, cl, data, 1);
    CU_ASSERT_FATAL(p->built && p->proved);
    fmpq_add(p->net->b[2], p->net->b[2], (fmpq_set_si(p->cost, 1, 1000), p->cost));
    rc_construct_certify(p, cl, data, 1);
    CU_ASSERT(!p->proved && strstr(p->reason, "lower bound") != NULL);
    CU_ASSERT(p->grad_zero == 0);
    /* a pre-activation exactly 0: b_1[0] = -x_{2,0} (sample 2 sits on the hinge) */
    fmpq_neg(p->net->b[0], data->X + 2 * 2);
    rc_construct_certify(p, cl, data, 0);
    CU_ASSERT(!p->proved && !p->pre_nonzero && strstr(p->reason, "exactly 0") != NULL);
    rc_construct_point_clear(p);
    /* S = {0} : leak 1/2 */
    rc_construct_point_init(p, 1);
    rc_construct_build(p, cl, sep, 2);
    rc_construct_certify(p, cl, data, 1);
    CU_ASSERT_FATAL(p->built && p->proved && p->hess_neg == 0);
    fmpq_set_si(p->net->leak, 1, 2);
    rc_construct_certify(p, cl, data, 0);
    CU_ASSERT(!p->proved);
    rc_construct_point_clear(p);
    for (k = 0; k < 2; k++)
        rc_construct_sep_clear(sep + k);
    rc_construct_classes_clear(cl);
    rc_data_clear(data);
}

RC_TEST_MAIN("construct/certify", RC_CASE(test_breaks))
