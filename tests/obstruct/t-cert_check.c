#include <unistd.h>
#include "obstruct_test.h"
#include "relucert/io.h"

/* Writes the certificate for (net, data, witness) to a fresh temporary file; returns its path
   (caller frees) and the verdict. */
static char * write_cert(int * obstructed, const rc_net_t net, const rc_data_t data,
                         const rc_net_t wit, int loss)
{
    char * path = flint_malloc(64);
    int fd;
    FILE * f;
    rc_err_t err;
    rc_obstruct_class_t cl;
    rc_obstruct_relax_t R;
    rc_obstruct_bound_t b;
    rc_obstruct_verdict_t v;
    strcpy(path, "/tmp/rc-obstruct-cert-XXXXXX");
    fd = mkstemp(path);
    CU_ASSERT_FATAL(fd >= 0);
    f = fdopen(fd, "w");
    rc_obstruct_class_init(cl);
    rc_obstruct_class_set_net(cl, net);
    CU_ASSERT_FATAL(rc_obstruct_relax_init(R, data, net->has_b1, net->leak, 100000, err) == RC_OK);
    rc_obstruct_bound_init(b, data->n, data->e, loss);
    CU_ASSERT_FATAL(rc_obstruct_component_bound(b, data, cl, R, 128, err) == RC_OK);
    rc_obstruct_verdict_init(v);
    CU_ASSERT_FATAL(rc_obstruct_verdict_set(v, b, net, wit, data, 128, err) == RC_OK);
    { rc_jsonw_t w; rc_jsonw_init_file(w, f); rc_obstruct_cert_write(w, net, data, b, wit, v); }
    fclose(f);
    *obstructed = v->obstructed;
    rc_obstruct_verdict_clear(v);
    rc_obstruct_bound_clear(b);
    rc_obstruct_relax_clear(R);
    rc_obstruct_class_clear(cl);
    return path;
}

static char * slurp(const char * path)
{
    char * buf;
    size_t len;
    rc_err_t err;
    char * s;
    CU_ASSERT_FATAL(rc_file_read_all(&buf, &len, path, err) == RC_OK);
    s = flint_malloc(len + 1);
    memcpy(s, buf, len);
    s[len] = '\0';
    flint_free(buf);
    return s;
}

/* Replaces the first occurrence of from at or after the first occurrence of anchor (NULL: the
   start) by to, writes the result to a new temporary file and returns the checker's status. */
static int check_tampered(const char * text, const char * anchor, const char * from,
                          const char * to, char * msg)
{
    const char * start = anchor ? strstr(text, anchor) : text, * p;
    char path[64] = "/tmp/rc-obstruct-tamper-XXXXXX";
    int fd, r;
    FILE * f;
    rc_err_t err;
    CU_ASSERT_FATAL(start != NULL);
    p = strstr(start, from);
    CU_ASSERT_FATAL(p != NULL);
    fd = mkstemp(path);
    f = fdopen(fd, "w");
    fwrite(text, 1, p - text, f);
    fputs(to, f);
    fputs(p + strlen(from), f);
    fclose(f);
    r = rc_obstruct_cert_check(path, err);
    if (msg)
        strcpy(msg, err->msg);
    unlink(path);
    return r;
}

/* The toy certificate (doc/math.md section 8) checks; every alteration fails. */
static void test_toy_tamper(void)
{
    rc_net_t net, wit, un;
    rc_data_t data;
    rc_err_t err;
    int obs, obs2;
    char * path, * text, msg[RC_ERR_LEN];
    CU_ASSERT_FATAL(rc_data_read(data, "data/toy-data.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_net_read(net, "data/toy-obstructed.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_net_read(wit, "data/toy-teacher.json", err) == RC_OK);
    CU_ASSERT_FATAL(rc_net_read(un, "data/toy-unobstructed.json", err) == RC_OK);
    path = write_cert(&obs, net, data, wit, RC_OBS_MSE);
    CU_ASSERT(obs == 1);
    CU_ASSERT(rc_obstruct_cert_check_verdict(&obs2, path, err) == RC_OK);
    CU_ASSERT(obs2 == 1);
    text = slurp(path);
    CU_ASSERT(strstr(text, "\"lower_bound\": \"5/16\"") != NULL);
    CU_ASSERT(strstr(text, "\"witness_loss\": \"0\"") != NULL);
    /* the claimed bound */
    CU_ASSERT(check_tampered(text, NULL, "\"5/16\"", "\"1/3\"", msg) == RC_EINPUT);
    CU_ASSERT(strstr(msg, "lower_bound") != NULL);
    /* mu: (-1, -1/2, 1, 0) still gives 2 mu.y - |mu|^2 = 5/4, but is not dual feasible */
    CU_ASSERT(check_tampered(text, "\"mu\"", "[\"0\"]", "[\"1\"]", msg) == RC_EINPUT);
    CU_ASSERT(strstr(msg, "mu") != NULL);
    /* mu scaled: value changes */
    CU_ASSERT(check_tampered(text, "\"mu\"", "[\"-1\"]", "[\"-2\"]", msg) == RC_EINPUT);
    /* the data */
    CU_ASSERT(check_tampered(text, "\"y\"", "[\"-1\"]", "[\"-2\"]", msg) == RC_EINPUT);
    /* the network: flipping v_2 changes the component ('+-'), the class claim fails */
    CU_ASSERT(check_tampered(text, "\"network\"", "\"3/5\"", "\"-3/5\"", msg) == RC_EINPUT);
    CU_ASSERT(strstr(msg, "class") != NULL);
    /* the witness and its loss */
    CU_ASSERT(check_tampered(text, "\"witness\": {", "[\"1\", \"-1\"]", "[\"1\", \"-1/2\"]", msg)
              == RC_EINPUT);
    CU_ASSERT(check_tampered(text, NULL, "\"witness_loss\": \"0\"", "\"witness_loss\": \"1/2\"", msg)
              == RC_EINPUT);
    /* the format, a truncation */
    CU_ASSERT(check_tampered(text, NULL, "obstruct-cert/1", "obstruct-cert/2", msg) == RC_EINPUT);
    CU_ASSERT(check_tampered(text, "\"witness\": {", "\"W2\"", "", msg) == RC_EINPUT);
    flint_free(text);
    unlink(path);
    flint_free(path);

    /* the unobstructed start: a valid not_proved certificate; claiming "obstructed" fails */
    path = write_cert(&obs, un, data, wit, RC_OBS_MSE);
    CU_ASSERT(obs == 0);
    CU_ASSERT(rc_obstruct_cert_check_verdict(&obs2, path, err) == RC_OK && obs2 == 0);
    text = slurp(path);
    CU_ASSERT(check_tampered(text, NULL, "\"not_proved\"", "\"obstructed\"", msg) == RC_EINPUT);
    CU_ASSERT(strstr(msg, "verdict") != NULL);
    flint_free(text);
    unlink(path);
    flint_free(path);
    rc_net_clear(net);
    rc_net_clear(wit);
    rc_net_clear(un);
    rc_data_clear(data);
}

/* Random problems: every certificate written checks, with the same verdict (MSE and BCE,
   ReLU and leaky, with and without output bias, e = 1 and 2 for MSE). */
static void test_random(void)
{
    flint_rand_t state;
    slong iter, k;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(60); iter++)
    {
        slong n = 1 + n_randint(state, 6), l = 1 + n_randint(state, 3), d = 1 + n_randint(state, 2);
        int loss = n_randint(state, 3) == 0 ? RC_OBS_BCE : RC_OBS_MSE, hb2 = n_randint(state, 4) == 0;
        slong e = (loss == RC_OBS_MSE && n_randint(state, 4) == 0) ? 2 : 1;
        int * cls = flint_malloc(l * sizeof(int)), * cw = flint_malloc(l * sizeof(int)), obs, obs2;
        rc_net_t net, wit;
        rc_data_t data;
        rc_err_t err;
        fmpq_t leak;
        char * path;
        fmpq_init(leak);
        if (n_randint(state, 4) == 0)
            fmpq_set_si(leak, 1, 3);
        for (k = 0; k < l; k++)
        {
            cls[k] = (iter & 1) ? 1 : (int) n_randint(state, 4) - 1;
            cw[k] = (int) n_randint(state, 4) - 1;
        }
        rc_test_obs_data(data, state, n, d, e, loss == RC_OBS_BCE);
        rc_test_obs_net(net, state, d, l, e, 1, hb2, cls, leak);
        rc_test_obs_net(wit, state, d, l, e, 1, hb2, cw, leak);
        path = write_cert(&obs, net, data, wit, loss);
        CU_ASSERT(rc_obstruct_cert_check_verdict(&obs2, path, err) == RC_OK);
        if (rc_obstruct_cert_check_verdict(&obs2, path, err) != RC_OK)
            printf("\n%s\n", err->msg);
        CU_ASSERT(obs == obs2);
        unlink(path);
        flint_free(path);
        rc_net_clear(net);
        rc_net_clear(wit);
        rc_data_clear(data);
        flint_free(cls);
        flint_free(cw);
        fmpq_clear(leak);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("obstruct-cert_check", RC_CASE(test_toy_tamper), RC_CASE(test_random))
