#define _DEFAULT_SOURCE   /* MAP_ANONYMOUS (test_flow_unterminated) */
/* rc_check_buf / rc_check_file, the one certificate entry point: a valid certificate of each kind
   is accepted with what it proves (hand-known values); each kind of corruption is a rejection
   (RC_OK, accepted = 0, the first failure named); what cannot be identified is RC_EINPUT. */
#include "rc_test.h"
#include "check_test.h"
#if defined(__linux__)
#include <sys/mman.h>
#include <unistd.h>
#endif

static int run(rc_check_t res, const char * buf, size_t len, int expect)
{
    rc_check_opts_t o;
    rc_err_t err;
    int r;
    rc_err_init(err);
    rc_check_opts_init(o);
    o->expect = expect;
    r = rc_check_buf(res, buf, len, "mem", o, err);
    /* one convention: the reason is err's message whenever something is not accepted */
    if (!res->accepted)
        CU_ASSERT(strcmp(res->reason, err->msg) == 0 && res->reason[0] != '\0');
    return r;
}

/* A rejection: the check ran (RC_OK), not accepted, the reason mentions what. */
static void expect_rejected(const char * buf, size_t len, int kind, const char * what)
{
    rc_check_t res;
    rc_check_init(res);
    CU_ASSERT(run(res, buf, len, RC_CHECK_UNKNOWN) == RC_OK);
    CU_ASSERT(res->kind == kind && res->have_input && !res->accepted);
    if (what != NULL && strstr(res->reason, what) == NULL)
    {
        printf("\nreason \"%s\" does not mention \"%s\"\n", res->reason, what);
        CU_FAIL("reason");
    }
    CU_ASSERT(strncmp(res->reason, "mem: ", 5) == 0);
    rc_check_clear(res);
}

/* Flow: the committed certificates (doc/flow.md: T = 100, certified, 344 / 352 steps). */
static void test_flow_accepted(void)
{
    rc_check_t res;
    rc_check_opts_t o;
    rc_err_t err;
    fmpq_t hundred;
    rc_check_init(res);
    rc_check_opts_init(o);
    fmpq_init(hundred);
    fmpq_set_si(hundred, 100, 1);
    CU_ASSERT_FATAL(rc_check_file(res, CT_FLOW_CERT, o, err) == RC_OK);
    CU_ASSERT(res->kind == RC_CHECK_FLOW && res->accepted && res->reason[0] == '\0');
    CU_ASSERT(res->flow->verdict == RC_FLOW_CERTIFIED && res->flow->steps == 344);
    CU_ASSERT(fmpq_equal(res->flow->T, hundred));
    /* certified: the proof ends at T exactly */
    CU_ASSERT(arb_is_exact(res->flow->t_end) && arb_equal_si(res->flow->t_end, 100));
    CU_ASSERT(res->flow->P == 6 && res->flow->l == 2 && res->flow->signs_proved);
    CU_ASSERT(res->flow->signs[0] == 1 && res->flow->signs[1] == 1);
    CU_ASSERT(strcmp(res->name, CT_FLOW_CERT) == 0);
    /* the same result struct reused: nothing of the first check remains */
    CU_ASSERT_FATAL(rc_check_file(res, CT_FLOW_CERT2, o, err) == RC_OK);
    CU_ASSERT(res->accepted && res->flow->steps == 352 && strcmp(res->name, CT_FLOW_CERT2) == 0);
    fmpq_clear(hundred);
    rc_check_clear(res);
}

/* Flow corruptions: any byte changed before the digest line (property, fixed seed; FNV-1a is a
   bijection of the state per byte, so one changed byte always changes the digest); resealed edits
   of the end time (the steps no longer end at T), of theta0 (the initial modes or the first step
   fail) and of an end box; a real buggy certificate (an unproved hypothesis r > 0). */
static void test_flow_rejected(void)
{
    size_t len, l2, body;
    char * buf = ct_read(&len, CT_FLOW_CERT), * cp;
    flint_rand_t st;
    slong it;
    CU_ASSERT_FATAL(buf != NULL);
    body = strstr(buf, "\ndigest ") - buf + 1;
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(40); it++)
    {
        size_t pos = n_randint(st, body);
        cp = malloc(len + 1);
        memcpy(cp, buf, len + 1);
        cp[pos] = (char) (cp[pos] ^ (1 + n_randint(st, 255)));
        if (pos < 19)
        {
            /* the tag itself: no longer identified as a certificate (RC_EINPUT) */
            rc_check_t res;
            rc_check_init(res);
            CU_ASSERT(run(res, cp, len, RC_CHECK_UNKNOWN) == RC_EINPUT && !res->accepted);
            rc_check_clear(res);
        }
        else
            expect_rejected(cp, len, RC_CHECK_FLOW, "digest");
        free(cp);
    }
    flint_randclear(st);
    cp = ct_replace(&l2, buf, len, "\ntime 100\n", "\ntime 101\n");
    CU_ASSERT_FATAL(cp != NULL);
    ct_reseal(cp, &l2);
    expect_rejected(cp, l2, RC_CHECK_FLOW, "do not end at the time T");
    free(cp);
    /* the first hexadecimal digit 1..8 of the first end box, plus one */
    {
        char * e;
        cp = malloc(len + 1);
        memcpy(cp, buf, len + 1);
        e = strstr(cp, "\nE ") + 3;
        while (!(*e >= '1' && *e <= '8'))
            e++;
        (*e)++;
        l2 = len;
        ct_reseal(cp, &l2);
        expect_rejected(cp, l2, RC_CHECK_FLOW, "step 0");
        free(cp);
    }
    flint_free(buf);
    buf = ct_read(&len, CT_FLOW_BUGGY);
    CU_ASSERT_FATAL(buf != NULL);
    expect_rejected(buf, len, RC_CHECK_FLOW, "r > 0 not proved");
    flint_free(buf);
}

/* The precision limit (opts->max_prec): the committed certificate has prec 256, accepted with the
   limit 256 exactly and refused (RC_ELIMIT, not accepted, reason set, the format of line 1 kept)
   with 255; an edited "prec 65536" is refused at once under the default limit, and so is a number
   beyond any long. */
static void test_flow_prec_limit(void)
{
    size_t len, l2;
    char * buf = ct_read(&len, CT_FLOW_CERT), * cp;
    rc_check_t res;
    rc_check_opts_t o;
    rc_err_t err;
    CU_ASSERT_FATAL(buf != NULL);
    rc_check_init(res);
    rc_check_opts_init(o);
    CU_ASSERT(o->max_prec == RC_CHECK_MAX_PREC);
    o->max_prec = 256;
    CU_ASSERT(rc_check_buf(res, buf, len, "mem", o, err) == RC_OK && res->accepted);
    o->max_prec = 255;
    CU_ASSERT(rc_check_buf(res, buf, len, "mem", o, err) == RC_ELIMIT && !res->accepted);
    CU_ASSERT(strstr(res->reason, "mem: line 2: prec 256 bits is above the checker's limit of 255") == res->reason);
    CU_ASSERT(res->kind == RC_CHECK_FLOW && res->flow->version == RC_FLOW_ARITH_1);
    rc_check_opts_init(o);
    cp = ct_replace(&l2, buf, len, "\nprec 256\n", "\nprec 65536\n");
    CU_ASSERT_FATAL(cp != NULL);
    ct_reseal(cp, &l2);
    CU_ASSERT(rc_check_buf(res, cp, l2, "mem", o, err) == RC_ELIMIT && !res->accepted);
    CU_ASSERT(strstr(res->reason, "prec 65536 bits is above the checker's limit of 4096") != NULL);
    free(cp);
    /* every spelling the parser accepts is limited by its value (a pre-check that read only
       plain digits was bypassed by these) */
    {
        static const char * sp[4] = {"\nprec  65536\n", "\nprec +65536\n", "\nprec \t65536\n", "\nprec 0065536\n"};
        int v;
        for (v = 0; v < 4; v++)
        {
            cp = ct_replace(&l2, buf, len, "\nprec 256\n", sp[v]);
            CU_ASSERT_FATAL(cp != NULL);
            ct_reseal(cp, &l2);
            CU_ASSERT(rc_check_buf(res, cp, l2, "mem", o, err) == RC_ELIMIT && !res->accepted);
            CU_ASSERT(strstr(res->reason, "prec 65536 bits is above the checker's limit of 4096") != NULL);
            free(cp);
        }
    }
    /* beyond any long: a malformed prec, rejected */
    cp = ct_replace(&l2, buf, len, "\nprec 256\n", "\nprec 99999999999999999999999\n");
    CU_ASSERT_FATAL(cp != NULL);
    ct_reseal(cp, &l2);
    CU_ASSERT(rc_check_buf(res, cp, l2, "mem", o, err) == RC_OK && !res->accepted);
    CU_ASSERT(strstr(res->reason, "line 2: bad prec") != NULL);
    free(cp);
    rc_check_clear(res);
    flint_free(buf);
}

/* The flow's size limits apply to the header's dims before any array is read: N = 10^4 samples
   (a 10^8-entry Gram matrix: the checker aborted allocating 4.8 GB), P > 4096, l N > 2^18 are
   refused with RC_ELIMIT naming line 5. */
static void test_flow_dims_limit(void)
{
    static const char * dims[5] = {"\ndims 1 2 1 10000 1 0\n", "\ndims 1000 5 1 4 1 0\n",
                                   "\ndims 1 1000 1 1000 1 0\n", "\ndims 1 1365 1 1 1 1\n",
                                   "\ndims 1 64 1 4096 1 1\n"};
    static const char * what[5] = {"10000 samples", "5010 parameters", "1000 neurons x 1000 samples",
                                   "the certified flow would need about 61.8 GB (P = 4096 parameters",
                                   "the certified flow would need about 6.26 GB (P = 193 parameters"};
    size_t len, l2;
    char * buf = ct_read(&len, CT_FLOW_CERT), * cp;
    rc_check_t res;
    rc_check_opts_t o;
    rc_err_t err;
    int v;
    CU_ASSERT_FATAL(buf != NULL);
    rc_check_init(res);
    rc_check_opts_init(o);
    for (v = 0; v < 5; v++)
    {
        cp = ct_replace(&l2, buf, len, "\ndims 1 2 1 4 1 0\n", dims[v]);
        CU_ASSERT_FATAL(cp != NULL);
        ct_reseal(cp, &l2);
        CU_ASSERT(rc_check_buf(res, cp, l2, "mem", o, err) == RC_ELIMIT && !res->accepted);
        CU_ASSERT(strstr(res->reason, "mem: line 5: dims: ") == res->reason);
        CU_ASSERT(strstr(res->reason, what[v]) != NULL);
        free(cp);
    }
    /* no hidden neurons: malformed (a rejection); a new mode beyond int: malformed (sscanf %d
       overflowed and read 4294967298 as 2) */
    cp = ct_replace(&l2, buf, len, "\ndims 1 2 1 4 1 0\n", "\ndims 48000 0 1 4096 0 0\n");
    CU_ASSERT_FATAL(cp != NULL);
    ct_reseal(cp, &l2);
    CU_ASSERT(rc_check_buf(res, cp, l2, "mem", o, err) == RC_OK && !res->accepted);
    CU_ASSERT(strstr(res->reason, "no hidden neurons") != NULL);
    free(cp);
    cp = ct_replace(&l2, buf, len, "\nstep taylor -1 0 ", "\nstep taylor -1 4294967296 ");
    CU_ASSERT_FATAL(cp != NULL);
    ct_reseal(cp, &l2);
    CU_ASSERT(rc_check_buf(res, cp, l2, "mem", o, err) == RC_OK && !res->accepted);
    CU_ASSERT(strstr(res->reason, "expected a step") != NULL);
    free(cp);
    rc_check_clear(res);
    flint_free(buf);
}

/* The buffer need not end with a NUL: a certificate placed so that its last byte is the last
   readable byte before a PROT_NONE page is accepted (the parsers used to scan past it for a NUL
   and crashed).  Linux (mmap). */
static void test_flow_unterminated(void)
{
#if defined(__linux__)
    size_t len, page = (size_t) sysconf(_SC_PAGESIZE), span;
    char * buf = ct_read(&len, CT_FLOW_CERT), * map;
    rc_check_t res;
    rc_check_opts_t o;
    rc_err_t err;
    CU_ASSERT_FATAL(buf != NULL);
    span = (len + page - 1) / page * page;
    map = mmap(NULL, span + page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    CU_ASSERT_FATAL(map != MAP_FAILED);
    CU_ASSERT_FATAL(mprotect(map + span, page, PROT_NONE) == 0);
    memcpy(map + span - len, buf, len);
    rc_check_init(res);
    rc_check_opts_init(o);
    CU_ASSERT(rc_check_buf(res, map + span - len, len, "mem", o, err) == RC_OK && res->accepted);
    CU_ASSERT(res->flow->steps == 344);
    rc_check_clear(res);
    munmap(map, span + page);
    flint_free(buf);
#endif
}

/* Regions: 18 regions and 68 facets (doc/regions.md); a claim altered, a region dropped. */
static void test_regions(void)
{
    size_t len, l2 = 0;
    char * buf = ct_regions_cert(&len), * cp;
    rc_check_t res;
    CU_ASSERT_FATAL(buf != NULL);
    rc_check_init(res);
    CU_ASSERT(run(res, buf, len, RC_CHECK_UNKNOWN) == RC_OK);
    CU_ASSERT(res->kind == RC_CHECK_REGIONS && res->accepted);
    CU_ASSERT(res->regions == 18 && res->facets_total == 68);
    /* held to its kind: accepted as regions, refused as flow */
    CU_ASSERT(run(res, buf, len, RC_CHECK_REGIONS) == RC_OK && res->accepted);
    CU_ASSERT(run(res, buf, len, RC_CHECK_FLOW) == RC_EINPUT && !res->accepted);
    CU_ASSERT(res->kind == RC_CHECK_UNKNOWN && res->regions == 0);
    rc_check_clear(res);
    cp = ct_replace(&l2, buf, len, "\"regions\": 18", "\"regions\": 19");
    CU_ASSERT_FATAL(cp != NULL);
    expect_rejected(cp, l2, RC_CHECK_REGIONS, NULL);
    free(cp);
    /* the format tag not first: found by parsing the whole document */
    cp = ct_replace(&l2, buf, len, "{\"format\": \"relucert.regions-cert/1\",", "{");
    CU_ASSERT_FATAL(cp != NULL);
    {
        char * cp2 = malloc(l2 + 64);
        size_t l3 = strrchr(cp, '}') - cp;      /* the closing brace of the top level */
        memcpy(cp2, cp, l3);
        l3 += sprintf(cp2 + l3, ", \"format\": \"relucert.regions-cert/1\"}\n");
        rc_check_init(res);
        CU_ASSERT(run(res, cp2, l3, RC_CHECK_UNKNOWN) == RC_OK);
        CU_ASSERT(res->kind == RC_CHECK_REGIONS && res->accepted && res->regions == 18);
        rc_check_clear(res);
        free(cp2);
    }
    free(cp);
    free(buf);
}

/* Obstruction: the committed toy (verdict obstructed, bound 5/16 > witness loss 0); the bound
   altered; the witness loss altered; the verdict weakened (accepted as the weaker claim) or
   replaced by a word that is not a verdict. */
static void test_obstruct(void)
{
    size_t len, l2 = 0;
    char * buf = ct_read(&len, CT_OBSTRUCT_CERT), * cp;
    rc_check_t res;
    CU_ASSERT_FATAL(buf != NULL);
    rc_check_init(res);
    CU_ASSERT(run(res, buf, len, RC_CHECK_UNKNOWN) == RC_OK);
    CU_ASSERT(res->kind == RC_CHECK_OBSTRUCT && res->accepted && res->obstructed == 1);
    rc_check_clear(res);
    cp = ct_replace(&l2, buf, len, "\"5/16\"", "\"6/16\"");
    CU_ASSERT_FATAL(cp != NULL);
    expect_rejected(cp, l2, RC_CHECK_OBSTRUCT, "lower_bound");
    free(cp);
    /* a weaker claim is accepted, and the verified verdict is the claim */
    cp = ct_replace(&l2, buf, len, "\"verdict\": \"obstructed\"", "\"verdict\": \"not_proved\"");
    CU_ASSERT_FATAL(cp != NULL);
    rc_check_init(res);
    CU_ASSERT(run(res, cp, l2, RC_CHECK_UNKNOWN) == RC_OK && res->accepted && res->obstructed == 0);
    rc_check_clear(res);
    free(cp);
    /* the witness's loss claimed wrongly (it is 0 exactly) */
    cp = ct_replace(&l2, buf, len, "\"witness_loss\": \"0\"", "\"witness_loss\": \"1/100\"");
    CU_ASSERT_FATAL(cp != NULL);
    expect_rejected(cp, l2, RC_CHECK_OBSTRUCT, "witness_loss");
    free(cp);
    /* an unknown verdict word */
    cp = ct_replace(&l2, buf, len, "\"verdict\": \"obstructed\"", "\"verdict\": \"maybe\"");
    CU_ASSERT_FATAL(cp != NULL);
    expect_rejected(cp, l2, RC_CHECK_OBSTRUCT, "verdict");
    free(cp);
    flint_free(buf);
}

/* Not identifiable: RC_EINPUT, kind unknown, have_input set; an unreadable file: have_input 0. */
static void test_unknown(void)
{
    const char * bad[] = {
        "", "  \n", "hello\n", "{\"format\": \"relucert.network/1\", \"W1\": [[\"1\"]]}",
        "{\"a\": 1}", "{\"a\": ", "[1, 2]", "relucert.flowcert/4\nprec 64\n", "relucert.flowcert/0\n",
        " relucert.flowcert/1\n", "{\"format\": 3}"
    };
    slong i;
    rc_check_t res;
    rc_check_opts_t o;
    rc_err_t err;
    rc_check_init(res);
    for (i = 0; i < (slong) (sizeof(bad) / sizeof(bad[0])); i++)
    {
        CU_ASSERT(run(res, bad[i], strlen(bad[i]), RC_CHECK_UNKNOWN) == RC_EINPUT);
        CU_ASSERT(res->kind == RC_CHECK_UNKNOWN && res->have_input && !res->accepted);
        CU_ASSERT(strncmp(res->reason, "mem: ", 5) == 0 && strchr(res->reason, '\n') == NULL);
    }
    /* invalid JSON: the position is named */
    CU_ASSERT(run(res, "{\"a\": ", 6, RC_CHECK_UNKNOWN) == RC_EINPUT && strstr(res->reason, "line 1") != NULL);
    rc_check_opts_init(o);
    CU_ASSERT(rc_check_file(res, "tests/check/no-such-file.cert", o, err) == RC_EINPUT);
    CU_ASSERT(!res->have_input && !res->accepted && res->kind == RC_CHECK_UNKNOWN);
    CU_ASSERT(strstr(res->reason, "no-such-file.cert") != NULL);
    rc_check_clear(res);
}

RC_TEST_MAIN("check_buf", RC_CASE(test_flow_accepted), RC_CASE(test_flow_rejected), RC_CASE(test_flow_prec_limit), RC_CASE(test_flow_unterminated), RC_CASE(test_flow_dims_limit),
             RC_CASE(test_regions), RC_CASE(test_obstruct), RC_CASE(test_unknown))
