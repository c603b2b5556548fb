import json, sys, glob, os
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT + "/scripts")
from flow_suite import last_box, frac
os.chdir(sys.argv[1] if len(sys.argv) > 1 else "/tmp/flow3-adv")
seeds = sorted({int(f[1:].split("-")[0]) for f in glob.glob("a*-ref.json")})
alarms = 0; n = 0; ncert = 0
for s in seeds:
    try: ref = json.load(open("a%d-ref.json" % s))
    except Exception as e: print("seed", s, "no reference", open("a%d-ref.err" % s).read()[-200:]); continue
    R = {q["time"]: q for q in ref["results"]}
    line = []
    for T in ("1", "3"):
        for v in ("2", "3"):
            try: out = json.load(open("a%d-T%s-v%s.json" % (s, T, v)))
            except Exception: line.append("T%s/%s ERR" % (T, v)); continue
            chk = open("a%d-T%s-v%s.chk" % (s, T, v)).read().strip()
            n += 1
            vd = out["verdict"]; miss = []
            if vd == "certified":
                ncert += 1
                r = R[T]
                for j, ((lo, hi), x) in enumerate(zip(out["theta"] + [out["loss"]], r["theta"] + [r["loss"]])):
                    if not (frac(lo) <= frac(x) <= frac(hi)): miss.append(j)
                box = last_box("a%d-T%s-v%s.cert" % (s, T, v))
                for j, ((m, rr), x) in enumerate(zip(box, r["theta"])):
                    if abs(frac(x) - m) - rr > frac("1e-35") * (1 + abs(frac(x))): miss.append("box%d" % j)
                if not r["unique_so_far"]: miss.append("ref-nonunique")
            if miss: alarms += 1; print("ALARM seed", s, T, v, miss)
            line.append("T%s/%s %s %s chk%s" % (T, v, vd[:8], out.get("steps"), chk))
    print(s, "ref unique" if ref["unique"] else "ref NONUNIQUE", " | ".join(line))
print("runs", n, "certified", ncert, "alarms", alarms)
