#!/usr/bin/python3
"""Train a small implicit (infinite-depth) ReLU network with plain full-batch gradient descent in
PyTorch, write the training log that `relucert implicit replay` reads, and measure the true error
of the float fixed-point solver against relucert's exact rational equilibria.

Model (doc/implicit.md):  z = relu(gamma A z + W x + b),  f(x) = U z + c,
loss L = (1/2) sum_i ||f(x_i) - y_i||^2 (sum, not mean), plain GD with step --lr on A, W, b, U, c.

Forward: Picard iteration z <- relu(gamma A z + u) in float64 until the step is below --tol
(the usual DEQ practice: a float residual tolerance).  Backward: implicit differentiation: with
D = diag(1[p > 0]) at the equilibrium, (I - gamma D A) dz = D (gamma dA z + du), so for an
upstream gradient g the adjoint is v = (I - gamma D A)^{-T} g and w = D v gives
dL/dA = gamma w z^T, dL/du = w (then dL/dW = w x^T, dL/db = w).

Output (in --out, default the current directory)
  implicit-log.npz    A (T, m, m), W (T, m, d), b (T, m), U (T, e, m), c (T, e), gamma (),
                      loss (T,): the float64 snapshots, snapshot 0 the initialisation
  implicit-data.json  relucert.dataset/1: the training inputs and targets (exact dyadic values
                      written as decimal literals that spell them exactly)
  implicit-net.json   relucert.implicit-network/1 of the last snapshot (C hex floats: exact)

Then (unless --no-relucert) it runs
  relucert implicit implicit-net.json implicit-data.json --json
and reports max |z_float - z_exact| over all samples and coordinates (exact rationals parsed
with fractions.Fraction), and
  relucert implicit replay implicit-log.npz implicit-data.json --lr LR --json
and prints its summary.  Needs Debian's python3-torch and python3-numpy (run with /usr/bin/python3).
"""
import argparse
import json
import os
import subprocess
import sys
from fractions import Fraction

import numpy as np


def picard(A, u, gamma, tol, maxit=10000):
    """z <- relu(gamma A z + u) for a batch u (N, m); stops when the max step is below tol."""
    import torch
    z = torch.zeros_like(u)
    for it in range(maxit):
        zn = torch.relu(gamma * z @ A.T + u)
        step = (zn - z).abs().max().item()
        z = zn
        if step <= tol:
            break
    return z, it + 1


def make_fixed_point(gamma, tol):
    import torch

    class FixedPoint(torch.autograd.Function):
        @staticmethod
        def forward(ctx, A, u):
            with torch.no_grad():
                z, _ = picard(A, u, gamma, tol)
            ctx.save_for_backward(A, u, z)
            return z

        @staticmethod
        def backward(ctx, g):
            A, u, z = ctx.saved_tensors
            m = A.shape[0]
            p = gamma * z @ A.T + u
            D = (p > 0).to(A.dtype)                       # (N, m)
            I = torch.eye(m, dtype=A.dtype)
            gA = torch.zeros_like(A)
            gu = torch.zeros_like(u)
            for i in range(u.shape[0]):
                M = I - gamma * D[i][:, None] * A        # I - gamma D A
                v = torch.linalg.solve(M.T, g[i])
                w = D[i] * v
                gA += gamma * torch.outer(w, z[i])
                gu[i] = w
            return gA, gu

    return FixedPoint.apply


def check_grad(gamma):
    """The implicit backward pass against central finite differences on a small net (float64,
    Picard to 1e-14); returns the largest relative error over a few entries of A, W, b."""
    import torch
    torch.manual_seed(1)
    dt = torch.float64
    m, d, n = 6, 3, 5
    A = (torch.randn(m, m, dtype=dt) / np.sqrt(m)).requires_grad_()
    W = torch.randn(m, d, dtype=dt).requires_grad_()
    b = torch.randn(m, dtype=dt).requires_grad_()
    X, y, U = torch.randn(n, d, dtype=dt), torch.randn(n, 1, dtype=dt), torch.randn(1, m, dtype=dt)
    fp = make_fixed_point(gamma, 1e-14)
    loss = lambda: 0.5 * (((fp(A, X @ W.T + b) @ U.T) - y) ** 2).sum()
    loss().backward()
    worst, eps = 0.0, 1e-6
    with torch.no_grad():
        for T, idx in [(A, (0, 0)), (A, (2, 1)), (A, (4, 5)), (W, (2, 1)), (W, (0, 2)), (b, (3,)), (b, (5,))]:
            T[idx] += eps
            lp = loss().item()
            T[idx] -= 2 * eps
            lm = loss().item()
            T[idx] += eps
            fd = (lp - lm) / (2 * eps)
            worst = max(worst, abs(T.grad[idx].item() - fd) / max(1e-8, abs(fd)))
    return worst


def dataset(seed, n, d):
    """Inputs and targets on the grid k/16: exact in binary and in decimal."""
    rng = np.random.default_rng(seed)
    X = rng.integers(-16, 17, size=(n, d)) / 16.0
    y = rng.integers(-16, 17, size=(n, 1)) / 16.0
    return X, y


def lit(v):
    """A literal "p/q" that spells the double v exactly (Fraction(v) is its exact value)."""
    return str(Fraction(v))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--out", default=".")
    ap.add_argument("--m", type=int, default=16)
    ap.add_argument("--n", type=int, default=8)
    ap.add_argument("--d", type=int, default=3)
    ap.add_argument("--gamma", type=float, default=0.5)
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--steps", type=int, default=60)
    ap.add_argument("--tol", type=float, default=1e-6, help="Picard stopping tolerance")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--relucert", default=os.path.join(os.path.dirname(__file__), "..", "..", "build", "relucert"))
    ap.add_argument("--no-relucert", action="store_true")
    ap.add_argument("--check-grad", action="store_true",
                    help="only compare the implicit backward with finite differences")
    args = ap.parse_args()
    import torch
    if args.check_grad:
        err = check_grad(args.gamma)
        print(f"implicit backward vs central differences: max relative error {err:.2e}")
        return 0 if err < 1e-5 else 1
    torch.manual_seed(args.seed)
    torch.set_num_threads(1)
    os.makedirs(args.out, exist_ok=True)
    X, y = dataset(args.seed, args.n, args.d)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    m, d, e = args.m, args.d, 1
    dt = torch.float64
    A = (torch.randn(m, m, dtype=dt) / np.sqrt(m)).requires_grad_()   # ||A||_2 about 2
    W = (torch.randn(m, d, dtype=dt) / np.sqrt(d)).requires_grad_()
    b = torch.zeros(m, dtype=dt).requires_grad_()
    U = (torch.randn(e, m, dtype=dt) / np.sqrt(m)).requires_grad_()
    c = torch.zeros(e, dtype=dt).requires_grad_()
    fp = make_fixed_point(args.gamma, args.tol)
    snaps = {k: [] for k in "AWbUc"}
    losses = []

    def snapshot():
        for k, t in zip("AWbUc", (A, W, b, U, c)):
            snaps[k].append(t.detach().numpy().copy())

    for step in range(args.steps + 1):
        u = Xt @ W.T + b
        z = fp(A, u)
        f = z @ U.T + c
        loss = 0.5 * ((f - yt) ** 2).sum()
        snapshot()
        losses.append(loss.item())
        if step == args.steps:
            break
        for t in (A, W, b, U, c):
            t.grad = None
        loss.backward()
        with torch.no_grad():
            for t in (A, W, b, U, c):
                t -= args.lr * t.grad
    log = os.path.join(args.out, "implicit-log.npz")
    np.savez(log, A=np.stack(snaps["A"]), W=np.stack(snaps["W"]), b=np.stack(snaps["b"]),
             U=np.stack(snaps["U"]), c=np.stack(snaps["c"]), gamma=np.array(args.gamma),
             loss=np.array(losses))
    data = os.path.join(args.out, "implicit-data.json")
    with open(data, "w") as fh:
        json.dump({"format": "relucert.dataset/1", "X": [[lit(v) for v in row] for row in X],
                   "y": [lit(v[0]) for v in y]}, fh)
    net = os.path.join(args.out, "implicit-net.json")
    hx = lambda a: [[float(v).hex() for v in row] for row in a]
    with open(net, "w") as fh:
        json.dump({"format": "relucert.implicit-network/1", "gamma": float(args.gamma).hex(),
                   "A": hx(snaps["A"][-1]), "W": hx(snaps["W"][-1]),
                   "b": [float(v).hex() for v in snaps["b"][-1]], "U": hx(snaps["U"][-1]),
                   "c": [float(v).hex() for v in snaps["c"][-1]]}, fh)
    print(f"trained {args.steps} steps: loss {losses[0]:.6g} -> {losses[-1]:.6g}; wrote {log}, {data}, {net}")
    if args.no_relucert:
        return 0
    # the float solver's equilibria of the last snapshot, against relucert's exact ones
    with torch.no_grad():
        u = Xt @ W.T + b
        zf, iters = picard(A.detach(), u, args.gamma, args.tol)
    out = subprocess.run([args.relucert, "implicit", net, data, "--json"], capture_output=True, text=True)
    if out.returncode != 0:
        print("relucert implicit failed:", out.stderr.strip())
        return 1
    res = json.loads(out.stdout)
    print(f"relucert: well_posed {res['well_posed']}, gamma||A||_2 in {res['norm_bound']}, "
          f"lambda_min(G) in {res['gram_lambda_min']}, {res['equilibria_exact']} of {res['samples']} exact")
    worst = Fraction(0)
    for eq in res["equilibria"]:
        if not eq["exact"]:
            continue
        for j, s in enumerate(eq["z"]):
            err = abs(Fraction(s) - Fraction(float(zf[eq["sample"], j])))
            worst = max(worst, err)
    print(f"float Picard solver (tol {args.tol:g}, {iters} iterations): true max error "
          f"|z_float - z_exact| = {float(worst):.3e} (exact rational comparison)")
    rep = subprocess.run([args.relucert, "implicit", "replay", log, data, "--lr", repr(args.lr), "--json"],
                         capture_output=True, text=True)
    if rep.returncode != 0:
        print("relucert implicit replay failed:", rep.stderr.strip())
        return 1
    r = json.loads(rep.stdout)
    print(f"replay: {r['steps']} snapshots, well-posed certified at {r['steps_well_posed']}, "
          f"lambda_min(G) > 0 certified at {r['steps_lambda_positive']}")
    s = r["snapshots"]
    obs = (float(s[-1]["loss"][1]) / float(s[0]["loss"][0])) ** (1.0 / (len(s) - 1))
    gf = float(np.mean([x["gf_rate_bound"] for x in s[:-1]]))
    print(f"observed per-step loss ratio (geometric mean) {obs:.6f}; gradient-flow rate from "
          f"lambda_min(G) alone, mean exp(-2 lr lambda_lo) = {gf:.6f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
