#!/usr/bin/python3
"""Breaker's Monte Carlo sanity check of `relucert prob --monte-carlo` and of the automatic
fallback: an independent NumPy sample (different generator) of P(||w||^2 < ||v||^2) must lie in
relucert's Hoeffding interval (up to the NumPy estimate's own 5-sigma error).  For certified cells
the certified value must also lie in the Monte Carlo interval (1% failure rate expected per cell at
level 0.99).  Usage: break_mc_check.py RELUCERT"""
import json, subprocess, sys
import numpy as np
sys.path.insert(0, __file__.rsplit("/", 1)[0])
import ref_prob as R

rng = np.random.default_rng(12345)


def np_p(scheme, d, l, e, bias, n=4_000_000):
    law, ws, vs, nw, dtop = R.model(scheme, d, l, e, bias)
    hits = 0
    done = 0
    chunk = max(1, min(n, 20_000_000 // (nw + e)))
    while done < n:
        m = min(chunk, n - done)
        if law == "normal":
            w2 = float(ws) * (rng.standard_normal((m, nw)) ** 2).sum(1)
            v2 = float(vs) * (rng.standard_normal((m, e)) ** 2).sum(1)
        else:
            w2 = float(ws) * (rng.uniform(-1, 1, (m, nw)) ** 2).sum(1)
            v2 = float(vs) * (rng.uniform(-1, 1, (m, e)) ** 2).sum(1)
        hits += int((w2 < v2).sum())
        done += m
    return hits / n, n


CELLS = [("xavier-uniform", 3, 1, 1, True), ("xavier-uniform", 3, 10, 1, True),
         ("xavier-uniform", 5, 5, 1, True), ("xavier-uniform", 10, 3, 1, False),
         ("xavier-uniform", 100, 10, 1, True), ("torch-default", 2, 1, 1, True),
         ("torch-default", 3, 1, 1, True), ("torch-default", 5, 2, 1, False),
         ("kaiming-uniform", 3, 1, 1, True), ("kaiming-uniform", 10, 2, 1, True),
         ("kaiming-uniform", 2, 5, 3, True), ("xavier-uniform", 1, 1, 2, True),
         ("torch-default", 1, 4, 2, True), ("xavier-uniform", 4, 4, 4, False),
         ("kaiming-uniform", 50, 3, 7, True),
         # certified cells, sampled with --monte-carlo
         ("kaiming-normal", 1, 10, 1, True), ("xavier-normal", 3, 4, 2, True),
         ("lecun-normal", 7, 2, 3, False), ("kaiming-uniform", 2, 2, 1, True),
         ("torch-default", 1, 3, 1, True), ("xavier-uniform", 2, 1, 1, True)]


def main():
    relucert = sys.argv[1]
    bad = 0
    for (s, d, l, e, b) in CELLS:
        args = [relucert, "prob", "--init", s, "--input-dim", str(d), "--hidden", str(l),
                "--output-dim", str(e), "--bias" if b else "--no-bias", "--json", "--monte-carlo",
                "--samples", "1000000", "--seed", "7"]
        o = json.loads(subprocess.run(args, capture_output=True, text=True, timeout=600).stdout)
        lo, hi = map(float, o["p_negative_level"])
        ph, n = np_p(s, d, l, e, b)
        se = max((ph * (1 - ph) / n) ** 0.5, 1e-7)
        ok = lo - 5 * se <= ph <= hi + 5 * se
        ref = R.p_negative(s, d, l, e, b)
        extra = ""
        if ref is not None:
            extra = f" truth {float(ref):.6f}"
            ok = ok and lo <= float(ref) <= hi
        print(f"{'ok ' if ok else 'BAD'} {s} d={d} l={l} e={e} bias={int(b)}: relucert MC [{lo:.6f}, {hi:.6f}]"
              f" numpy {ph:.6f} +- {se:.1e}{extra}")
        bad += not ok
    print("bad", bad)
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
