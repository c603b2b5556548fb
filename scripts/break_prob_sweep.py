#!/usr/bin/python3
"""Breaker's sweep: every interval of `relucert prob --json` must contain the independent
reference of ref_prob.py.  Usage: break_prob_sweep.py RELUCERT [grid|near1|random N SEED] [--pmf]"""
import json, subprocess, sys, random, itertools, time
import mpmath as mp
sys.path.insert(0, __file__.rsplit("/", 1)[0])
import ref_prob as R

mp.mp.dps = 80
KEYS = ["p_negative_level", "p_factor_disconnected", "p_disconnected", "expected_components",
        "expected_effective_components"]


def run(relucert, scheme, d, l, e, bias, extra=()):
    args = [relucert, "prob", "--init", scheme, "--input-dim", str(d), "--hidden", str(l),
            "--output-dim", str(e), "--bias" if bias else "--no-bias", "--json",
            "--samples", "2000"] + list(extra)
    r = subprocess.run(args, capture_output=True, text=True, timeout=600)
    if r.returncode != 0:
        return None, r.stderr.strip()
    return json.loads(r.stdout), None


def contains(pair, ref, rel=mp.mpf(10) ** -60):
    lo, hi = mp.mpf(pair[0]), mp.mpf(pair[1])
    slack = abs(ref) * rel + mp.mpf(10) ** -70
    return lo - slack <= ref <= hi + slack, lo, hi


def check_cell(relucert, scheme, d, l, e, bias, pmf=False, log=print):
    out, err = run(relucert, scheme, d, l, e, bias)
    tag = f"{scheme} d={d} l={l} e={e} bias={int(bias)}"
    if out is None:
        log(f"ERROR {tag}: {err}")
        return 1, 0
    p = R.p_negative(scheme, d, l, e, bias)
    if not out["certified"]:
        if p is not None:
            log(f"NOTE {tag}: not certified, reference exists")
        return 0, 0
    if p is None:
        log(f"NOREF {tag}: certified ({out['method']}) but no independent reference")
        return 0, 0
    ref = R.derived(p, scheme, d, l, e, bias, pmf=pmf and l <= 2000)
    bad = 0
    n = 0
    for k in KEYS:
        ok, lo, hi = contains(out[k], ref[k])
        n += 1
        if not ok:
            bad += 1
            log(f"MISS {tag} {k}: [{out[k][0]}, {out[k][1]}] ref {mp.nstr(ref[k], 30)}")
    if pmf and "pathological_distribution" in ref and out.get("pathological_distribution"):
        for k, (pair, rv) in enumerate(zip(out["pathological_distribution"],
                                           ref["pathological_distribution"])):
            ok, lo, hi = contains(pair, rv)
            n += 1
            if not ok:
                bad += 1
                log(f"MISS {tag} pmf[{k}]: {pair} ref {mp.nstr(rv, 30)}")
    # metadata
    law, ws, vs, nw, dtop = R.model(scheme, d, l, e, bias)
    if out["input_dim_effective"] != dtop or out["w_random_coordinates"] != nw:
        bad += 1
        log(f"META {tag}: dtop {out['input_dim_effective']} vs {dtop}, nw {out['w_random_coordinates']} vs {nw}")
    return bad, n


def main():
    relucert = sys.argv[1]
    mode = sys.argv[2] if len(sys.argv) > 2 else "grid"
    pmf = "--pmf" in sys.argv
    cells = []
    if mode == "grid":
        dims = [1, 2, 3, 7, 100, 10 ** 6]
        for s, d, l, e, b in itertools.product(R.SCHEMES, dims, dims, dims, [True, False]):
            cells.append((s, d, l, e, b))
    elif mode == "near1":
        # d' = 1 with e >= 2: q = 1 - p is tiny, p is within 1e-80 .. 1e-500 of 1
        for s_, l, e in itertools.product(["xavier-normal", "kaiming-normal", "lecun-normal"],
                                          [1, 2, 10, 100, 1000, 10 ** 6], [2, 3, 10, 100, 1000, 5000]):
            cells.append((s_, 1, l, e, False))
    else:
        n, seed = int(sys.argv[3]), int(sys.argv[4])
        rng = random.Random(seed)
        def dim():
            return rng.choice([rng.randint(1, 10), rng.randint(1, 300), int(10 ** rng.uniform(0, 6))])
        for _ in range(n):
            cells.append((rng.choice(R.SCHEMES), dim(), dim(), rng.choice([1, 1, 2, dim()]),
                          rng.random() < 0.5))
    tot_bad = tot_n = 0
    t = time.time()
    for c in cells:
        b, n = check_cell(relucert, *c, pmf=pmf)
        tot_bad += b
        tot_n += n
    print(f"cells {len(cells)} intervals checked {tot_n} misses {tot_bad} ({time.time()-t:.0f}s)")


if __name__ == "__main__":
    main()
