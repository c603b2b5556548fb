/* The separator of class k (doc/construct.md, "Hypothesis"):
     a_k = (1/(Q-1)) sum_{j != k} mean_j - mean_k,
     t_own = max_{x in k} a_k.x,  t_rest = min_{x not in k} a_k.x,  gap_k = t_rest - t_own (H1_k),
     theta_k = t_own + gap_k / 4,  cmargin_k = a_k.centroid - theta_k (H2_k),
     apex_k = mean_k + lambda a_k with a_k.apex_k = theta_k (lambda = (theta_k - a_k.mean_k)/|a_k|^2).
   Since centroid = mean_k + ((Q-1)/Q) a_k, H2_k says the apex lies strictly between mean_k and
   the centroid.  Q = 1: a = e_1, theta = t_own + 1, both inequalities vacuous. */
#include "internal.h"

void rc_construct_sep_init(rc_construct_sep_struct * s, slong Q)
{
    s->Q = Q;
    s->a = _fmpq_vec_init(Q);
    s->apex = _fmpq_vec_init(Q);
    fmpq_init(s->theta);
    fmpq_init(s->gap);
    fmpq_init(s->cmargin);
    s->vacuous = 0;
    s->own = s->rest = -1;
    s->h1 = s->h2 = 0;
}

void rc_construct_sep_clear(rc_construct_sep_struct * s)
{
    _fmpq_vec_clear(s->a, s->Q);
    _fmpq_vec_clear(s->apex, s->Q);
    fmpq_clear(s->theta);
    fmpq_clear(s->gap);
    fmpq_clear(s->cmargin);
}

#define dot _rc_cs_dot

void rc_construct_separate(rc_construct_sep_struct * s, const rc_construct_classes_t cl, slong k)
{
    slong Q = cl->Q, n, i, j;
    fmpq_t v, own, rest, nrm;
    fmpq_init(v); fmpq_init(own); fmpq_init(rest); fmpq_init(nrm);
    _rc_cs_zero(s->a, Q);
    if (Q == 1)
        fmpq_one(s->a);
    else
    {
        for (j = 0; j < Q; j++)
            if (j != k)
                _rc_cs_add(s->a, s->a, cl->means + j * Q, Q);
        for (i = 0; i < Q; i++)
        {
            _rc_cs_div_si(s->a + i, s->a + i, Q - 1);
            fmpq_sub(s->a + i, s->a + i, cl->means + k * Q + i);
        }
    }
    s->own = s->rest = -1;
    for (n = 0; n < cl->N; n++)
    {
        dot(v, s->a, cl->X + n * Q, Q);
        if (cl->cls[n] == k && (s->own < 0 || fmpq_cmp(v, own) > 0))
        {
            fmpq_set(own, v);
            s->own = n;
        }
        if (cl->cls[n] != k && (s->rest < 0 || fmpq_cmp(v, rest) < 0))
        {
            fmpq_set(rest, v);
            s->rest = n;
        }
    }
    s->vacuous = (Q == 1);
    if (s->vacuous)
        fmpq_set_si(s->gap, 4, 1);
    else
        fmpq_sub(s->gap, rest, own);
    _rc_cs_div_si(s->theta, s->gap, 4);
    fmpq_add(s->theta, s->theta, own);
    dot(v, s->a, cl->centroid, Q);
    fmpq_sub(s->cmargin, v, s->theta);
    s->h1 = s->vacuous || fmpq_sgn(s->gap) > 0;
    s->h2 = s->vacuous || fmpq_sgn(s->cmargin) > 0;
    /* apex */
    dot(nrm, s->a, s->a, Q);
    _rc_fmpq_vec_set(s->apex, cl->means + k * Q, Q);
    if (!fmpq_is_zero(nrm))
    {
        dot(v, s->a, cl->means + k * Q, Q);
        fmpq_sub(v, s->theta, v);
        fmpq_div(v, v, nrm);
        for (i = 0; i < Q; i++)
            fmpq_addmul(s->apex + i, v, s->a + i);
    }
    fmpq_clear(v); fmpq_clear(own); fmpq_clear(rest); fmpq_clear(nrm);
}
