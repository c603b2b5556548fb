"""Random obstruct problems (shared by fuzz_obstruct.py and obstruct_cert_ref.py)."""
import sys as _sys
if hasattr(_sys, "set_int_max_str_digits"):
    _sys.set_int_max_str_digits(0)
import json, math, os, random, subprocess, sys
from fractions import Fraction as F


def fs(x):
    x = F(x)
    return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)


def gen(rng):
    d = rng.choice([1, 1, 2])
    l = rng.randint(1, 3) if not os.environ.get("OBS_BIG") else rng.randint(3, 6)
    e = 1 if rng.random() < 0.85 else 2
    hb = rng.random() < 0.7
    ob = rng.random() < 0.3
    leak = F(0) if rng.random() < 0.75 else F(rng.choice([1, 1, 3]), rng.choice([4, 10]))
    N = rng.randint(1, 7) if not os.environ.get("OBS_BIG") else rng.randint(6, 12)
    W1 = [[F(rng.randint(-4, 4), rng.choice([1, 2, 5])) for _ in range(d)] for _ in range(l)]
    b1 = [F(rng.randint(-4, 4), rng.choice([1, 2, 5])) for _ in range(l)]
    W2 = [[F(rng.randint(-8, 8), rng.choice([1, 2, 5])) for _ in range(l)] for _ in range(e)]
    b2 = [F(rng.randint(-2, 2)) for _ in range(e)]
    if rng.random() < 0.35:
        # a neuron on the zero level c = 0 exactly, or with |c| = 10^-30
        k = rng.randrange(l)
        dp = d + (1 if hb else 0)
        vec = [F(3), F(4)] if dp >= 2 else [F(5)]
        vec += [F(0)] * (dp - len(vec))
        sg = [rng.choice([1, -1]) for _ in vec]
        vec = [a * s for a, s in zip(vec, sg)]
        W1[k] = vec[:d]
        if hb:
            b1[k] = vec[d] if len(vec) > d else F(0)
        v = F(5) * rng.choice([1, -1])
        t = rng.random()
        if t < 0.5 or e > 1:
            W2[0][k] = v
            for i in range(1, e):
                W2[i][k] = F(0)
        else:
            W2[0][k] = v + (F(1, 10 ** 30) if t < 0.75 else -F(1, 10 ** 30)) * (1 if v > 0 else -1)
    X = [[F(rng.randint(-3, 3), rng.choice([1, 2])) for _ in range(d)] for _ in range(N)]
    if rng.random() < 0.2:
        X = [[F(0)] * d for _ in range(N)]
    loss = "bce" if (e == 1 and rng.random() < 0.25) else "mse"
    if loss == "bce":
        Y = [[F(rng.choice([0, 0, 1, 1, 1, 2]), 2)] for _ in range(N)]
    else:
        Y = [[F(rng.randint(-3, 3), rng.choice([1, 2])) for _ in range(e)] for _ in range(N)]
    net = {"format": "relucert.network/1", "W1": [[fs(v) for v in r] for r in W1],
           "W2": [[fs(v) for v in r] for r in W2]}
    if hb:
        net["b1"] = [fs(v) for v in b1]
    if ob:
        net["b2"] = [fs(v) for v in b2]
    if leak:
        net["activation"] = {"leaky_relu": fs(leak)}
    data = {"format": "relucert.dataset/1", "X": [[fs(v) for v in x] for x in X], "y": [[fs(v) for v in y] for y in Y]}
    return net, data, loss


