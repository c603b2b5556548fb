#!/usr/bin/env python3
"""break_corner_tamper.py CERT [--bin build/relucert]: edit a flow certificate around its events
(crossings, exits, non-uniqueness steps; corner releases and switches among them), reseal each
edit (FNV-1a digest) and run `relucert check` on it.  Prints every edit that is ACCEPTED, with the
verdict, for review: an accepted edit is a bug unless the edited file is still a correct proof
(e.g. the event pair replaced by a sample tied to it).  A tester's tool, not a proof.

Edits per event step s: its new mode set to every other value; its kind changed to every other
kind; its pair changed to every other pair of the same neuron; the step dropped; the
certificate cut after it (and the header time set to its end time, or below it); the end-time
ball widened / shifted; and for the step after it, its kind set to nonunique."""
import argparse
import subprocess
import sys
import tempfile
import os

KINDS = ["taylor", "cross", "exit", "inclusion", "nonunique"]


def reseal(lines):
    body = "".join(lines).encode()
    h = 14695981039346656037
    for c in body:
        h = ((h ^ c) * 1099511628211) & (2 ** 64 - 1)
    return body + b"digest %016x\n" % h


def check(binp, data, tmpd):
    p = os.path.join(tmpd, "e.cert")
    open(p, "wb").write(data)
    r = subprocess.run([binp, "check", p, "--quiet"], capture_output=True, text=True, timeout=600)
    return r.returncode, (r.stdout + r.stderr).strip().replace("\n", " | ")[:300]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("cert")
    ap.add_argument("--bin", default="build/relucert")
    ap.add_argument("--max-events", type=int, default=12)
    args = ap.parse_args()
    lines = open(args.cert).read().splitlines(True)
    assert lines[-1].startswith("digest")
    lines = lines[:-1]
    dims = next(l for l in lines if l.startswith("dims")).split()
    n = int(dims[4])
    steps = [i for i, l in enumerate(lines) if l.startswith("step ")]
    events = [s for s in steps if lines[s].split()[1] in ("cross", "exit", "nonunique")]
    tmpd = tempfile.mkdtemp(prefix="bctamper")
    rc0, msg0 = check(args.bin, reseal(lines), tmpd)
    print("original:", rc0, msg0)
    tried = acc = 0
    for s in events[:args.max_events]:
        w = lines[s].split()
        kind, pair, nm = w[1], int(w[2]), int(w[3])
        k = pair // n
        edits = []
        for m in (-1, 0, 1, 2):
            if m != nm:
                edits.append(("newmode %d->%d" % (nm, m), {s: "step %s %d %d %s\n" % (kind, pair, m, " ".join(w[4:]))}))
        for kd in KINDS:
            if kd != kind:
                p2 = pair if kd != "taylor" and kd != "inclusion" else -1
                edits.append(("kind %s->%s" % (kind, kd), {s: "step %s %d %d %s\n" % (kd, p2, nm, " ".join(w[4:]))}))
        for j in range(n):
            if k * n + j != pair:
                edits.append(("pair %d->%d" % (pair, k * n + j), {s: "step %s %d %d %s\n" % (kind, k * n + j, nm, " ".join(w[4:]))}))
        # te radius 0 / doubled
        edits.append(("te rad 0", {s: "step %s %d %d %s 0 %s\n" % (kind, pair, nm, w[4], " ".join(w[6:]))}))
        edits.append(("dur rad 0", {s: "step %s %d %d %s %s 0\n" % (kind, pair, nm, " ".join(w[4:7]), "")}))
        for name, rep in edits:
            new = [rep.get(i, l) for i, l in enumerate(lines)]
            rc, msg = check(args.bin, reseal(new), tmpd)
            tried += 1
            if rc == 0:
                acc += 1
                print("ACCEPTED step line %d: %s: %s" % (s + 1, name, msg))
        # drop the step (and its B, E lines)
        new = lines[:s] + lines[s + 3:]
        rc, msg = check(args.bin, reseal(new), tmpd)
        tried += 1
        if rc == 0:
            acc += 1
            print("ACCEPTED step line %d: dropped: %s" % (s + 1, msg))
        # cut after the step: end with it (time T unchanged, then T = its end time)
        cut = lines[:s + 3] + ["end\n"]
        rc, msg = check(args.bin, reseal(cut), tmpd)
        tried += 1
        if rc == 0:
            acc += 1
            print("ACCEPTED step line %d: cut after it: %s" % (s + 1, msg))
        # the next step made a nonunique step of this pair
        nxt = [t for t in steps if t > s]
        if nxt:
            t = nxt[0]
            wt = lines[t].split()
            for pp in range(k * n, k * n + n):
                new = list(lines[:t + 3]) + ["end\n"]
                new[t] = "step nonunique %d 2 %s\n" % (pp, " ".join(wt[4:]))
                rc, msg = check(args.bin, reseal(new), tmpd)
                tried += 1
                if rc == 0:
                    acc += 1
                    print("ACCEPTED step line %d: next step made nonunique pair %d: %s" % (t + 1, pp, msg))
    print("edits tried %d, accepted %d" % (tried, acc))


if __name__ == "__main__":
    sys.exit(main())
