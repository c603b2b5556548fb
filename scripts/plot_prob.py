#!/usr/bin/python3
"""Regenerates the initialization-statistics tables and figures into data/tables/.

    /usr/bin/python3 scripts/plot_prob.py [--relucert build/relucert] [--out data/tables]

Every number comes from `relucert table` (certified digits only; the CSV files hold the
certified digits and, for long tables, the outward-rounded bounds).  Needs Debian's
python3-matplotlib (apt-get install -y python3-matplotlib).
"""
import argparse
import csv
import os
import subprocess
import sys

import matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402


def run(relucert, args):
    cmd = [relucert, "table"] + args
    print("+", " ".join(cmd), file=sys.stderr)
    subprocess.run(cmd, check=True)


def read_grid(path):
    """Grid CSV of `relucert table --layout grid --format csv`: header d\\l,l1,...; rows d,v..."""
    with open(path) as f:
        rows = list(csv.reader(f))
    ls = [int(x) for x in rows[0][1:]]
    ds = [int(r[0]) for r in rows[1:]]
    z = np.array([[float(x) for x in r[1:]] for r in rows[1:]])
    return ds, ls, z


def heatmap(out, scheme, relucert):
    csv_path = os.path.join(out, f"heatmap_p_disconnected_{scheme}.csv")
    run(relucert, ["--init", scheme, "--input-dim", "1:100", "--hidden", "1:100",
                   "--quantity", "p_disconnected", "--layout", "grid", "--format", "csv",
                   "--digits", "6", "--output", csv_path])
    ds, ls, z = read_grid(csv_path)
    fig, ax = plt.subplots(figsize=(6.4, 5.2))
    im = ax.imshow(z, origin="lower", aspect="auto", cmap="viridis", vmin=0, vmax=1,
                   extent=[ls[0] - 0.5, ls[-1] + 0.5, ds[0] - 0.5, ds[-1] + 0.5])
    cs = ax.contour(ls, ds, z, levels=[0.05, 0.5, 0.95], colors="white", linewidths=0.8)
    ax.clabel(cs, fmt="%.2f", fontsize=8)
    cb = fig.colorbar(im, ax=ax)
    cb.set_label("P(H(c) disconnected) = 1 - (1 - p)^l  (certified)")
    ax.set_xlabel("hidden width l")
    ax.set_ylabel("input dimension d")
    ax.set_title(f"{scheme}, e = 1, hidden bias zero-initialised")
    fig.tight_layout()
    for ext in ("png", "svg"):
        fig.savefig(os.path.join(out, f"heatmap_p_disconnected_{scheme}.{ext}"), dpi=110)
    plt.close(fig)


def components_curves(out, relucert):
    csv_path = os.path.join(out, "expected_components_vs_l.csv")
    run(relucert, ["--init", "xavier-normal,kaiming-normal,lecun-normal",
                   "--input-dim", "1,2,10,100", "--hidden", "1:100",
                   "--quantity", "expected_components,expected_effective_components",
                   "--format", "csv", "--digits", "8", "--output", csv_path])
    data = {}
    with open(csv_path) as f:
        for r in csv.DictReader(f):
            key = (r["scheme"], int(r["input_dim"]))
            data.setdefault(key, []).append((int(r["hidden"]), float(r["expected_components"]),
                                             float(r["expected_effective_components"])))
    fig, axes = plt.subplots(1, 2, figsize=(11, 4.4))
    styles = {"xavier-normal": "-", "kaiming-normal": "--", "lecun-normal": ":"}
    colors = {1: "C0", 2: "C1", 10: "C2", 100: "C3"}
    for (scheme, d), rows in sorted(data.items()):
        rows.sort()
        l = [r[0] for r in rows]
        axes[0].semilogy(l, [r[1] for r in rows], styles[scheme], color=colors[d],
                         label=f"{scheme}, d={d}")
        axes[1].plot(l, [r[2] for r in rows], styles[scheme], color=colors[d],
                     label=f"{scheme}, d={d}")
    axes[0].set_ylabel("E[#components of H(c)] = (1 + p)^l")
    axes[1].set_ylabel("E[#effective components] = 1 + l p")
    for ax in axes:
        ax.set_xlabel("hidden width l")
        ax.grid(alpha=0.3)
    axes[0].legend(fontsize=7, ncol=2)
    fig.suptitle("Certified expectations at initialization (e = 1, hidden bias zero-initialised)")
    fig.tight_layout()
    for ext in ("png", "svg"):
        fig.savefig(os.path.join(out, f"expected_components_vs_l.{ext}"), dpi=110)
    plt.close(fig)


def summary_tables(out, relucert):
    common = ["--init", "xavier-normal,kaiming-normal,lecun-normal,xavier-uniform,"
              "kaiming-uniform,torch-default", "--input-dim", "1,2,3,10,784",
              "--hidden", "10,100,1000",
              "--quantity", "p_negative_level,p_disconnected,expected_components",
              "--monte-carlo-fallback", "--digits", "10"]
    for fmt in ("csv", "md", "tex"):
        run(relucert, common + ["--format", fmt, "--output",
                                os.path.join(out, f"init_summary.{fmt}")])
    grid = ["--init", "kaiming-normal", "--input-dim", "1,2,5,10,20,50,100",
            "--hidden", "1,2,5,10,20,50,100", "--quantity", "p_disconnected",
            "--layout", "grid", "--digits", "6"]
    for fmt in ("md", "tex"):
        run(relucert, grid + ["--format", fmt, "--output",
                              os.path.join(out, f"grid_p_disconnected_kaiming-normal.{fmt}")])


def main():
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--relucert", default="build/relucert")
    ap.add_argument("--out", default="data/tables")
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    for scheme in ("xavier-normal", "kaiming-normal"):
        heatmap(a.out, scheme, a.relucert)
    components_curves(a.out, a.relucert)
    summary_tables(a.out, a.relucert)


if __name__ == "__main__":
    main()
