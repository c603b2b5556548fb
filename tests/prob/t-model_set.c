#include "rc_test.h"
#include "relucert/prob.h"

static int is_frac(const fmpq_t x, slong p, ulong q)
{
    fmpq_t y;
    int r;
    fmpq_init(y);
    fmpq_set_si(y, p, q);
    r = fmpq_equal(x, y);
    fmpq_clear(y);
    return r;
}

/* The table of doc/math.md §7 with d = 3, l = 5, e = 2. */
static void test_schemes(void)
{
    rc_prob_model_t m;
    rc_err_t err;
    rc_init_scheme s;
    int i;
    rc_prob_model_init(m);
    rc_err_init(err);
    for (i = 0; i < RC_INIT_NUM; i++)
    {
        CU_ASSERT(rc_prob_scheme_set_str(&s, rc_prob_scheme_name((rc_init_scheme) i)) == RC_OK);
        CU_ASSERT(s == (rc_init_scheme) i);
    }
    CU_ASSERT(rc_prob_scheme_set_str(&s, "kaiming") == RC_EINPUT);
    CU_ASSERT(rc_prob_model_set(m, RC_INIT_XAVIER_NORMAL, 3, 5, 2, 1, err) == RC_OK);
    CU_ASSERT(is_frac(m->w_scale, 2, 8) && is_frac(m->v_scale, 2, 7));
    CU_ASSERT(m->dtop == 4 && m->nw == 3);
    rc_prob_model_set(m, RC_INIT_KAIMING_NORMAL, 3, 5, 2, 0, err);
    CU_ASSERT(is_frac(m->w_scale, 2, 3) && is_frac(m->v_scale, 2, 5));
    CU_ASSERT(m->dtop == 3 && m->nw == 3);
    rc_prob_model_set(m, RC_INIT_LECUN_NORMAL, 3, 5, 2, 1, err);
    CU_ASSERT(is_frac(m->w_scale, 1, 3) && is_frac(m->v_scale, 1, 5));
    rc_prob_model_set(m, RC_INIT_XAVIER_UNIFORM, 3, 5, 2, 1, err);
    CU_ASSERT(is_frac(m->w_scale, 6, 8) && is_frac(m->v_scale, 6, 7));
    rc_prob_model_set(m, RC_INIT_KAIMING_UNIFORM, 3, 5, 2, 1, err);
    CU_ASSERT(is_frac(m->w_scale, 6, 3) && is_frac(m->v_scale, 6, 5));
    rc_prob_model_set(m, RC_INIT_TORCH_DEFAULT, 3, 5, 2, 1, err);
    CU_ASSERT(is_frac(m->w_scale, 1, 3) && is_frac(m->v_scale, 1, 5));
    CU_ASSERT(m->dtop == 4 && m->nw == 4);            /* random bias */
    rc_prob_model_set(m, RC_INIT_TORCH_DEFAULT, 3, 5, 2, 0, err);
    CU_ASSERT(m->dtop == 3 && m->nw == 3);
    CU_ASSERT(rc_prob_model_set(m, RC_INIT_TORCH_DEFAULT, 0, 5, 2, 0, err) == RC_EINPUT);
    CU_ASSERT(strstr(err->msg, "input_dim") != NULL);
    CU_ASSERT(rc_prob_model_set(m, RC_INIT_TORCH_DEFAULT, 1, RC_PROB_MAX_DIM + 1, 2, 0, err) == RC_ELIMIT);
    rc_prob_model_clear(m);
}

RC_TEST_MAIN("prob_model_set", RC_CASE(test_schemes))
