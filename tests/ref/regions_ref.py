"""Independent exact reference for `relucert regions` (breaker tests).

Regions: patterns s whose open set U_s = {x in int D : g_j^s(x) > 0 if s_j = 1,
g_j^s(x) < 0 if s_j = 0 and g_j^s not identically 0} is nonempty, g_j^s the pre-activation
computed with the masks of s (affine in x).  Decided by the exact LP
max t s.t. row(x) >= t (every strict row), t <= 1: U_s nonempty iff the optimum is > 0.
Facets of the closure: rows grouped by positive proportionality; a group is a facet iff
max t s.t. row_i(x) = 0, every other row >= t, t <= 1 has optimum > 0.
Bounded (no box): max +-y_k s.t. a_i.y >= 0, |y_k| <= 1 all zero.
"""
import sys as _sys
if hasattr(_sys, "set_int_max_str_digits"):
    _sys.set_int_max_str_digits(0)
import json
import sys
from fractions import Fraction as F

sys.path.insert(0, __file__.rsplit("/", 1)[0])
from exactlp import lp_max  # noqa: E402


def parse_num(s):
    if isinstance(s, (int,)):
        return F(s)
    s = str(s).strip()
    if "0x" in s.lower():
        neg = s.startswith("-")
        t = s.lstrip("+-")[2:].lower()
        mant, _, ex = t.partition("p")
        ip, _, fp = mant.partition(".")
        v = F(int(ip or "0", 16)) + (F(int(fp, 16), 16 ** len(fp)) if fp else 0)
        v *= F(2) ** int(ex or "0")
        return -v if neg else v
    return F(s)


def load_net(path_or_obj):
    obj = path_or_obj
    if isinstance(obj, str):
        with open(obj) as f:
            obj = json.load(f)
    Ws, bs = [], []
    k = 1
    while ("W%d" % k) in obj:
        W = obj["W%d" % k]
        if W and not isinstance(W[0], list):
            W = [W]
        W = [[parse_num(v) for v in row] for row in W]
        b = obj.get("b%d" % k)
        b = [parse_num(v) for v in b] if b is not None else [F(0)] * len(W)
        Ws.append(W)
        bs.append(b)
        k += 1
    act = obj.get("activation", "relu")
    leak = F(0) if act == "relu" else parse_num(act["leaky_relu"])
    return Ws, bs, leak


def _interior(rows, d):
    """rows: list of (a, b) meaning a.x + b > 0 wanted. Return exact interior point or None."""
    if not rows:
        return [F(0)] * d
    # variables x (d), t ; maximize t ; -a.x + t <= b ; t <= 1
    A = [[-v for v in a] + [F(1)] for a, b in rows]
    bb = [b for a, b in rows]
    A.append([F(0)] * d + [F(1)])
    bb.append(F(1))
    st, val, x = lp_max([F(0)] * d + [F(1)], A, bb)
    if st == "optimal" and val > 0:
        return x[:d]
    return None


def _prop_pos(r1, r2):
    """r1 = lambda r2 with lambda > 0 ?"""
    a1 = r1[0] + [r1[1]]
    a2 = r2[0] + [r2[1]]
    lam = None
    for u, v in zip(a1, a2):
        if (u == 0) != (v == 0):
            return False
        if u != 0:
            q = u / v
            if lam is None:
                lam = q
            elif q != lam:
                return False
    return lam is not None and lam > 0


def _is_facet(i, rows, d):
    others = [r for k, r in enumerate(rows) if not _prop_pos(r, rows[i])]
    a, b = rows[i]
    # x, t: maximize t; a.x + b = 0 (two ineqs); -(a_k.x) + t <= b_k ; t <= 1
    A = [a + [F(0)], [-v for v in a] + [F(0)]]
    bb = [-b, b]
    for ak, bk in others:
        A.append([-v for v in ak] + [F(1)])
        bb.append(bk)
    A.append([F(0)] * d + [F(1)])
    bb.append(F(1))
    st, val, x = lp_max([F(0)] * d + [F(1)], A, bb)
    return st == "optimal" and val > 0


def _bounded(rows, d):
    for k in range(d):
        for sgn in (1, -1):
            A = [[-v for v in a] for a, b in rows]
            bb = [F(0)] * len(rows)
            for t in range(d):
                e = [F(0)] * d
                e[t] = F(1)
                A.append(e)
                bb.append(F(1))
                A.append([-v for v in e])
                bb.append(F(1))
            c = [F(0)] * d
            c[k] = F(sgn)
            st, val, x = lp_max(c, A, bb)
            if val > 0:
                return False
    return True


def regions(net, box=None):
    """net = (Ws, bs, leak); box = list of (lo, hi) or None.
    Returns list of dicts {pattern, point, facets, box_facets, bounded}."""
    Ws, bs, leak = net
    d = len(Ws[0][0])
    box_rows = []
    if box is not None:
        for i, (lo, hi) in enumerate(box):
            e = [F(0)] * d
            e[i] = F(1)
            box_rows.append((e[:], -lo))            # x_i - lo >= 0
            box_rows.append(([-v for v in e], hi))  # hi - x_i >= 0
    hidden = Ws[:-1]
    hb = bs[:-1]
    out = []

    def rec(layer, unit, Hprev, Zcur, rows, constrows, pattern, bits_layer):
        # Hprev: affine map of h_{layer-1} as list of (a, b); Zcur: pre-activations of this layer
        if layer == len(hidden):
            pt = _interior(rows, d)
            assert pt is not None
            # facets
            nrow = len(rows)
            seen = []
            facets = 0
            boxf = 0
            for i in range(nrow):
                if any(_prop_pos(rows[i], rows[k]) for k in seen):
                    continue
                seen.append(i)
                if _is_facet(i, rows, d):
                    facets += 1
                    # on the box if some box row is proportional
                    if any(_prop_pos(rows[i], br) for br in box_rows):
                        boxf += 1
            bnd = True if box is not None else _bounded(rows, d)
            out.append(dict(pattern="".join(map(str, pattern)), point=pt,
                            facets=facets, box_facets=boxf, bounded=bnd, rows=list(rows)))
            return
        if unit == len(hidden[layer]):
            # build h_layer from Zcur and bits
            Hn = []
            for j, (a, b) in enumerate(Zcur):
                m = F(1) if bits_layer[j] else leak
                Hn.append(([m * v for v in a], m * b))
            if layer + 1 < len(hidden):
                Z = _layer(hidden[layer + 1], hb[layer + 1], Hn, d)
            else:
                Z = None
            rec(layer + 1, 0, Hn, Z, rows, constrows, pattern, [])
            return
        a, b = Zcur[unit]
        if all(v == 0 for v in a):
            bit = 1 if b > 0 else 0
            rec(layer, unit + 1, Hprev, Zcur, rows, constrows, pattern + [bit], bits_layer + [bit])
            return
        for bit in (0, 1):
            sg = 1 if bit else -1
            r = ([sg * v for v in a], sg * b)
            nr = rows + [r]
            if _interior(nr, d) is not None:
                rec(layer, unit + 1, Hprev, Zcur, nr, constrows, pattern + [bit], bits_layer + [bit])

    H0 = []
    for i in range(d):
        e = [F(0)] * d
        e[i] = F(1)
        H0.append((e, F(0)))
    Z1 = _layer(hidden[0], hb[0], H0, d)
    rec(0, 0, H0, Z1, list(box_rows), [], [], [])
    return out


def _layer(W, b, Hprev, d):
    Z = []
    for i, row in enumerate(W):
        a = [F(0)] * d
        c = b[i]
        for j, w in enumerate(row):
            if w == 0:
                continue
            aj, bj = Hprev[j]
            for t in range(d):
                a[t] += w * aj[t]
            c += w * bj
        Z.append((a, c))
    return Z


def _solve(M, r):
    """exact solution of the square system M x = r, or None when singular"""
    n = len(M)
    A = [list(M[i]) + [r[i]] for i in range(n)]
    for c in range(n):
        p = next((i for i in range(c, n) if A[i][c] != 0), None)
        if p is None:
            return None
        A[c], A[p] = A[p], A[c]
        for i in range(n):
            if i != c and A[i][c] != 0:
                q = A[i][c] / A[c][c]
                A[i] = [a - q * b for a, b in zip(A[i], A[c])]
    return [A[i][n] / A[i][i] for i in range(n)]


def vertices(rows, d):
    import itertools
    vs = []
    for comb in itertools.combinations(range(len(rows)), d):
        x = _solve([rows[i][0] for i in comb], [-rows[i][1] for i in comb])
        if x is None:
            continue
        if all(sum(a * b for a, b in zip(r[0], x)) + r[1] >= 0 for r in rows) and x not in vs:
            vs.append(x)
    return vs


def _polygon_area(pts2):
    """exact area of the convex hull of distinct points in the plane (all are hull vertices)"""
    import functools
    n = len(pts2)
    if n < 3:
        return F(0)
    cx = sum(p[0] for p in pts2) / n
    cy = sum(p[1] for p in pts2) / n

    def half(p):
        return 0 if (p[1] - cy > 0 or (p[1] == cy and p[0] - cx > 0)) else 1

    def cmp(p, q):
        hp, hq = half(p), half(q)
        if hp != hq:
            return hp - hq
        cr = (p[0] - cx) * (q[1] - cy) - (p[1] - cy) * (q[0] - cx)
        return -1 if cr > 0 else (1 if cr < 0 else 0)
    P = sorted(pts2, key=functools.cmp_to_key(cmp))
    a = F(0)
    for i in range(n):
        a += P[i][0] * P[(i + 1) % n][1] - P[(i + 1) % n][0] * P[i][1]
    return abs(a) / 2


def volume(rows, d, point):
    """exact volume of the bounded polytope {rows >= 0} (d = 1, 2, 3)"""
    vs = vertices(rows, d)
    if d == 1:
        xs = [v[0] for v in vs]
        return max(xs) - min(xs)
    if d == 2:
        return _polygon_area(vs)
    if d == 3:
        vol = F(0)
        seen = []
        for r in rows:
            a, b = r
            if all(v == 0 for v in a) or any(_prop_pos(r, q) for q in seen):
                continue
            seen.append(r)
            on = [v for v in vs if sum(x * y for x, y in zip(a, v)) + b == 0]
            if len(on) < 3:
                continue
            k = max(range(3), key=lambda t: abs(a[t]))
            keep = [t for t in range(3) if t != k]
            area = _polygon_area([[v[keep[0]], v[keep[1]]] for v in on])
            h = sum(x * y for x, y in zip(a, point)) + b
            vol += area * h / abs(a[k]) / 3
        return vol
    return None


def summary(regs, box):
    hist = {}
    histi = {}
    for r in regs:
        hist[r["facets"]] = hist.get(r["facets"], 0) + 1
        k = r["facets"] - r["box_facets"]
        histi[k] = histi.get(k, 0) + 1
    s = dict(regions=len(regs), bounded=sum(1 for r in regs if r["bounded"]),
             unbounded=sum(1 for r in regs if not r["bounded"]),
             facets_total=sum(r["facets"] for r in regs),
             facets_hist={str(k): v for k, v in sorted(hist.items())})
    if box is not None:
        s["facets_hist_interior"] = {str(k): v for k, v in sorted(histi.items())}
    return s


if __name__ == "__main__":
    net = load_net(sys.argv[1])
    box = None
    args = [a for a in sys.argv[2:] if a != "-v"]
    if args:
        parts = args[0].split(",")
        d = len(net[0][0][0])
        if len(parts) == 1:
            parts = parts * d
        box = [tuple(F(p) for p in q.split(":")) for q in parts]
    regs = regions(net, box)
    print(json.dumps(summary(regs, box)))
    for r in (regs if "-v" in sys.argv else []):
        print(r["pattern"], r["facets"], r["box_facets"], r["bounded"])
