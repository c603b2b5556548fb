#!/usr/bin/python3
"""Breaker's check of the double-filtered level signs (src/net/level_sign.c) on .npz inputs:
networks whose levels are exact near-ties (c = 0 exactly, |c| a few ulps, subnormal and huge
entries); every inspect level and sign must equal the exact rational one (Fraction(float)).
Usage: break_npz_levels.py RELUCERT [ROUNDS]"""
import json, os, random, subprocess, sys, tempfile
from fractions import Fraction as Fr
import numpy as np

rc = sys.argv[1]
rounds = int(sys.argv[2]) if len(sys.argv) > 2 else 200
rng = random.Random(5)
tmp = tempfile.mkdtemp(prefix="npz_levels_")
bad = 0
for it in range(rounds):
    d, l, e = rng.randint(1, 4), rng.randint(1, 5), rng.randint(1, 3)
    scale = 2.0 ** rng.choice([0, 0, -540, -520, 500, -1060, 200])
    W1 = np.array([[rng.uniform(-1, 1) * scale for _ in range(d)] for _ in range(l)])
    b1 = np.array([rng.uniform(-1, 1) * scale for _ in range(l)]) if rng.random() < 0.5 else None
    W2 = np.array([[rng.uniform(-1, 1) * scale for _ in range(l)] for _ in range(e)])
    for k in range(l):
        kind = rng.random()
        if kind < 0.6:
            # near-tie: put |w|^2 = |v|^2 (+ a few ulps) with one coordinate each
            W1[k, :] = 0
            if b1 is not None:
                b1[k] = 0
            W2[:, k] = 0
            x = rng.uniform(0.5, 1) * scale
            W1[k, 0] = x
            y = x
            for _ in range(rng.choice([0, 0, 1, 2, -1, -2])):
                pass
            steps = rng.choice([0, 1, -1, 2, -2])
            for _ in range(abs(steps)):
                y = np.nextafter(y, np.inf if steps > 0 else -np.inf)
            W2[0, k] = y * rng.choice([1, -1])
            if rng.random() < 0.5 and d >= 2:
                # extra tiny coordinate that rounds away in double
                W1[k, 1] = x * 2.0 ** -rng.randint(27, 40)
    arrs = {"W1": W1, "W2": W2}
    if b1 is not None:
        arrs["b1"] = b1
    path = os.path.join(tmp, "n.npz")
    np.savez(path, **arrs)
    r = subprocess.run([rc, "inspect", path, "--json"], capture_output=True, text=True)
    if r.returncode != 0:
        print("ERR", r.stderr.strip())
        bad += 1
        continue
    o = json.loads(r.stdout)
    for k in range(l):
        w = [Fr(float(v)) for v in W1[k]] + ([Fr(float(b1[k]))] if b1 is not None else [])
        v = [Fr(float(W2[i, k])) for i in range(e)]
        c = sum(x * x for x in w) - sum(x * x for x in v)
        got = o["neurons"][k]
        if Fr(got["c"]) != c or got["level_sign"] != (c > 0) - (c < 0):
            bad += 1
            print(f"BAD round {it} neuron {k}: got {got['c']} sign {got['level_sign']}, exact sign {(c > 0) - (c < 0)}")
print(f"rounds {rounds} bad {bad}")
sys.exit(1 if bad else 0)
