#!/usr/bin/python3
"""Writes the small constructed logs of data/logs/ (numpy only), whose answers are known exactly:

  planted-flip-log.npz / planted-flip-dir/   toy shape (d = 1, l = 2, e = 1, hidden bias), dyadic
      snapshots; neuron 1 starts pathological (c = -1/8, v = 5/8 > 0) and its v becomes -5/8 at
      step 2: first_sign_change = {step 2, neuron 1}; no level changes sign before step 2.
  exact-gd-log.npz      plain GD from a dyadic start with lr = 1/8 on the toy data, computed in
      exact rationals (fractions.Fraction); every iterate is a dyadic that float64 holds exactly,
      so the drift identity residual is exactly 0.
  bad-*.npz, bad-shape-dir/   malformed logs (missing W2, NaN, mismatched l, 2-d W1, a shape
      change between per-step files) that must be refused with one-line errors.

Run from the repository root:  /usr/bin/python3 examples/pytorch/make_test_logs.py
"""
import os
from fractions import Fraction as Fr

import numpy as np

OUT = "data/logs"
TOY_X = [Fr(-1), Fr(-1, 2), Fr(1, 2), Fr(1)]


def stack(snaps):
    return {k: np.stack([np.array(s[k], dtype=np.float64) for s in snaps]) for k in snaps[0]}


def planted():
    base = dict(W1=[[0.25], [-0.5]], b1=[0.125, 0.125], W2=[[0.75, 0.625]])
    snaps = []
    for v1 in (0.625, 0.5625, -0.625, -0.75):
        s = {k: [list(r) if isinstance(r, list) else r for r in v] for k, v in base.items()}
        s["W2"] = [[0.75, v1]]
        snaps.append(s)
    np.savez(os.path.join(OUT, "planted-flip-log.npz"), **stack(snaps))
    d = os.path.join(OUT, "planted-flip-dir")
    os.makedirs(d, exist_ok=True)
    for i, s in enumerate(snaps):
        np.savez(os.path.join(d, "step-%04d.npz" % i), **{k: np.array(v, dtype=np.float32) for k, v in s.items()})
    return snaps


def exact_gd(steps, lr=Fr(1, 8)):
    w = [Fr(1, 4), Fr(-1, 2)]
    b = [Fr(1, 8), Fr(1, 8)]
    v = [Fr(3, 4), Fr(1, 2)]
    snaps = []

    def record():
        snaps.append(dict(W1=[[float(w[0])], [float(w[1])]], b1=[float(b[0]), float(b[1])],
                          W2=[[float(v[0]), float(v[1])]]))
        for x in w + b + v:    # exactly a double?
            assert Fr(float(x)) == x, "iterate not exactly a double"

    record()
    N = len(TOY_X)
    for _ in range(steps):
        gw, gb, gv = [Fr(0)] * 2, [Fr(0)] * 2, [Fr(0)] * 2
        for x in TOY_X:
            z = [w[k] * x + b[k] for k in range(2)]
            h = [z[k] if z[k] > 0 else Fr(0) for k in range(2)]
            r = 2 * (sum(v[k] * h[k] for k in range(2)) - x) / N
            for k in range(2):
                gv[k] += r * h[k]
                if z[k] > 0:
                    gw[k] += r * v[k] * x
                    gb[k] += r * v[k]
        w = [w[k] - lr * gw[k] for k in range(2)]
        b = [b[k] - lr * gb[k] for k in range(2)]
        v = [v[k] - lr * gv[k] for k in range(2)]
        try:
            record()
        except AssertionError:
            snaps.pop()
            break
    np.savez(os.path.join(OUT, "exact-gd-log.npz"), **stack(snaps))
    return len(snaps) - 1


def bad(snaps):
    st = stack(snaps)
    np.savez(os.path.join(OUT, "bad-missing-W2.npz"), W1=st["W1"], b1=st["b1"])
    w2 = st["W2"].copy()
    w2[2, 0, 1] = np.nan
    np.savez(os.path.join(OUT, "bad-nan.npz"), W1=st["W1"], b1=st["b1"], W2=w2)
    np.savez(os.path.join(OUT, "bad-mismatched-l.npz"), W1=st["W1"], b1=st["b1"][:, :1], W2=st["W2"])
    np.savez(os.path.join(OUT, "bad-2d-W1.npz"), W1=st["W1"][:, :, 0], b1=st["b1"], W2=st["W2"])
    np.savez(os.path.join(OUT, "bad-steps-W2.npz"), W1=st["W1"], b1=st["b1"], W2=st["W2"][:3])
    d = os.path.join(OUT, "bad-shape-dir")
    os.makedirs(d, exist_ok=True)
    for i, s in enumerate(snaps[:2]):
        np.savez(os.path.join(d, "step-%04d.npz" % i), **{k: np.array(v) for k, v in s.items()})
    np.savez(os.path.join(d, "step-0002.npz"), W1=np.zeros((3, 1)), b1=np.zeros(3), W2=np.zeros((1, 3)))


if __name__ == "__main__":
    os.makedirs(OUT, exist_ok=True)
    s = planted()
    n = exact_gd(6)
    bad(s)
    print("wrote %s (exact GD log: %d steps exactly representable)" % (OUT, n))
