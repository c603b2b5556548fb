#include "rc_test.h"
#include "relucert/sym.h"

/* Brute force: components are sign vectors over the disconnected factors; the symmetries act
   by permutations within each level-sign class.  Count orbits by enumerating every sign vector
   and every class-preserving permutation (small l), and compare with (n1 + 1)(n2 + 1). */
static slong count_orbits(const int * cls, slong m)
{
    slong v, w, orbits = 0, nv = WORD(1) << m;
    int * seen = flint_calloc(nv, sizeof(int));
    slong perm[8], i;
    for (v = 0; v < nv; v++)
    {
        if (seen[v])
            continue;
        orbits++;
        /* mark everything reachable from v by class-preserving permutations: enumerate all
           permutations of m elements (m <= 6) and keep those preserving cls */
        for (i = 0; i < m; i++)
            perm[i] = i;
        for (;;)
        {
            int ok = 1;
            for (i = 0; i < m; i++)
                ok &= (cls[perm[i]] == cls[i]);
            if (ok)
            {
                w = 0;
                for (i = 0; i < m; i++)
                    if (v & (WORD(1) << perm[i]))
                        w |= WORD(1) << i;
                seen[w] = 1;
            }
            /* next permutation (lexicographic) */
            {
                slong a = m - 2, b, t;
                while (a >= 0 && perm[a] > perm[a + 1])
                    a--;
                if (a < 0)
                    break;
                b = m - 1;
                while (perm[b] < perm[a])
                    b--;
                t = perm[a]; perm[a] = perm[b]; perm[b] = t;
                for (a = a + 1, b = m - 1; a < b; a++, b--)
                {
                    t = perm[a]; perm[a] = perm[b]; perm[b] = t;
                }
            }
        }
    }
    flint_free(seen);
    return orbits;
}

static void test_brute(void)
{
    flint_rand_t state;
    slong iter, k;
    RC_RAND_INIT(state);
    for (iter = 0; iter < RC_TEST_ITER(300); iter++)
    {
        slong l = n_randint(state, 7), dp = 1 + n_randint(state, 2), e = 1 + n_randint(state, 2), m = 0;
        int sgn[8], cls[8];
        rc_hset_t h;
        fmpz_t r;
        fmpz_init(r);
        for (k = 0; k < l; k++)
            sgn[k] = (int) n_randint(state, 3) - 1;
        rc_hset_init(h, l, dp, e);
        rc_hset_set_signs(h, sgn);
        for (k = 0; k < l; k++)
            if (rc_hset_factor_is_disconnected(h, k))
                cls[m++] = sgn[k];
        rc_sym_num_effective(r, h);
        CU_ASSERT(fmpz_equal_si(r, count_orbits(cls, m)));
        rc_hset_clear(h);
        fmpz_clear(r);
    }
    flint_randclear(state);
}

RC_TEST_MAIN("sym: rc_sym_num_effective", RC_CASE(test_brute))
