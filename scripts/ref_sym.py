#!/usr/bin/python3
"""Breaker's brute-force references for `relucert inspect`, `equiv`, `reach`, `canon`
(doc/math.md §3, §4, §9), written from the statements, not from src/.

Usage: ref_sym.py RELUCERT [N_ROUNDS] [SEED]
Generates small adversarial shallow networks (entries from a tiny set so that zero neurons,
duplicates, positive and negative multiples and exact ties c = 0 are frequent) and deep ones,
runs the CLI, and compares every answer with
  inspect: exact levels, signs, sheets, 2^m, (n1+1)(n2+1), Betti numbers by multiplying the
           factor polynomials (c>0: 1+t^(d'-1), c<0: 1+t^(e-1), c=0: 1, t^0 meaning 2);
  equiv:   all permutations, neuron pairs compared by solving w' = a w, v' = v/a for a > 0;
  reach:   all permutations, neuron j fits slot k iff some a > 0 gives level c_k on slot k's sheet
           (the level a^2|w|^2 - |v|^2/a^2 is onto R when w, v != 0, onto (0,inf) when v = 0 != w,
           onto (-inf,0) when w = 0 != v, {0} when both are 0);
  canon:   the output is equivalent to the input (brute force), is a fixed point, is normalized
           and sorted, and equals canon of random symmetric copies.
"""
import itertools, json, os, random, subprocess, sys, tempfile
from fractions import Fraction as Fr

RC = None
TMP = tempfile.mkdtemp(prefix="ref_sym_")
FAILS = []
COUNT = {"inspect": 0, "equiv": 0, "reach": 0, "canon": 0, "deep": 0}


def fail(msg, *files):
    blob = "\n".join(f"--- {f}\n{open(f).read()}" for f in files)
    FAILS.append(msg + "\n" + blob)
    print("FAIL:", msg, flush=True)


def s(x):
    return str(x.numerator) if x.denominator == 1 else f"{x.numerator}/{x.denominator}"


class Net:
    def __init__(self, W1, b1, W2, b2, leak=Fr(0)):
        self.W1, self.b1, self.W2, self.b2, self.leak = W1, b1, W2, b2, leak
        self.l = len(W1)
        self.d = len(W1[0]) if W1 else 0
        self.e = len(W2)

    def w(self, k):
        return list(self.W1[k]) + ([self.b1[k]] if self.b1 is not None else [])

    def v(self, k):
        return [self.W2[i][k] for i in range(self.e)]

    def dp(self):
        return self.d + (1 if self.b1 is not None else 0)

    def level(self, k):
        return sum(x * x for x in self.w(k)) - sum(x * x for x in self.v(k))

    def dump(self, path):
        o = {"format": "relucert.network/1",
             "W1": [[s(x) for x in r] for r in self.W1],
             "W2": [[s(x) for x in r] for r in self.W2]}
        if self.leak != 0:
            o["activation"] = {"leaky_relu": s(self.leak)}
        if self.b1 is not None:
            o["b1"] = [s(x) for x in self.b1]
        if self.b2 is not None:
            o["b2"] = [s(x) for x in self.b2]
        with open(path, "w") as f:
            json.dump(o, f)
        return path

    def copy_sym(self, rng, allow_neg=False):
        """A random permuted, positively rescaled copy (negative scale when allow_neg)."""
        perm = list(range(self.l))
        rng.shuffle(perm)
        W1, b1, W2 = [], [] if self.b1 is not None else None, [[None] * self.l for _ in range(self.e)]
        for newk, k in enumerate(perm):
            a = Fr(rng.randint(1, 7), rng.randint(1, 7))
            if allow_neg and rng.random() < 0.5:
                a = -a
            W1.append([a * x for x in self.W1[k]])
            if b1 is not None:
                b1.append(a * self.b1[k])
            for i in range(self.e):
                W2[i][newk] = self.W2[i][k] / a
        return Net(W1, b1, W2, None if self.b2 is None else list(self.b2), self.leak), perm


def read_net(path_or_obj):
    o = json.loads(path_or_obj) if isinstance(path_or_obj, str) else path_or_obj
    W1 = [[Fr(x) for x in r] for r in o["W1"]]
    W2 = o["W2"]
    if W2 and not isinstance(W2[0], list):
        W2 = [W2]
    W2 = [[Fr(x) for x in r] for r in W2]
    b1 = [Fr(x) for x in o["b1"]] if "b1" in o else None
    b2 = [Fr(x) for x in o["b2"]] if "b2" in o else None
    leak = Fr(0)
    act = o.get("activation", "relu")
    if isinstance(act, dict):
        leak = Fr(act["leaky_relu"])
    return Net(W1, b1, W2, b2, leak)


VALS = [Fr(0)] * 4 + [Fr(1), Fr(-1), Fr(2), Fr(-2), Fr(1, 2), Fr(-1, 2), Fr(3), Fr(-3, 2)]


def rand_net(rng, d=None, l=None, e=None):
    d = d or rng.randint(1, 3)
    l = l or rng.randint(1, 6)
    e = e or rng.choice([1, 1, 2, 3])
    val = lambda: rng.choice(VALS)
    W1 = [[val() for _ in range(d)] for _ in range(l)]
    b1 = [val() for _ in range(l)] if rng.random() < 0.6 else None
    W2 = [[val() for _ in range(l)] for _ in range(e)]
    b2 = [val() for _ in range(e)] if rng.random() < 0.5 else None
    net = Net(W1, b1, W2, b2, Fr(rng.choice([0, 0, 0, 1]), 10))
    # adversarial edits: duplicates, positive/negative multiples, exact c = 0
    for k in range(l):
        r = rng.random()
        if r < 0.15 and k > 0:
            j = rng.randrange(k)
            a = rng.choice([Fr(1), Fr(2), Fr(1, 3), Fr(-1), Fr(-2)])
            net.W1[k] = [a * x for x in net.W1[j]]
            if net.b1 is not None:
                net.b1[k] = a * net.b1[j]
            for i in range(e):
                net.W2[i][k] = net.W2[i][j] / a
        elif r < 0.3:
            # make c = 0 exactly: w = (x, 0..), v = (x, 0..) up to signs, or ||w|| = ||v|| by 3-4-5
            for j in range(d):
                net.W1[k][j] = Fr(0)
            if net.b1 is not None:
                net.b1[k] = Fr(0)
            for i in range(e):
                net.W2[i][k] = Fr(0)
            x = rng.choice([Fr(1), Fr(-2), Fr(3, 2)])
            if rng.random() < 0.5 and d >= 2 and e >= 1:
                net.W1[k][0], net.W1[k][1], net.W2[0][k] = 3 * x, 4 * x, rng.choice([5, -5]) * x
            else:
                net.W1[k][0], net.W2[0][k] = x, rng.choice([x, -x])
    return net


def run(args):
    r = subprocess.run([RC] + args, capture_output=True, text=True, timeout=120)
    return r.returncode, r.stdout, r.stderr


# ---------------------------------------------------------------- inspect
def poly_mul(a, b):
    r = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            r[i + j] += x * y
    return r


def factor_poly(exp):
    if exp == 0:
        return [2]
    p = [0] * (exp + 1)
    p[0] += 1
    p[exp] += 1
    return p


def check_inspect(net, path):
    COUNT["inspect"] += 1
    st, out, err = run(["inspect", path, "--json"])
    if st != 0:
        return fail(f"inspect exit {st}: {err.strip()}", path)
    o = json.loads(out)
    dp, e = net.dp(), net.e
    P = [1]
    n1 = n2 = plus1 = plus2 = 0
    comp = ""
    cnt = {"negative": 0, "zero": 0, "positive": 0}
    for k in range(net.l):
        c = net.level(k)
        sg = (c > 0) - (c < 0)
        nk = o["neurons"][k]
        if Fr(nk["c"]) != c or nk["level_sign"] != sg:
            fail(f"inspect neuron {k}: c {nk['c']} sign {nk['level_sign']}, want {c}", path)
        disc = (sg < 0 and e == 1) or (sg > 0 and dp == 1)
        side = None
        if sg < 0:
            cnt["negative"] += 1
            P = poly_mul(P, factor_poly(e - 1))
            if e == 1:
                n1 += 1
                side = "+" if net.v(k)[0] > 0 else "-"
                plus1 += side == "+"
        elif sg > 0:
            cnt["positive"] += 1
            P = poly_mul(P, factor_poly(dp - 1))
            if dp == 1:
                n2 += 1
                side = "+" if net.w(k)[0] > 0 else "-"
                plus2 += side == "+"
        else:
            cnt["zero"] += 1
        if side:
            comp += side
        if nk["disconnected"] != disc or nk["side"] != side:
            fail(f"inspect neuron {k}: disconnected {nk['disconnected']} side {nk['side']}, want {disc} {side}", path)
    while len(P) > 1 and P[-1] == 0:
        P.pop()
    want = {"components": str(2 ** (n1 + n2)), "effective_components": str((n1 + 1) * (n2 + 1)),
            "betti": [str(x) for x in P], "component": comp,
            "effective_component": {"plus_negative_level": plus1, "of_negative_level": n1,
                                    "plus_positive_level": plus2, "of_positive_level": n2},
            "input_dim_effective": dp}
    for key, val in want.items():
        if o[key] != val:
            fail(f"inspect {key}: {o[key]} want {val}", path)
    if P[0] != 2 ** (n1 + n2):
        fail("reference inconsistency b0", path)
    lv = o["levels"]
    for kk in cnt:
        if lv[kk] != cnt[kk]:
            fail(f"inspect levels.{kk} {lv[kk]} want {cnt[kk]}", path)
    if lv["pathological"] != (cnt["negative"] if e == 1 else 0):
        fail(f"inspect pathological {lv['pathological']}", path)


# ---------------------------------------------------------------- equiv
def neuron_equiv(wa, va, wb, vb):
    """exists a > 0: wb = a wa, vb = va / a."""
    nz = [i for i, x in enumerate(wa) if x != 0]
    if not nz:
        if any(x != 0 for x in wb):
            return False
        nzv = [i for i, x in enumerate(va) if x != 0]
        if not nzv:
            return all(x == 0 for x in vb)
        i = nzv[0]
        if vb[i] == 0:
            return False
        inv = vb[i] / va[i]      # = 1/a
        return inv > 0 and all(vb[j] == va[j] * inv for j in range(len(va)))
    a = wb[nz[0]] / wa[nz[0]]
    if a <= 0:
        return False
    return all(wb[j] == a * wa[j] for j in range(len(wa))) and all(vb[j] == va[j] / a for j in range(len(va)))


def same_shape(a, b):
    return (a.d, a.l, a.e, a.b1 is None, a.b2 is None, a.leak) == (b.d, b.l, b.e, b.b1 is None, b.b2 is None, b.leak)


def brute_equiv(a, b):
    if not same_shape(a, b):
        return False
    if a.b2 is not None and a.b2 != b.b2:
        return False
    M = [[neuron_equiv(a.w(i), a.v(i), b.w(k), b.v(k)) for k in range(b.l)] for i in range(a.l)]
    for p in itertools.permutations(range(a.l)):   # p[k]: neuron of a matched to k of b
        if all(M[p[k]][k] for k in range(b.l)):
            return True
    return False


def check_equiv(a, b, pa, pb):
    COUNT["equiv"] += 1
    st, out, err = run(["equiv", pa, pb, "--json"])
    if st != 0:
        return fail(f"equiv exit {st}: {err.strip()}", pa, pb)
    o = json.loads(out)
    want = brute_equiv(a, b)
    if o["equivalent"] != want:
        return fail(f"equiv says {o['equivalent']}, brute force {want}", pa, pb)
    if want:
        perm = o["permutation"]
        if sorted(perm) != list(range(a.l)) or not all(
                neuron_equiv(a.w(perm[k]), a.v(perm[k]), b.w(k), b.v(k)) for k in range(b.l)):
            fail(f"equiv permutation {perm} invalid", pa, pb)


# ---------------------------------------------------------------- reach
def fits(init, k, t, j):
    c = init.level(k)
    w, v = t.w(j), t.v(j)
    wnz, vnz = any(x != 0 for x in w), any(x != 0 for x in v)
    if c < 0:
        if not vnz:
            return False
        if init.e == 1 and (v[0] > 0) != (init.v(k)[0] > 0):
            return False
        return True
    if c > 0:
        if not wnz:
            return False
        if init.dp() == 1 and (w[0] > 0) != (init.w(k)[0] > 0):
            return False
        return True
    return wnz == vnz


def check_reach(init, t, pi, pt):
    COUNT["reach"] += 1
    st, out, err = run(["reach", pi, pt, "--json"])
    if not same_shape(init, t):
        if st != 2:
            fail(f"reach on different shapes: exit {st}", pi, pt)
        return
    if st != 0:
        return fail(f"reach exit {st}: {err.strip()}", pi, pt)
    o = json.loads(out)
    l = init.l
    F = [[fits(init, k, t, j) for j in range(l)] for k in range(l)]
    want = any(all(F[k][p[k]] for k in range(l)) for p in itertools.permutations(range(l)))
    if o["reachable"] != want:
        return fail(f"reach says {o['reachable']}, brute force {want}", pi, pt)
    if want:
        asg = o["assignment"]
        if sorted(asg) != list(range(l)) or not all(F[k][asg[k]] for k in range(l)):
            fail(f"reach assignment {asg} invalid", pi, pt)
    else:
        S = o["blocking_target_neurons"]
        N = sorted({k for k in range(l) for j in S if F[k][j]})
        if len(N) >= len(S) or sorted(o["competing_init_neurons"]) != N:
            fail(f"reach blocking set {S} slots {o['competing_init_neurons']} (N(S) = {N}) not a Hall violator", pi, pt)


# ---------------------------------------------------------------- canon
def key(w, v):
    nz = [x for x in w if x != 0]
    if nz:
        s_ = abs(nz[0])
        return tuple([x / s_ for x in w] + [x * s_ for x in v])
    nzv = [x for x in v if x != 0]
    if nzv:
        s_ = abs(nzv[0])
        return tuple(list(w) + [x / s_ for x in v])
    return tuple(list(w) + list(v))


def check_canon(net, path, rng):
    COUNT["canon"] += 1
    st, out, err = run(["canon", path])
    if st != 0:
        return fail(f"canon exit {st}: {err.strip()}", path)
    c = read_net(out)
    if not brute_equiv(net, c) or c.leak != net.leak:
        return fail("canon output not equivalent to its input", path)
    keys = [tuple(c.w(k) + c.v(k)) for k in range(c.l)]
    if keys != sorted(keys):
        fail("canon neurons not sorted", path)
    for k in range(c.l):
        if tuple(c.w(k) + c.v(k)) != key(c.w(k), c.v(k)):
            fail(f"canon neuron {k} not normalized", path)
    # canon of a symmetric copy is identical
    cp, _ = net.copy_sym(rng)
    p2 = cp.dump(os.path.join(TMP, "canon_copy.json"))
    st, out2, err = run(["canon", p2])
    if st != 0 or out2 != out:
        fail("canon differs on a symmetric copy", path, p2)
    p3 = os.path.join(TMP, "canon_out.json")
    open(p3, "w").write(out)
    st, out3, err = run(["canon", p3])
    if out3 != out:
        fail("canon not idempotent", p3)


# ---------------------------------------------------------------- deep inspect
def check_deep(rng):
    COUNT["deep"] += 1
    n = rng.randint(3, 5)
    widths = [rng.randint(1, 3) for _ in range(n + 1)]
    val = lambda: rng.choice(VALS)
    Ws = [[[val() for _ in range(widths[k])] for _ in range(widths[k + 1])] for k in range(n)]
    bs = [[val() for _ in range(widths[k + 1])] if rng.random() < 0.6 else None for k in range(n)]
    o = {"format": "relucert.network/1"}
    for k in range(n):
        o[f"W{k+1}"] = [[s(x) for x in r] for r in Ws[k]]
        if bs[k] is not None:
            o[f"b{k+1}"] = [s(x) for x in bs[k]]
    path = os.path.join(TMP, "deep.json")
    json.dump(o, open(path, "w"))
    st, out, err = run(["inspect", path, "--json"])
    if st != 0:
        return fail(f"deep inspect exit {st}: {err.strip()}", path)
    res = json.loads(out)
    ref = []
    for k in range(n - 1):                     # hidden layer k+1: rows of Ws[k], columns of Ws[k+1]
        for j in range(widths[k + 1]):
            a2 = sum(x * x for x in Ws[k][j]) + (bs[k][j] ** 2 if bs[k] is not None else 0)
            o2 = sum(Ws[k + 1][i][j] ** 2 for i in range(widths[k + 2]))
            c = a2 - o2
            side = None
            if c < 0 and widths[k + 2] == 1:
                side = "+" if Ws[k + 1][0][j] > 0 else "-"
            nin = widths[k] + (1 if bs[k] is not None else 0)
            if c > 0 and nin == 1:          # |a|^2 >= c > 0 with a scalar: its sign is fixed
                a0 = Ws[k][j][0] if widths[k] == 1 else bs[k][j]
                side = "+" if a0 > 0 else "-"
            ref.append((k + 1, j, c, side))
    got = [(x["layer"], x["index"], Fr(x["c"]), x["side"]) for x in res["neurons"]]
    if got != ref:
        fail(f"deep levels {got} want {ref}", path)


def main():
    global RC
    RC = sys.argv[1]
    rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) > 3 else 1)
    for it in range(rounds):
        a = rand_net(rng)
        pa = a.dump(os.path.join(TMP, "a.json"))
        check_inspect(a, pa)
        check_canon(a, pa, rng)
        # equiv: a symmetric copy, a copy with a negative scale, a perturbed copy, an unrelated net
        b, _ = a.copy_sym(rng)
        r = rng.random()
        if r < 0.3:
            b, _ = a.copy_sym(rng, allow_neg=True)
        elif r < 0.5:
            k = rng.randrange(b.l)
            i = rng.randrange(b.d)
            b.W1[k][i] += rng.choice(VALS)
        elif r < 0.6:
            b = rand_net(rng, a.d, a.l, a.e)
            b.b1 = None if a.b1 is None else (b.b1 or [Fr(0)] * b.l)
            b.b2 = None if a.b2 is None else (b.b2 or [Fr(0)] * b.e)
            b.leak = a.leak
        elif r < 0.65 and b.b2 is not None:
            b.b2[0] += 1
        pb = b.dump(os.path.join(TMP, "b.json"))
        check_equiv(a, b, pa, pb)
        # reach: target a random net of the same shape (often with zero neurons), or b
        t = rand_net(rng, a.d, a.l, a.e) if rng.random() < 0.7 else b
        t.b1 = None if a.b1 is None else (t.b1 or [Fr(0)] * t.l)
        t.b2 = None if a.b2 is None else (t.b2 or [Fr(0)] * t.e)
        t.leak = a.leak
        pt = t.dump(os.path.join(TMP, "t.json"))
        check_reach(a, t, pa, pt)
        if it % 4 == 0:
            check_deep(rng)
    print(f"checked {COUNT}, failures {len(FAILS)}")
    for f in FAILS[:20]:
        print(f)
    sys.exit(1 if FAILS else 0)


if __name__ == "__main__":
    main()
