#!/usr/bin/python3
"""scale.py NET DATA S OUTPREFIX: the flow problem scaled by the positive rational S (weights * S,
y * S^2; X unchanged; no output bias; a weight decay would scale by S^2): the scaled flow at time
t / S^2 is S theta(t) exactly (ReLU / leaky ReLU are positively homogeneous), its loss S^4 L."""
import json, sys
from fractions import Fraction
net, data, K, out = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4]
s = Fraction(K)
def q(x): x = Fraction(x); return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)
n = json.load(open(net)); d = json.load(open(data))
assert "b2" not in n
for key in ("W1", "W2"):
    n[key] = [[q(Fraction(v) * s) for v in row] for row in n[key]]
if "b1" in n:
    n["b1"] = [q(Fraction(v) * s) for v in n["b1"]]
d["y"] = [q(Fraction(v) * s * s) if not isinstance(v, list) else [q(Fraction(u) * s * s) for u in v] for v in d["y"]]
json.dump(n, open(out + "-net.json", "w")); json.dump(d, open(out + "-data.json", "w"))
