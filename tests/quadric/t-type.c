#include "rc_test.h"
#include "relucert/quadric.h"

/* The table of doc/math.md section 3, case by case, and P(0) = number of components. */
static void test_table(void)
{
    rc_quadric_type_t t;
    fmpz_poly_t P;
    slong p, q, z;
    int s;
    fmpz_poly_init(P);
    for (p = 0; p <= 3; p++)
        for (q = 0; q <= 3; q++)
            for (z = 0; z <= 2; z++)
                for (s = -1; s <= 1; s++)
                {
                    rc_quadric_type_set(t, p, q, z, s);
                    rc_quadric_type_poincare(P, t);
                    if (s == 0)
                    {
                        CU_ASSERT(t->kind == RC_QUADRIC_CONE);
                        CU_ASSERT(fmpz_poly_is_one(P));
                    }
                    else if ((s > 0 ? p : q) == 0)
                    {
                        CU_ASSERT(t->kind == RC_QUADRIC_EMPTY);
                        CU_ASSERT(fmpz_poly_is_zero(P));
                    }
                    else
                    {
                        CU_ASSERT(t->kind == RC_QUADRIC_SPHERE);
                        CU_ASSERT_EQUAL(t->sphere_dim, (s > 0 ? p : q) - 1);
                        CU_ASSERT_EQUAL(t->flat_dim, (s > 0 ? q : p) + z);
                        /* total Betti number of a sphere is 2 */
                        {
                            fmpz_t sum;
                            slong i;
                            fmpz_init(sum);
                            for (i = 0; i < fmpz_poly_length(P); i++)
                                fmpz_add(sum, sum, fmpz_poly_get_coeff_ptr(P, i));
                            CU_ASSERT(fmpz_equal_si(sum, 2));
                            fmpz_clear(sum);
                        }
                    }
                    {
                        fmpz_t b0;
                        fmpz_init(b0);
                        fmpz_poly_get_coeff_fmpz(b0, P, 0);
                        CU_ASSERT(fmpz_equal_si(b0, rc_quadric_type_num_components(t)));
                        fmpz_clear(b0);
                    }
                }
    /* the paper's pathological neuron: d' = 2, e = 1, c < 0: S^0 x R^2, two sheets */
    rc_quadric_type_neuron(t, 2, 1, -1);
    CU_ASSERT(t->kind == RC_QUADRIC_SPHERE && t->sphere_dim == 0 && t->flat_dim == 2);
    CU_ASSERT_EQUAL(rc_quadric_type_num_components(t), 2);
    fmpz_poly_clear(P);
}

RC_TEST_MAIN("quadric: rc_quadric_type_set", RC_CASE(test_table))
