#!/usr/bin/python3
"""gen_adv.py SEED OUTPREFIX: a small adversarial flow problem (leaky ReLU / biases / several
outputs / duplicate rows / starts near switching surfaces); prints the weight decay to use."""
import json, random, sys
from fractions import Fraction as F
seed, out = int(sys.argv[1]), sys.argv[2]
r = random.Random(seed)
d, l, e, N = r.randint(1, 2), r.randint(2, 3), r.randint(1, 2), r.randint(3, 6)
leak = r.choice([None, "1/10", "1/4", "1/100"])
b1, b2 = r.random() < 0.7, r.random() < 0.5
lam = r.choice(["0", "0", "1/10", "1/2"])
grid = [F(k, 4) for k in range(-4, 5)]
X = [[r.choice(grid) for _ in range(d)] for _ in range(N)]
if r.random() < 0.6:                       # duplicate rows (maybe with other labels)
    X[-1] = list(X[0])
Y = [[F(r.randint(-16, 16), 16) for _ in range(e)] for _ in range(N)]
def q(x): x = F(x); return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)
W1 = [[F(r.randint(-50, 50), 100) for _ in range(d)] for _ in range(l)]
B1 = [F(r.randint(-30, 30), 100) for _ in range(l)]
# start near a switching surface: shift b1 (or W1) of one neuron so one pre-activation is +-eps
k = r.randrange(l); i = r.randrange(N); eps = F(r.choice([1, -1]), r.choice([1000, 10 ** 6, 10 ** 12]))
z = sum(W1[k][j] * X[i][j] for j in range(d)) + (B1[k] if b1 else 0)
if b1:
    B1[k] += eps - z
elif any(X[i]):
    j = max(range(d), key=lambda j: abs(X[i][j])); W1[k][j] += (eps - z) / X[i][j]
# no pre-activation exactly 0
for kk in range(l):
    for ii in range(N):
        zz = sum(W1[kk][j] * X[ii][j] for j in range(d)) + (B1[kk] if b1 else 0)
        if zz == 0:
            if b1: B1[kk] += F(1, 997)
            else: W1[kk][0] += F(1, 997)
W2 = [[F(r.randint(-100, 100), 100) for _ in range(l)] for _ in range(e)]
net = {"format": "relucert.network/1", "activation": "relu" if leak is None else {"leaky_relu": leak},
       "W1": [[q(v) for v in row] for row in W1], "W2": [[q(v) for v in row] for row in W2]}
if b1: net["b1"] = [q(v) for v in B1]
if b2: net["b2"] = [q(F(r.randint(-20, 20), 100)) for _ in range(e)]
data = {"format": "relucert.dataset/1", "X": [[q(v) for v in row] for row in X],
        "y": [q(row[0]) for row in Y] if e == 1 else [[q(v) for v in row] for row in Y]}
json.dump(net, open(out + "-net.json", "w")); json.dump(data, open(out + "-data.json", "w"))
print(lam)
