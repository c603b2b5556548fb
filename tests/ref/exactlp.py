"""Exact rational linear programming (two-phase dictionary simplex, Bland's rule).

Independent reference for the breaker tests of relucert: written from the textbook
(Chvatal, Linear Programming, ch. 2-3), shares no code with src/lp/.

maximize c.x  subject to  A x <= b,  x free (each x_k = x_k+ - x_k-).
Returns ("optimal", value, x) / ("infeasible", None, None) / ("unbounded", None, None).
"""
from fractions import Fraction as F


def _simplex(D, beta, basis, nonbasis, cN, z0):
    """Dictionary: x_basis[i] = beta[i] + sum_j D[i][j] x_nonbasis[j]; z = z0 + sum cN[j] x_N[j].
    Maximizes in place with Bland's rule. Returns 'optimal' or 'unbounded'."""
    m = len(basis)
    while True:
        # entering: smallest variable index with positive reduced cost
        e = None
        for j in range(len(nonbasis)):
            if cN[j] > 0 and (e is None or nonbasis[j] < nonbasis[e]):
                e = j
        if e is None:
            return "optimal", z0
        # leaving: min ratio, ties by smallest variable index
        r = None
        best = None
        for i in range(m):
            if D[i][e] < 0:
                ratio = beta[i] / (-D[i][e])
                if r is None or ratio < best or (ratio == best and basis[i] < basis[r]):
                    r, best = i, ratio
        if r is None:
            return "unbounded", None
        z0 = _pivot(D, beta, basis, nonbasis, cN, z0, r, e)


def _pivot(D, beta, basis, nonbasis, cN, z0, r, e):
    piv = D[r][e]
    # solve row r for x_nonbasis[e]:
    # x_B = beta + sum D x_N  ->  x_e = (x_B - beta - sum_{j!=e} D_rj x_j) / piv
    rowr = D[r]
    newrow = [(-rowr[j] / piv) for j in range(len(rowr))]
    newrow[e] = F(1) / piv
    newbeta = -beta[r] / piv
    leaving = basis[r]
    entering = nonbasis[e]
    for i in range(len(basis)):
        if i == r:
            continue
        a = D[i][e]
        if a == 0:
            continue
        Di = D[i]
        for j in range(len(Di)):
            if j == e:
                Di[j] = a * newrow[e]
            else:
                Di[j] = Di[j] + a * newrow[j]
        beta[i] = beta[i] + a * newbeta
    a = cN[e]
    if a != 0:
        for j in range(len(cN)):
            if j == e:
                cN[j] = a * newrow[e]
            else:
                cN[j] = cN[j] + a * newrow[j]
        z0 = z0 + a * newbeta
    D[r] = newrow
    beta[r] = newbeta
    basis[r] = entering
    nonbasis[e] = leaving
    return z0


def lp_max(c, A, b):
    n = len(c)
    m = len(A)
    # variables: 0..2n-1 (x+ and x-), 2n..2n+m-1 slacks, 2n+m artificial
    nv = 2 * n
    cols = []
    for i in range(m):
        row = [F(v) for v in A[i]]
        cols.append(row + [-v for v in row])
    cvec = [F(v) for v in c] + [-F(v) for v in c]
    beta = [F(v) for v in b]
    basis = [nv + i for i in range(m)]
    # slack_i = b_i - A_i x  ->  D[i][j] = -A_ij
    D = [[-v for v in cols[i]] for i in range(m)]
    nonbasis = list(range(nv))
    art = nv + m
    if m and min(beta) < 0:
        # phase 1: slack_i = b_i - A_i x + x0 ; maximize -x0
        for i in range(m):
            D[i].append(F(1))
        nonbasis.append(art)
        cN = [F(0)] * nv + [F(-1)]
        r = min(range(m), key=lambda i: (beta[i], i))
        z0 = _pivot(D, beta, basis, nonbasis, cN, F(0), r, len(nonbasis) - 1)
        st, val = _simplex(D, beta, basis, nonbasis, cN, z0)
        if val < 0:
            return "infeasible", None, None
        if art in basis:
            r = basis.index(art)
            e = next((j for j in range(len(nonbasis)) if D[r][j] != 0), None)
            if e is None:
                # the artificial row is identically 0: drop it
                del D[r]; del beta[r]; del basis[r]
            else:
                _pivot(D, beta, basis, nonbasis, cN, F(0), r, e)
        e = nonbasis.index(art)
        for row in D:
            del row[e]
        del nonbasis[e]
    # objective in terms of the nonbasic variables
    cN = [F(0)] * len(nonbasis)
    z0 = F(0)
    full = {k: cvec[k] for k in range(nv)}
    pos = {v: j for j, v in enumerate(nonbasis)}
    for v, cv in full.items():
        if cv == 0:
            continue
        if v in pos:
            cN[pos[v]] += cv
        else:
            i = basis.index(v)
            z0 += cv * beta[i]
            for j in range(len(nonbasis)):
                cN[j] += cv * D[i][j]
    st, val = _simplex(D, beta, basis, nonbasis, cN, z0)
    if st == "unbounded":
        return "unbounded", None, None
    xs = [F(0)] * nv
    for i, v in enumerate(basis):
        if v < nv:
            xs[v] = beta[i]
    x = [xs[k] - xs[n + k] for k in range(n)]
    return "optimal", val, x


if __name__ == "__main__":
    import random
    # self test against brute force vertex enumeration in 2-D
    import itertools
    random.seed(1)
    bad = 0
    for trial in range(300):
        m = random.randint(1, 6)
        A = [[F(random.randint(-3, 3)), F(random.randint(-3, 3))] for _ in range(m)]
        b = [F(random.randint(-3, 3)) for _ in range(m)]
        # add a bounding box so the LP is bounded if feasible
        A += [[F(1), F(0)], [F(-1), F(0)], [F(0), F(1)], [F(0), F(-1)]]
        b += [F(5)] * 4
        c = [F(random.randint(-3, 3)), F(random.randint(-3, 3))]
        st, val, x = lp_max(c, A, b)
        best = None
        for i, j in itertools.combinations(range(len(A)), 2):
            det = A[i][0] * A[j][1] - A[i][1] * A[j][0]
            if det == 0:
                continue
            px = (b[i] * A[j][1] - A[i][1] * b[j]) / det
            py = (A[i][0] * b[j] - b[i] * A[j][0]) / det
            if all(A[k][0] * px + A[k][1] * py <= b[k] for k in range(len(A))):
                v = c[0] * px + c[1] * py
                best = v if best is None or v > best else best
        if best is None:
            ok = st == "infeasible"
        else:
            ok = st == "optimal" and val == best and all(
                sum(A[k][t] * x[t] for t in range(2)) <= b[k] for k in range(len(A)))
        if not ok:
            bad += 1
            print("MISMATCH", A, b, c, st, val, best)
    print("lp selftest bad =", bad)
