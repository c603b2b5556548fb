#!/usr/bin/python3
"""Independent reference for `relucert prob` / `relucert table` (breaker's script).

Computes, from doc/math.md §3, §4, §7 read independently of src/prob, every quantity that
`relucert prob --json` reports, at high precision with mpmath:
  p = P(||w||^2 < ||v||^2) at initialization, q = P(factor disconnected),
  P(H(c) disconnected) = 1-(1-q)^l, E[2^m] = (1+q)^l, E[(n1+1)(n2+1)], Binomial(l, p) pmf.
Methods for p (none of them Arb's incomplete beta):
  normal:  e even -> finite sum  I_x(a,b) = x^a sum_{j<b} (a)_j/j! (1-x)^j,
           n even -> 1 - (1-x)^b sum_{j<a} (b)_j/j! x^j  (precision raised against cancellation),
           both odd -> Lentz continued fraction of I_x (mpmath), cross-checked with mpmath.betainc
           when its series converges;
  uniform: n = 1: P(|U1| < sqrt(r)|U0|) by direct integration of min(1, sqrt(r) t);
           n = 2: polar integral over the quarter square of max(0, 1 - rho/sqrt r)
                  (P(U0 > rho/sqrt r)), integrated with mpmath.quad split at the kinks;
           r <= 1, any n: V_n r^{n/2} / (2^n (n+1)) (the ball fits in the cube);
           otherwise None (no reference).
"""
from fractions import Fraction as Fr
import mpmath as mp

SCHEMES = ["xavier-normal", "kaiming-normal", "lecun-normal", "xavier-uniform",
           "kaiming-uniform", "torch-default"]


def model(scheme, d, l, e, bias=True):
    """(law, wscale, vscale, nw, dtop): variances for normal laws, squared half-widths for uniform."""
    if scheme == "xavier-normal":
        ws, vs, law = Fr(2, d + l), Fr(2, l + e), "normal"
    elif scheme == "kaiming-normal":
        ws, vs, law = Fr(2, d), Fr(2, l), "normal"
    elif scheme == "lecun-normal":
        ws, vs, law = Fr(1, d), Fr(1, l), "normal"
    elif scheme == "xavier-uniform":
        ws, vs, law = Fr(6, d + l), Fr(6, l + e), "uniform"
    elif scheme == "kaiming-uniform":
        ws, vs, law = Fr(6, d), Fr(6, l), "uniform"
    elif scheme == "torch-default":
        ws, vs, law = Fr(1, d), Fr(1, l), "uniform"
    else:
        raise ValueError(scheme)
    dtop = d + (1 if bias else 0)
    nw = d + (1 if (bias and scheme == "torch-default") else 0)
    return law, ws, vs, nw, dtop


def mpq(f):
    return mp.mpf(f.numerator) / f.denominator


def _sum_b_integer(a, b, x):
    """I_x(a, b) for integer b >= 1: x^a sum_{j=0}^{b-1} (a)_j / j! (1-x)^j (all terms >= 0)."""
    a = mp.mpf(a)
    t = mp.mpf(1)
    s = mp.mpf(0)
    y = 1 - x
    for j in range(int(b)):
        s += t
        t = t * (a + j) / (j + 1) * y
    return mp.power(x, a) * s


def _betacf(a, b, x, maxit=10 ** 7):
    """Continued fraction for I_x(a,b) (modified Lentz), valid for x < (a+1)/(a+b+2)."""
    tiny = mp.mpf(10) ** (-(mp.mp.dps * 3))
    eps = mp.mpf(10) ** (-(mp.mp.dps - 5))
    qab, qap, qam = a + b, a + 1, a - 1
    c = mp.mpf(1)
    dd = 1 - qab * x / qap
    if abs(dd) < tiny:
        dd = tiny
    dd = 1 / dd
    h = dd
    for m in range(1, maxit):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        dd = 1 + aa * dd
        if abs(dd) < tiny:
            dd = tiny
        c = 1 + aa / c
        if abs(c) < tiny:
            c = tiny
        dd = 1 / dd
        h *= dd * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        dd = 1 + aa * dd
        if abs(dd) < tiny:
            dd = tiny
        c = 1 + aa / c
        if abs(c) < tiny:
            c = tiny
        dd = 1 / dd
        de = dd * c
        h *= de
        if abs(de - 1) < eps:
            break
    else:
        raise RuntimeError("betacf did not converge")
    lbt = mp.loggamma(a + b) - mp.loggamma(a) - mp.loggamma(b) + a * mp.log(x) + b * mp.log(1 - x)
    return mp.exp(lbt) * h / a


def betainc_reg(a2, b2, x, dps=80):
    """I_x(a2/2, b2/2) for positive integers a2, b2 and rational x in (0, 1) (Fraction)."""
    with mp.workdps(dps):
        xm = mpq(x)
        a, b = mp.mpf(a2) / 2, mp.mpf(b2) / 2
        if b2 % 2 == 0:
            return _sum_b_integer(a, b2 // 2, xm)
        if xm < (a + 1) / (a + b + 2):
            # continued fraction on its convergent side: no cancellation
            return _betacf(a, b, xm)
        if a2 % 2 == 0:
            # x beyond the mean: I_x is not small, 1 - I_{1-x}(b, a) by the finite sum
            extra = 20
            while True:
                with mp.workdps(dps + extra):
                    v = 1 - _sum_b_integer(mp.mpf(b2) / 2, a2 // 2, 1 - mpq(x))
                    if v != 0 and -mp.log10(abs(v)) + 10 < extra:
                        return +v
                extra *= 2
                if extra > 100000:
                    raise RuntimeError("cancellation")
        # both odd: continued fraction on the convergent side
        if xm < (a + 1) / (a + b + 2):
            return _betacf(a, b, xm)
        extra = 20
        while True:
            with mp.workdps(dps + extra):
                v = 1 - _betacf(mp.mpf(b2) / 2, mp.mpf(a2) / 2, 1 - mpq(x))
                if v != 0 and -mp.log10(abs(v)) + 10 < extra:
                    return +v
            extra *= 2
            if extra > 100000:
                raise RuntimeError("cancellation")


def uniform_p(n, r, dps=60):
    """P(sum_{i<=n} U_i^2 < r U_0^2), U ~ U(-1,1), r a Fraction; None when no reference."""
    with mp.workdps(dps):
        rm = mpq(r)
        sr = mp.sqrt(rm)
        if n == 1:
            # P(|U1| < sqrt(r) t), t = |U0| ~ U(0,1): integral of min(1, sqrt(r) t)
            if r <= 1:
                return sr / 2
            t0 = 1 / sr
            return mp.quad(lambda t: sr * t, [0, t0]) + (1 - t0)
        if n == 2:
            # (u1, u2) uniform on [0,1]^2, P(U0 > rho / sqrt r) = max(0, 1 - rho/sqrt r);
            # polar: inner integral int_0^m (1 - rho/sqrt r) rho drho = m^2/2 - m^3/(3 sqrt r),
            # m = min(rho_max(theta), sqrt r), rho_max = 1/cos(theta) on [0, pi/4].
            def inner(th):
                m = min(1 / mp.cos(th), sr)
                return m ** 2 / 2 - m ** 3 / (3 * sr)
            pts = [mp.mpf(0)]
            if 1 < rm < 2:
                pts.append(mp.acos(1 / sr))
            pts.append(mp.pi / 4)
            return 2 * mp.quad(inner, pts)
        if r <= 1:
            vn = mp.pi ** (mp.mpf(n) / 2) / mp.gamma(mp.mpf(n) / 2 + 1)
            return vn * rm ** (mp.mpf(n) / 2) / (mp.mpf(2) ** n * (n + 1))
        return None


def p_negative(scheme, d, l, e, bias=True, dps=80):
    law, ws, vs, nw, dtop = model(scheme, d, l, e, bias)
    if law == "normal":
        x = vs / (ws + vs)
        return betainc_reg(nw, e, x, dps)
    if e != 1:
        return None
    return uniform_p(nw, vs / ws, dps)


def p_complement(scheme, d, l, e, bias=True, dps=80):
    """1 - p computed directly (no cancellation when p is close to 1):
    P(||v||^2 <= ||w||^2) = I_{1-x}(e/2, n/2) for the normal laws."""
    law, ws, vs, nw, dtop = model(scheme, d, l, e, bias)
    if law == "normal":
        return betainc_reg(e, nw, ws / (ws + vs), dps)
    p = p_negative(scheme, d, l, e, bias, dps)
    if p is None:
        return None
    with mp.workdps(dps):
        return 1 - p


def derived(p, scheme, d, l, e, bias=True, dps=80, pmf=True, pc=None):
    """All reported quantities as mpf, from p and pc = 1 - p (doc/math.md §3, §4, §7)."""
    law, ws, vs, nw, dtop = model(scheme, d, l, e, bias)
    if pc is None:
        pc = p_complement(scheme, d, l, e, bias, dps)
    with mp.workdps(dps):
        p = +p
        pc = +pc
        if dtop >= 2:
            q, qc = (p, pc) if e == 1 else (mp.mpf(0), mp.mpf(1))
        else:
            q, qc = (mp.mpf(1), mp.mpf(0)) if e == 1 else (pc, p)
        out = {"p_negative_level": p, "p_factor_disconnected": q}
        # 1 - (1-q)^l with 1 - q = qc computed directly
        if q == 1:
            out["p_disconnected"] = mp.mpf(1)
        elif q == 0:
            out["p_disconnected"] = mp.mpf(0)
        elif q < mp.mpf("0.5"):
            out["p_disconnected"] = -mp.expm1(l * mp.log1p(-q))
        else:
            out["p_disconnected"] = 1 - qc ** l
        out["expected_components"] = (1 + q) ** l
        # effective: E[(n1+1)(n2+1)], n1 = #{c<0, e=1}, n2 = #{c>0, d'=1}
        if dtop >= 2 and e >= 2:
            eff = mp.mpf(1)
        elif dtop >= 2:
            eff = 1 + l * p
        elif e >= 2:
            eff = 1 + l * pc
        else:
            eff = 1 + l + l * (l - 1) * p * pc
        out["expected_effective_components"] = eff
        if pmf and l <= 10000:
            if e == 1:
                out["pathological_distribution"] = [mp.binomial(l, k) * p ** k * pc ** (l - k)
                                                     for k in range(l + 1)]
            else:
                out["pathological_distribution"] = [mp.mpf(1)] + [mp.mpf(0)] * l
    return out
