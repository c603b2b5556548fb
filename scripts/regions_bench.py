#!/usr/bin/env python3
"""Benchmark: relucert regions (exact) beside relu_edge_subdivision (Berzins, ICML 2023;
float32 PyTorch, CPU) on the same networks, in [-1, 1]^d.

The peer is NOT part of relucert: get it yourself and pass its directory,
    git clone https://github.com/arturs-berzins/relu_edge_subdivision /tmp/peer
    /usr/bin/python3 scripts/regions_bench.py --peer /tmp/peer --relucert build/relucert
(Debian's python3-torch).  Networks: the peer's own pretrained models (2,2x50 ... from its
models/ directory, when present) and PyTorch-default random initialisations of the sizes
2->[50,50]->1, 3->[16,16,16]->1, plus a large 2-D network for the 10^5-regions goal.

The peer returns vertices with sign vectors.  Its regions are recovered as the distinct
patterns obtained by giving every zero neuron entry of every vertex both signs (at a generic
vertex the d hyperplanes through it cut 2^d local cells); in 2-D also by Euler, F = E - V + 1 (this counts the peer's cells, which are also cut by the
output's zero set).
relucert's patterns come from --all.  Reported: counts, patterns only one side found
(disagreements), wall times, and the ratio."""
import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from regions_common import export_linears  # noqa: E402


def peer_regions(vs, edges, v_sv, d, H):
    """Distinct hidden-neuron patterns around the peer's vertices.  The peer's sign vectors are
    [2d box entries, hidden neurons layer by layer, output neurons]: it also subdivides by the
    output's zero set, which relucert's regions (hidden patterns) do not; the output entries
    are dropped, so cells that differ only in the sign of f merge."""
    sv = v_sv.numpy()
    pats = set()
    for row in sv:
        neu = row[2 * d:2 * d + H]
        zeros = [i for i in range(H) if neu[i] == 0]
        if len(zeros) > 12:
            continue
        base = ['1' if s > 0 else '0' for s in neu]
        for signs in itertools.product('01', repeat=len(zeros)):
            for i, s in zip(zeros, signs):
                base[i] = s
            pats.add(''.join(base))
    return pats


def run_peer(peer, f, d):
    sys.path.insert(0, peer)
    import torch
    from edge_subdivision import skeletal_subdivision
    cwd = os.getcwd()
    os.chdir(peer)
    try:
        with torch.no_grad():
            t0 = time.perf_counter()
            vs, edges, v_sv = skeletal_subdivision(f, bbox=(-1, 1), device='cpu', verbose=False)
            t = time.perf_counter() - t0
    finally:
        os.chdir(cwd)
    return vs, edges, v_sv, t


def relucert_patterns(relucert, path, d):
    box = ",".join(["-1:1"] * d)
    t0 = time.perf_counter()
    out = subprocess.run([relucert, "regions", path, "--box", box, "--json"], check=True,
                         capture_output=True, text=True).stdout
    t = time.perf_counter() - t0
    summ = json.loads(out)
    out = subprocess.run([relucert, "regions", path, "--box", box, "--json", "--all"], check=True,
                         capture_output=True, text=True).stdout
    allr = json.loads(out)
    return summ, set(r["pattern"] for r in allr["region_list"]), t


def bench_one(name, f, d, args, tmp, rows):
    import torch
    H = sum(f.ks[1:-1])
    path = os.path.join(tmp, name.replace(",", "_").replace(" ", "_") + ".json")
    export_linears(list(f.fcs), path, comment=name)
    # the peer evaluates in float32 exactly these weights
    reps = []
    for _ in range(args.repeat):
        vs, edges, v_sv, tp = run_peer(args.peer, f, d)
        reps.append(tp)
    tp = min(reps)
    ppats = peer_regions(vs, edges, v_sv, d, H)
    euler = len(edges) - len(vs) + 1 if d == 2 else None
    reps = []
    for _ in range(args.repeat):
        summ, rpats, tr = relucert_patterns(args.relucert, path, d)
        reps.append(tr)
    tr = min(reps)
    row = dict(net=name, d=d, hidden=H, relucert_regions=summ["regions"],
               peer_regions=len(ppats), peer_euler=euler,
               only_relucert=len(rpats - ppats), only_peer=len(ppats - rpats),
               relucert_s=round(tr, 3), peer_s=round(tp, 3), ratio=round(tr / tp, 2),
               facets_average=summ["facets_average"])
    rows.append(row)
    print(json.dumps(row), flush=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--peer", required=True, help="directory of a relu_edge_subdivision checkout")
    ap.add_argument("--relucert", default="build/relucert")
    ap.add_argument("--repeat", type=int, default=1)
    ap.add_argument("--out", default=None, help="write the rows as JSON lines here")
    ap.add_argument("--big", action="store_true", help="also the large 2-D network (10^5 regions)")
    ap.add_argument("--cases", default="bunny,init,degenerate",
                    help="comma-separated: bunny (the peer's models), init, degenerate")
    args = ap.parse_args()
    args.relucert = os.path.abspath(args.relucert)
    args.peer = os.path.abspath(args.peer)
    sys.path.insert(0, args.peer)
    import torch
    from NN import Net, NetBunny
    torch.set_num_threads(2)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        cwd = os.getcwd()
        os.chdir(args.peer)
        bunnies = []
        for (dim, depth, width) in [(2, 2, 50), (3, 3, 16), (2, 4, 32), (2, 2, 100)]:
            if os.path.exists("models/%d,%dx%d,relu,bunny" % (dim, depth, width)):
                bunnies.append(("bunny %d,%dx%d" % (dim, depth, width), NetBunny(dim=dim, depth=depth, width=width), dim))
        os.chdir(cwd)
        cases = args.cases.split(",")
        for name, f, d in (bunnies if "bunny" in cases else []):
            bench_one(name, f, d, args, tmp, rows)
        if "degenerate" in cases:
            # three lines through (1/2, 1/2): x = 1/2, y = 1/2, x + y = 1 (all exact in float32)
            f = Net(ks=[2, 3, 1])
            with torch.no_grad():
                f.fcs[0].weight.copy_(torch.tensor([[1., 0.], [0., 1.], [1., 1.]]))
                f.fcs[0].bias.copy_(torch.tensor([-0.5, -0.5, -1.0]))
                f.fcs[1].weight.copy_(torch.tensor([[1., 1., 1.]]))
                f.fcs[1].bias.zero_()
            bench_one("degenerate: 3 lines through a point", f, 2, args, tmp, rows)
        sizes = [[2, 50, 50, 1], [3, 16, 16, 16, 1]] if "init" in cases else []
        if args.big:
            sizes.append([2, 300, 300, 300, 1])
        for ks in sizes:
            torch.manual_seed(0)
            f = Net(ks=ks)
            bench_one("init " + "->".join(map(str, ks)), f, ks[0], args, tmp, rows)
    if args.out:
        with open(args.out, "w") as fo:
            for r in rows:
                fo.write(json.dumps(r) + "\n")


if __name__ == "__main__":
    main()
