/* rc_replay_check, the input checks of relucert replay, and rc_replay_optimizer_name: each
   refusal is RC_EINPUT with a one-line message naming what is wrong, and breaking each condition
   exactly (lr = 0, weight decay = -2^-60, one input too many) is refused while the boundary
   values (weight decay 0, no lr without the identity or for momentum) pass. */
#include "rc_test.h"
#include "descent_test.h"

static void test_checks(void)
{
    rc_log_t log;
    rc_data_t data, d2, d3;
    rc_replay_opts_t o;
    rc_err_t err;
    flint_rand_t st;
    RC_RAND_INIT(st);
    CU_ASSERT_FATAL(rc_log_init(log, 2, 3, 1, 1, 0, 0, NULL, err) == RC_OK);
    rc_test_data_rand(data, st, 4, 2, 1, 0);
    rc_test_data_rand(d2, st, 4, 3, 1, 0);         /* one input too many */
    rc_test_data_rand(d3, st, 4, 2, 2, 0);         /* two outputs */
    rc_replay_opts_init(o);
    /* SGD with the identity needs lr > 0 */
    rc_err_init(err);
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_EINPUT && strstr(err->msg, "--lr") != NULL);
    o->have_lr = 1;
    fmpq_zero(o->lr);
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_EINPUT && strstr(err->msg, "--lr") != NULL);
    fmpq_set_si(o->lr, 1, 100);
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_OK);
    /* ... but not without it, nor for the other optimizers */
    o->have_lr = 0;
    o->identity = 0;
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_OK);
    o->identity = 1;
    o->optimizer = RC_OPT_MOMENTUM;
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_OK);
    o->optimizer = RC_OPT_ADAM;
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_OK);
    o->optimizer = RC_OPT_SGD;
    o->have_lr = 1;
    /* weight decay >= 0: 0 passes, -2^-60 does not */
    fmpq_zero(o->weight_decay);
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_OK);
    fmpq_set_si(o->weight_decay, -1, 1);
    fmpq_div_2exp(o->weight_decay, o->weight_decay, 60);
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_EINPUT && strstr(err->msg, "--weight-decay") != NULL);
    fmpq_zero(o->weight_decay);
    /* shapes: the data's name in the message */
    o->data_name = "d.npz";
    CU_ASSERT(rc_replay_check(log, d2, o, err) == RC_EINPUT && strncmp(err->msg, "d.npz: ", 7) == 0);
    CU_ASSERT(strstr(err->msg, "3 inputs") != NULL);
    CU_ASSERT(rc_replay_check(log, d3, o, err) == RC_EINPUT);
    o->data_name = NULL;
    CU_ASSERT(rc_replay_check(log, d2, o, err) == RC_EINPUT && strncmp(err->msg, "data: ", 6) == 0);
    /* BCE needs one output: the log's e = 1 passes */
    o->loss_kind = RC_LOSS_BCE;
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_OK);
    CU_ASSERT(strchr(err->msg, '\n') == NULL);
    rc_replay_opts_clear(o);
    rc_data_clear(data);
    rc_data_clear(d2);
    rc_data_clear(d3);
    rc_log_clear(log);
    flint_randclear(st);
}

/* BCE with two outputs: refused whatever the rest. */
static void test_bce_outputs(void)
{
    rc_log_t log;
    rc_data_t data;
    rc_replay_opts_t o;
    rc_err_t err;
    flint_rand_t st;
    RC_RAND_INIT(st);
    CU_ASSERT_FATAL(rc_log_init(log, 1, 2, 2, 1, 1, 0, NULL, err) == RC_OK);
    rc_test_data_rand(data, st, 3, 1, 2, 0);
    rc_replay_opts_init(o);
    o->identity = 0;
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_OK);
    o->loss_kind = RC_LOSS_BCE;
    CU_ASSERT(rc_replay_check(log, data, o, err) == RC_EINPUT && strstr(err->msg, "bce") != NULL);
    rc_replay_opts_clear(o);
    rc_data_clear(data);
    rc_log_clear(log);
    flint_randclear(st);
}

static void test_optimizer_name(void)
{
    CU_ASSERT(strcmp(rc_replay_optimizer_name(RC_OPT_SGD), "sgd") == 0);
    CU_ASSERT(strcmp(rc_replay_optimizer_name(RC_OPT_MOMENTUM), "momentum") == 0);
    CU_ASSERT(strcmp(rc_replay_optimizer_name(RC_OPT_ADAM), "adam") == 0);
}

RC_TEST_MAIN("descent-replay_check", RC_CASE(test_checks), RC_CASE(test_bce_outputs),
             RC_CASE(test_optimizer_name))
