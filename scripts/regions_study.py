#!/usr/bin/env python3
"""Exact face histograms of ReLU networks at initialization and after training, and a depth
sweep at a fixed number of neurons, in the spirit of Fan et al., "Deep ReLU Networks Have
Surprisingly Simple Polytopes" (arXiv 2305.09145).  Every count is exact (relucert regions on
the float32 weights at their exact values).

    /usr/bin/python3 scripts/regions_study.py --relucert build/relucert \
        --out data/regions-study.json --plot doc/regions-study.png

Setup (ours; see doc/regions.md for how it relates to the paper's):
  * inputs in [-1, 1]^d, d = 2 and d = 3; PyTorch's default nn.Linear initialisation
    (Kaiming-uniform weights, uniform biases in +-1/sqrt(fan_in)), seed 0;
  * training: Adam (lr 1e-3, 3000 full-batch steps) on 1024 uniform samples of a smooth target,
    d = 2: sin(3 x1) cos(3 x2); d = 3: exp(-|x|^2 * 3), mean squared error;
  * depth sweep: the same number of hidden neurons spread over 1 ... 6 equal layers."""
import argparse
import json
import math
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from regions_common import export_linears, run_regions  # noqa: E402


def make_net(ks, seed):
    import torch
    torch.manual_seed(seed)
    layers = [torch.nn.Linear(a, b) for a, b in zip(ks[:-1], ks[1:])]
    return layers


def forward(layers, x):
    import torch
    for k, lin in enumerate(layers):
        x = lin(x)
        if k + 1 < len(layers):
            x = torch.relu(x)
    return x


def target(x):
    import torch
    if x.shape[1] == 2:
        return (torch.sin(3 * x[:, 0]) * torch.cos(3 * x[:, 1]))[:, None]
    return torch.exp(-3 * (x ** 2).sum(1))[:, None]


def train(layers, d, steps, seed):
    import torch
    g = torch.Generator().manual_seed(seed + 1)
    x = torch.rand(1024, d, generator=g) * 2 - 1
    y = target(x)
    params = [p for lin in layers for p in lin.parameters()]
    opt = torch.optim.Adam(params, lr=1e-3)
    for _ in range(steps):
        opt.zero_grad()
        loss = ((forward(layers, x) - y) ** 2).mean()
        loss.backward()
        opt.step()
    return float(loss)


def avg(summary):
    p, _, q = summary["facets_average"].partition("/")
    return int(p) / (int(q) if q else 1)


def measure(relucert, layers, d, tmp, name):
    path = os.path.join(tmp, name + ".json")
    export_linears(layers, path, comment=name)
    res, t = run_regions(relucert, path, ",".join(["-1:1"] * d))
    return res, t


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--relucert", default="build/relucert")
    ap.add_argument("--out", default="data/regions-study.json")
    ap.add_argument("--plot", default="doc/regions-study.png")
    ap.add_argument("--steps", type=int, default=3000)
    ap.add_argument("--quick", action="store_true", help="smaller sweep (tests)")
    args = ap.parse_args()
    relucert = os.path.abspath(args.relucert)
    import torch
    torch.set_num_threads(1)
    rows = []
    sweeps = {2: (60, [1, 2, 3, 4, 6]), 3: (36, [1, 2, 3, 4, 6])}
    if args.quick:
        sweeps = {2: (12, [1, 2]), 3: (6, [1, 2])}
        args.steps = 50
    with tempfile.TemporaryDirectory() as tmp:
        for d, (N, depths) in sweeps.items():
            for L in depths:
                w = N // L
                ks = [d] + [w] * L + [1]
                layers = make_net(ks, 0)
                name = "d%d_%s" % (d, "x".join([str(w)] * L))
                r0, t0 = measure(relucert, layers, d, tmp, name + "_init")
                loss = train(layers, d, args.steps, 0)
                r1, t1 = measure(relucert, layers, d, tmp, name + "_trained")
                for stage, r, t in (("init", r0, t0), ("trained", r1, t1)):
                    row = dict(d=d, widths=[w] * L, neurons=w * L, stage=stage,
                               regions=r["regions"], facets_hist=r["facets_hist"],
                               facets_hist_interior=r["facets_hist_interior"],
                               facets_hist_inner=r["facets_hist_inner"],
                               facets_total=r["facets_total"], facets_average=r["facets_average"],
                               seconds=round(t, 2))
                    if stage == "trained":
                        row["train_mse"] = loss
                    rows.append(row)
                    print(json.dumps({k: row[k] for k in ("d", "widths", "stage", "regions", "facets_average")}), flush=True)
    os.makedirs(os.path.dirname(os.path.abspath(args.out)), exist_ok=True)
    with open(args.out, "w") as f:
        json.dump({"format": "relucert.regions-study/1", "rows": rows}, f, indent=1)
    # Markdown table
    print("\n| d | widths | stage | regions | exact average facets | (decimal) | most common |")
    print("|---|---|---|---|---|---|---|")
    for r in rows:
        mode = max(r["facets_hist"].items(), key=lambda kv: kv[1])[0]
        print("| %d | %s | %s | %d | %s | %.4f | %s |" % (r["d"], "x".join(map(str, r["widths"])), r["stage"],
              r["regions"], r["facets_average"], avg(r), mode))
    if args.plot:
        plot(rows, args.plot)


def plot(rows, path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    fig, axes = plt.subplots(1, 3, figsize=(15, 4.2))
    for ax, d in zip(axes[:2], (2, 3)):
        sel = [r for r in rows if r["d"] == d and len(r["widths"]) in (1, 3)]
        width = 0.2
        for i, r in enumerate(sel):
            h = {int(k): v for k, v in r["facets_hist"].items()}
            xs = sorted(h)
            tot = sum(h.values())
            ax.bar([x + (i - 1.5) * width for x in xs], [h[x] / tot for x in xs], width,
                   label="%s, %s (%d regions)" % ("x".join(map(str, r["widths"])), r["stage"], r["regions"]))
        ax.set_xlabel("facets per region (box facets included)")
        ax.set_ylabel("fraction of regions")
        ax.set_title("d = %d, [-1,1]^%d" % (d, d))
        ax.legend(fontsize=7)
    ax = axes[2]
    for d in (2, 3):
        for stage, mk in (("init", "o-"), ("trained", "s--")):
            sel = [r for r in rows if r["d"] == d and r["stage"] == stage]
            ax.plot([len(r["widths"]) for r in sel], [avg(r) for r in sel], mk, label="d = %d, %s" % (d, stage))
    ax.set_xlabel("hidden layers (same number of neurons)")
    ax.set_ylabel("exact average number of facets")
    ax.set_title("depth sweep")
    ax.legend(fontsize=8)
    fig.tight_layout()
    fig.savefig(path, dpi=110)


if __name__ == "__main__":
    main()
