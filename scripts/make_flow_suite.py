#!/usr/bin/python3
"""make_flow_suite.py: writes the 40 random flow problems of data/flow-suite/ (issue 9), made like
scripts/make_flow_mid.py but smaller, from fixed seeds (problem NN uses seed 20261130 + NN):

  d in 1..5, l in 2..8, N in 4..16 (uniform), e = 1, hidden bias, ReLU, MSE (no output bias);
  inputs x ~ U{-1, -7/8, ..., 1}^d; targets y = a 3-neuron ReLU teacher at x, rounded to 1/32;
  student W1, b1 ~ U{-0.50, -0.49, ..., 0.50} (2 decimals), W2 ~ U{-1.00, ..., 1.00}.
  Every start pre-activation w_k . (x_i, 1) is at least 1/64 away from 0: a neuron row (w_k, b_k)
  that violates it is redrawn (the draw order is fixed, so the files are reproducible).

Writes data/flow-suite/NN-net.json, NN-data.json (NN = 00..39) and data/flow-suite/manifest.json
(per problem: seed, d, l, N, P, the smallest |pre-activation| at the start).  Usage:
  python3 scripts/make_flow_suite.py [OUTDIR]      (default data/flow-suite)"""
import json, os, random, sys
from fractions import Fraction

COUNT, SEED0 = 40, 20261130


def frac_str(q):
    q = Fraction(q)
    return str(q.numerator) if q.denominator == 1 else "%d/%d" % (q.numerator, q.denominator)


def dec2(rng, lo, hi):
    """a 2-decimal string drawn uniformly from {lo/100, ..., hi/100}, and its exact value"""
    v = rng.randint(lo, hi)
    s = ("-" if v < 0 else "") + "%d.%02d" % (abs(v) // 100, abs(v) % 100)
    return s, Fraction(v, 100)


def make(idx):
    rng = random.Random(SEED0 + idx)
    d, l, n = rng.randint(1, 5), rng.randint(2, 8), rng.randint(4, 16)
    X = [[Fraction(rng.randint(-8, 8), 8) for _ in range(d)] for _ in range(n)]
    tw = [[Fraction(rng.randint(-4, 4), 4) for _ in range(d)] for _ in range(3)]
    tb = [Fraction(rng.randint(-2, 2), 4) for _ in range(3)]
    tv = [Fraction(1), Fraction(-1), Fraction(1, 2)]

    def teacher(x):
        s = sum(v * max(Fraction(0), sum(w * xi for w, xi in zip(ws, x)) + b)
                for ws, b, v in zip(tw, tb, tv))
        return Fraction(round(s * 32), 32)

    Y = [teacher(x) for x in X]
    W1s, b1s, zmin = [], [], None
    for k in range(l):
        while True:
            row = [dec2(rng, -50, 50) for _ in range(d)]
            b = dec2(rng, -50, 50)
            zs = [abs(sum(w[1] * xi for w, xi in zip(row, x)) + b[1]) for x in X]
            if min(zs) >= Fraction(1, 64):
                break
        W1s.append([w[0] for w in row])
        b1s.append(b[0])
        zmin = min(zs) if zmin is None else min(zmin, min(zs))
    W2s = [[dec2(rng, -100, 100)[0] for _ in range(l)]]
    net = {"format": "relucert.network/1", "activation": "relu", "W1": W1s, "b1": b1s, "W2": W2s}
    data = {"format": "relucert.dataset/1", "X": [[frac_str(v) for v in x] for x in X],
            "y": [frac_str(v) for v in Y]}
    info = {"id": "%02d" % idx, "seed": SEED0 + idx, "d": d, "l": l, "N": n, "P": l * (d + 1) + l,
            "min_abs_preactivation": frac_str(zmin)}
    return net, data, info


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "data/flow-suite"
    os.makedirs(out, exist_ok=True)
    infos = []
    for idx in range(COUNT):
        net, data, info = make(idx)
        with open(os.path.join(out, "%02d-net.json" % idx), "w") as f:
            json.dump(net, f)
            f.write("\n")
        with open(os.path.join(out, "%02d-data.json" % idx), "w") as f:
            json.dump(data, f)
            f.write("\n")
        infos.append(info)
    with open(os.path.join(out, "manifest.json"), "w") as f:
        json.dump({"format": "relucert.flowsuite/1",
                   "generator": "scripts/make_flow_suite.py",
                   "problem": "e = 1, hidden bias, ReLU, MSE, no output bias, start |w_k.x_i| >= 1/64",
                   "problems": infos}, f, indent=1)
        f.write("\n")


if __name__ == "__main__":
    main()
