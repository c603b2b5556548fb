#!/usr/bin/python3
"""flow_reference.py: an independent, NON-rigorous, high-precision reference integrator of the
Filippov gradient flow of a shallow ReLU / leaky-ReLU network with MSE loss (doc/flow-suite.md).

  theta' = -grad L(theta) - lambda theta,   L = (1/N) sum_i |f(x_i) - y_i|^2,
  f(x) = W2 sigma(W1 x + b1) + b2,  z_ki = w_k . x~_i  (x~ = (x, 1) with a hidden bias).

It shares no code with relucert (python3-mpmath only).  Method:
- between events the pattern is fixed and the field is a polynomial ODE; it is integrated by
  Taylor series (automatic differentiation of the recurrences, order --order, default 40) at
  --dps decimal digits (default 60); the step h makes the last two terms |theta_n| h^n at most
  --tol (1 + |theta|);
- samples with the same x~ share one switching surface ("group"); each pair (neuron k, group g)
  has a mode: +1 active, -1 inactive, 0 sliding (z_kg = 0, its multiplier solved so that every
  sliding surface of the neuron is invariant: Gram-matrix system, several simultaneous slides of
  one neuron included), or 2 "dead" (ReLU: z_kg = 0 and the neuron has no active or sliding
  pair, so its field is -lambda w_k: frozen on the surface);
- events are located on the Taylor polynomial (sign sampled at 8 points per step, then Illinois
  root finding to full precision): a crossing (z of an active/inactive pair reaches 0), a slide
  exit (the multiplier sum U of a sliding pair reaches the end of its Filippov range
  [sum min(c_i, a c_i), sum max(c_i, a c_i)]), and for a dead pair its coefficient c_kg changing
  sign (the active side starts pointing away from the surface);
- at an event the modes of all zero pairs of the neuron are re-decided by enumerating
  {+, -, slide}^m: an assignment is consistent when active pairs move up (z' > eps), inactive
  ones down (z' < -eps), sliding multipliers lie strictly inside their range; the all-inactive
  assignment of a ReLU neuron with no other active pair (z' = 0 identically) is "dead".
  One consistent assignment: continue with it.  Several (e.g. dead, and revival because the
  active-side field points away while the inactive side is tangent): the flow is NOT UNIQUE;
  this is reported (time, neuron, samples, the one-sided fields) and the run continues on one
  branch (preference: dead, then the most sliding pairs).  None (a tangency at first order):
  reported as "degenerate", the least inconsistent assignment is taken.

Output (--json or default): relucert.flowref/1 with theta(T) and the loss at every requested
time, the events, the non-uniqueness reports, the step count, and the conservation drift
max_k |c_k(T) - c_k(0) e^{-2 lambda T}| (a consistency check).

Usage: python3 scripts/flow_reference.py NET DATA --time T[,T2,...] [--dps 60] [--order 40]
                                          [--tol 1e-45] [--weight-decay L] [--max-events N]
"""
import argparse, itertools, json, sys, time
from fractions import Fraction

try:
    import mpmath
    from mpmath import mp, mpf
except ImportError:
    sys.stderr.write("flow_reference.py: python3-mpmath is required (apt-get install python3-mpmath)\n")
    sys.exit(3)


class InputError(Exception):
    pass


def parse_num(s, where):
    try:
        if isinstance(s, bool):
            raise ValueError
        q = Fraction(str(s).strip())
    except (ValueError, ZeroDivisionError):
        raise InputError("%s: not an exact number: %r" % (where, s))
    return q


def to_mpf(q):
    return mpf(q.numerator) / q.denominator


class Problem:
    """exact data (Fractions), then mpf copies; theta order of relucert: W1 row-major, b1, W2, b2"""

    def __init__(self, netp, datap, lam):
        net = json.load(open(netp))
        data = json.load(open(datap))
        act = net.get("activation", "relu")
        if act == "relu":
            self.a = Fraction(0)
        elif isinstance(act, dict) and "leaky_relu" in act:
            self.a = parse_num(act["leaky_relu"], netp + ": activation")
        else:
            raise InputError(netp + ": activation: unsupported")
        W1 = [[parse_num(v, netp + ": W1") for v in row] for row in net["W1"]]
        W2 = [[parse_num(v, netp + ": W2") for v in row] for row in net["W2"]]
        self.l, self.d, self.e = len(W1), len(W1[0]), len(W2)
        b1 = [parse_num(v, netp + ": b1") for v in net["b1"]] if "b1" in net else None
        b2 = [parse_num(v, netp + ": b2") for v in net["b2"]] if "b2" in net else None
        self.has_b1, self.has_b2 = b1 is not None, b2 is not None
        self.dp = self.d + (1 if self.has_b1 else 0)
        X = [[parse_num(v, datap + ": X") for v in row] for row in data["X"]]
        Y = data["y"]
        Y = [[parse_num(v, datap + ": y")] if not isinstance(v, list) else
             [parse_num(u, datap + ": y") for u in v] for v in Y]
        self.n = len(X)
        if any(len(r) != self.d for r in X) or len(Y) != self.n or any(len(r) != self.e for r in Y):
            raise InputError("dimensions of net and data do not match")
        Xt = [tuple(r + ([Fraction(1)] if self.has_b1 else [])) for r in X]
        # groups: samples with the same x~ share one switching surface for every neuron
        self.gx, self.gmembers, self.gof = [], [], []
        index = {}
        for i, x in enumerate(Xt):
            if x not in index:
                index[x] = len(self.gx)
                self.gx.append(x)
                self.gmembers.append([])
            self.gmembers[index[x]].append(i)
            self.gof.append(index[x])
        self.G = len(self.gx)
        self.lam = to_mpf(lam)
        self.am = to_mpf(self.a)
        self.Xg = [[to_mpf(v) for v in x] for x in self.gx]
        self.K = [[to_mpf(sum(u * v for u, v in zip(x, y))) for y in self.gx] for x in self.gx]
        self.Y = [[to_mpf(v) for v in r] for r in Y]
        self.Ysum = [[mpmath.fsum(self.Y[i][o] for i in self.gmembers[g]) for o in range(self.e)]
                     for g in range(self.G)]
        self.sc = mpf(2) / self.n
        th = []
        for k in range(self.l):
            th += [to_mpf(v) for v in W1[k]]
        if self.has_b1:
            th += [to_mpf(v) for v in b1]
        for o in range(self.e):
            th += [to_mpf(v) for v in W2[o]]
        if self.has_b2:
            th += [to_mpf(v) for v in b2]
        self.theta0 = th
        self.P = len(th)

    def iw(self, k, j):
        return k * self.d + j if j < self.d else self.l * self.d + k

    def iv(self, k, o):
        return self.l * self.dp + o * self.l + k

    def ib2(self, o):
        return self.l * self.dp + self.e * self.l + o


class Flow:
    def __init__(self, pr, opts):
        self.pr, self.o = pr, opts
        self.mode = [[0] * pr.G for _ in range(pr.l)]
        self.minv = {}          # neuron -> (list of sliding groups, inverse Gram matrix)
        self.events, self.nonunique, self.degenerate = [], [], []
        self.dead_flip = set()  # dead pairs whose revival was reported (watch flipped)
        self.steps = 0

    # ---------- pointwise quantities ----------
    def z(self, th, k, g):
        pr = self.pr
        return mpmath.fdot([th[pr.iw(k, j)] for j in range(pr.dp)], pr.Xg[g])

    def point(self, th):
        """z, per-sample g_i, per-sample c_ki, group sums, multipliers U (sliding solved)"""
        pr = self.pr
        Z = [[self.z(th, k, g) for g in range(pr.G)] for k in range(pr.l)]
        H = [[self.slope(k, g) * Z[k][g] if self.mode[k][g] in (1, -1) else mpf(0)
              for g in range(pr.G)] for k in range(pr.l)]
        gi = []
        for i in range(pr.n):
            g = pr.gof[i]
            row = []
            for o in range(pr.e):
                f = mpmath.fdot([th[pr.iv(k, o)] for k in range(pr.l)], [H[k][g] for k in range(pr.l)])
                if pr.has_b2:
                    f += th[pr.ib2(o)]
                row.append(pr.sc * (f - pr.Y[i][o]))
            gi.append(row)
        ci = [[mpmath.fdot(gi[i], [th[pr.iv(k, o)] for o in range(pr.e)]) for i in range(pr.n)]
              for k in range(pr.l)]
        return Z, gi, ci

    def slope(self, k, g):
        return mpf(1) if self.mode[k][g] == 1 else self.pr.am

    def csum(self, ci, k, g):
        return mpmath.fsum(ci[k][i] for i in self.pr.gmembers[g])

    def hull(self, ci, k, g):
        """The Filippov range of U_kg on the surface of group g: the samples of a group share
        their pre-activation, so one slope s in [a, 1] applies to all of them and the range is
        the segment between the two one-sided values sum c_i and a sum c_i (not the sum of
        per-sample ranges, which would allow slopes the field never takes)."""
        am = self.pr.am
        c = mpmath.fsum(ci[k][i] for i in self.pr.gmembers[g])
        return min(c, am * c), max(c, am * c)

    def multipliers(self, ci, k, assign):
        """U_kg for every group of neuron k under modes assign (dict g -> mode); sliding ones
        solved from sum_{g' in S} U_g' K_g'j = -sum_{g' not in S} U_g' K_g'j, j in S.
        Returns None when the Gram matrix of the sliding set is singular."""
        pr = self.pr
        U = {}
        S = []
        for g in range(pr.G):
            m = assign.get(g, self.mode[k][g])
            if m == 1:
                U[g] = self.csum(ci, k, g)
            elif m == -1:
                U[g] = pr.am * self.csum(ci, k, g)
            elif m == 2:
                U[g] = mpf(0)
            else:
                S.append(g)
        if S:
            M = mpmath.matrix([[pr.K[a][b] for b in S] for a in S])
            b = mpmath.matrix([-mpmath.fsum(U[g] * pr.K[g][j] for g in U) for j in S])
            try:
                if abs(mpmath.det(M)) < mpf(10) ** (-mp.dps // 2):
                    return None
                u = mpmath.lu_solve(M, b)
            except ZeroDivisionError:
                return None
            for idx, g in enumerate(S):
                U[g] = u[idx]
        return U

    def dz(self, U, Z, k, j):
        """z_kj' = x~_j . w_k' = -sum_g U_g K_gj - lambda z_kj"""
        pr = self.pr
        return -mpmath.fsum(U[g] * pr.K[g][j] for g in U) - pr.lam * Z[k][j]

    # ---------- watches: functions that stay > 0 while the modes are valid ----------
    def watches(self, th, only=None):
        pr = self.pr
        Z, gi, ci = None, None, None
        out = []
        need_c = any(self.mode[k][g] in (0, 2) for k in range(pr.l) for g in range(pr.G))
        if only is not None:
            need_c = only[0] != "cross"
        if need_c:
            Z, gi, ci = self.point(th)
        for k in range(pr.l):
            U = None
            for g in range(pr.G):
                key = None
                m = self.mode[k][g]
                if m in (1, -1):
                    key = ("cross", k, g)
                    if only is None or only == key:
                        zz = Z[k][g] if Z is not None else self.z(th, k, g)
                        out.append((m * zz, key))
                elif m == 0:
                    if only is None or only[1:] == (k, g):
                        if U is None:
                            U = self.multipliers(ci, k, {})
                        lo, hi = self.hull(ci, k, g)
                        if U is None:
                            out.append((mpf(-1), ("slide_singular", k, g)))
                            continue
                        if only is None or only[0] == "slide_lo":
                            out.append((U[g] - lo, ("slide_lo", k, g)))
                        if only is None or only[0] == "slide_hi":
                            out.append((hi - U[g], ("slide_hi", k, g)))
                elif m == 2:
                    key = ("dead", k, g)
                    if only is None or only == key:
                        sgn = -1 if (k, g) in self.dead_flip else 1
                        out.append((sgn * self.csum(ci, k, g), key))
        return out

    # ---------- Taylor series of the fixed-mode polynomial ODE ----------
    def series(self, th0):
        """coefficients th[j][0..p] of the solution with th(0) = th0 under the current modes"""
        pr, p = self.pr, self.o.order
        l, G, e, dp = pr.l, pr.G, pr.e, pr.dp
        T = [[th0[j]] for j in range(pr.P)]
        Zs = [[[] for _ in range(G)] for _ in range(l)]
        Hs = [[[] for _ in range(G)] for _ in range(l)]
        Gs = [[[] for _ in range(e)] for _ in range(G)]
        Cs = [[[] for _ in range(G)] for _ in range(l)]
        act = [[g for g in range(G) if self.mode[k][g] in (1, -1) and
                (self.mode[k][g] == 1 or pr.a != 0)] for k in range(l)]
        slides = [[g for g in range(G) if self.mode[k][g] == 0] for k in range(l)]
        minv = {}
        for k in range(l):
            if slides[k]:
                S = slides[k]
                M = mpmath.matrix([[pr.K[a][b] for b in S] for a in S])
                minv[k] = M ** -1
        needc = [[g in act[k] for g in range(G)] for k in range(l)]
        for n in range(p):
            for k in range(l):
                for g in range(G):
                    zn = mpmath.fdot([T[pr.iw(k, j)][n] for j in range(dp)], pr.Xg[g])
                    Zs[k][g].append(zn)
                    Hs[k][g].append(self.slope(k, g) * zn if g in act[k] else mpf(0))
            for g in range(G):
                for o in range(e):
                    A, B = [], []
                    for k in range(l):
                        if g in act[k]:
                            A += T[pr.iv(k, o)][:n + 1]
                            B += Hs[k][g][n::-1]
                    f = mpmath.fdot(A, B) if A else mpf(0)
                    if pr.has_b2:
                        f += T[pr.ib2(o)][n]
                    f = len(pr.gmembers[g]) * f
                    if n == 0:
                        f -= pr.Ysum[g][o]
                    Gs[g][o].append(pr.sc * f)
            for k in range(l):
                for g in range(G):
                    Cs[k][g].append(mpmath.fdot([x for o in range(e) for x in Gs[g][o][:n + 1]],
                                                [x for o in range(e) for x in T[pr.iv(k, o)][n::-1]])
                                    if needc[k][g] else mpf(0))
            dT = [None] * pr.P
            for k in range(l):
                U = {}
                for g in range(G):
                    m = self.mode[k][g]
                    if m == 1:
                        U[g] = Cs[k][g][n]
                    elif m == -1 and pr.a != 0:
                        U[g] = pr.am * Cs[k][g][n]
                S = slides[k]
                if S:
                    b = mpmath.matrix([-mpmath.fsum(U[g] * pr.K[g][j] for g in U) for j in S])
                    u = minv[k] * b
                    for idx, g in enumerate(S):
                        U[g] = u[idx]
                gl = list(U.keys())
                for j in range(dp):
                    w = T[pr.iw(k, j)][n]
                    dT[pr.iw(k, j)] = -mpmath.fdot([U[g] for g in gl], [pr.Xg[g][j] for g in gl]) - pr.lam * w
                for o in range(e):
                    A, B = [], []
                    for g in act[k]:
                        A += Gs[g][o][:n + 1]
                        B += Hs[k][g][n::-1]
                    v = T[pr.iv(k, o)][n]
                    dT[pr.iv(k, o)] = (-mpmath.fdot(A, B) if A else mpf(0)) - pr.lam * v
            if pr.has_b2:
                for o in range(e):
                    dT[pr.ib2(o)] = -mpmath.fsum(Gs[g][o][n] for g in range(G)) - pr.lam * T[pr.ib2(o)][n]
            for j in range(pr.P):
                T[j].append(dT[j] / (n + 1))
        return T

    @staticmethod
    def evalp(T, t):
        p = len(T[0])
        pw = [mpf(1)]
        for _ in range(p - 1):
            pw.append(pw[-1] * t)
        return [mpmath.fdot(c, pw) for c in T]

    def step_size(self, T, th):
        p = len(T[0]) - 1
        scale = 1 + max(abs(x) for x in th)
        h = mpf(10) ** 6
        for n in (p - 1, p):
            a = max(abs(c[n]) for c in T)
            if a > 0:
                h = min(h, (self.o.tol * scale / a) ** (mpf(1) / n))
        return h

    # ---------- event resolution ----------
    def resolve(self, th, t, k, fired):
        """re-decide the modes of every zero pair of neuron k at the point th (time t)"""
        pr = self.pr
        Z, gi, ci = self.point(th)
        zero = [g for g in range(pr.G) if self.mode[k][g] in (0, 2)]
        if fired[0] == "cross" and fired[2] not in zero:
            zero.append(fired[2])
        # simultaneous hits of the same neuron (|z| below the noise level)
        noise = mpf(10) ** (-(mp.dps * 2) // 3)
        for g in range(pr.G):
            if g not in zero and abs(Z[k][g]) < noise:
                zero.append(g)
        zero.sort()
        eps = mpf(10) ** (-(mp.dps // 2))
        others_active = any(self.mode[k][g] == 1 for g in range(pr.G) if g not in zero)
        cands = []
        for combo in itertools.product((1, -1, 0), repeat=len(zero)):
            assign = dict(zip(zero, combo))
            U = self.multipliers(ci, k, assign)
            if U is None:
                continue
            margins, dzs = [], {}
            for g in zero:
                m = assign[g]
                if m == 0:
                    lo, hi = self.hull(ci, k, g)
                    margins.append(min(U[g] - lo, hi - U[g]))
                else:
                    dzs[g] = self.dz(U, Z, k, g)
                    margins.append(m * dzs[g])
            mmin = min(margins)
            dead = (pr.a == 0 and not others_active and all(m == -1 for m in combo)
                    and all(abs(dzs[g]) <= eps for g in zero))
            cands.append((combo, mmin, dead, U))
        strict = [c for c in cands if c[1] > eps and not c[2]]
        deadc = [c for c in cands if c[2]]
        chosen = None
        info = {"t": mpmath.nstr(t, 20), "neuron": k,
                "samples": [pr.gmembers[g] for g in zero], "fired": fired[0]}
        if fired[0] == "dead" and (k, fired[2]) not in self.dead_flip:
            # c_kg of a dead pair changes sign: from now on the active-side field points away
            # from the surface (z' = -c K > 0 there) while the inactive side is tangent
            # (z' = 0): staying dead and reviving at any later time are both Filippov solutions
            rep = dict(info)
            rep["kind"] = "dead neuron may revive (inactive side tangent, active side leaving)"
            rep["branches"] = ["dead", "revive at any later time"]
            self.nonunique.append(rep)
        if fired[0] == "slide_hi" or fired[0] == "slide_lo":
            # a slide exit: the exiting pair leaves to the side its multiplier reached
            g0 = fired[2]
            want = 1 if fired[0] == "slide_hi" else -1
            ok = [c for c in cands if c[0][zero.index(g0)] == want and
                  self._margin_except(c, zero, g0, ci, Z, k) > eps]
            if pr.a == 0 and want == -1:
                ok += [c for c in deadc if c not in ok]
            if len(ok) >= 1:
                chosen = sorted(ok, key=lambda c: (not c[2], -c[0].count(0)))[0]
                if len(ok) > 1:
                    self._report_nonunique(info, ok, zero, Z, ci, k)
        if chosen is None:
            options = deadc + strict
            if len(options) == 1:
                chosen = options[0]
            elif len(options) > 1:
                self._report_nonunique(info, options, zero, Z, ci, k)
                chosen = sorted(options, key=lambda c: (not c[2], -c[0].count(0)))[0]
            else:
                chosen = max(cands, key=lambda c: c[1])
                info["margin"] = mpmath.nstr(chosen[1], 5)
                info["assignment"] = list(chosen[0])
                self.degenerate.append(info)
        combo = chosen[0]
        for g, m in zip(zero, combo):
            self.mode[k][g] = 2 if chosen[2] else m
            self.dead_flip.discard((k, g))
        if chosen[2]:
            # a dead neuron is unique only while no revival is consistent (every single-pair
            # revival has z' <= 0, i.e. c_kg >= 0); otherwise the watch is flipped
            for g in zero:
                if self.csum(ci, k, g) < 0:
                    self.dead_flip.add((k, g))
        ev = dict(info)
        ev["margin"] = mpmath.nstr(chosen[1], 5)   # smallest consistency margin of the choice
        ev["modes"] = ["dead" if chosen[2] else {1: "active", -1: "inactive", 0: "slide"}[m] for m in combo]
        self.events.append(ev)

    def _margin_except(self, c, zero, g0, ci, Z, k):
        ms = []
        for g, m in zip(zero, c[0]):
            if g == g0:
                continue
            if m == 0:
                lo, hi = self.hull(ci, k, g)
                ms.append(min(c[3][g] - lo, hi - c[3][g]))
            else:
                ms.append(m * self.dz(c[3], Z, k, g))
        return min(ms) if ms else mpf(1)

    def _report_nonunique(self, info, options, zero, Z, ci, k):
        rep = dict(info)
        rep["branches"] = [("dead" if c[2] else
                            [{1: "active", -1: "inactive", 0: "slide"}[m] for m in c[0]]) for c in options]
        sides = {}
        for g in zero:
            Up = self.multipliers(ci, k, {g: 1})
            Um = self.multipliers(ci, k, {g: -1})
            sides[str(self.pr.gmembers[g])] = {
                "active_side_dz": mpmath.nstr(self.dz(Up, Z, k, g), 12) if Up else None,
                "inactive_side_dz": mpmath.nstr(self.dz(Um, Z, k, g), 12) if Um else None}
        rep["one_sided_dz"] = sides
        self.nonunique.append(rep)

    # ---------- the main loop ----------
    def root(self, T, key, ta, tb):
        fa = self.watches(self.evalp(T, ta), key)[0][0]
        fb = self.watches(self.evalp(T, tb), key)[0][0]
        if fa < 0:
            fa = mpf(0)
        side = 0
        tol = mpf(10) ** (-mp.dps + 5) * (1 + tb)
        for _ in range(400):
            if tb - ta < tol:
                break
            tc = (ta * fb - tb * fa) / (fb - fa) if fb != fa else (ta + tb) / 2
            if not (ta < tc < tb):
                tc = (ta + tb) / 2
            fc = self.watches(self.evalp(T, tc), key)[0][0]
            if fc >= 0:
                ta, fa = tc, fc
                if side == 1:
                    fb /= 2
                side = 1
            else:
                tb, fb = tc, fc
                if side == -1:
                    fa /= 2
                side = -1
        return tb

    def run(self, times):
        pr = self.pr
        th = list(pr.theta0)
        t = mpf(0)
        for k in range(pr.l):
            for g in range(pr.G):
                zz = self.z(th, k, g)
                self.mode[k][g] = 1 if zz > 0 else -1
        for k in range(pr.l):
            zs = [g for g in range(pr.G) if self.z(th, k, g) == 0]
            if zs:
                self.resolve(th, t, k, ("cross", k, zs[0]))
        out = []
        targets = sorted(set(times))
        ti = 0
        while ti < len(targets):
            Tend = targets[ti]
            if t >= Tend:
                out.append((Tend, list(th)))
                ti += 1
                continue
            if len(self.events) > self.o.max_events:
                raise RuntimeError("more than %d events (chattering?) at t = %s" %
                                   (self.o.max_events, mpmath.nstr(t, 10)))
            T = self.series(th)
            h = min(self.step_size(T, th), Tend - t)
            self.steps += 1
            first = None
            ts = [h * (i + 1) / 8 for i in range(8)]
            prev = mpf(0)
            for tt in ts:
                w = self.watches(self.evalp(T, tt))
                neg = [key for (v, key) in w if v < 0]
                if neg:
                    roots = sorted((self.root(T, key, prev, tt), key) for key in neg)
                    # events at the same instant (e.g. a crossing that zeroes the residual a
                    # dead neuron's c depends on): crossings first, then slide exits, then dead
                    # watches, since the earlier kinds change the modes the later ones read
                    same = mpf(10) ** (-(mp.dps // 2)) * (1 + t + roots[0][0])
                    order = {"cross": 0, "slide_lo": 1, "slide_hi": 1, "slide_singular": 1, "dead": 2}
                    tied = [rk for rk in roots if rk[0] - roots[0][0] <= same]
                    first = min(tied, key=lambda rk: (order[rk[1][0]], rk[0]))
                    break
                prev = tt
            if first is None:
                th = self.evalp(T, h)
                t = t + h if h != Tend - t else Tend
                continue
            tau, key = first
            th = self.evalp(T, tau)
            t = t + tau
            self.resolve(th, t, key[1], key)
        return out

    def loss(self, th):
        pr = self.pr
        s = []
        for i in range(pr.n):
            g = pr.gof[i]
            for o in range(pr.e):
                f = mpf(0)
                for k in range(pr.l):
                    zz = self.z(th, k, g)
                    f += th[pr.iv(k, o)] * (zz if zz > 0 else pr.am * zz)
                if pr.has_b2:
                    f += th[pr.ib2(o)]
                s.append((f - pr.Y[i][o]) ** 2)
        return mpmath.fsum(s) / pr.n

    def level(self, th, k):
        pr = self.pr
        return (mpmath.fsum(th[pr.iw(k, j)] ** 2 for j in range(pr.dp)) -
                mpmath.fsum(th[pr.iv(k, o)] ** 2 for o in range(pr.e)))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("net")
    ap.add_argument("data")
    ap.add_argument("--time", required=True, help="end time(s), comma separated exact numbers")
    ap.add_argument("--dps", type=int, default=60)
    ap.add_argument("--order", type=int, default=40)
    ap.add_argument("--tol", default=None, help="per-step truncation (default 10^-(dps-15))")
    ap.add_argument("--weight-decay", default="0")
    ap.add_argument("--max-events", type=int, default=5000)
    ap.add_argument("--digits", type=int, default=None, help="digits printed (default dps - 10)")
    ap.add_argument("--json", action="store_true", help="(default output is JSON anyway)")
    args = ap.parse_args()
    mp.dps = args.dps
    if args.digits is None:
        args.digits = args.dps - 10
    try:
        times = [parse_num(s, "--time") for s in args.time.split(",")]
        if any(x <= 0 for x in times):
            raise InputError("--time: must be > 0")
        lam = parse_num(args.weight_decay, "--weight-decay")
        pr = Problem(args.net, args.data, lam)
    except (InputError, OSError, KeyError, ValueError, IndexError, TypeError) as ex:
        sys.stderr.write("flow_reference.py: %s\n" % ex)
        return 2

    class O:
        pass
    o = O()
    o.order = args.order
    o.tol = mpf(args.tol) if args.tol else mpf(10) ** (-(args.dps - 15))
    o.max_events = args.max_events
    fl = Flow(pr, o)
    t0 = time.process_time()
    err = None
    try:
        res = fl.run([to_mpf(x) for x in times])
    except RuntimeError as ex:
        res, err = [], str(ex)
    secs = time.process_time() - t0
    c0 = [fl.level(pr.theta0, k) for k in range(pr.l)]
    outs = []
    for (tq, (Tm, th)) in zip(times, res):
        drift = max(abs(fl.level(th, k) - c0[k] * mpmath.exp(-2 * pr.lam * Tm)) for k in range(pr.l))
        outs.append({"time": "%d/%d" % (tq.numerator, tq.denominator) if tq.denominator != 1 else str(tq.numerator),
                     "theta": [mpmath.nstr(x, args.digits, min_fixed=-5, max_fixed=5) for x in th],
                     "loss": mpmath.nstr(fl.loss(th), args.digits),
                     "level_drift": mpmath.nstr(drift, 3),
                     "unique_so_far": not any(mpf(r["t"]) <= Tm for r in fl.nonunique)})
    res_json = {"format": "relucert.flowref/1", "net": args.net, "data": args.data,
                "dps": args.dps, "order": args.order, "tol": mpmath.nstr(o.tol, 3),
                "error": err, "results": outs,
                "unique": not fl.nonunique, "nonunique": fl.nonunique,
                "degenerate": fl.degenerate, "events": fl.events,
                "steps": fl.steps, "seconds": round(secs, 2)}
    json.dump(res_json, sys.stdout, indent=1)
    sys.stdout.write("\n")
    return 0 if err is None else 1


if __name__ == "__main__":
    sys.exit(main())
