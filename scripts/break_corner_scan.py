#!/usr/bin/env python3
"""break_corner_scan.py: scan small random problems built to reach corners (a neuron sliding on
one surface while another pair of it reaches its own), codimension-2 slides, dead slides with
non-unique continuation, and tied samples; compare every `certified` / `not_unique` verdict of
`relucert flow` with independent computations.  Not a proof; a tester's tool.

For each problem (seeded, reproducible):
  1. relucert flow (default /3, 256 bits, order 40) with --json --tube --certificate;
  2. the events of the run are classified from the certificate and the tube's sliding sets:
     transversal crossings, slide entries, exits, joins (two surfaces), corner releases
     (the neuron leaves both surfaces), corner switches (slides on the new one only),
     non-uniqueness steps;
  3. for certified / not_unique runs, if the run had an interesting event (or --all):
     a second relucert run (--cert-version 2 --prec 512 --order 60): its enclosure must
     meet the first one (two certified enclosures of one solution can't be disjoint);
     the mpmath reference scripts/flow_reference.py with output times at T and just after
     every event of the certified run (its known limitation: a slide exit whose test changes
     sign twice within one reference step); its state must lie in the enclosure (tolerance
     for the reference's own error), its non-uniqueness report must match the verdict;
     relucert check on the certificate.
Prints one JSON line per problem; problems with a discrepancy are kept under --keep DIR.

  scripts/break_corner_scan.py --bin build/relucert --seeds 0:200 --keep /tmp/bc/keep
"""
import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction as Fr

HERE = os.path.dirname(os.path.abspath(__file__))
REF = os.path.join(HERE, "flow_reference.py")


def fs(q):
    q = Fr(q)
    return str(q.numerator) if q.denominator == 1 else "%d/%d" % (q.numerator, q.denominator)


def make_problem(seed, families=None):
    """A small problem; the family is chosen by the seed."""
    rng = random.Random(seed)
    fam = rng.choice(families or FAMILIES)
    d = rng.choice([1, 1, 2, 2, 3])
    if fam.startswith("corner"):
        return make_corner(rng, fam)
    if fam == "near":
        return make_near_corner(rng)
    l = rng.choice([1, 2, 2, 3, 4])
    N = rng.choice([2, 3, 3, 4, 5, 6])
    has_b1 = fam != "parallel"
    grid = [Fr(k, 4) for k in range(-4, 5)]
    X = [[rng.choice(grid) for _ in range(d)] for _ in range(N)]
    if fam == "tie" and N >= 2:
        # identical inputs (one surface), labels free
        for _ in range(rng.choice([1, 2])):
            i, j = rng.sample(range(N), 2)
            X[j] = list(X[i])
    if fam == "parallel" and N >= 2:
        # no bias: x_j a positive multiple of x_i is the same surface; a negative multiple is
        # the opposite half-space with the same surface (x~ dependent, sign reversed)
        i, j = rng.sample(range(N), 2)
        m = rng.choice([Fr(1, 2), Fr(2), Fr(3, 2), Fr(-1), Fr(-2)])
        X[j] = [m * x for x in X[i]]
    for x in X:
        if all(v == 0 for v in x) and not has_b1:
            x[0] = Fr(1, 2)
    y = [rng.choice([Fr(k, 8) for k in range(-8, 9)]) for _ in range(N)]
    act = "relu"
    if fam == "leaky":
        act = {"leaky_relu": fs(rng.choice([Fr(1, 4), Fr(1, 8), Fr(1, 2)]))}
    lam = Fr(0)
    if fam == "decay":
        lam = rng.choice([Fr(1, 8), Fr(1, 4), Fr(1, 16)])
    for _ in range(200):
        W1 = [[Fr(rng.randint(-12, 12), 16) for _ in range(d)] for _ in range(l)]
        b1 = [Fr(rng.randint(-12, 12), 16) for _ in range(l)]
        if fam == "dead":
            # neurons active on few samples, negative output weights push them to die
            W2 = [Fr(rng.randint(-8, 8), 8) for _ in range(l)]
        else:
            W2 = [Fr(rng.randint(-8, 8), 8) for _ in range(l)]
        ok = all(w != 0 for w in W2)
        for k in range(l):
            for x in X:
                z = sum(W1[k][j] * x[j] for j in range(d)) + (b1[k] if has_b1 else 0)
                if abs(z) < Fr(1, 64):
                    ok = False
        if ok:
            break
    net = {"format": "relucert.network/1", "activation": act,
           "W1": [[fs(v) for v in r] for r in W1], "W2": [[fs(v) for v in W2]]}
    if has_b1:
        net["b1"] = [fs(v) for v in b1]
    data = {"format": "relucert.dataset/1", "X": [[fs(v) for v in r] for r in X],
            "y": [fs(v) for v in y]}
    return fam, net, data, lam, N


FAMILIES = ["plain", "dead", "tie", "parallel", "leaky", "decay",
            "corner2", "corner2", "corner2", "corner3", "corner2", "near", "near", "near"]


def cross3(u, v):
    return [u[1] * v[2] - u[2] * v[1], u[2] * v[0] - u[0] * v[2], u[0] * v[1] - u[1] * v[0]]


def null_vec(rows, dim):
    """an exact nonzero vector orthogonal to the given rows (len(rows) < dim), or None"""
    import itertools
    # Gaussian elimination over Fractions
    M = [list(r) for r in rows]
    piv = []
    r = 0
    for c in range(dim):
        p = next((i for i in range(r, len(M)) if M[i][c] != 0), None)
        if p is None:
            continue
        M[r], M[p] = M[p], M[r]
        M[r] = [v / M[r][c] for v in M[r]]
        for i in range(len(M)):
            if i != r and M[i][c] != 0:
                f = M[i][c]
                M[i] = [a - f * b for a, b in zip(M[i], M[r])]
        piv.append(c)
        r += 1
        if r == len(M):
            break
    free = [c for c in range(dim) if c not in piv]
    if not free:
        return None
    x = [Fr(0)] * dim
    x[free[0]] = Fr(1)
    for i, c in enumerate(piv):
        x[c] = -M[i][free[0]]
    return x


def solve3(M, rhs):
    import copy
    A=[list(r)+[v] for r,v in zip(M,rhs)]
    n=len(A)
    for c in range(n):
        p=next((i for i in range(c,n) if A[i][c]!=0),None)
        if p is None: return None
        A[c],A[p]=A[p],A[c]
        A[c]=[v/A[c][c] for v in A[c]]
        for i in range(n):
            if i!=c and A[i][c]!=0:
                f=A[i][c]; A[i]=[x-f*y for x,y in zip(A[i],A[c])]
    return [A[i][n] for i in range(n)]
def make_near_corner(rng):
    """d = 2: a neuron starts at z_i, z_j in +-[1, 6]/64 (exact solve: w = solution of
    [x~_i; x~_j; x~_i x x~_j] w = (z_i, z_j, alpha)): it reaches the line z_i = z_j = 0 often."""
    d=2; N=rng.choice([3,4,4,5]); l=rng.choice([1,2,2])
    grid=[Fr(k,4) for k in range(-4,5)]
    a=rng.choice([Fr(0),Fr(0),Fr(1,4),Fr(1,10)]); lam=rng.choice([Fr(0),Fr(0),Fr(1,8)])
    while True:
        X=[[rng.choice(grid) for _ in range(d)] for _ in range(N)]
        Xt=[x+[Fr(1)] for x in X]
        i,j=rng.sample(range(N),2)
        u=cross3(Xt[i],Xt[j])
        if all(v==0 for v in u): continue
        W1=[];b1=[]
        ok=True
        for k in range(l):
            zi=Fr(rng.choice([-1,1])*rng.randint(1,6),64); zj=Fr(rng.choice([-1,1])*rng.randint(1,6),64)
            al=Fr(rng.choice([-2,-1,1,2]),2)
            if k>0 and rng.random()<0.5:
                w=[Fr(rng.randint(-12,12),16) for _ in range(3)]
            else:
                w=solve3([Xt[i],Xt[j],u],[zi,zj,al*sum(x*x for x in u)**0])
                if w is None: ok=False;break
            W1.append(w[:2]);b1.append(w[2])
        if not ok: continue
        if all(abs(sum(W1[k][q]*Xt[s][q] for q in range(2))+b1[k])>=Fr(1,64) for k in range(l) for s in range(N)): break
    W2=[Fr(rng.choice([-8,-6,-4,-2,2,4,6,8]),8) for _ in range(l)]
    y=[rng.choice([Fr(k,8) for k in range(-8,9)]) for _ in range(N)]
    act="relu" if a==0 else {"leaky_relu":fs(a)}
    net={"activation":act,"W1":[[fs(v) for v in r] for r in W1],"b1":[fs(v) for v in b1],"W2":[[fs(v) for v in W2]]}
    data={"X":[[fs(v) for v in r] for r in X],"y":[fs(v) for v in y]}
    net["format"]="relucert.network/1"; data["format"]="relucert.dataset/1"
    return "near", net, data, lam, N

def make_corner(rng, fam):
    """A neuron (or two) starts near the intersection of the surfaces of 2 (corner2, d = 2) or 3
    (corner3, d = 3) samples: w = u + small, u orthogonal to their x~ (with bias)."""
    d = 2 if fam == "corner2" else 3
    m = 2 if fam == "corner2" else 3
    l = rng.choice([1, 2, 2, 3])
    N = rng.choice([3, 4, 5, 6]) if m == 2 else rng.choice([4, 5, 6])
    grid = [Fr(k, 4) for k in range(-4, 5)]
    tie = rng.random() < 0.2
    lam = rng.choice([Fr(0), Fr(0), Fr(0), Fr(1, 8)])
    a = rng.choice([Fr(0), Fr(0), Fr(1, 4), Fr(1, 10)])
    for _ in range(500):
        X = [[rng.choice(grid) for _ in range(d)] for _ in range(N)]
        if tie:
            X[-1] = list(X[0])
        Xt = [x + [Fr(1)] for x in X]
        S = rng.sample(range(N - (1 if tie else 0)), m)
        u = null_vec([Xt[i] for i in S], d + 1)
        if u is None or all(v == 0 for v in u):
            continue
        sc = Fr(rng.choice([1, 2, 3]), 2) / max(abs(v) for v in u)
        W1, b1 = [], []
        for k in range(l):
            if k == 0 or rng.random() < 0.5:
                eps = Fr(rng.choice([1, 2, 3]), 16)
                w = [sc * rng.choice([1, -1]) * v + eps * Fr(rng.randint(-3, 3), 3) for v in u]
            else:
                w = [Fr(rng.randint(-12, 12), 16) for _ in range(d + 1)]
            W1.append(w[:d])
            b1.append(w[d])
        ok = True
        for k in range(l):
            for x in Xt:
                z = sum(W1[k][j] * x[j] for j in range(d)) + b1[k]
                if abs(z) < Fr(1, 64):
                    ok = False
        if ok:
            break
    W2 = [Fr(rng.choice([-8, -6, -4, -2, 2, 4, 6, 8]), 8) for _ in range(l)]
    y = [rng.choice([Fr(k, 8) for k in range(-8, 9)]) for _ in range(N)]
    act = "relu" if a == 0 else {"leaky_relu": fs(a)}
    net = {"format": "relucert.network/1", "activation": act,
           "W1": [[fs(v) for v in r] for r in W1], "b1": [fs(v) for v in b1],
           "W2": [[fs(v) for v in W2]]}
    data = {"format": "relucert.dataset/1", "X": [[fs(v) for v in r] for r in X],
            "y": [fs(v) for v in y]}
    return fam, net, data, lam, N


def run(cmd, timeout):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
        return p.returncode, p.stdout, p.stderr
    except subprocess.TimeoutExpired:
        return -9, "", "timeout"


def cert_steps(path):
    out = []
    try:
        for L in open(path):
            if L.startswith("step "):
                w = L.split()
                out.append((w[1], int(w[2]), int(w[3])))
    except OSError:
        pass
    return out


def tube_lines(path):
    out = []
    try:
        for L in open(path):
            out.append(json.loads(L))
    except (OSError, ValueError):
        pass
    return out


def classify(steps, tube, n):
    """Events from the certificate steps and the tube's sliding sets (after each step)."""
    ev = []
    prev = set()
    for idx, (kind, pair, newmode) in enumerate(steps):
        sl = set(tuple(x) for x in tube[idx].get("sliding", [])) if idx < len(tube) else set()
        t = tube[idx]["t"] if idx < len(tube) else None
        if kind in ("cross", "exit", "nonunique"):
            k, i = pair // n, pair % n
            before = set(j for (kk, j) in prev if kk == k)
            after = set(j for (kk, j) in sl if kk == k)
            tag = kind
            if kind == "cross":
                others = before - {i}
                if not others:
                    tag = "slide_entry" if i in after else "cross"
                else:
                    lost = others - after
                    if i in after and not lost:
                        tag = "join"
                    elif i in after and lost:
                        tag = "corner_switch"
                    elif lost:
                        tag = "corner_release"
                    else:
                        tag = "cross_while_sliding"
            elif kind == "exit" and len(before) >= 2:
                tag = "exit_multi"
            ev.append({"tag": tag, "k": k, "i": i, "t": t, "newmode": newmode})
        elif kind == "inclusion":
            ev.append({"tag": "inclusion", "t": t})
        prev = sl
    return ev


def interval(p):
    return float(p[0]), float(p[1])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", default="build/relucert")
    ap.add_argument("--seeds", default="0:50")
    ap.add_argument("--time", default="3")
    ap.add_argument("--keep", default=None)
    ap.add_argument("--all", action="store_true", help="references for every certified run")
    ap.add_argument("--dps", type=int, default=30)
    ap.add_argument("--timeout", type=float, default=40)
    ap.add_argument("--flow-args", default="", help="extra arguments of the first run (e.g. '--prec 64 --order 10')")
    ap.add_argument("--loss", default="mse", help="mse, or bce (labels y > 0 -> 1, else 0; no mpmath reference)")
    ap.add_argument("--fast", default="1", help="theta0 times c, targets and lambda times c^2, the time over c^2")
    ap.add_argument("--scale", default="1", help="inputs times this exact number, the time over its square")
    ap.add_argument("--suite", default=None, help="A:B: variants of data/flow-suite problems A..B-1 instead")
    ap.add_argument("--families", default=None, help="comma separated subset of " + ",".join(sorted(set(FAMILIES))))
    args = ap.parse_args()
    a, b = (int(x) for x in args.seeds.split(":"))
    T = Fr(args.time)
    tmp = tempfile.mkdtemp(prefix="bcscan")
    jobs = []
    if args.suite:
        # variants of the random suite problems (data/flow-suite): leak and weight decay
        sd = os.path.join(HERE, "..", "data", "flow-suite")
        a_, b_ = (int(x) for x in args.suite.split(":"))
        for pid in range(a_, b_):
            net = json.load(open(os.path.join(sd, "%02d-net.json" % pid)))
            data = json.load(open(os.path.join(sd, "%02d-data.json" % pid)))
            for leak, lam in ((None, Fr(0)), (Fr(1, 10), Fr(0)), (None, Fr(1, 8)), (Fr(1, 4), Fr(1, 16))):
                n2 = dict(net)
                if leak is not None:
                    n2["activation"] = {"leaky_relu": fs(leak)}
                jobs.append(("suite%02d" % pid + ("-a" + fs(leak) if leak else "") + ("-l" + fs(lam) if lam else ""),
                             n2, data, lam, len(data["y"])))
    else:
        for seed in range(a, b):
            fam, net, data, lam, N = make_problem(seed, args.families.split(",") if args.families else None)
            jobs.append((seed, net, data, lam, N, fam))
    if args.scale != 1:
        # fast dynamics: inputs times the scale (an exact power of 2), the time divided by its square
        sc = Fr(args.scale)
        for job in jobs:
            job[2]["X"] = [[fs(Fr(v) * sc) for v in r] for r in job[2]["X"]]
        T = T / (sc * sc)
    if args.loss == "bce":
        for job in jobs:
            job[2]["y"] = ["1" if Fr(v) > 0 else "0" for v in job[2]["y"]]
    if args.fast != 1:
        # the same trajectory, fast: theta0 times c, targets times c^2, lambda times c^2 and
        # the time over c^2 (the network is homogeneous: theta~(t) = c theta(c^2 t))
        c = Fr(args.fast)
        for ji, job in enumerate(jobs):
            net, data = job[1], job[2]
            for key in ("W1", "W2"):
                net[key] = [[fs(Fr(v) * c) for v in r] for r in net[key]]
            if "b1" in net:
                net["b1"] = [fs(Fr(v) * c) for v in net["b1"]]
            data["y"] = [fs(Fr(v) * c * c) for v in data["y"]]
            jobs[ji] = (job[0], net, data, job[3] * c * c) + tuple(job[4:])
        T = T / (c * c)
    for job in jobs:
        check_problem(job, args, tmp, T)


def check_problem(job, args, tmp, T):
    if len(job) == 5:
        seed, net, data, lam, N = job
        fam = "suite"
    else:
        seed, net, data, lam, N, fam = job
    if True:
        np_, dp_ = os.path.join(tmp, "net.json"), os.path.join(tmp, "data.json")
        json.dump(net, open(np_, "w"))
        json.dump(data, open(dp_, "w"))
        cert, tube = os.path.join(tmp, "c.cert"), os.path.join(tmp, "c.tube")
        for f in (cert, tube):
            if os.path.exists(f):
                os.remove(f)
        cmd = [args.bin, "flow", np_, dp_, "--time", fs(T), "--json", "--quiet", "--tube", tube,
               "--certificate", cert, "--max-steps", "4000"]
        if lam:
            cmd += ["--weight-decay", fs(lam)]
        if args.loss == "bce":
            cmd += ["--loss", "bce"]
        if args.flow_args:
            cmd += args.flow_args.split()
        rc, out, err = run(cmd, args.timeout)
        rec = {"seed": seed, "fam": fam, "rc": rc}
        issues = []
        try:
            res = json.loads(out)
        except ValueError:
            res = None
        if res is None:
            rec["verdict"] = "crash/timeout" if rc != 2 else "error"
            rec["err"] = err.strip()[-200:]
            if rc not in (0, 1, 2, -9):
                issues.append("exit status %d" % rc)
            print(json.dumps(rec), flush=True)
            return
        v = res["verdict"]
        rec["verdict"] = v
        rec["steps"] = res.get("steps")
        st = cert_steps(cert)
        tb = tube_lines(tube)
        ev = classify(st, tb, N)
        tags = {}
        for e in ev:
            tags[e["tag"]] = tags.get(e["tag"], 0) + 1
        rec["tags"] = tags
        if v != "certified":
            rec["reason"] = (res.get("reason") or "")[:160]
        interesting = any(t in tags for t in ("corner_release", "corner_switch", "join",
                                              "cross_while_sliding", "exit_multi", "nonunique",
                                              "exit", "slide_entry"))
        if v in ("certified", "not_unique") and (interesting or args.all):
            # relucert check
            rc2, o2, e2 = run([args.bin, "check", cert, "--quiet"], args.timeout)
            if rc2 != 0:
                issues.append("check rejected its own certificate: " + (o2 + e2).strip()[-200:])
            tt = res["theta_time"]
            # second run: /2, 512 bits, order 60
            cmd2 = list(cmd[:cmd.index("--tube")]) + ["--cert-version", "2", "--prec", "512",
                                                       "--order", "60"]
            if args.loss == "bce":
                cmd2 += ["--loss", "bce"]
            if lam:
                cmd2 += ["--weight-decay", fs(lam)]
            rc3, o3, e3 = run(cmd2, args.timeout * 3)
            try:
                r2 = json.loads(o3)
                rec["v512"] = r2["verdict"]
                if r2["verdict"] != v and r2["verdict"] in ("certified", "not_unique"):
                    issues.append("verdicts differ: %s vs 512-bit %s" % (v, r2["verdict"]))
                if r2["verdict"] == v:
                    for j, (p1, p2) in enumerate(zip(res["theta"], r2["theta"])):
                        l1, h1 = interval(p1)
                        l2, h2 = interval(p2)
                        if h1 < l2 or h2 < l1:
                            issues.append("theta[%d] disjoint from 512-bit run" % j)
                            break
            except (ValueError, KeyError):
                rec["v512"] = "fail"
            # reference: T (or the onset), and just after every event
            times = set()
            tend = T
            if v == "not_unique":
                # the onset, and past it (the reference reports the non-uniqueness only when
                # it integrates beyond the onset)
                tend = Fr(tt).limit_denominator(10 ** 15)
                times.add(tend + Fr(1, 1000))
            times.add(tend)
            for e in ev:
                if e.get("t"):
                    te = Fr(float(e["t"][1])).limit_denominator(10 ** 9) + Fr(1, 10 ** 4)
                    if te < tend:
                        times.add(te)
                        times.add(te + Fr(1, 100) if te + Fr(1, 100) < tend else te)
            times = sorted(times)
            rcmd = ["python3", REF, np_, dp_, "--time", ",".join(fs(x) for x in times),
                    "--dps", str(args.dps)]
            if lam:
                rcmd += ["--weight-decay", fs(lam)]
            rc4, o4, e4 = run(rcmd, 600) if args.loss == "mse" else (0, "", "")
            try:
                ref = json.loads(o4)
                rec["ref_unique"] = ref["unique"]
                rec["ref_nonunique"] = [(x.get("t"), x.get("neuron")) for x in ref["nonunique"]][:3]
                rec["ref_degenerate"] = len(ref["degenerate"])
                last = [r for r in ref["results"] if Fr(r["time"]) == tend][0]
                tol = 1e-9
                if v == "not_unique":
                    # the onset: near the reference's first non-uniqueness
                    nu = res["nonunique"]
                    t0, t1 = float(nu["t"][0]), float(nu["t"][1])
                    # the reference's onset inside the certified onset interval (tolerance for
                    # the reference's own root finding)
                    ok = any(t0 - 1e-9 <= float(x["t"]) <= t1 + 1e-9 for x in ref["nonunique"])
                    if not ok:
                        issues.append("not_unique at t=%.12g, neuron %d; reference nonunique: %s"
                                      % (t0, nu["neuron"], rec["ref_nonunique"]))
                    tol = 1e-6
                else:
                    if ref["nonunique"] and res.get("inclusion_steps", 0) == 0:
                        t0 = min(float(x["t"]) for x in ref["nonunique"])
                        if t0 < float(T) - 1e-9:
                            issues.append("certified but the reference finds non-uniqueness at %.12g" % t0)
                if ref.get("error"):
                    rec["ref_error"] = ref["error"][:100]
                else:
                    worst = 0.0
                    for j, (p, rv) in enumerate(zip(res["theta"], last["theta"])):
                        lo, hi = interval(p)
                        x = float(rv)
                        dist = max(lo - x, x - hi, 0.0)
                        worst = max(worst, dist)
                    rec["ref_dist"] = worst
                    if worst > tol:
                        issues.append("reference outside the enclosure by %.3g" % worst)
            except (ValueError, KeyError, IndexError) as ex:
                rec["ref"] = "fail: %s %s" % (ex, e4.strip()[-100:])
        if issues:
            rec["issues"] = issues
            if args.keep:
                dd = os.path.join(args.keep, "seed%d" % seed)
                os.makedirs(dd, exist_ok=True)
                json.dump(net, open(os.path.join(dd, "net.json"), "w"))
                json.dump(data, open(os.path.join(dd, "data.json"), "w"))
                json.dump({"cmd": cmd, "lam": fs(lam), "rec": rec}, open(os.path.join(dd, "info.json"), "w"))
        print(json.dumps(rec), flush=True)


if __name__ == "__main__":
    sys.exit(main())
