#!/usr/bin/python3
"""plot_flow.py TUBE NET OUT: per neuron (||w_k||, v_k) with the hyperbola r^2 - v^2 = c_k (e = 1),
and the loss enclosure over time, from a relucert flow --tube file.
`relucert flow --tube TUBE --plot OUT` runs this script (installed as PREFIX/share/relucert/plot_flow.py)
with an argument vector, no shell.  Needs python3-matplotlib."""
import json, sys
import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
from fractions import Fraction

tube, netp, out = sys.argv[1:4]
net = json.load(open(netp))
W1 = [[Fraction(str(x)) for x in r] for r in net["W1"]]
b1 = [Fraction(str(x)) for x in net["b1"]] if "b1" in net else None
W2 = [[Fraction(str(x)) for x in r] for r in net["W2"]]
l, d, e = len(W1), len(W1[0]), len(W2)
rows = [json.loads(s) for s in open(tube)]
mid = lambda p: (float(p[0]) + float(p[1])) / 2
t = [mid(r["t"]) for r in rows]
dp = d + (1 if b1 is not None else 0)
import numpy as np
fig, ax = plt.subplots(1, 2, figsize=(12 if l <= 6 else 15, 5))
for k in range(l):
    w0 = W1[k] + ([b1[k]] if b1 is not None else [])
    c = float(sum(x * x for x in w0) - sum(W2[o][k] ** 2 for o in range(e)))
    rs, vs = [], []
    for r in rows:
        th = [mid(p) for p in r["theta"]]
        w = [th[k * d + j] for j in range(d)] + ([th[l * d + k]] if b1 is not None else [])
        rs.append(sum(x * x for x in w) ** 0.5)
        vs.append(th[l * dp + k])
    col = "C%d" % (k % 10)
    # the hyperbola r^2 - v^2 = c (r >= 0): for c < 0 two branches |v| >= sqrt(-c), drawn separately
    # (one polyline through the gap would draw a spurious vertical segment); for c >= 0 one curve
    top = max(vs + [0]) + 0.5
    bot = min(vs + [0]) - 0.5
    if c < 0:
        v0 = (-c) ** 0.5
        branches = [np.linspace(v0, max(top, v0 + 0.5), 300), np.linspace(min(bot, -v0 - 0.5), -v0, 300)]
    else:
        branches = [np.linspace(bot, top, 600)]
    for i, vv in enumerate(branches):
        rr = np.sqrt(np.maximum(c + vv ** 2, 0.0))
        ax[0].plot(rr, vv, "--", lw=0.8, color=col, alpha=0.7, zorder=1)
    ax[0].plot(rs, vs, lw=2.2, color=col, zorder=2, label=f"neuron {k} (c = {c:.3g})")
    ax[0].plot(rs[:1], vs[:1], "o", color=col, ms=5, zorder=3)
    ax[0].plot(rs[-1:], vs[-1:], "s", color=col, ms=5, zorder=3)
ax[0].axhline(0, color="0.6", lw=0.5, zorder=0)
ax[0].set_xlim(left=0)
ax[0].set_xlabel("||w_k||"); ax[0].set_ylabel("v_k")
if l <= 6:
    ax[0].legend(fontsize=8)
else:
    ax[0].legend(fontsize=6, ncol=2, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
ax[0].set_title("trajectories (o start, s end) on their hyperbolas r^2 - v^2 = c_k")
lo = [float(r["loss"][0]) for r in rows]; hi = [float(r["loss"][1]) for r in rows]
ax[1].fill_between(t, lo, hi, color="C1", alpha=0.5); ax[1].plot(t, hi, lw=0.8)
ax[1].set_xscale("symlog", linthresh=1.0); ax[1].set_yscale("log"); ax[1].set_xlabel("t"); ax[1].set_ylabel("loss enclosure")
ax[1].set_title("certified loss enclosure at the step ends")
fig.tight_layout(); fig.savefig(out, dpi=110)
