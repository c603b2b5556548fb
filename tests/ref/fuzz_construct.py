"""Random/adversarial data for `relucert construct`, every printed point re-checked by
construct_ref.py; the hypothesis fields (normal, threshold, H1 gap, H2 margin) recomputed here.
usage: fuzz_construct.py RELUCERT N SEED OUTDIR"""
import sys as _sys
if hasattr(_sys, "set_int_max_str_digits"):
    _sys.set_int_max_str_digits(0)
import json, os, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import construct_ref as C


def fs(x):
    x = F(x)
    return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)


def gen(rng):
    Q = rng.choice([2, 2, 3, 3, 4])
    d = rng.randint(1, Q)
    spread = rng.choice([0, 1, 1, 2, 4])
    X, Y = [], []
    onehot = rng.random() < 0.7
    labels = []
    for k in range(Q):
        if onehot:
            labels.append([F(int(i == k)) for i in range(Q)])
        else:
            labels.append([F(rng.randint(-3, 3)) for _ in range(Q)])
    centers = [[F(rng.randint(-6, 6)) for _ in range(d)] for _ in range(Q)]
    for k in range(Q):
        for _ in range(rng.randint(1, 3)):
            X.append([c + F(rng.randint(-spread, spread), rng.choice([1, 2])) for c in centers[k]])
            Y.append(labels[k])
    if rng.random() < 0.2:   # a duplicated input across two classes
        i, j = rng.randrange(len(X)), rng.randrange(len(X))
        X[i] = X[j][:]
    if rng.random() < 0.2:   # tiny and huge scale
        s = F(10) ** rng.choice([-30, 30])
        X = [[v * s for v in x] for x in X]
    return X, Y


def hyp(X, Y, cls, Q):
    d = len(X[0])
    m = []
    for k in range(Q):
        pts = [X[n] for n in range(len(X)) if cls[n] == k]
        m.append([sum(p[t] for p in pts) / len(pts) for t in range(d)])
    c = [sum(mk[t] for mk in m) / Q for t in range(d)]
    out = []
    for k in range(Q):
        a = [sum(m[j][t] for j in range(Q) if j != k) / (Q - 1) - m[k][t] for t in range(d)]
        dot = lambda x: sum(u * v for u, v in zip(a, x))
        inn = max(dot(X[n]) for n in range(len(X)) if cls[n] == k)
        outs = min(dot(X[n]) for n in range(len(X)) if cls[n] != k)
        gap = outs - inn
        th = inn + gap / 4
        out.append(dict(normal=a, threshold=th, gap=gap, margin=dot(c) - th))
    return out


def main():
    relucert, n, seed, outdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    rng = random.Random(seed)
    bad = 0
    stats = dict(datasets=0, answered=0, points=0, proved=0, h1_zero=0, h2_zero=0, refused=0)
    for it in range(n):
        X, Y = gen(rng)
        path = os.path.join(outdir, "data-%d-%d.json" % (seed, it))
        json.dump({"format": "relucert.dataset/1", "X": [[fs(v) for v in x] for x in X],
                   "y": [[fs(v) for v in y] for y in Y]}, open(path, "w"))
        extra = []
        if rng.random() < 0.3:
            extra = ["--layers", str(rng.randint(1, 5))]
        p = subprocess.run([relucert, "construct", path, "--json"] + extra, capture_output=True, text=True, timeout=600)
        stats["datasets"] += 1
        if p.returncode == 2:
            stats["refused"] += 1
            continue
        if p.returncode != 0:
            print("FAIL rc", p.returncode, path, extra, p.stderr.strip()); bad += 1; continue
        o = json.loads(p.stdout)
        stats["answered"] += 1
        if o["labels"] == "one_hot":
            cls = [next(i for i, v in enumerate(y) if v == 1) for y in Y]
            cls = [sorted(set(cls)).index(c) for c in cls]
        else:
            cls, _ = C.classes_of(Y)
        Q = o["classes"]
        if Q >= 2:
            H = hyp(X, Y, cls, Q)
            for k, hc in enumerate(o["hypothesis"]["classes"]):
                r = H[hc["class"]]
                if F(hc["H1_gap"]) != r["gap"] or F(hc["H2_margin"]) != r["margin"] or F(hc["threshold"]) != r["threshold"] \
                        or [F(v) for v in hc["normal"]] != r["normal"] + [F(0)] * (len(hc["normal"]) - len(r["normal"])):
                    print("HYP MISMATCH", path, hc["class"], hc["H1_gap"], r["gap"], hc["H2_margin"], r["margin"]); bad += 1
                if hc["H1"] != (r["gap"] > 0) or (hc["H1"] and hc["H2"] != (r["margin"] > 0)):
                    print("HYP FLAG MISMATCH", path, hc); bad += 1
                stats["h1_zero"] += r["gap"] == 0
                stats["h2_zero"] += r["margin"] == 0
        for name, pt in [("global", o["global"])] + [("local%s" % q["collapsed"], q) for q in o["local_minima"]]:
            pr, _ = C.check_point(pt, X, Y, cls, name, hess=len(X) <= 8)
            stats["points"] += 1
            stats["proved"] += bool(pt.get("proved"))
            for q in pr:
                print("PROBLEM", path, extra, q); bad += 1
    print("summary", json.dumps(stats), "bad", bad)
    sys.exit(1 if bad else 0)


main()
