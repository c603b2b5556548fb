/* rc_check_sniff: the format of a certificate from its tag alone.  Hand cases of each kind and
   of each refusal; property (fixed seed): blanks of every kind around the tag, and the tag after
   other keys, identify the same kind; a changed tag is never identified as a known one. */
#include "rc_test.h"
#include "check_test.h"

static int sniff(const char * s, int * kind)
{
    rc_err_t err;
    rc_err_init(err);
    return rc_check_sniff(kind, s, strlen(s), "c", err);
}

static void test_hand(void)
{
    int k;
    CU_ASSERT(sniff("relucert.flowcert/1\nprec 256\n", &k) == RC_OK && k == RC_CHECK_FLOW);
    CU_ASSERT(sniff("relucert.flowcert/1", &k) == RC_OK && k == RC_CHECK_FLOW);
    /* version 2 (arithmetic 2, relucert/flow.h): the same kind */
    CU_ASSERT(sniff("relucert.flowcert/2\nprec 256\n", &k) == RC_OK && k == RC_CHECK_FLOW);
    CU_ASSERT(sniff("relucert.flowcert/2", &k) == RC_OK && k == RC_CHECK_FLOW);
    CU_ASSERT(sniff("{\"format\": \"relucert.regions-cert/1\"}", &k) == RC_OK && k == RC_CHECK_REGIONS);
    CU_ASSERT(sniff("{\n\"format\": \"relucert.obstruct-cert/1\",\n\"loss\": \"mse\"", &k) == RC_OK
              && k == RC_CHECK_OBSTRUCT);
    /* a UTF-8 byte order mark, as the JSON reader allows */
    CU_ASSERT(sniff("\xEF\xBB\xBF{\"format\": \"relucert.obstruct-cert/1\"}", &k) == RC_OK && k == RC_CHECK_OBSTRUCT);
    /* the tag not first: the document is parsed; nested "format"s do not count */
    CU_ASSERT(sniff("{\"network\": {\"format\": \"relucert.network/1\"}, \"format\": \"relucert.regions-cert/1\"}", &k)
              == RC_OK && k == RC_CHECK_REGIONS);
    CU_ASSERT(sniff("{\"network\": {\"format\": \"relucert.obstruct-cert/1\"}}", &k) == RC_EINPUT && k == RC_CHECK_UNKNOWN);
    /* refusals */
    CU_ASSERT(sniff("", &k) == RC_EINPUT && k == RC_CHECK_UNKNOWN);
    CU_ASSERT(sniff("relucert.flowcert/1 \n", &k) == RC_EINPUT);
    CU_ASSERT(sniff("relucert.flowcert/10\n", &k) == RC_EINPUT);
    CU_ASSERT(sniff("relucert.flowcert/4\n", &k) == RC_EINPUT && k == RC_CHECK_UNKNOWN);
    CU_ASSERT(sniff("relucert.flowcert/3\n", &k) == RC_OK && k == RC_CHECK_FLOW);
    CU_ASSERT(sniff("relucert.flowcert/0\n", &k) == RC_EINPUT && k == RC_CHECK_UNKNOWN);
    CU_ASSERT(sniff("relucert.flowcert/2 \n", &k) == RC_EINPUT);
    CU_ASSERT(sniff("relucert.flowcert/21\n", &k) == RC_EINPUT);
    CU_ASSERT(sniff("{\"format\": \"relucert.flowcert/2\"}", &k) == RC_EINPUT);
    CU_ASSERT(sniff("{\"format\": \"relucert.flowcert/1\"}", &k) == RC_EINPUT);
    CU_ASSERT(sniff("{\"format\": \"relucert.dataset/1\"}", &k) == RC_EINPUT);
    CU_ASSERT(sniff("{\"format\": \"relucert.regions-cert/1\\u0000\"}", &k) == RC_EINPUT);
    CU_ASSERT(sniff("{\"format\": null}", &k) == RC_EINPUT);
    CU_ASSERT(sniff("{", &k) == RC_EINPUT);
    CU_ASSERT(sniff("[\"relucert.regions-cert/1\"]", &k) == RC_EINPUT);
}

static void test_property(void)
{
    const char * blanks = " \t\n\r";
    const char * tags[3] = {"relucert.regions-cert/1", "relucert.obstruct-cert/1", "relucert.flowcert/1"};
    flint_rand_t st;
    slong it, j;
    char s[256], t[64];
    RC_RAND_INIT(st);
    for (it = 0; it < RC_TEST_ITER(300); it++)
    {
        int which = (int) n_randint(st, 3), k, other = (int) n_randint(st, 2), r;
        char ws[4][4];
        for (j = 0; j < 4; j++)
        {
            slong m = n_randint(st, 3), i;
            for (i = 0; i < m; i++)
                ws[j][i] = blanks[n_randint(st, 4)];
            ws[j][m] = '\0';
        }
        strcpy(t, tags[which]);
        if (n_randint(st, 3) == 0)
            t[n_randint(st, strlen(t))] ^= (char) (1 + n_randint(st, 31));   /* a changed tag */
        if (other)
            snprintf(s, sizeof(s), "%s{%s\"x\"%s:%s[1, {\"format\": \"a\"}], \"format\":\"%s\"}", ws[0], ws[1], ws[2], ws[3], t);
        else
            snprintf(s, sizeof(s), "%s{%s\"format\"%s:%s\"%s\", \"x\": 1}", ws[0], ws[1], ws[2], ws[3], t);
        r = sniff(s, &k);
        if (strcmp(t, tags[which]) == 0 && which < 2)
        {
            CU_ASSERT(r == RC_OK && k == which + RC_CHECK_REGIONS);
        }
        else
        {
            CU_ASSERT(r == RC_EINPUT && k == RC_CHECK_UNKNOWN);
        }
    }
    flint_randclear(st);
}

RC_TEST_MAIN("check_sniff", RC_CASE(test_hand), RC_CASE(test_property))
