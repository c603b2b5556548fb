#!/usr/bin/python3
"""plot_toy.py OUT.png  (run from the repository root after scripts/demo.sh wrote out/*-tube.jsonl)

The toy experiment of doc/math.md section 8 in one figure: left, each neuron's certified trajectory in
the plane (||w_k||, v_k) on its hyperbola r^2 - v^2 = c_k (the invariant quadric), for both starts;
right, the certified loss enclosures over time with the obstruction bound 5/16.  Drawn from the
enclosures of `relucert flow --tube` (midpoints; the boxes are far thinner than the lines)."""
import json, sys
from fractions import Fraction
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt

out = sys.argv[1] if len(sys.argv) > 1 else "out/toy-flow.png"
mid = lambda p: (float(p[0]) + float(p[1])) / 2
starts = [("obstructed", "data/toy-obstructed.json", "tab:red"),
          ("unobstructed", "data/toy-unobstructed.json", "tab:blue")]
fig, (ax, bx) = plt.subplots(1, 2, figsize=(13, 5.2))
for name, netp, colour in starts:
    net = json.load(open(netp))
    W1 = [[Fraction(str(x)) for x in r] for r in net["W1"]]
    b1 = [Fraction(str(x)) for x in net["b1"]]
    W2 = [[Fraction(str(x)) for x in r] for r in net["W2"]]
    l, d = len(W1), len(W1[0])
    rows = [json.loads(s) for s in open(f"out/toy-{name}-tube.jsonl")]
    t = [mid(r["t"]) for r in rows]
    for k in range(l):
        c = sum(x * x for x in W1[k]) + b1[k] ** 2 - W2[0][k] ** 2
        rs = [float(W1[k][0] ** 2 + b1[k] ** 2) ** 0.5]
        vs = [float(W2[0][k])]
        for r in rows:
            th = [mid(p) for p in r["theta"]]
            rs.append((sum(th[k * d + j] ** 2 for j in range(d)) + th[l * d + k] ** 2) ** 0.5)
            vs.append(th[l * (d + 1) + k])
        ax.plot(rs, vs, color=colour, lw=2, ls="-" if k == 0 else "--",
                label=f"{name}, neuron {k}: c = {c}")
        ax.plot(rs[0], vs[0], "o", color=colour)
        ax.plot(rs[-1], vs[-1], "s", color=colour)
    bx.semilogy(t, [max(mid(r["loss"]), 1e-30) for r in rows], color=colour, lw=2,
                label=f"{name} start: certified loss")
# the two sheets of each hyperbola r^2 - v^2 = c (c < 0): v = +-sqrt(r^2 - c)
import numpy as np
r = np.linspace(0, 1.6, 400)
for c, ls in ((-27 / 50, "-"), (-19 / 100, "--")):
    for s in (1, -1):
        ax.plot(r, s * np.sqrt(r ** 2 - c), color="grey", lw=0.8, ls=ls)
ax.axhline(0, color="black", lw=0.5)
ax.set_xlabel("||w_k||  (incoming weight and bias)")
ax.set_ylabel("v_k  (output weight)")
ax.set_title("trajectories on their invariant hyperbolas r² − v² = c_k\n(o start, □ T = 100; grey: both sheets)")
ax.legend(fontsize=8, loc="lower left")
bx.axhline(5 / 16, color="black", ls=":", label="obstruction bound 5/16 (certified)")
bx.set_xlabel("time t")
bx.set_ylabel("loss L(θ(t))")
bx.set_xscale("symlog", linthresh=1)
bx.set_xlim(0, 100)
bx.set_title("certified loss along gradient flow")
bx.legend(fontsize=8)
fig.tight_layout()
fig.savefig(out, dpi=110)
fig.savefig(out.rsplit(".", 1)[0] + ".svg")
print(f"wrote {out} and {out.rsplit('.', 1)[0]}.svg")
