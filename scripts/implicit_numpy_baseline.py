#!/usr/bin/python3
"""Float baseline for bench/implicit_scale.c: the same sizes with numpy (LAPACK) -- the spectral
norm (np.linalg.norm(gA, 2), an SVD), the largest eigenvalue of (gA)^T (gA) by eigvalsh, the
equilibria by Picard iteration (batched), and lambda_min of the Gram matrix by eigvalsh.
Nothing here is certified; it is the speed a float user would see.
Usage: scripts/implicit_numpy_baseline.py [m [N]]   (defaults 512, 128)."""
import sys
import time

import numpy as np


def main():
    m = int(sys.argv[1]) if len(sys.argv) > 1 else 512
    N = int(sys.argv[2]) if len(sys.argv) > 2 else 128
    d, gamma = 8, 0.25
    rng = np.random.default_rng(2024)
    A = rng.standard_normal((m, m)) / np.sqrt(m)
    W = rng.standard_normal((m, d)) / 4
    b = rng.standard_normal(m) / 8
    X = rng.standard_normal((N, d))
    G = gamma * A
    t0 = time.perf_counter()
    nrm = np.linalg.norm(G, 2)
    t_norm = time.perf_counter() - t0
    t0 = time.perf_counter()
    lam = np.linalg.eigvalsh(G.T @ G)[-1]
    t_eig = time.perf_counter() - t0
    t0 = time.perf_counter()
    U = X @ W.T + b
    Z = np.zeros((N, m))
    for it in range(10000):
        Zn = np.maximum(Z @ G.T + U, 0.0)
        step = np.abs(Zn - Z).max()
        Z = Zn
        if step <= 1e-15 * max(1.0, np.abs(Z).max()):
            break
    t_pic = time.perf_counter() - t0
    t0 = time.perf_counter()
    lmin = np.linalg.eigvalsh(Z @ Z.T)[0]
    t_gram = time.perf_counter() - t0
    print(f"numpy m = {m}, N = {N}: ||gA||_2 = {nrm:.15g} (norm 2: {t_norm:.3f} s; eigvalsh of "
          f"(gA)^T(gA): {t_eig:.3f} s, sqrt = {np.sqrt(lam):.15g})")
    print(f"  Picard (batched, {it + 1} iterations) {t_pic:.3f} s; lambda_min(G) = {lmin:.15g} "
          f"(eigvalsh {t_gram:.4f} s)")
    print(f"  norm test + lambda_min: {t_norm + t_gram:.3f} s (norm) / {t_eig + t_gram:.3f} s (eigvalsh)")


if __name__ == "__main__":
    main()
