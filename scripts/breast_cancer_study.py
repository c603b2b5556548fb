#!/usr/bin/python3
"""The breast-cancer study of issue 6 (doc/math.md section 5; doc/obstruct.md).

Two-layer ReLU networks 30 -> l -> 1 with hidden bias and no output bias, BCE-with-logits, on the
Wisconsin Diagnostic Breast Cancer data (as shipped with scikit-learn), over a grid of widths l
and numbers l+ of non-pathological neurons (level c_k > 0); the other l - l+ neurons are
pathological with v_k > 0 (c_k < 0), so their output weights stay positive under gradient flow.
Initialisations are built with these level signs exactly; training is float64 full-batch GD
(numpy), every step logged.  Each run is then certified with relucert:
  relucert replay LOG TRAIN --lr ETA --loss bce   the run never left its component (no sign change
                                                  of a pathological output weight)
  relucert obstruct INIT TRAIN --loss bce --witness FINAL
                                                  the component's certified lower bound, and the
                                                  certified (enclosed) final training loss
Writes OUT/runs.csv, OUT/table.md, OUT/figure.png.  Usage:
  /usr/bin/python3 scripts/breast_cancer_study.py RELUCERT OUT [--quick]
"""
import csv, json, os, subprocess, sys
import numpy as np

def load():
    from sklearn.datasets import load_breast_cancer
    X, y = load_breast_cancer(return_X_y=True)
    perm = np.random.RandomState(0).permutation(len(y))
    tr, te = perm[:400], perm[400:]
    mu, sd = X[tr].mean(0), X[tr].std(0)
    X = (X - mu) / sd
    return X[tr], y[tr].astype(np.float64), X[te], y[te].astype(np.float64)

def init(rng, d, l, lplus):
    """w ~ N(0, 1/(d+1)) per entry of (W1 row, b1); non-pathological: |v| = u ||w||, u in
    [0.1, 0.9] (c > 0), random sign; pathological: v = u ||w||, u in [1.1, 2] (c < 0, v > 0).
    The margins keep the intended sign of c_k after rounding (relucert checks it exactly)."""
    W = rng.normal(0, 1 / np.sqrt(d + 1), size=(l, d + 1))
    nw = np.linalg.norm(W, axis=1)
    v = np.empty(l)
    for k in range(l):
        if k < lplus:
            v[k] = rng.choice([-1, 1]) * rng.uniform(0.1, 0.9) * nw[k]
        else:
            v[k] = rng.uniform(1.1, 2.0) * nw[k]
    return W[:, :d].copy(), W[:, d].copy(), v.reshape(1, l)

def bce(z, y):
    return np.mean(np.logaddexp(0, z) - y * z)

def train(X, y, W1, b1, W2, lr, steps):
    n = len(y)
    hist = {"W1": [W1.copy()], "b1": [b1.copy()], "W2": [W2.copy()]}
    for _ in range(steps):
        pre = X @ W1.T + b1
        h = np.maximum(pre, 0)
        z = h @ W2[0]
        g = (1 / (1 + np.exp(-z)) - y) / n             # dL/dz
        gW2 = (h.T @ g).reshape(1, -1)
        gh = np.outer(g, W2[0]) * (pre > 0)             # sigma'(0) = 0, as PyTorch
        gW1 = gh.T @ X
        gb1 = gh.sum(0)
        W1 = W1 - lr * gW1
        b1 = b1 - lr * gb1
        W2 = W2 - lr * gW2
        hist["W1"].append(W1.copy()); hist["b1"].append(b1.copy()); hist["W2"].append(W2.copy())
    return W1, b1, W2, {k: np.array(v) for k, v in hist.items()}

def forward(X, W1, b1, W2):
    return np.maximum(X @ W1.T + b1, 0) @ W2[0]

def run_json(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode != 0:
        raise RuntimeError("%s: %s" % (" ".join(cmd), p.stderr.strip()))
    return json.loads(p.stdout)

def main():
    if len(sys.argv) < 3:
        print(__doc__)
        sys.exit(2)
    rc, out = sys.argv[1], sys.argv[2]
    quick = "--quick" in sys.argv
    os.makedirs(out, exist_ok=True)
    Xtr, ytr, Xte, yte = load()
    np.savez(os.path.join(out, "train.npz"), X=Xtr, y=ytr)
    lr, steps = "0.5", (100 if quick else 400)
    widths = [2, 4, 8] if quick else [2, 4, 8, 16, 32]
    seeds = 2 if quick else 3
    rows = []
    for l in widths:
        for lplus in sorted({0, 1, 2, 4, 8, 16, 32, l}):
            if lplus > l:
                continue
            for seed in range(seeds):
                rng = np.random.RandomState(1000 * l + 10 * lplus + seed)
                W1, b1, W2 = init(rng, Xtr.shape[1], l, lplus)
                tag = "l%d-p%d-s%d" % (l, lplus, seed)
                np.savez(os.path.join(out, tag + "-init.npz"), W1=W1, b1=b1, W2=W2)
                fW1, fb1, fW2, hist = train(Xtr, ytr, W1, b1, W2, float(lr), steps)
                np.savez(os.path.join(out, tag + "-log.npz"), **hist)
                np.savez(os.path.join(out, tag + "-final.npz"), W1=fW1, b1=fb1, W2=fW2)
                rep = run_json([rc, "replay", os.path.join(out, tag + "-log.npz"),
                                os.path.join(out, "train.npz"), "--lr", lr, "--loss", "bce",
                                "--no-identity", "--json"])
                obs = run_json([rc, "obstruct", os.path.join(out, tag + "-init.npz"),
                                os.path.join(out, "train.npz"), "--loss", "bce", "--witness",
                                os.path.join(out, tag + "-final.npz"), "--json"])
                ins = run_json([rc, "inspect", os.path.join(out, tag + "-init.npz"), "--json"])
                row = {
                    "l": l, "l_plus": lplus, "seed": seed,
                    "pathological": ins["levels"]["pathological"],
                    "component": ins["component"],
                    "stayed_on_component": rep.get("first_sign_change") is None,
                    "bound_lo": obs["component_lower_bound"][0],
                    "train_loss_hi": obs["witness_loss"],
                    "train_loss_float": bce(forward(Xtr, fW1, fb1, fW2), ytr),
                    "test_loss": bce(forward(Xte, fW1, fb1, fW2), yte),
                    "test_acc": float(np.mean((forward(Xte, fW1, fb1, fW2) > 0) == (yte > 0.5))),
                }
                assert row["pathological"] == l - lplus, (tag, ins["levels"])
                rows.append(row)
                print("%-12s stayed=%s bound>=%s train<=%s test=%.4f acc=%.3f" % (
                    tag, row["stayed_on_component"], "%.6f" % float(row["bound_lo"]), "%.6f" % float(row["train_loss_hi"]),
                    row["test_loss"], row["test_acc"]), flush=True)
    with open(os.path.join(out, "runs.csv"), "w", newline="") as f:
        w = csv.DictWriter(f, fieldnames=list(rows[0].keys()))
        w.writeheader()
        w.writerows(rows)
    # table: mean test loss over seeds, per (l, l+); bound of the component
    cells = {}
    for r in rows:
        cells.setdefault((r["l"], r["l_plus"]), []).append(r)
    lps = sorted({k[1] for k in cells})
    with open(os.path.join(out, "table.md"), "w") as f:
        f.write("mean test loss (BCE, %d seeds, %s GD steps, lr %s); rows l, columns l+ "
                "(non-pathological neurons); [certified lower bound of the training loss on the "
                "component, when > 0]\n\n" % (seeds, steps, lr))
        f.write("| l | " + " | ".join("l+ = %d" % p for p in lps) + " |\n")
        f.write("|---|" + "---|" * len(lps) + "\n")
        for l in widths:
            cols = []
            for p in lps:
                c = cells.get((l, p))
                if not c:
                    cols.append("")
                    continue
                s = "%.4f" % np.mean([r["test_loss"] for r in c])
                b = min(float(r["bound_lo"]) for r in c)
                if b > 0:
                    s += " [%.4f]" % b
                cols.append(s)
            f.write("| %d | " % l + " | ".join(cols) + " |\n")
        stayed = sum(r["stayed_on_component"] for r in rows)
        above = sum(float(r["train_loss_hi"]) >= float(r["bound_lo"]) for r in rows)
        f.write("\n%d of %d runs certified to stay on their initial component (relucert replay); "
                "in %d of %d the certified final training loss is >= the component's certified "
                "lower bound.\n" % (stayed, len(rows), above, len(rows)))
    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
        fig, ax = plt.subplots(1, 2, figsize=(11, 4))
        for p in lps:
            xs = [l for l in widths if (l, p) in cells]
            ax[0].plot(xs, [np.mean([r["test_loss"] for r in cells[(l, p)]]) for l in xs], "o-",
                       label="l+ = %d" % p)
        ax[0].set_xscale("log", base=2); ax[0].set_xlabel("width l"); ax[0].set_ylabel("mean test loss")
        ax[0].set_title("test loss against width, by number l+ of non-pathological neurons")
        ax[0].legend(fontsize=7)
        for l in widths:
            ps = [p for p in lps if (l, p) in cells]
            ax[1].plot([p / l for p in ps], [np.mean([r["test_loss"] for r in cells[(l, p)]]) for p in ps],
                       "o-", label="l = %d" % l)
        ax[1].set_xlabel("fraction l+ / l"); ax[1].set_ylabel("mean test loss")
        ax[1].set_title("the same against the fraction l+ / l")
        ax[1].legend(fontsize=7)
        fig.tight_layout()
        fig.savefig(os.path.join(out, "figure.png"), dpi=110)
    except ImportError:
        print("matplotlib missing: no figure (apt-get install python3-matplotlib)")
    print(open(os.path.join(out, "table.md")).read())

if __name__ == "__main__":
    main()
