"""Random and adversarial comparison of `relucert regions` with regions_ref.py.

usage: fuzz_regions.py RELUCERT N SEED [OUTDIR]
Prints one line per mismatch and a summary; exit 1 on any mismatch.
"""
import sys as _sys
if hasattr(_sys, "set_int_max_str_digits"):
    _sys.set_int_max_str_digits(0)
import json
import os
import random
import subprocess
import sys
import tempfile
from fractions import Fraction as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import regions_ref as R  # noqa: E402


def fs(x):
    x = F(x)
    return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)


KINDS = ["int", "int", "small", "degen", "degen", "huge", "tiny", "nearconc", "zero_bias", "leak"]
if os.environ.get("FUZZ_KINDS"):
    KINDS = os.environ["FUZZ_KINDS"].split(",")


def rand_net(rng):
    d = rng.choice([1, 2, 2, 2, 3])
    nl = rng.choice([1, 1, 2, 2, 3])
    widths = [rng.randint(1, 5 if d < 3 else 4) for _ in range(nl)]
    if d == 3 and nl == 3:
        widths = [rng.randint(1, 3) for _ in range(nl)]
    kind = rng.choice(KINDS)
    if kind == "deep":
        d = rng.choice([1, 2, 2, 3])
        nl = rng.randint(4, 6)
        widths = [rng.randint(1, 3) for _ in range(nl)]
    if kind == "crosslayer":
        nl = rng.choice([2, 3])
        widths = [rng.randint(2, 4) for _ in range(nl)]
    if kind == "wide1":
        d = rng.choice([1, 2])
        widths = [rng.randint(6, 9)]
    sizes = [d] + widths + [1]
    Ws, bs = [], []
    for k in range(len(sizes) - 1):
        n_in, n_out = sizes[k], sizes[k + 1]
        W = [[F(rng.randint(-2, 2)) for _ in range(n_in)] for _ in range(n_out)]
        b = [F(rng.randint(-2, 2)) for _ in range(n_out)]
        if kind == "small":
            W = [[F(rng.randint(-7, 7), rng.randint(1, 5)) for _ in range(n_in)] for _ in range(n_out)]
            b = [F(rng.randint(-7, 7), rng.randint(1, 5)) for _ in range(n_out)]
        if kind == "degen" and n_out >= 2:
            # duplicate / negated / scaled rows, zero rows
            for i in range(1, n_out):
                r = rng.random()
                j = rng.randrange(i)
                if r < 0.3:
                    lam = F(rng.choice([1, 2, 3, -1, -2]), rng.choice([1, 2, 3]))
                    W[i] = [lam * v for v in W[j]]
                    b[i] = lam * b[j]
                elif r < 0.45:
                    W[i] = [F(0)] * n_in
        if kind in ("deep", "wide1") and rng.random() < 0.5:
            W = [[F(rng.randint(-7, 7), rng.randint(1, 5)) for _ in range(n_in)] for _ in range(n_out)]
        if kind == "zero_bias":
            b = [F(0)] * n_out
        Ws.append(W)
        bs.append(b)
    if kind == "huge" or kind == "tiny":
        e = F(10) ** (30 if kind == "huge" else -30)
        # rescale hidden neurons by e and compensate in the next layer: same regions, extreme numbers
        for k in range(len(Ws) - 1):
            for i in range(len(Ws[k])):
                if rng.random() < 0.6:
                    Ws[k][i] = [v * e for v in Ws[k][i]]
                    bs[k][i] *= e
                    for row in Ws[k + 1]:
                        row[i] = row[i] / e
    if kind == "nearconc":
        # first layer rows through a common point, some shifted by 10^-30
        p = [F(rng.randint(-1, 1), 2) for _ in range(d)]
        eps = F(1, 10 ** 30)
        for i in range(len(Ws[0])):
            bs[0][i] = -sum(w * q for w, q in zip(Ws[0][i], p))
            if rng.random() < 0.3:
                bs[0][i] += rng.choice([eps, -eps])
    if kind == "mixed":
        # individual entries at wildly different scales (2^-1100 .. 2^1100, beyond doubles)
        for k in range(len(Ws)):
            for i in range(len(Ws[k])):
                for j in range(len(Ws[k][i])):
                    if rng.random() < 0.3:
                        Ws[k][i][j] *= F(2) ** rng.choice([-1100, -1030, -960, -901, -899, -60, 60, 899, 901, 1030])
                if rng.random() < 0.3:
                    bs[k][i] *= F(2) ** rng.choice([-1100, -1030, -901, -60, 60, 901, 1030])
    if kind in ("corner", "edge2"):
        # first-layer hyperplanes through box corners / along box faces / through the centre
        for i in range(len(Ws[0])):
            r = rng.random()
            c = [F(rng.choice([-1, 1])) for _ in range(d)]
            if r < 0.4:
                bs[0][i] = -sum(w * q for w, q in zip(Ws[0][i], c))
            elif r < 0.7:
                t = rng.randrange(d)
                Ws[0][i] = [F(0)] * d
                Ws[0][i][t] = F(rng.choice([1, -1, 2]))
                bs[0][i] = -Ws[0][i][t] * c[t]
            else:
                bs[0][i] = F(0)
    if kind == "crosslayer" and len(Ws) >= 3 and len(Ws[0]) >= 2:
        # first layer: neurons r.x + b and -(r.x + b); second layer rows (1, -1) and (1, 1) on them:
        # h0 - h1 = r.x + b (the same hyperplane again, bent nowhere), h0 + h1 = |r.x + b| >= 0
        Ws[0][1] = [-v for v in Ws[0][0]]
        bs[0][1] = -bs[0][0]
        for i in range(len(Ws[1])):
            t = rng.random()
            row = [F(0)] * len(Ws[0])
            if t < 0.4:
                row[0], row[1] = F(1), F(-1)
                bs[1][i] = rng.choice([F(0), F(0), F(1, 2)])
            elif t < 0.7:
                row[0], row[1] = F(1), F(1)
                bs[1][i] = rng.choice([F(0), F(0), F(-1, 2)])
            else:
                continue
            Ws[1][i] = row
    leak = F(0)
    if kind == "leak":
        leak = F(rng.choice([1, 1, 3]), rng.choice([4, 10]))
    box = None
    if kind in ("corner", "edge2"):
        box = [(F(-1), F(1))] * d
    elif rng.random() < 0.6:
        bt = rng.choice(["sym", "asym", "tiny", "edge", "hugebox"])
        if bt == "sym":
            box = [(F(-1), F(1))] * d
        elif bt == "asym":
            box = []
            for i in range(d):
                lo = F(rng.randint(-3, 1), rng.randint(1, 2))
                box.append((lo, lo + F(rng.randint(1, 3), rng.randint(1, 2))))
        elif bt == "tiny":
            c = [F(rng.randint(-1, 1), 2) for _ in range(d)]
            box = [(ci - F(1, 10 ** 20), ci + F(1, 10 ** 20)) for ci in c]
        elif bt == "hugebox":
            e = F(2) ** rng.choice([900, 1000, 1100, -1000])
            box = [(-e * rng.randint(1, 3), e * rng.randint(1, 3)) for _ in range(d)]
        else:
            box = [(F(0), F(1))] * d
    return (Ws, bs, leak), box


def net_json(net):
    Ws, bs, leak = net
    o = {"format": "relucert.network/1"}
    if leak != 0:
        o["activation"] = {"leaky_relu": fs(leak)}
    for k, (W, b) in enumerate(zip(Ws, bs)):
        o["W%d" % (k + 1)] = [[fs(v) for v in row] for row in W]
        o["b%d" % (k + 1)] = [fs(v) for v in b]
    return o


def box_arg(box):
    return ",".join("%s:%s" % (fs(lo), fs(hi)) for lo, hi in box)


def run(relucert, path, box, extra):
    cmd = [relucert, "regions", path, "--json", "--all"] + extra
    if box is not None:
        cmd += ["--box", box_arg(box)]
    p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    return p


def forward_exact(net, x):
    Ws, bs, leak = net
    h = list(x)
    pat = []
    for k in range(len(Ws)):
        z = [bs[k][i] + sum(Ws[k][i][j] * h[j] for j in range(len(h))) for i in range(len(Ws[k]))]
        if k + 1 == len(Ws):
            return pat, z
        pat += ["1" if v > 0 else "0" for v in z]
        h = [v if v > 0 else leak * v for v in z]


def pattern_maps(net, pattern):
    """g_j^s for every hidden neuron j: list of (a, b), exact"""
    Ws, bs, leak = net
    d = len(Ws[0][0])
    Hs = [([F(int(i == t)) for t in range(d)], F(0)) for i in range(d)]
    out = []
    j = 0
    for k in range(len(Ws) - 1):
        Z = R._layer(Ws[k], bs[k], Hs, d)
        out += Z
        Hn = []
        for (a, b) in Z:
            m = F(1) if pattern[j] == "1" else leak
            Hn.append(([m * v for v in a], m * b))
            j += 1
        Hs = Hn
    return out


def compare(ref, box, out, net=None):
    s = R.summary(ref, box)
    bad = []
    if net is not None:
        d = len(net[0][0][0])
        rr = {r["pattern"]: r for r in ref}
        vt = F(0)
        for reg in out.get("region_list", []):
            x = [F(v) for v in reg["point"]]
            pat, f = forward_exact(net, x)
            if "".join(pat) != reg["pattern"]:
                bad.append("pattern %s: interior point has pattern %s" % (reg["pattern"], "".join(pat)))
            A = [[F(v) for v in row] for row in reg["map"]["A"]]
            c = [F(v) for v in reg["map"]["c"]]
            if [sum(a * b for a, b in zip(A[i], x)) + c[i] for i in range(len(c))] != f:
                bad.append("pattern %s: map differs from f at the point" % reg["pattern"])
            if reg["pattern"] in rr:
                rows = rr[reg["pattern"]]["rows"]
                G = pattern_maps(net, reg["pattern"])
                for fct in reg.get("facets", []):
                    q = [F(v) for v in fct["point"]]
                    vals = [sum(a * b for a, b in zip(r[0], q)) + r[1] for r in rows]
                    cons = fct["constraint"]
                    if "neuron" in cons:
                        a, b = G[cons["neuron"]]
                        on = sum(u * v for u, v in zip(a, q)) + b == 0
                    else:
                        i = cons["coord"]
                        on = q[i] == (box[i][0] if cons["side"] == "lo" else box[i][1])
                    if min(vals) < 0 or not on:
                        bad.append("pattern %s: facet point %s not on its constraint %s in the region" % (reg["pattern"], fct["point"], cons))
                if "vertices" in reg:
                    vv = [tuple(F(v) for v in p) for p in reg["vertices"]]
                    mine = set(tuple(v) for v in R.vertices(rows, 2))
                    sa = sum(vv[i][0] * vv[(i + 1) % len(vv)][1] - vv[(i + 1) % len(vv)][0] * vv[i][1] for i in range(len(vv)))
                    if set(vv) != mine or len(vv) != len(mine) or sa <= 0:
                        bad.append("pattern %s: vertices %s, reference %s (signed area %s)" % (reg["pattern"], reg["vertices"], sorted(mine), sa))
                if not reg["bounded"] and "ray" in reg:
                    y = [F(v) for v in reg["ray"]]
                    if all(v == 0 for v in y) or any(sum(a * b for a, b in zip(r[0], y)) < 0 for r in rows):
                        bad.append("pattern %s: ray %s is not a recession direction" % (reg["pattern"], reg["ray"]))
            if box is not None and d <= 3 and "volume" in reg and reg["pattern"] in rr:
                v = R.volume(rr[reg["pattern"]]["rows"], d, rr[reg["pattern"]]["point"])
                vt += v
                if v != F(reg["volume"]):
                    bad.append("pattern %s: volume %s, reference %s" % (reg["pattern"], reg["volume"], v))
        if box is not None and d <= 3 and "volume_total" in out:
            bv = F(1)
            for lo, hi in box:
                bv *= hi - lo
            if F(out["volume_total"]) != bv:
                bad.append("volume_total %s != box volume %s" % (out["volume_total"], bv))
    for k in ("regions", "bounded", "unbounded", "facets_total", "facets_hist"):
        if out.get(k) != s[k]:
            bad.append("%s: relucert %s ref %s" % (k, out.get(k), s[k]))
    if box is not None and out.get("facets_hist_interior") != s["facets_hist_interior"]:
        bad.append("facets_hist_interior: relucert %s ref %s" % (out.get("facets_hist_interior"), s["facets_hist_interior"]))
    if F(out.get("facets_average", "-1")) != F(s["facets_total"], s["regions"]):
        bad.append("facets_average %s" % out.get("facets_average"))
    if box is not None:
        inner = {}
        for r in ref:
            if r["box_facets"] == 0:
                inner[str(r["facets"])] = inner.get(str(r["facets"]), 0) + 1
        if out.get("facets_hist_inner") != inner:
            bad.append("facets_hist_inner: relucert %s ref %s" % (out.get("facets_hist_inner"), inner))
    rl = {r["pattern"]: r for r in out.get("region_list", [])}
    rr = {r["pattern"]: r for r in ref}
    if set(rl) != set(rr):
        bad.append("patterns only relucert %s only ref %s" % (sorted(set(rl) - set(rr))[:5], sorted(set(rr) - set(rl))[:5]))
    for p in set(rl) & set(rr):
        if rl[p]["num_facets"] != rr[p]["facets"]:
            bad.append("pattern %s facets relucert %d ref %d" % (p, rl[p]["num_facets"], rr[p]["facets"]))
        if rl[p]["bounded"] != rr[p]["bounded"]:
            bad.append("pattern %s bounded" % p)
    return bad


def main():
    relucert, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
    outdir = sys.argv[4] if len(sys.argv) > 4 else tempfile.mkdtemp()
    rng = random.Random(seed)
    nbad = 0
    stats = {"nets": 0, "regions": 0, "lp_runs": 0, "cert_ok": 0}
    for it in range(n):
        net, box = rand_net(rng)
        path = os.path.join(outdir, "net-%d-%d.json" % (seed, it))
        with open(path, "w") as f:
            json.dump(net_json(net), f)
        ref = R.regions(net, box)
        variants = [["cert"], []]
        d = len(net[0][0][0])
        if d == 2 and box is not None:
            variants.append(["--lp", "cert"])
        for extra in variants:
            cert = path + ".cert.json"
            withcert = "cert" in extra
            extra = [e for e in extra if e != "cert"]
            p = run(relucert, path, box, extra + (["--certificate", cert] if withcert else []))
            if p.returncode != 0:
                print("FAIL rc=%d %s box=%s %s: %s" % (p.returncode, path, box and box_arg(box), extra, p.stderr.strip()))
                nbad += 1
                continue
            out = json.loads(p.stdout)
            bad = compare(ref, box, out, net)
            for b in bad:
                print("MISMATCH %s box=%s %s: %s" % (path, box and box_arg(box), extra, b))
            nbad += bool(bad)
            if not withcert:
                continue
            q = subprocess.run([relucert, "check", cert], capture_output=True, text=True, timeout=120)
            if q.returncode != 0:
                print("CERT REJECTED %s %s: %s" % (path, extra, q.stdout.strip() + q.stderr.strip()))
                nbad += 1
            else:
                stats["cert_ok"] += 1
            stats["lp_runs"] += 1
        stats["nets"] += 1
        stats["regions"] += len(ref)
    print("summary", json.dumps(stats), "bad", nbad)
    sys.exit(1 if nbad else 0)


if __name__ == "__main__":
    main()
