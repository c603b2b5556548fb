"""Medium 2-D/3-D networks (tens to hundreds of regions): relucert (polygon path without
certificate: the lazy double last layer; --lp; with certificate) against regions_ref.py.
usage: medium_regions.py RELUCERT N SEED OUTDIR"""
import sys as _sys
if hasattr(_sys, "set_int_max_str_digits"):
    _sys.set_int_max_str_digits(0)
import json, os, random, subprocess, sys
from fractions import Fraction as F
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import regions_ref as R
import fuzz_regions as FZ

relucert, n, seed, outdir = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
rng = random.Random(seed)
bad = 0
tot = 0
for it in range(n):
    d = 2 if rng.random() < 0.8 else 3
    big = int(os.environ.get("MED_BIG", "0"))
    widths = [(rng.randint(3 + big, 8 + big) if d == 2 else rng.randint(3, 5)) for _ in range(rng.randint(1 + (big > 0), 3))]
    sizes = [d] + widths + [1]
    Ws, bs = [], []
    scale = rng.choice([1, 1, F(1, 3), 7])
    for k in range(len(sizes) - 1):
        Ws.append([[F(rng.randint(-3, 3)) * scale for _ in range(sizes[k])] for _ in range(sizes[k + 1])])
        bs.append([F(rng.randint(-3, 3)) * scale for _ in range(sizes[k + 1])])
    if rng.random() < 0.5:  # float32-like weights
        for W in Ws:
            for row in W:
                for j in range(len(row)):
                    row[j] = F(float(rng.gauss(0, 1)))
    net = (Ws, bs, F(0))
    box = [(F(-1), F(1))] * d if rng.random() < 0.8 else None
    path = os.path.join(outdir, "med-%d-%d.json" % (seed, it))
    json.dump(FZ.net_json(net), open(path, "w"))
    ref = R.regions(net, box)
    tot += len(ref)
    for extra in ([], ["--lp"], ["--certificate", path + ".c"]):
        if box is None and extra == ["--lp"]:
            continue
        p = FZ.run(relucert, path, box, extra)
        if p.returncode:
            print("FAIL", path, extra, p.stderr); bad += 1; continue
        b = FZ.compare(ref, box, json.loads(p.stdout), net)
        for x in b:
            print("MISMATCH", path, extra, x)
        bad += bool(b)
print("summary nets", n, "regions", tot, "bad", bad)
