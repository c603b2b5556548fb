#!/usr/bin/python3
"""Breaker's check of `relucert family --json`: every row against the Kunneth product of factor
polynomials (c>0: 1+t^(d'-1), c<0: 1+t^(e-1), c=0: 1; t^0 = 2) expanded by brute force, the
component count 2^m and the effective count (n1+1)(n2+1), and the factored string re-expanded.
Usage: break_family_check.py RELUCERT"""
import json, re, subprocess, sys


def pmul(a, b):
    r = [0] * (len(a) + len(b) - 1)
    for i, x in enumerate(a):
        for j, y in enumerate(b):
            r[i + j] += x * y
    return r


def fac(ex):
    if ex == 0:
        return [2]
    p = [0] * (ex + 1)
    p[0] += 1
    p[ex] += 1
    return p


def expand_str(s):
    """'(1+t)^3 * (1+t^2)^2 * 2^1' -> coefficient list"""
    P = [1]
    if s == "1":
        return P
    if s == "0":
        return [0]
    for part in s.split(" * "):
        m = re.fullmatch(r"2\^(\d+)", part)
        if m:
            P = [2 ** int(m.group(1)) * x for x in P]
            continue
        m = re.fullmatch(r"\(1\+t(?:\^(\d+))?\)\^(\d+)", part)
        if not m:
            raise ValueError(part)
        ex = int(m.group(1) or 1)
        for _ in range(int(m.group(2))):
            P = pmul(P, fac(ex))
    return P


def main():
    rc = sys.argv[1]
    out = subprocess.run([rc, "family", "--input-dim-effective", "1:6", "--output-dim", "1:5",
                          "--negative", "0:4", "--zero", "0:2", "--positive", "0:4", "--json",
                          "--betti-terms", "1000"], capture_output=True, text=True, timeout=600)
    rows = json.loads(out.stdout)["rows"]
    bad = 0
    for r in rows:
        dp, e, neg, zero, pos = r["input_dim_effective"], r["output_dim"], r["negative"], r["zero"], r["positive"]
        P = [1]
        for _ in range(pos):
            P = pmul(P, fac(dp - 1))
        for _ in range(neg):
            P = pmul(P, fac(e - 1))
        while len(P) > 1 and P[-1] == 0:
            P.pop()
        n1 = neg if e == 1 else 0
        n2 = pos if dp == 1 else 0
        want = {"hidden": neg + zero + pos, "components": str(2 ** (n1 + n2)),
                "effective_components": str((n1 + 1) * (n2 + 1)), "betti": [str(x) for x in P]}
        errs = [f"{k}: {r[k]} want {v}" for k, v in want.items() if r[k] != v]
        E = expand_str(r["poincare"])
        while len(E) > 1 and E[-1] == 0:
            E.pop()
        if E != P:
            errs.append(f"poincare {r['poincare']} expands to {E}")
        if errs:
            bad += 1
            print("BAD", dp, e, neg, zero, pos, "; ".join(errs))
    print(f"rows {len(rows)} bad {bad}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
