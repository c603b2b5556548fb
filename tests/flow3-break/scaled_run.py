#!/usr/bin/python3
"""scaled_run.py BIN IDS KS TS OUT.json: suite problems scaled by 2^K (scale.py), /2 and /3 runs at
scaled times T / s^2, checked against s * theta_ref(T), s^4 * L_ref(T) (exact rationals)."""
import json, os, subprocess, sys, time
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
HERE = os.path.dirname(os.path.abspath(__file__))
from fractions import Fraction
sys.path.insert(0, ROOT + "/scripts")
from flow_suite import last_box, frac
BIN, IDS, KS, TS, OUT = sys.argv[1], sys.argv[2].split(","), sys.argv[3].split(","), sys.argv[4].split(","), sys.argv[5]
SUITE = ROOT + "/data/flow-suite"
ref = json.load(open(SUITE + "/reference.json"))["problems"]
tmp = os.environ.get("TMPDIR", "/tmp") + "/flow3-scaled"
os.makedirs(tmp, exist_ok=True)
rows = []
alarms = 0
def q(x): return str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)
for pid in IDS:
    rr = ref[pid]["results"] if isinstance(ref, dict) else None
    for K in KS:
        s = Fraction(K)
        pre = "%s/p%s_%s" % (tmp, pid, K.replace("/", "_"))
        subprocess.run(["/usr/bin/python3", os.path.join(HERE, "scale.py"), "%s/%s-net.json" % (SUITE, pid), "%s/%s-data.json" % (SUITE, pid), str(K), pre], check=True)
        for T in TS:
            R = rr[T]
            Ts = Fraction(T) / (s * s)
            thr = [frac(x) * s for x in R["theta"]]
            Lr = frac(R["loss"]) * s ** 4
            row = {"id": pid, "K": K, "T": T}
            for v in ("2", "3"):
                cert = pre + "-T%s-v%s.cert" % (T, v)
                t0 = time.time()
                p = subprocess.run([BIN, "flow", pre + "-net.json", pre + "-data.json", "--time", q(Ts), "--json", "--quiet",
                                    "--cert-version", v, "--certificate", cert], capture_output=True, text=True, timeout=900)
                wall = time.time() - t0
                if p.returncode != 0:
                    row["v" + v] = {"verdict": "error", "err": p.stderr[:300]}
                    continue
                out = json.loads(p.stdout)
                ent = {"verdict": out["verdict"], "steps": out.get("steps"), "width": out.get("max_width"), "wall": round(wall, 2)}
                if out["verdict"] == "certified":
                    miss = []
                    for j, ((lo, hi), x) in enumerate(zip(out["theta"], thr)):
                        if not (frac(lo) <= x <= frac(hi)):
                            miss.append("theta[%d]" % j)
                    lo, hi = out["loss"]
                    if not (frac(lo) <= Lr <= frac(hi)):
                        miss.append("loss")
                    box = last_box(cert)
                    tol = s * Fraction(1, 10 ** 38)
                    for j, ((m, r), x) in enumerate(zip(box, thr)):
                        if abs(x - m) - r > tol * (1 + abs(x / s)):
                            miss.append("box[%d]" % j)
                    ent["miss"] = miss
                    if miss:
                        alarms += 1
                        sys.stderr.write("ALARM %s K=%s T=%s v%s: %s\n" % (pid, K, T, v, miss))
                    ent["theta"] = out["theta"]
                c = subprocess.run([BIN, "check", cert], capture_output=True, text=True)
                ent["check"] = c.returncode
                if c.returncode != 0 and out["verdict"] != "not_certified":
                    sys.stderr.write("CHECK REJECTED %s K=%s T=%s v%s: %s\n" % (pid, K, T, v, c.stdout[-300:] + c.stderr[-300:]))
                os.remove(cert)
                row["v" + v] = ent
            a, b = row.get("v2", {}), row.get("v3", {})
            ov = None
            if a.get("verdict") == "certified" and b.get("verdict") == "certified":
                ov = all(max(frac(x[0]), frac(y[0])) <= min(frac(x[1]), frac(y[1])) for x, y in zip(a["theta"], b["theta"]))
                if not ov:
                    sys.stderr.write("NO OVERLAP %s K=%s T=%s\n" % (pid, K, T))
            for e in (a, b):
                e.pop("theta", None)
            row["overlap"] = ov
            rows.append(row)
            sys.stderr.write("%s K=%6s T=%s  /2 %-14s %5s %9s %6ss | /3 %-14s %5s %9s %6ss check %s/%s\n" % (pid, K, T,
                a.get("verdict"), a.get("steps"), a.get("width"), a.get("wall"), b.get("verdict"), b.get("steps"), b.get("width"), b.get("wall"), a.get("check"), b.get("check")))
            json.dump(rows, open(OUT, "w"), indent=0)
print("alarms", alarms)
