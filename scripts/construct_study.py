#!/usr/bin/python3
"""Where does gradient training end, relative to the exact minima of `relucert construct`?

For a dataset with Q classes, `relucert construct DATA --json` gives the exact global minimizer
(cost 0) and the 2^Q - 1 certified local minima (a set S of classes collapsed, the other classes
fitted by least squares, cost RSS_T / N).  This script trains the same architecture (L hidden
layers of width Q, ReLU, biases everywhere, cost (1/N) sum_n |f(x_n) - y_n|^2) with PyTorch
from RUNS random initialisations (PyTorch's default nn.Linear initialisation, seeds 0..RUNS-1,
float64, full-batch Adam; the RUNS networks are trained together as one batched model, each with
its own parameters and its own loss, so they do not interact), then classifies each end point:

  fitted classes  F = classes k whose outputs on every sample of k are within TOL of y_k;
  match           a constructed point whose exact cost is within TOL of the final loss and
                  whose collapsed set equals F (for a cost-0 point: F = all classes);
  otherwise       no constructed point matches: "constant output" when the network's output is
                  the same on every sample (every path through the hidden layers dead on the
                  data), else "unmatched" with the set F (not converged, or a critical point
                  the construction does not produce).

Writes a Markdown table to stdout (and OUT.md / OUT.csv with --out OUT).  Usage:
  /usr/bin/python3 scripts/construct_study.py RELUCERT DATA [--runs 50] [--steps 4000]
      [--layers L] [--lr 0.02] [--out OUT]
"""
import argparse, csv, json, subprocess, sys, time
from fractions import Fraction as F

import torch


def exact_points(relucert, data, layers):
    cmd = [relucert, "construct", data, "--json", "--no-hessian"]
    if layers:
        cmd += ["--layers", str(layers)]
    res = json.loads(subprocess.run(cmd, check=True, capture_output=True, text=True).stdout)
    pts = []
    for p in [res["global"]] + res["local_minima"]:
        if p["built"] and p["proved"]:
            pts.append({"collapsed": tuple(p["collapsed"]), "cost": F(p["cost"]),
                        "global": p is res["global"]})
    return res, pts


def load(data):
    d = json.load(open(data))
    X = torch.tensor([[float(F(v)) for v in r] for r in d["X"]], dtype=torch.float64)
    Y = torch.tensor([[float(F(v)) for v in (r if isinstance(r, list) else [r])] for r in d["y"]],
                     dtype=torch.float64)
    return X, Y


def init_params(runs, widths):
    """PyTorch's default nn.Linear initialisation, network r drawn with torch.manual_seed(r)."""
    Ws = [[] for _ in widths[1:]]
    bs = [[] for _ in widths[1:]]
    for r in range(runs):
        torch.manual_seed(r)
        for k in range(len(widths) - 1):
            lin = torch.nn.Linear(widths[k], widths[k + 1]).double()
            Ws[k].append(lin.weight.detach().clone())
            bs[k].append(lin.bias.detach().clone())
    W = [torch.stack(w).requires_grad_() for w in Ws]     # runs x out x in
    b = [torch.stack(x).requires_grad_() for x in bs]     # runs x out
    return W, b


def forward(W, b, X):
    h = X.unsqueeze(0).expand(W[0].shape[0], -1, -1)      # runs x N x d
    for k in range(len(W)):
        h = torch.baddbmm(b[k].unsqueeze(1), h, W[k].transpose(1, 2))
        if k < len(W) - 1:
            h = torch.relu(h)
    return h                                              # runs x N x e


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("relucert")
    ap.add_argument("data")
    ap.add_argument("--runs", type=int, default=50)
    ap.add_argument("--steps", type=int, default=4000)
    ap.add_argument("--layers", type=int, default=0)
    ap.add_argument("--lr", type=float, default=0.02)
    ap.add_argument("--tol", type=float, default=1e-4)
    ap.add_argument("--out")
    a = ap.parse_args()
    t0 = time.time()
    res, pts = exact_points(a.relucert, a.data, a.layers)
    Q, L = res["classes"], res["layers"]
    X, Y = load(a.data)
    N, d = X.shape
    e = Y.shape[1]
    cls = []
    labels = {c["class"]: torch.tensor([float(F(v)) for v in c["label"]], dtype=torch.float64)
              for c in res["hypothesis"]["classes"]}
    for y in Y:
        cls.append(next(k for k, l in labels.items() if torch.equal(l, y)))
    cls = torch.tensor(cls)
    W, b = init_params(a.runs, [d] + [Q] * L + [e])
    opt = torch.optim.Adam(W + b, lr=a.lr)
    for _ in range(a.steps):
        opt.zero_grad()
        loss = ((forward(W, b, X) - Y) ** 2).sum(2).mean(1)   # per run: (1/N) sum |f - y|^2
        loss.sum().backward()
        opt.step()
    with torch.no_grad():
        out = forward(W, b, X)
        loss = ((out - Y) ** 2).sum(2).mean(1)
    rows = []
    for r in range(a.runs):
        err = (out[r] - Y).abs().max(1).values                 # per sample
        fitted = tuple(k for k in range(Q) if err[cls == k].max().item() < a.tol)
        lr_ = loss[r].item()
        match = "other"
        for p in pts:
            if abs(float(p["cost"]) - lr_) > a.tol * (1 + float(p["cost"])):
                continue
            if p["cost"] == 0 or p["collapsed"] == fitted:
                match = "global (cost 0)" if p["cost"] == 0 else "S=" + str(set(p["collapsed"]) or "{}")
                break
        if match == "other":
            if (out[r] - out[r][0]).abs().max().item() < a.tol:
                match = "constant output (every path dead on the data)"
            else:
                match = "unmatched, fitted " + (str(set(fitted)) if fitted else "{}")
        rows.append({"seed": r, "loss": lr_, "fitted": fitted, "match": match})
    counts = {}
    for row in rows:
        counts[row["match"]] = counts.get(row["match"], 0) + 1
    costs = {("global (cost 0)" if p["cost"] == 0 else "S=" + str(set(p["collapsed"]) or "{}")):
             p["cost"] for p in pts}
    lines = ["| end point (exact minimum reached) | exact cost | runs |", "|---|---|---|"]
    for k in sorted(counts, key=lambda k: (k not in costs, -counts[k])):
        c = costs.get(k)
        lines.append("| %s | %s | %d |" % (k, "%s (= %.6g)" % (c, float(c)) if c is not None else "-",
                                          counts[k]))
    others = sorted(row["loss"] for row in rows if row["match"] not in costs)
    lines.append("")
    lines.append("%s: Q = %d, L = %d, N = %d, %d runs, %d Adam steps (lr %g), tol %g, %.1f s"
                 % (a.data, Q, L, N, a.runs, a.steps, a.lr, a.tol, time.time() - t0))
    if others:
        lines.append("final losses of the unmatched runs: " + ", ".join("%.3g" % v for v in others))
    text = "\n".join(lines)
    print(text)
    if a.out:
        open(a.out + ".md", "w").write(text + "\n")
        with open(a.out + ".csv", "w", newline="") as f:
            w = csv.DictWriter(f, fieldnames=["seed", "loss", "fitted", "match"])
            w.writeheader()
            for row in rows:
                w.writerow(row)


if __name__ == "__main__":
    main()
