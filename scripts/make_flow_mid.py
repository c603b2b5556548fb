#!/usr/bin/python3
"""make_flow_mid.py: writes data/mid-net.json and data/mid-data.json, the mid-size flow case
(d = 5, l = 16, e = 1, N = 32, hidden bias, ReLU, MSE) from a fixed seed: exact short decimals.
Inputs x ~ U{-1, -7/8, ..., 1}^5; targets y = a 3-neuron ReLU teacher at x (exact, rounded to 1/64);
student weights W1, b1 ~ U{-0.50, -0.49, ..., 0.50} (2 decimals), W2 ~ U{-1.00, ..., 1.00}."""
import json, random
from fractions import Fraction

rng = random.Random(20261123)
d, l, n = 5, 16, 32
X = [[Fraction(rng.randint(-8, 8), 8) for _ in range(d)] for _ in range(n)]
tw = [[Fraction(rng.randint(-4, 4), 4) for _ in range(d)] for _ in range(3)]
tb = [Fraction(rng.randint(-2, 2), 4) for _ in range(3)]
tv = [Fraction(1), Fraction(-1), Fraction(1, 2)]
def teacher(x):
    s = sum(v * max(Fraction(0), sum(w * xi for w, xi in zip(ws, x)) + b) for ws, b, v in zip(tw, tb, tv))
    return Fraction(round(s * 64), 64)
Y = [teacher(x) for x in X]
def dec(q):
    q = Fraction(q)
    if q.denominator == 1:
        return str(q.numerator)
    return str(q.numerator) + "/" + str(q.denominator)
W1 = [["%.2f" % (rng.randint(-50, 50) / 100) for _ in range(d)] for _ in range(l)]
b1 = ["%.2f" % (rng.randint(-50, 50) / 100) for _ in range(l)]
W2 = [["%.2f" % (rng.randint(-100, 100) / 100) for _ in range(l)]]
net = {"format": "relucert.network/1", "activation": "relu", "W1": W1, "b1": b1, "W2": W2}
data = {"format": "relucert.dataset/1", "X": [[dec(v) for v in x] for x in X], "y": [dec(v) for v in Y]}
with open("data/mid-net.json", "w") as f:
    json.dump(net, f, indent=1)
    f.write("\n")
with open("data/mid-data.json", "w") as f:
    json.dump(data, f)
    f.write("\n")
