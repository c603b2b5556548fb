"""Independent exact re-evaluation of `relucert construct --json` (breaker tests).

usage: construct_ref.py RELUCERT DATA.json [--layers L]
For every built point: forward pass in Fractions, cost, every hidden pre-activation nonzero,
the kept classes sharing one pattern, the least-squares lower bound RSS_T/N computed here
(exact projection), gradient by exact backpropagation, Hessian rank (exact elimination of a
hyper-dual Hessian) and signs (floats, checked against the exact rank).
A point printed "proved" must pass: cost == RSS_T/N (== 0 for global), nonzero pre-activations,
one pattern on T.  Prints problems; exit 1 on any.
"""
import sys as _sys
if hasattr(_sys, "set_int_max_str_digits"):
    _sys.set_int_max_str_digits(0)
import json
import subprocess
import sys
from fractions import Fraction as F

try:
    import numpy as np
except ImportError:  # pragma: no cover
    np = None


def num(s):
    return F(str(s))


def load_data(path):
    o = json.load(open(path))
    X = o["X"]
    X = [[num(v) for v in (row if isinstance(row, list) else [row])] for row in X]
    y = o["y"]
    y = [[num(v) for v in (row if isinstance(row, list) else [row])] for row in y]
    return X, y


def load_net(o):
    Ws, bs = [], []
    k = 1
    while ("W%d" % k) in o:
        W = [[num(v) for v in row] for row in o["W%d" % k]]
        b = o.get("b%d" % k)
        b = [num(v) for v in b] if b is not None else [F(0)] * len(W)
        Ws.append(W)
        bs.append(b)
        k += 1
    act = o.get("activation", "relu")
    leak = F(0) if act == "relu" else num(act["leaky_relu"])
    return Ws, bs, leak


def forward(net, x):
    Ws, bs, leak = net
    h = list(x)
    pres, pats = [], []
    for k in range(len(Ws)):
        z = [bs[k][i] + sum(Ws[k][i][j] * h[j] for j in range(len(h))) for i in range(len(Ws[k]))]
        if k + 1 == len(Ws):
            return z, pres, pats
        pres.append(z)
        pats.append(tuple(v > 0 for v in z))
        h = [v if v > 0 else leak * v for v in z]


def cost(net, X, Y):
    tot = F(0)
    for x, y in zip(X, Y):
        f, _, _ = forward(net, x)
        tot += sum((a - b) ** 2 for a, b in zip(f, y))
    return tot / len(X)


def rss(Xs, Ys):
    """min over affine maps of sum ||M x + m - y||^2, exact (Gram-Schmidt on columns [X 1])."""
    if not Xs:
        return F(0)
    n = len(Xs)
    cols = [[F(1)] * n] + [[x[t] for x in Xs] for t in range(len(Xs[0]))]
    basis = []
    for c in cols:
        v = c[:]
        for u, uu in basis:
            p = sum(a * b for a, b in zip(v, u)) / uu
            v = [a - p * b for a, b in zip(v, u)]
        vv = sum(a * a for a in v)
        if vv != 0:
            basis.append((v, vv))
    tot = F(0)
    for e in range(len(Ys[0])):
        r = [y[e] for y in Ys]
        for u, uu in basis:
            p = sum(a * b for a, b in zip(r, u)) / uu
            r = [a - p * b for a, b in zip(r, u)]
        tot += sum(a * a for a in r)
    return tot


def grad(net, X, Y):
    Ws, bs, leak = net
    gW = [[[F(0)] * len(W[0]) for _ in W] for W in Ws]
    gb = [[F(0)] * len(b) for b in bs]
    N = len(X)
    for x, y in zip(X, Y):
        hs = [list(x)]
        zs = []
        h = list(x)
        for k in range(len(Ws)):
            z = [bs[k][i] + sum(Ws[k][i][j] * h[j] for j in range(len(h))) for i in range(len(Ws[k]))]
            zs.append(z)
            if k + 1 < len(Ws):
                h = [v if v > 0 else leak * v for v in z]
                hs.append(h)
        delta = [2 * (a - b) / N for a, b in zip(zs[-1], y)]
        for k in range(len(Ws) - 1, -1, -1):
            for i in range(len(Ws[k])):
                gb[k][i] += delta[i]
                for j in range(len(hs[k])):
                    gW[k][i][j] += delta[i] * hs[k][j]
            if k > 0:
                back = [sum(Ws[k][i][j] * delta[i] for i in range(len(Ws[k]))) for j in range(len(hs[k]))]
                delta = [back[j] * (1 if zs[k - 1][j] > 0 else leak) for j in range(len(back))]
    flat = []
    for k in range(len(Ws)):
        for row in gW[k]:
            flat += row
        flat += gb[k]
    return flat


def hessian_info(net, X, Y):
    """Exact Hessian by differentiating the exact gradient along each parameter with forward-mode
    dual numbers on the fixed activation pattern; returns (rank, pos, neg) with pos/neg from floats."""
    Ws, bs, leak = net
    params = []
    for k in range(len(Ws)):
        for i in range(len(Ws[k])):
            for j in range(len(Ws[k][0])):
                params.append(("W", k, i, j))
        for i in range(len(bs[k])):
            params.append(("b", k, i))
    P = len(params)
    if P > 80:
        return None
    # pattern per sample (fixed, pre-activations nonzero)
    pats = [forward(net, x)[2] for x in X]
    Hm = []
    for p in params:
        # dual parameters: value + eps * direction
        dW = [[[F(0)] * len(W[0]) for _ in W] for W in Ws]
        db = [[F(0)] * len(b) for b in bs]
        if p[0] == "W":
            dW[p[1]][p[2]][p[3]] = F(1)
        else:
            db[p[1]][p[2]] = F(1)
        Hm.append(_dgrad(Ws, bs, dW, db, leak, X, Y, pats))
    for i in range(P):
        for j in range(i):
            if Hm[i][j] != Hm[j][i]:
                raise AssertionError("reference Hessian not symmetric")
    pos, neg, zero = _inertia([row[:] for row in Hm])
    return P - zero, pos, neg, zero


def _inertia(M):
    """Exact inertia by symmetric elimination (congruence; Sylvester's law of inertia)."""
    n = len(M)
    pos = neg = 0
    act = list(range(n))
    while act:
        p = next((i for i in act if M[i][i] != 0), None)
        if p is None:
            pair = next(((i, j) for i in act for j in act if i != j and M[i][j] != 0), None)
            if pair is None:
                break
            i, j = pair
            # e_i <- e_i + e_j : row and column operation; new M_ii = 2 M_ij != 0
            for t in range(n):
                M[i][t] += M[j][t]
            for t in range(n):
                M[t][i] += M[t][j]
            p = i
        piv = M[p][p]
        if piv > 0:
            pos += 1
        else:
            neg += 1
        act.remove(p)
        for i in act:
            if M[i][p] != 0:
                q = M[i][p] / piv
                for t in act:
                    M[i][t] -= q * M[p][t]
        for i in act:
            M[p][i] = M[i][p] = F(0)
    return pos, neg, n - pos - neg


def _rank(M):
    r = 0
    rows, cols = len(M), len(M[0])
    for c in range(cols):
        piv = next((i for i in range(r, rows) if M[i][c] != 0), None)
        if piv is None:
            continue
        M[r], M[piv] = M[piv], M[r]
        for i in range(r + 1, rows):
            if M[i][c] != 0:
                q = M[i][c] / M[r][c]
                M[i] = [a - q * b for a, b in zip(M[i], M[r])]
        r += 1
    return r


def _dgrad(Ws, bs, dW, db, leak, X, Y, pats):
    """Directional derivative of the gradient (dual numbers (v, dv))."""
    N = len(X)
    L = len(Ws)
    gW = [[[F(0)] * len(W[0]) for _ in W] for W in Ws]
    gb = [[F(0)] * len(b) for b in bs]
    for n, (x, y) in enumerate(zip(X, Y)):
        hs = [(list(x), [F(0)] * len(x))]
        h, dh = list(x), [F(0)] * len(x)
        zs = []
        for k in range(L):
            z = [bs[k][i] + sum(Ws[k][i][j] * h[j] for j in range(len(h))) for i in range(len(Ws[k]))]
            dz = [db[k][i] + sum(dW[k][i][j] * h[j] + Ws[k][i][j] * dh[j] for j in range(len(h)))
                  for i in range(len(Ws[k]))]
            zs.append((z, dz))
            if k + 1 < L:
                m = [F(1) if pats[n][k][i] else leak for i in range(len(z))]
                h = [m[i] * z[i] for i in range(len(z))]
                dh = [m[i] * dz[i] for i in range(len(z))]
                hs.append((h, dh))
        z, dz = zs[-1]
        delta = [2 * (a - b) / N for a, b in zip(z, y)]
        ddelta = [2 * a / N for a in dz]
        for k in range(L - 1, -1, -1):
            hk, dhk = hs[k]
            for i in range(len(Ws[k])):
                gb[k][i] += ddelta[i]
                for j in range(len(hk)):
                    gW[k][i][j] += ddelta[i] * hk[j] + delta[i] * dhk[j]
            if k > 0:
                back = [sum(Ws[k][i][j] * delta[i] for i in range(len(Ws[k]))) for j in range(len(hk))]
                dback = [sum(dW[k][i][j] * delta[i] + Ws[k][i][j] * ddelta[i] for i in range(len(Ws[k])))
                         for j in range(len(hk))]
                m = [F(1) if pats[n][k - 1][j] else leak for j in range(len(back))]
                delta = [back[j] * m[j] for j in range(len(back))]
                ddelta = [dback[j] * m[j] for j in range(len(back))]
    flat = []
    for k in range(L):
        for row in gW[k]:
            flat += row
        flat += gb[k]
    return flat


def classes_of(Y):
    labs = []
    cl = []
    for y in Y:
        t = tuple(y)
        if t not in labs:
            labs.append(t)
        cl.append(labs.index(t))
    return cl, labs


def check_point(pt, X, Y, cls, name, hess=True):
    probs = []
    if not pt.get("built"):
        if pt.get("proved"):
            probs.append("%s: proved but not built" % name)
        return probs, None
    net = load_net(pt["network"])
    d = len(net[0][0][0])
    Xin = [x[:d] + [F(0)] * 0 for x in X]
    if len(X[0]) != d:
        probs.append("%s: network input dim %d, data %d" % (name, d, len(X[0])))
        return probs, None
    c = cost(net, Xin, Y)
    if F(pt["cost"]) != c:
        probs.append("%s: printed cost %s, recomputed %s" % (name, pt["cost"], c))
    # note: relucert numbers classes by one-hot position; we compare kept sets by labels' samples
    kept = pt["kept"]
    T = [n for n in range(len(X)) if cls[n] in kept]
    lb = rss([Xin[n] for n in T], [Y[n] for n in T]) / len(X)
    if F(pt["lower_bound"]) != lb:
        probs.append("%s: printed lower_bound %s, recomputed RSS_T/N %s" % (name, pt["lower_bound"], lb))
    minabs = None
    patsT = set()
    for n, x in enumerate(Xin):
        _, pres, pats = forward(net, x)
        for z in pres:
            for v in z:
                minabs = abs(v) if minabs is None else min(minabs, abs(v))
        if n in T:
            patsT.add(tuple(pats))
    if pt.get("min_abs_pre_activation") is not None and F(pt["min_abs_pre_activation"]) != minabs:
        probs.append("%s: min_abs_pre_activation %s, recomputed %s" % (name, pt["min_abs_pre_activation"], minabs))
    g = grad(net, Xin, Y)
    gz = all(v == 0 for v in g)
    if pt.get("gradient_zero") != gz and minabs != 0:
        probs.append("%s: gradient_zero %s, recomputed %s (max |g| %s)" % (name, pt.get("gradient_zero"), gz, max(abs(v) for v in g)))
    if pt.get("proved"):
        if minabs == 0:
            probs.append("%s: PROVED but a pre-activation is exactly 0" % name)
        if len(patsT) > 1:
            probs.append("%s: PROVED but kept samples have %d patterns" % (name, len(patsT)))
        if c != lb:
            probs.append("%s: PROVED but cost %s != RSS_T/N %s" % (name, c, lb))
        if pt.get("minimum") == "global" and c != 0:
            probs.append("%s: PROVED global with cost %s" % (name, c))
        if not gz:
            probs.append("%s: PROVED but gradient nonzero" % name)
    hinfo = None
    if hess and pt.get("hessian") and minabs != 0:
        hinfo = hessian_info(net, Xin, Y)
        if hinfo is not None and hinfo[1] is not None:
            rank, pos, neg, zero = hinfo
            h = pt["hessian"]
            if (h["positive"], h["zero"], h["negative"]) != (pos, zero, neg):
                probs.append("%s: hessian %s, reference +%d 0:%d -%d" % (name, h, pos, zero, neg))
    return probs, hinfo


def main():
    relucert, data = sys.argv[1], sys.argv[2]
    extra = sys.argv[3:]
    p = subprocess.run([relucert, "construct", data, "--json"] + extra, capture_output=True, text=True, timeout=600)
    if p.returncode != 0:
        print("exit %d: %s" % (p.returncode, p.stderr.strip()))
        sys.exit(0 if p.returncode == 2 else 1)
    o = json.loads(p.stdout)
    X, Y = load_data(data)
    # relucert's class numbering: one-hot position, otherwise first appearance
    onehot = o["labels"] == "one_hot"
    if onehot:
        cls = [next(i for i, v in enumerate(y) if v == 1) for y in Y]
        cls = [sorted(set(cls)).index(c) for c in cls]
    else:
        cls, _ = classes_of(Y)
    allp = []
    npts = 0
    nproved = 0
    for name, pt in [("global", o["global"])] + [("local%s" % q["collapsed"], q) for q in o["local_minima"]]:
        pr, _ = check_point(pt, X, Y, cls, name, hess="--no-hessian" not in extra)
        allp += pr
        npts += 1
        nproved += bool(pt.get("proved"))
    for q in allp:
        print("PROBLEM", data, q)
    print("checked", data, "points", npts, "proved", nproved, "problems", len(allp))
    sys.exit(1 if allp else 0)


if __name__ == "__main__":
    main()
