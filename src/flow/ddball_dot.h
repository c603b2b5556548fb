/* The body of the double-double dot product (ddball.c, proofs/flow.md §2 "Arithmetic 3"),
   included twice by ddball.c: DD_DOT_NAME, DD_DOT_ATTR (function attributes) and DD_TWO_PROD
   (an exact product, Dekker's or with one FMA) are defined by the includer.  Not a header:
   it defines a function each time. */
DD_DOT_ATTR static int DD_DOT_NAME(rc_dd_t * res, const rc_dd_t * init, const rc_dd_t * x, slong xs,
               const rc_dd_t * y, slong ys, slong n)
{
    double sh = 0, sl = 0, R = 0, S = 0, L2 = 0;
    slong i, m = 0;
    if (init != NULL)
    {
        sh = init->hi;
        sl = init->lo;
        R = init->rad;
    }
    if (n > (WORD(1) << 20))
        return 0;
    for (i = 0; i < n; i++)
    {
        const rc_dd_t * a = x + i * xs, * b = y + i * ys;
        double p, e, m1, m2, t, s, f, q1, q2, A, B;
        if (is_exact_zero(a) || is_exact_zero(b))
            continue;
        m++;
        /* (hi_a + lo_a)(hi_b + lo_b) = p + e + hi_a lo_b + lo_a hi_b + lo_a lo_b, p + e exact */
        DD_TWO_PROD(&p, &e, a->hi, b->hi);
        m1 = a->hi * b->lo;
        m2 = a->lo * b->hi;
        t = m1 + m2;
        /* sh + sl gains p + e + t up to the roundings of m1, m2, t, q1, q2 and sl (each within
           u times its computed magnitude, plus eta for the two products); lo_a lo_b is dropped */
        two_sum(&s, &f, sh, p);
        sh = s;
        q1 = e + t;
        q2 = f + q1;
        sl = sl + q2;
        S += fabs(m1) + fabs(m2) + fabs(t) + fabs(q1) + fabs(q2) + fabs(sl);
        L2 += fabs(a->lo) * fabs(b->lo);
        /* |X Y - x y| <= |x| r_Y + r_X |y| + r_X r_Y with |x| <= |hi_a| + |lo_a| */
        A = fabs(a->hi) + fabs(a->lo);
        B = fabs(b->hi) + fabs(b->lo);
        R += A * b->rad + a->rad * B + a->rad * b->rad;
    }
    if (m == 0)
    {
        if (init == NULL)
            _rc_dd_zero(res);
        else if (res != init)
            *res = *init;
        return 1;
    }
    return finish(res, sh, sl, up(R + L2 + S * 0x1p-53, 4 * m));
}
