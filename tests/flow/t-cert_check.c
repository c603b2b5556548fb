#include <string.h>
#include "rc_test.h"
#include "relucert/num.h"
#include "flow_test.h"
#include "../../src/flow/flow_internal.h"

static char * make_cert(size_t * len)
{
    rc_net_t net;
    rc_data_t data;
    rc_flow_problem_t pr;
    rc_flow_result_t res;
    rc_flow_opts_t o;
    rc_err_t err;
    fmpq_t lam, T;
    char * buf = NULL;
    FILE * f = open_memstream(&buf, len);
    ulong h;
    fmpq_init(lam);
    fmpq_init(T);
    fmpq_set_si(T, 2, 1);
    flow_test_toy(net, data, "0.6");
    rc_flow_problem_init(pr, net, data, RC_LOSS_MSE, lam, 256, err);
    rc_flow_opts_init(o);
    o->order = 30;
    o->cert = f;
    rc_flow_result_init(res, pr);
    rc_flow_integrate(res, pr, T, o);
    CU_ASSERT(res->certified);
    fclose(f);
    h = _rc_fnv1a(RC_FNV_INIT, buf, *len);
    buf = realloc(buf, *len + 40);
    *len += sprintf(buf + *len, "digest %016lx\n", (unsigned long) h);
    rc_flow_result_clear(res, pr);
    rc_flow_problem_clear(pr);
    rc_net_clear(net);
    rc_data_clear(data);
    fmpq_clear(lam);
    fmpq_clear(T);
    return buf;
}

/* re-seal: recompute the digest after an edit, so only the mathematics can reject it */
static void reseal(char * buf, size_t * len)
{
    char * d = strstr(buf, "\ndigest ");
    size_t body = d - buf + 1;
    ulong h = _rc_fnv1a(RC_FNV_INIT, buf, body);
    *len = body + sprintf(buf + body, "digest %016lx\n", (unsigned long) h);
}

static int check(const char * buf, size_t len)
{
    rc_err_t err;
    rc_err_init(err);
    return rc_flow_cert_check_buf(buf, len, "mem", err, NULL);
}

/* A fresh certificate is accepted; changing one hexadecimal digit of an end box, an a priori
   box, a duration, or a decimal of theta0 is rejected by the digest; after resealing, edits of
   end boxes, times and theta0 are still rejected by the re-validation itself. */
static void test_tamper(void)
{
    size_t len, l2;
    char * buf = make_cert(&len), * cp;
    const char * targets[] = {"\nE ", "\nB ", "\nstep taylor", "\ntheta0 "};
    slong t, hits = 0;
    CU_ASSERT(check(buf, len));
    for (t = 0; t < 4; t++)
    {
        slong occ;
        for (occ = 0; occ < 3; occ++)
        {
            char * p = buf, * q;
            slong o;
            for (o = 0; o <= occ * 7; o++)
            {
                p = strstr(p + 1, targets[t]);
                if (p == NULL)
                    break;
            }
            if (p == NULL)
                continue;
            cp = malloc(len + 64);
            memcpy(cp, buf, len + 1);
            q = cp + (p - buf) + strlen(targets[t]) + 4;
            while (!((*q >= '1' && *q <= '8')))
                q++;
            *q = *q + 1;
            l2 = len;
            CU_ASSERT(!check(cp, l2));
            reseal(cp, &l2);
            /* E, times and theta0 feed the recomputation: a resealed edit is rejected.  An edited
               a priori box B may still be a valid a priori box whose remainder term rounds to the
               same end box: then the checker has re-proved the step with it (still a proof); only
               the digest exposes such an edit. */
            if (t != 1)
                CU_ASSERT(!check(cp, l2));
            hits++;
            free(cp);
        }
    }
    CU_ASSERT(hits >= 8);
    free(buf);
}

/* The committed toy certificates (T = 100) are accepted. */
static void test_committed(void)
{
    const char * files[2] = {"proofs/certificates/toy-obstructed-T100.cert",
                             "proofs/certificates/toy-unobstructed-T100.cert"};
    int i;
    for (i = 0; i < 2; i++)
    {
        char * b;
        size_t len;
        rc_err_t err;
        CU_ASSERT_FATAL(rc_file_read_all(&b, &len, files[i], err) == RC_OK);
        CU_ASSERT(check(b, len));
        flint_free(b);
    }
}

RC_TEST_MAIN("flow_cert_check", RC_CASE(test_tamper), RC_CASE(test_committed))
