#!/usr/bin/python3
"""flow_suite.py: runs `relucert flow` on the random flow problems of data/flow-suite/ and checks
every certified enclosure against the independent reference (scripts/flow_reference.py).

  python3 scripts/flow_suite.py --bin build/relucert --times 4,10 --out flow-suite.md
  python3 scripts/flow_suite.py --bin build/relucert --times 1 --problems 00,07,18 --timeout 60

For every problem NN and time T: `relucert flow NN-net.json NN-data.json --time T --json --quiet`
with a per-run timeout; verdict (certified / not_unique / not_certified / timeout / error),
reason, failure time, steps, inclusion steps, width, CPU seconds.  The reference theta(T) and loss
come from data/flow-suite/reference.json (committed; made by --write-reference, which runs
scripts/flow_reference.py at 60 digits and needs python3-mpmath), or are computed on the fly
(--recompute) for times it lacks.  Comparisons are exact (the decimal strings are read as
rationals), so this script itself needs only the Python standard library.

SOUNDNESS ALARM: a `certified` enclosure (of any theta component or of the loss) that does not
contain the reference value.  Alarms are printed loudly on stderr and make the exit status 1.
A `certified` run on a problem where the reference found two Filippov solutions before T is
flagged as a warning (sound only if the enclosure covers every branch).
The markdown table (--out) has one row per problem and time, and the rates per time."""
import argparse, json, os, subprocess, sys, time
from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def frac(s):
    return Fraction(str(s).strip())


def tstr(q):
    q = Fraction(q)
    return str(q.numerator) if q.denominator == 1 else "%d/%d" % (q.numerator, q.denominator)


def dyadic(s):
    """a certificate number: 0, or [-]0x<hex>p<exp> (exact)"""
    if s == "0":
        return Fraction(0)
    neg = s.startswith("-")
    m, e = s.lstrip("-")[2:].split("p")
    q = Fraction(int(m, 16)) * (Fraction(2) ** int(e))
    return -q if neg else q


def last_box(certp):
    """the exact end box (mid, rad per component) of the last step of a relucert.flowcert/1"""
    last = None
    with open(certp) as f:
        for line in f:
            if line.startswith("E "):
                last = line
    if last is None:
        return None
    w = last.split()[1:]
    return [(dyadic(w[2 * j]), dyadic(w[2 * j + 1])) for j in range(len(w) // 2)]


def run_relucert(binp, net, data, T, timeout, certp=None):
    cmd = [binp, "flow", net, data, "--time", T, "--json", "--quiet"]
    if certp:
        cmd += ["--certificate", certp]
    t0 = time.time()
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"verdict": "timeout", "reason": "no answer within %g s" % timeout, "wall": time.time() - t0}
    wall = time.time() - t0
    if p.returncode != 0:
        return {"verdict": "error", "reason": "exit %d: %s" % (p.returncode, p.stderr.strip()[:200]),
                "wall": wall}
    try:
        out = json.loads(p.stdout)
    except ValueError:
        return {"verdict": "error", "reason": "output is not JSON", "wall": wall}
    out["wall"] = wall
    if certp and os.path.exists(certp):
        box = last_box(certp)
        os.remove(certp)
        if box is not None:
            out["exact_box"] = [[str(m), str(r)] for m, r in box]
    return out


def run_reference(net, data, times, dps=60):
    cmd = [sys.executable, os.path.join(HERE, "flow_reference.py"), net, data,
           "--time", ",".join(times), "--dps", str(dps)]
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode == 3:
        raise SystemExit("flow_suite.py: the reference needs python3-mpmath: " + p.stderr.strip())
    if p.returncode != 0 and not p.stdout:
        raise SystemExit("flow_suite.py: reference failed on %s: %s" % (net, p.stderr.strip()))
    return json.loads(p.stdout)


def ref_entry(r):
    """the part of a flow_reference.py output the suite keeps"""
    return {"error": r["error"], "unique": r["unique"], "seconds": r["seconds"], "steps": r["steps"],
            "events": len(r["events"]), "degenerate": len(r["degenerate"]),
            "first_nonunique": r["nonunique"][0]["t"] if r["nonunique"] else None,
            "results": {q["time"]: {"theta": q["theta"], "loss": q["loss"],
                                    "unique_so_far": q["unique_so_far"], "level_drift": q["level_drift"]}
                        for q in r["results"]}}


def containment(out, ref):
    """(contained, misses, worst relative position): exact comparison of the reference values
    with the printed enclosures (outward-rounded decimals)"""
    pairs = list(zip(out["theta"], ref["theta"])) + [(out["loss"], ref["loss"])]
    if len(out["theta"]) != len(ref["theta"]):
        return False, ["theta length %d, reference %d" % (len(out["theta"]), len(ref["theta"]))], None
    misses, worst = [], Fraction(0)
    for j, ((lo, hi), x) in enumerate(pairs):
        lo, hi, x = frac(lo), frac(hi), frac(x)
        name = "loss" if j == len(pairs) - 1 else "theta[%d]" % j
        if not (lo <= x <= hi):
            misses.append("%s: reference %s outside [%s, %s]" % (name, ref_value_str(x), lo_str(lo), lo_str(hi)))
        elif hi > lo:
            worst = max(worst, abs(2 * x - lo - hi) / (hi - lo))
    return not misses, misses, worst


def exact_containment(box, ref):
    """reference theta inside the exact final box [mid - rad, mid + rad]?  Returns (ok, misses,
    max |ref - mid|, max rad).  The reference's own error (~1e-44 at 60 digits, measured in
    doc/flow-suite.md) is far below the boxes' radii (>= 1e-40 at 256 bits), so a miss by more
    than 1e-38 (1 + |x|) is an alarm; a smaller miss is reported as marginal, not an alarm."""
    misses, dist, rmax = [], Fraction(0), Fraction(0)
    for j, ((m, r), x) in enumerate(zip(box, ref["theta"])):
        m, r, x = frac(m), frac(r), frac(x)
        dist, rmax = max(dist, abs(x - m)), max(rmax, r)
        out = abs(x - m) - r
        if out > Fraction(1, 10 ** 38) * (1 + abs(x)):
            misses.append("theta[%d]: reference %.20e outside %.20e +- %.3e" % (j, float(x), float(m), float(r)))
        elif out > 0:
            sys.stderr.write("note: theta[%d] outside the exact box by %.2e, within the reference's accuracy\n"
                             % (j, float(out)))
    return not misses, misses, dist, rmax


def ref_value_str(x):
    return "%.20e" % float(x) if x != 0 else "0"


def lo_str(x):
    return "%.20e" % float(x) if x != 0 else "0"


def diagnose(args, rows, paths):
    """for every run that is not certified: where relucert stopped proving (the first inclusion
    step of its --tube, or its failure time) and the reference's events within 0.3 before that
    (python3-mpmath).  Adds row["diagnosis"]."""
    refcache = {}
    for r in rows:
        if r["verdict"] in ("certified", "not_unique"):
            continue
        net, data = paths[r["id"]]
        tube = os.path.join(args.tmpdir, "flowsuite-%d-%s.tube" % (os.getpid(), r["id"]))
        try:
            subprocess.run([args.bin, "flow", net, data, "--time", r["T"], "--quiet", "--tube", tube],
                           capture_output=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            pass
        t_stop, last = None, None
        if os.path.exists(tube):
            with open(tube) as f:
                for line in f:
                    try:
                        d = json.loads(line)
                    except ValueError:
                        break
                    if d.get("kind") == "inclusion":
                        t_stop = float(last["t"][1]) if last else 0.0
                        break
                    last = d
            os.remove(tube)
        if t_stop is None:
            t_stop = r["fail_time"] if isinstance(r["fail_time"], (int, float)) else None
        if r["id"] not in refcache:
            refcache[r["id"]] = run_reference(net, data, ["10"], args.ref_dps)
        ref = refcache[r["id"]]
        evs = []
        if t_stop is not None:
            for e in ref["events"]:
                te = float(e["t"])
                if t_stop - 0.3 <= te <= t_stop + 1e-6:
                    kind = e["fired"]
                    evs.append("t=%.5f n%d samples %s %s -> %s" % (te, e["neuron"], e["samples"], kind,
                                                                   "/".join(e["modes"])))
        r["stopped_proving_at"] = t_stop
        r["diagnosis"] = evs[-3:]
        sys.stderr.write("%s T=%s: stopped proving at t = %s; reference events before: %s\n" %
                         (r["id"], r["T"], "%.5f" % t_stop if t_stop is not None else "?", "; ".join(evs[-3:]) or "none"))


def main():
    ap = argparse.ArgumentParser(description="relucert flow on the random suite, against the reference")
    ap.add_argument("--bin", default=os.path.join(ROOT, "build", "relucert"), help="relucert binary")
    ap.add_argument("--times", default="4,10")
    ap.add_argument("--timeout", type=float, default=600)
    ap.add_argument("--problems", default=None, help="comma-separated ids (default: all)")
    ap.add_argument("--suite", default=os.path.join(ROOT, "data", "flow-suite"))
    ap.add_argument("--reference", default=None, help="reference file (default SUITE/reference.json)")
    ap.add_argument("--recompute", action="store_true", help="run the reference for times missing from it")
    ap.add_argument("--write-reference", action="store_true",
                    help="(re)compute the reference of the selected problems at --times and write it")
    ap.add_argument("--no-relucert", action="store_true", help="only the reference part")
    ap.add_argument("--jobs", type=int, default=1)
    ap.add_argument("--exact-boxes", action="store_true",
                    help="also write a certificate and check the reference against its exact final box "
                         "(the JSON prints 25 digits; the box has the full precision)")
    ap.add_argument("--tmpdir", default="/tmp")
    ap.add_argument("--diagnose", action="store_true",
                    help="for runs not certified: rerun with --tube, find where relucert stopped proving "
                         "(first inclusion step) and list the reference's events just before (needs mpmath)")
    ap.add_argument("--ref-dps", type=int, default=60, help="digits of the reference when it is computed")
    ap.add_argument("--runs", default=None,
                    help="directory keeping each relucert JSON output; an output already there is reused")
    ap.add_argument("--out", default=None, help="markdown table")
    ap.add_argument("--json-out", default=None, help="all results as JSON")
    args = ap.parse_args()

    man = json.load(open(os.path.join(args.suite, "manifest.json")))
    probs = man["problems"]
    if args.problems:
        want = args.problems.split(",")
        probs = [p for p in probs if p["id"] in want]
    times = [tstr(frac(t)) for t in args.times.split(",")]
    refp = args.reference or os.path.join(args.suite, "reference.json")
    refs = json.load(open(refp))["problems"] if os.path.exists(refp) else {}
    paths = {p["id"]: (os.path.join(args.suite, p["id"] + "-net.json"),
                       os.path.join(args.suite, p["id"] + "-data.json")) for p in probs}

    todo = []
    for p in probs:
        have = refs.get(p["id"], {}).get("results", {})
        if args.write_reference or ((args.recompute) and any(t not in have for t in times)):
            todo.append(p["id"])
    if todo:
        def refjob(pid):
            old = refs.get(pid, {}).get("results", {})
            ts = sorted(set(times) | (set() if args.write_reference else set(old)), key=frac)
            return pid, ref_entry(run_reference(*paths[pid], ts, args.ref_dps))
        with ThreadPoolExecutor(args.jobs) as ex:
            for pid, ent in ex.map(refjob, todo):
                refs[pid] = ent
                sys.stderr.write("reference %s: %s s, %d events%s\n" % (
                    pid, ent["seconds"], ent["events"],
                    "" if ent["unique"] else ", NOT UNIQUE from t = " + ent["first_nonunique"]))
        if args.write_reference:
            doc = {"format": "relucert.flowsuite-reference/1",
                   "made_by": "scripts/flow_suite.py --write-reference (scripts/flow_reference.py, "
                              "%d digits, order 40, tol 1e-%d; non-rigorous)" % (args.ref_dps, args.ref_dps - 15),
                   "problems": {k: refs[k] for k in sorted(refs)}}
            with open(refp, "w") as f:
                json.dump(doc, f, indent=1)
                f.write("\n")
    if args.no_relucert:
        return 0
    if args.runs:
        os.makedirs(args.runs, exist_ok=True)

    jobs = [(p, T) for T in times for p in probs]

    def job(pt):
        p, T = pt
        cache = os.path.join(args.runs, "%s-T%s.json" % (p["id"], T.replace("/", "_"))) if args.runs else None
        if cache and os.path.exists(cache):
            return p, T, json.load(open(cache))
        certp = None
        if args.exact_boxes:
            certp = os.path.join(args.tmpdir, "flowsuite-%d-%s-T%s.cert" % (os.getpid(), p["id"], T.replace("/", "_")))
        out = run_relucert(args.bin, *paths[p["id"]], T, args.timeout, certp)
        if cache:
            with open(cache, "w") as f:
                json.dump(out, f)
        return p, T, out

    rows, alarms, warnings = [], [], []
    with ThreadPoolExecutor(args.jobs) as ex:
        for p, T, out in ex.map(job, jobs):
            ref = refs.get(p["id"], {})
            rr = ref.get("results", {}).get(T)
            v = out.get("verdict")
            row = {"id": p["id"], "d": p["d"], "l": p["l"], "N": p["N"], "P": p["P"], "T": T,
                   "verdict": v, "fail_time": out.get("fail_time"),
                   "reason": out.get("reason") if isinstance(out.get("reason"), (str, type(None)))
                   else json.dumps(out.get("reason")),
                   "steps": out.get("steps"), "inclusion_steps": out.get("inclusion_steps"),
                   "max_width": out.get("max_width"), "seconds": out.get("seconds"),
                   "wall": round(out["wall"], 2), "ref_unique": None, "contained": None}
            if rr is not None:
                row["ref_unique"] = rr["unique_so_far"]
            at_T = out.get("theta_time") in (None, str(T), T) or v == "certified"
            if v == "not_unique" and not at_T:
                # theta encloses the state at the onset (theta_time), not at T: the reference
                # values are at T, so there is nothing to compare (both branches agree up to
                # the onset; doc/flow.md "Verdicts")
                row["contained"] = "at onset %s" % out.get("theta_time")
            elif v in ("certified", "not_unique") and "theta" in out:
                if rr is None:
                    row["contained"] = "no reference"
                else:
                    ok, misses, worst = containment(out, rr)
                    row["contained"] = ok
                    row["worst_position"] = float(worst) if worst is not None else None
                    if not ok and v == "certified":
                        alarms.append((p["id"], T, misses))
                    elif not ok:
                        warnings.append("%s T=%s: not_unique enclosure misses the reference branch: %s"
                                        % (p["id"], T, misses[0]))
                    if "exact_box" in out:
                        eok, emiss, dist, rad = exact_containment(out["exact_box"], rr)
                        row["exact_contained"] = eok
                        row["ref_distance"] = float(dist)
                        row["box_radius"] = float(rad)
                        if not eok and v == "certified":
                            if ok:
                                alarms.append((p["id"], T, ["exact box: " + m for m in emiss]))
                            else:
                                alarms[-1][2].extend("exact box: " + m for m in emiss)
                            row["contained"] = False
                    if v == "certified" and not rr["unique_so_far"]:
                        warnings.append("%s T=%s: certified, but the reference found two Filippov "
                                        "solutions at t = %s (sound only if every branch is enclosed)"
                                        % (p["id"], T, ref.get("first_nonunique")))
            rows.append(row)
            sys.stderr.write("%s T=%-3s %-13s %7s s  %s\n" % (p["id"], T, v, row["seconds"] if row["seconds"] is not None else row["wall"],
                             "" if v == "certified" else (row["reason"] or "")[:100]))

    if args.diagnose:
        diagnose(args, rows, paths)

    for pid, T, misses in alarms:
        sys.stderr.write("\n*** SOUNDNESS ALARM: problem %s, T = %s: the certified enclosure does not "
                         "contain the reference ***\n" % (pid, T))
        for m in misses[:10]:
            sys.stderr.write("***   %s\n" % m)
    for w in warnings:
        sys.stderr.write("warning: %s\n" % w)

    summary = {}
    for T in times:
        rs = [r for r in rows if r["T"] == T]
        n = len(rs)
        c = sum(r["verdict"] == "certified" for r in rs)
        u = sum(r["verdict"] == "not_unique" for r in rs)
        secs = [r["seconds"] if r["seconds"] is not None else r["wall"] for r in rs]
        summary[T] = {"problems": n, "certified": c, "not_unique": u,
                      "not_certified": sum(r["verdict"] == "not_certified" for r in rs),
                      "timeout": sum(r["verdict"] == "timeout" for r in rs),
                      "error": sum(r["verdict"] == "error" for r in rs),
                      "rate": (c + u) / n if n else None,
                      "seconds_total": round(sum(secs), 1),
                      "seconds_median": round(sorted(secs)[n // 2], 2) if n else None,
                      "seconds_max": round(max(secs), 1) if n else None,
                      "alarms": sum(1 for a in alarms if a[1] == T)}
        s = summary[T]
        sys.stderr.write("T = %s: %d certified + %d not_unique of %d = %.0f%% (not_certified %d, timeout %d, "
                         "error %d); CPU %.1f s total, median %.2f s; alarms %d\n" %
                         (T, c, u, n, 100 * (s["rate"] or 0), s["not_certified"], s["timeout"], s["error"],
                          s["seconds_total"], s["seconds_median"] or 0, s["alarms"]))

    if args.out:
        with open(args.out, "w") as f:
            f.write("# relucert flow on data/flow-suite\n\n")
            f.write("Binary: `%s`; timeout %g s per run; reference: %s.\n\n" % (args.bin, args.timeout, os.path.relpath(refp, ROOT)))
            f.write("| T | problems | certified | not_unique | not_certified | timeout | error | rate | CPU s total | median | max | soundness alarms |\n")
            f.write("|---|---|---|---|---|---|---|---|---|---|---|---|\n")
            for T, s in summary.items():
                f.write("| %s | %d | %d | %d | %d | %d | %d | %.0f%% | %.1f | %s | %s | %d |\n" % (
                    T, s["problems"], s["certified"], s["not_unique"], s["not_certified"], s["timeout"],
                    s["error"], 100 * (s["rate"] or 0), s["seconds_total"], s["seconds_median"],
                    s["seconds_max"], s["alarms"]))
            f.write("\n| id | d | l | N | P | T | verdict | reason | fail t | steps | incl. | width | CPU s | ref. unique | ref. in enclosure |\n")
            f.write("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
            for r in rows:
                reason = (r["reason"] or "").replace("|", "/").replace("\n", " ")
                if len(reason) > 90:
                    reason = reason[:87] + "..."
                f.write("| %s | %d | %d | %d | %d | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n" % (
                    r["id"], r["d"], r["l"], r["N"], r["P"], r["T"], r["verdict"], reason,
                    "%.4g" % r["fail_time"] if isinstance(r["fail_time"], (int, float)) else "",
                    r["steps"] if r["steps"] is not None else "",
                    r["inclusion_steps"] if r["inclusion_steps"] is not None else "",
                    "%.1e" % r["max_width"] if isinstance(r["max_width"], (int, float)) else "",
                    r["seconds"] if r["seconds"] is not None else "%.1f (wall)" % r["wall"],
                    {True: "yes", False: "**no**", None: ""}[r["ref_unique"]],
                    {True: "yes", False: "**NO: ALARM**", None: ""}.get(r["contained"], r["contained"])))
            diag = [r for r in rows if r.get("diagnosis") is not None]
            if diag:
                f.write("\n## Where the runs that are not certified stopped proving\n\n")
                f.write("| id | T | stopped proving at t | reference events in the 0.3 before |\n|---|---|---|---|\n")
                for r in diag:
                    f.write("| %s | %s | %s | %s |\n" % (r["id"], r["T"],
                            "%.5f" % r["stopped_proving_at"] if r["stopped_proving_at"] is not None else "?",
                            "; ".join(r["diagnosis"]) or "none"))
            if alarms or warnings:
                f.write("\n## Alarms and warnings\n\n")
                for pid, T, misses in alarms:
                    f.write("- **SOUNDNESS ALARM** %s T=%s: %s\n" % (pid, T, "; ".join(misses[:3])))
                for w in warnings:
                    f.write("- warning: %s\n" % w)
    if args.json_out:
        with open(args.json_out, "w") as f:
            json.dump({"summary": summary, "rows": rows, "alarms": alarms, "warnings": warnings}, f, indent=1)
    return 1 if alarms else 0


if __name__ == "__main__":
    sys.exit(main())
