#!/usr/bin/python3
"""Breaker's check of `relucert table --format csv` (long layout): for every certified cell and
quantity, lo <= truth <= hi (truth from ref_prob.py) and the printed number is the truth
correctly rounded to the digits it shows.  Usage: break_table_check.py RELUCERT [table args...]"""
import csv, io, subprocess, sys
from decimal import Decimal
import mpmath as mp
sys.path.insert(0, __file__.rsplit("/", 1)[0])
import ref_prob as R

mp.mp.dps = 80
Q = ["p_negative_level", "p_factor_disconnected", "p_disconnected", "expected_components",
     "expected_effective_components"]


def last_digit_exp(sv):
    """exponent of the last printed digit of a decimal string like 0.00123, 1.50e-7, 637.6"""
    t = sv.lstrip("-")
    exp = 0
    if "e" in t:
        t, ex = t.split("e")
        exp = int(ex)
    frac = t.split(".")[1] if "." in t else ""
    return exp - len(frac)


def main():
    relucert = sys.argv[1]
    args = sys.argv[2:]
    r = subprocess.run([relucert, "table", "--format", "csv", "--quantity", ",".join(Q)] + args,
                       capture_output=True, text=True, timeout=3000)
    if r.returncode != 0:
        print("table failed:", r.stderr)
        sys.exit(2)
    rows = list(csv.DictReader(io.StringIO(r.stdout)))
    bad = n = 0
    for row in rows:
        if None in row or any(v is None for v in row.values()):
            bad += 1
            print(f"BAD malformed CSV row (fields do not match the header): {row}")
            continue
        if row["certified"] != "true":
            continue
        s, d, l, e, b = row["scheme"], int(row["input_dim"]), int(row["hidden"]), int(row["output_dim"]), row["bias"] == "1"
        p = R.p_negative(s, d, l, e, b)
        if p is None:
            print("NOREF", row)
            continue
        ref = R.derived(p, s, d, l, e, b, pmf=False)
        for q in Q:
            n += 1
            v, lo, hi = row[q], row[q + "_lo"], row[q + "_hi"]
            t = ref[q]
            msg = []
            try:
                lo_m, hi_m = mp.mpf(lo), mp.mpf(hi)
            except ValueError:
                bad += 1
                print(f"BAD {s} d={d} l={l} e={e} bias={int(b)} {q}: bounds not numbers: {lo!r}, {hi!r}")
                continue
            if not (lo_m <= t <= hi_m):
                msg.append(f"[{lo}, {hi}] misses")
            if v not in ("", "n/a"):
                ulp = mp.mpf(10) ** last_digit_exp(v)
                if abs(mp.mpf(v) - t) > ulp / 2:
                    msg.append(f"printed {v} is not the rounding")
            if msg:
                bad += 1
                print(f"BAD {s} d={d} l={l} e={e} bias={int(b)} {q}: {'; '.join(msg)}; truth {mp.nstr(t, 25)}")
    print(f"rows {len(rows)} values checked {n} bad {bad}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
