#!/usr/bin/python3
"""How often is the toy problem (doc/math.md section 8) proved obstructed from a random
initialization?  Draws N Kaiming-normal initializations of the toy architecture (d = 1, hidden
bias, l = 2, e = 1, no output bias; W1 ~ N(0, 2/d), W2 ~ N(0, 2/l), b1 = 0), writes one network
file each, and runs through `relucert batch` (locally, or under mpirun with --mpi K):
  - obstruct NET toy-data --json   (is the loss bounded away from 0 on the component?)
  - flow NET toy-data --time T --json   (certified gradient flow; loss at T)
Prints the fraction proved obstructed with a 95% Clopper-Pearson interval, and the flow verdicts.

usage: scripts/batch_study.py RELUCERT [--n 1000] [--time 10] [--seed 1] [--out DIR] [--mpi K]
"""
import argparse, json, math, os, subprocess, sys
import numpy as np

def beta_ppf(q, a, b):
    """Quantile of Beta(a, b) by bisection on the regularized incomplete beta (scipy-free)."""
    def cdf(x, steps=4000):
        # Simpson on the density; a, b >= 1 here except at the ends handled by caller
        if x <= 0: return 0.0
        if x >= 1: return 1.0
        lg = math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
        h = x / steps
        s = 0.0
        for i in range(steps + 1):
            t = i * h
            if t <= 0 or t >= 1:
                f = 0.0 if (t <= 0 and a > 1) or (t >= 1 and b > 1) else (math.exp(lg) if a == 1 or b == 1 else 0.0)
            else:
                f = math.exp(lg + (a - 1) * math.log(t) + (b - 1) * math.log1p(-t))
            s += f * (1 if i in (0, steps) else (4 if i % 2 else 2))
        return s * h / 3
    lo, hi = 0.0, 1.0
    for _ in range(60):
        mid = (lo + hi) / 2
        if cdf(mid) < q: lo = mid
        else: hi = mid
    return (lo + hi) / 2

def clopper_pearson(k, n, alpha=0.05):
    lo = 0.0 if k == 0 else beta_ppf(alpha / 2, k, n - k + 1)
    hi = 1.0 if k == n else beta_ppf(1 - alpha / 2, k + 1, n - k)
    return lo, hi

def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("relucert")
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--time", default="10")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="out/batch-study")
    ap.add_argument("--mpi", type=int, default=0, help="run under mpirun -np K")
    ap.add_argument("--job-timeout", default="120")
    a = ap.parse_args()
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    data = os.path.join(root, "data", "toy-data.json")
    os.makedirs(os.path.join(a.out, "nets"), exist_ok=True)
    rng = np.random.default_rng(a.seed)
    with open(os.path.join(a.out, "manifest.jsonl"), "w") as m:
        for i in range(a.n):
            W1 = rng.normal(0, math.sqrt(2.0), size=(2, 1))
            W2 = rng.normal(0, 1.0, size=(1, 2))
            net = {"format": "relucert.network/1", "W1": [[repr(float(v))] for v in W1[:, 0]],
                   "b1": ["0", "0"], "W2": [[repr(float(v)) for v in W2[0]]]}
            p = os.path.abspath(os.path.join(a.out, "nets", f"{i:05d}.json"))
            with open(p, "w") as f:
                json.dump(net, f)
            m.write(json.dumps({"id": f"o{i}", "command": "obstruct", "args": [p, data, "--json"]}) + "\n")
            m.write(json.dumps({"id": f"f{i}", "command": "flow", "args": [p, data, "--time", a.time, "--json"]}) + "\n")
    cmd = [a.relucert, "batch", os.path.join(a.out, "manifest.jsonl"), "--output",
           os.path.join(a.out, "results.jsonl"), "--job-timeout", a.job_timeout]
    if a.mpi:
        cmd = ["mpirun", "-np", str(a.mpi)] + cmd
    subprocess.run(cmd)
    res = {}
    for line in open(os.path.join(a.out, "results.jsonl")):
        r = json.loads(line)
        res[r["id"]] = r
    obstructed = sum(1 for i in range(a.n) if res.get(f"o{i}", {}).get("result", {}).get("verdict") == "obstructed")
    verdicts = {}
    for i in range(a.n):
        r = res.get(f"f{i}", {})
        v = r.get("result", {}).get("verdict") if r.get("exit") == 0 else ("timed_out" if r.get("timed_out") else "error")
        verdicts[v] = verdicts.get(v, 0) + 1
    lo, hi = clopper_pearson(obstructed, a.n)
    print(f"toy, Kaiming-normal, {a.n} initializations (seed {a.seed})")
    print(f"proved obstructed: {obstructed}/{a.n} = {obstructed / a.n:.4f}, 95% Clopper-Pearson [{lo:.4f}, {hi:.4f}]")
    print("flow verdicts at T = %s: %s" % (a.time, ", ".join(f"{k}: {v}" for k, v in sorted(verdicts.items(), key=str))))
    secs = [r["seconds"] for r in res.values()]
    print(f"jobs: {len(res)}, total job time {sum(secs):.1f} s")

if __name__ == "__main__":
    main()
