#!/usr/bin/python3
"""flow_scaling_table.py: Markdown tables from bench-flow_scaling --json runs (python3 stdlib only).

usage: scripts/flow_scaling_table.py BEFORE.jsonl [AFTER.jsonl] [--no-fit]

One run: a table with rows l and columns N, cells "certified CPU seconds (ratio to the double
RK4 of the same run)", a table of accepted steps / events, then the observed growth:
least-squares slopes of log(time), log(time per step) and log(ratio) against log l and log N (the
model time ~ C l^a N^b over the certified cases) and, per row and per column, the slope of log
time between neighbouring cases.
Two runs: the same table with cells "before -> after", then a table of speedups (before time /
after time; "–" where the after run is over budget or the verdicts differ), then the growth of
each run.  A case over its CPU budget is shown as "> B s"; a case that finished without being
certified is marked with a footnote; the fits use the certified cases only.
"""
import json
import math
import sys


def fail(msg):
    sys.stderr.write("flow_scaling_table.py: %s\n" % msg)
    sys.exit(2)


def load(path):
    cases = {}
    try:
        f = open(path)
    except OSError as e:
        fail("%s: %s" % (path, e.strerror))
    with f:
        for lineno, line in enumerate(f, 1):
            line = line.strip()
            if not line:
                continue
            try:
                r = json.loads(line)
                key = (int(r["l"]), int(r["N"]))
                for k in ("verdict", "cert_seconds", "ratio", "steps", "T", "prec", "order", "seed"):
                    r[k]
            except (ValueError, KeyError, TypeError) as e:
                fail("%s:%d: not a bench-flow_scaling JSON line (%s: %s)" % (path, lineno, type(e).__name__, e))
            cases[key] = r
    if not cases:
        fail("%s: no cases" % path)
    return cases


def fmt_time(t):
    if t >= 100:
        return "%.0f" % t
    if t >= 10:
        return "%.1f" % t
    return "%.2f" % t


def cell(r, notes):
    if r is None:
        return "–"
    if r.get("over_budget"):
        return "> %s s (> %.0f)" % (fmt_time(r["budget_seconds"]), r["ratio"])
    s = "%s s (%.0f)" % (fmt_time(r["cert_seconds"]), r["ratio"])
    if r["verdict"] != "certified":
        notes.append("l = %d, N = %d: %s at t = %.4g: %s" % (r["l"], r["N"], r["verdict"],
                                                              r["reached_time"], r.get("reason", "")))
        s += " [%d]" % len(notes)
    return s


def grid(runs):
    ls = sorted({k[0] for run in runs for k in run})
    Ns = sorted({k[1] for run in runs for k in run})
    return ls, Ns


def table(runs, ls, Ns):
    notes = []
    out = ["| l \\ N | " + " | ".join("%d" % N for N in Ns) + " |",
           "|---:|" + "---:|" * len(Ns)]
    for l in ls:
        row = []
        for N in Ns:
            row.append(" → ".join(cell(run.get((l, N)), notes) for run in runs))
        out.append("| %d | " % l + " | ".join(row) + " |")
    for i, n in enumerate(notes, 1):
        out.append("")
        out.append("[%d] %s" % (i, n))
    return "\n".join(out)


def steps_table(runs, ls, Ns):
    def one(r):
        if r is None:
            return "–"
        if r.get("over_budget"):
            return "> %d / –" % r["steps"]
        return "%d / %d" % (r["steps"], r["events"])
    out = ["| l \\ N | " + " | ".join("%d" % N for N in Ns) + " |",
           "|---:|" + "---:|" * len(Ns)]
    for l in ls:
        out.append("| %d | " % l + " | ".join(" → ".join(one(run.get((l, N))) for run in runs) for N in Ns) + " |")
    return "\n".join(out)


def speedup_table(before, after, ls, Ns):
    out = ["| l \\ N | " + " | ".join("%d" % N for N in Ns) + " |",
           "|---:|" + "---:|" * len(Ns)]
    for l in ls:
        row = []
        for N in Ns:
            b, a = before.get((l, N)), after.get((l, N))
            if b is None or a is None or a.get("over_budget"):
                row.append("–")
            elif a["verdict"] != b["verdict"] and not b.get("over_budget"):
                row.append("– (verdicts differ)")
            elif b.get("over_budget"):
                row.append("> %.2f×" % (b["cert_seconds"] / a["cert_seconds"]))
            else:
                row.append("%.2f×" % (b["cert_seconds"] / a["cert_seconds"]))
        out.append("| %d | " % l + " | ".join(row) + " |")
    return "\n".join(out)


def lstsq2(rows):
    """Least squares y = c + a u + b v; rows of (u, v, y).  Returns (a, b) or None."""
    n = len(rows)
    if n < 3:
        return None
    mu = sum(r[0] for r in rows) / n
    mv = sum(r[1] for r in rows) / n
    my = sum(r[2] for r in rows) / n
    suu = sum((r[0] - mu) ** 2 for r in rows)
    svv = sum((r[1] - mv) ** 2 for r in rows)
    suv = sum((r[0] - mu) * (r[1] - mv) for r in rows)
    suy = sum((r[0] - mu) * (r[2] - my) for r in rows)
    svy = sum((r[1] - mv) * (r[2] - my) for r in rows)
    det = suu * svv - suv * suv
    if abs(det) < 1e-12:
        return None
    return ((svv * suy - suv * svy) / det, (suu * svy - suv * suy) / det)


def growth(run, ls, Ns, name):
    # only the certified cases: a run stopped early (step limit, not certified) has no comparable time
    ok = {k: r for k, r in run.items() if r["verdict"] == "certified"}
    out = []
    measures = (("certified time", lambda r: r["cert_seconds"]),
                ("time per step", lambda r: r["cert_seconds"] / max(r["steps"], 1)),
                ("ratio", lambda r: r["ratio"]))
    for what, get in measures:
        rows = [(math.log(l), math.log(N), math.log(get(r))) for (l, N), r in ok.items() if get(r) > 0]
        fit = lstsq2(rows)
        if fit is not None:
            out.append("- %s, %s: least-squares fit over %d certified cases: ~ l^%.2f N^%.2f"
                       % (name, what, len(rows), fit[0], fit[1]))
    def slope(r1, r2, x1, x2):
        return math.log(r2["cert_seconds"] / r1["cert_seconds"]) / math.log(x2 / x1)
    for N in Ns:
        s = []
        for l1, l2 in zip(ls, ls[1:]):
            if (l1, N) in ok and (l2, N) in ok:
                s.append("%.2f" % slope(ok[(l1, N)], ok[(l2, N)], l1, l2))
            else:
                s.append("–")
        if len(ls) > 1:
            out.append("- %s, N = %d: slope of log time in l between neighbours (%s): %s"
                       % (name, N, ", ".join("%d→%d" % p for p in zip(ls, ls[1:])), ", ".join(s)))
    for l in ls:
        s = []
        for N1, N2 in zip(Ns, Ns[1:]):
            if (l, N1) in ok and (l, N2) in ok:
                s.append("%.2f" % slope(ok[(l, N1)], ok[(l, N2)], N1, N2))
            else:
                s.append("–")
        if len(Ns) > 1:
            out.append("- %s, l = %d: slope of log time in N between neighbours (%s): %s"
                       % (name, l, ", ".join("%d→%d" % p for p in zip(Ns, Ns[1:])), ", ".join(s)))
    over = sorted(k for k, r in run.items() if r.get("over_budget"))
    if over:
        out.append("- %s: over the CPU budget (left out of the fits): %s"
                   % (name, ", ".join("l = %d, N = %d (reached t = %.3g)" % (l, N, run[(l, N)]["reached_time"])
                                      for l, N in over)))
    return "\n".join(out)


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("--")]
    flags = [a for a in argv[1:] if a.startswith("--")]
    if "--help" in flags or "-h" in argv[1:]:
        print(__doc__.strip())
        return 0
    bad = [f for f in flags if f not in ("--no-fit",)]
    if bad or not 1 <= len(args) <= 2:
        sys.stderr.write("flow_scaling_table.py: usage: flow_scaling_table.py BEFORE.jsonl [AFTER.jsonl] [--no-fit]\n")
        return 2
    runs = [load(p) for p in args]
    ls, Ns = grid(runs)
    first = next(iter(runs[0].values()))
    params = ("T", "prec", "order", "seed")
    for run, path in zip(runs, args):
        for r in run.values():
            if any(r[k] != first[k] for k in params):
                fail("%s: l = %d, N = %d was run with other settings (%s) than %s"
                     % (path, r["l"], r["N"], ", ".join("%s %s" % (k, r[k]) for k in params), args[0]))
    print("Certified CPU seconds (ratio to the double RK4 of the same run), T = %s, %d bits, order %d, seed %d%s:"
          % (first["T"], first["prec"], first["order"], first["seed"],
             "; cells before → after" if len(runs) == 2 else ""))
    print()
    print(table(runs, ls, Ns))
    print()
    print("Accepted steps / events%s:" % (" (before → after)" if len(runs) == 2 else ""))
    print()
    print(steps_table(runs, ls, Ns))
    if len(runs) == 2:
        print()
        print("Speedup of the certified integrator (before time / after time):")
        print()
        print(speedup_table(runs[0], runs[1], ls, Ns))
    if "--no-fit" not in flags:
        print()
        print("Observed growth:")
        print()
        for run, name in zip(runs, ("before", "after") if len(runs) == 2 else ("this run",)):
            print(growth(run, ls, Ns, name))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
