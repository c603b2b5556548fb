#!/usr/bin/python3
"""Train shallow ReLU networks with plain full-batch gradient descent in float32 (PyTorch) and
write training logs that `relucert replay` reads.

Tasks
  toy-obstructed, toy-unobstructed   the toy of doc/math.md section 8 (x in {-1,-1/2,1/2,1}, y = x,
                                     l = 2, hidden bias, no output bias, MSE)
  cancer                             Wisconsin diagnostic breast cancer (sklearn's copy of the UCI
                                     data set: W. H. Wolberg, W. N. Street, O. L. Mangasarian,
                                     University of Wisconsin, 1995), features standardised,
                                     one hidden layer, BCE-with-logits

Output (in --out, default the current directory)
  TASK-log.npz    stacked snapshots W1 (S+1, l, d), b1 (S+1, l), W2 (S+1, e, l) [, b2 (S+1, e)];
                  snapshot 0 is the initialisation; float32 exactly as PyTorch held them
  TASK-log.json   how it was trained (optimizer, lr, ...)
  TASK-data.npz   X (N, d), y (N, e): the float32 values the network was trained on

Replay:  relucert replay TASK-log.npz TASK-data.npz --lr LR [--loss bce] [--optimizer ...]

Needs Debian's python3-torch (apt-get install -y python3-torch python3-sklearn python3-numpy);
run it with /usr/bin/python3.  --numpy-fallback trains the toy with numpy only (no torch),
reproducing PyTorch's float32 arithmetic order only approximately; it is labelled in the log.
"""
import argparse
import json
import os
import sys

import numpy as np

TOY_X = [[-1.0], [-0.5], [0.5], [1.0]]
TOY_INIT = {
    "toy-obstructed": dict(W1=[[0.3], [-0.4]], b1=[0.1, 0.1], W2=[[0.8, 0.6]]),
    "toy-unobstructed": dict(W1=[[0.3], [-0.4]], b1=[0.1, 0.1], W2=[[0.8, -0.6]]),
}


def task_data(task, seed):
    if task.startswith("toy"):
        X = np.array(TOY_X, dtype=np.float32)
        return X, X.copy()
    from sklearn.datasets import load_breast_cancer
    ds = load_breast_cancer()
    X = ds.data.astype(np.float64)
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = ds.target.astype(np.float64).reshape(-1, 1)
    return X.astype(np.float32), y.astype(np.float32)


def train_torch(task, X, y, steps, lr, wd, optimizer, hidden, seed):
    import torch
    torch.manual_seed(seed)
    torch.set_num_threads(1)
    Xt, yt = torch.from_numpy(X), torch.from_numpy(y)
    d, e = X.shape[1], y.shape[1]
    if task.startswith("toy"):
        lin1 = torch.nn.Linear(d, 2, bias=True)
        lin2 = torch.nn.Linear(2, e, bias=False)
        init = TOY_INIT[task]
        with torch.no_grad():
            lin1.weight.copy_(torch.tensor(init["W1"]))
            lin1.bias.copy_(torch.tensor(init["b1"]))
            lin2.weight.copy_(torch.tensor(init["W2"]))
        loss_fn = torch.nn.functional.mse_loss
    else:
        lin1 = torch.nn.Linear(d, hidden, bias=True)
        lin2 = torch.nn.Linear(hidden, e, bias=True)
        loss_fn = torch.nn.functional.binary_cross_entropy_with_logits
    params = list(lin1.parameters()) + list(lin2.parameters())
    if optimizer == "sgd":
        opt = torch.optim.SGD(params, lr=lr, weight_decay=wd)
    elif optimizer == "momentum":
        opt = torch.optim.SGD(params, lr=lr, momentum=0.9, weight_decay=wd)
    else:
        opt = torch.optim.Adam(params, lr=lr, weight_decay=wd)

    snaps = {"W1": [], "b1": [], "W2": [], "b2": [], "loss": []}

    def snap():
        snaps["W1"].append(lin1.weight.detach().numpy().copy())
        snaps["b1"].append(lin1.bias.detach().numpy().copy())
        snaps["W2"].append(lin2.weight.detach().numpy().copy())
        if lin2.bias is not None:
            snaps["b2"].append(lin2.bias.detach().numpy().copy())

    snap()
    for _ in range(steps):
        opt.zero_grad()
        loss = loss_fn(lin2(torch.relu(lin1(Xt))), yt)   # mean over samples: (1/N) sum_i l_i
        loss.backward()
        opt.step()
        snaps["loss"].append(float(loss))
        snap()
    return snaps


def train_numpy(task, X, y, steps, lr, wd):
    """Fallback without torch: the toy only, plain GD in float32 numpy."""
    init = TOY_INIT[task]
    f32 = np.float32
    W1 = np.array(init["W1"], f32); b1 = np.array(init["b1"], f32); W2 = np.array(init["W2"], f32)
    snaps = {"W1": [W1.copy()], "b1": [b1.copy()], "W2": [W2.copy()], "b2": [], "loss": []}
    N = f32(X.shape[0]); lr = f32(lr); wd = f32(wd)
    for _ in range(steps):
        z = X @ W1.T + b1
        h = np.maximum(z, f32(0))
        r = h @ W2.T - y
        snaps["loss"].append(float((r * r).mean()))
        gf = f32(2) * r / N
        gW2 = gf.T @ h
        delta = (gf @ W2) * (z > 0)
        gW1 = delta.T @ X
        gb1 = delta.sum(axis=0)
        W1 = W1 - lr * (gW1 + wd * W1); b1 = b1 - lr * (gb1 + wd * b1); W2 = W2 - lr * (gW2 + wd * W2)
        for k, v in (("W1", W1), ("b1", b1), ("W2", W2)):
            snaps[k].append(v.astype(f32).copy())
    return snaps


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--task", choices=["toy-obstructed", "toy-unobstructed", "cancer"], default="toy-obstructed")
    ap.add_argument("--steps", type=int, default=200)
    ap.add_argument("--lr", type=float, default=None, help="default 0.125 (toy), 0.25 (cancer)")
    ap.add_argument("--weight-decay", type=float, default=0.0)
    ap.add_argument("--optimizer", choices=["sgd", "momentum", "adam"], default="sgd")
    ap.add_argument("--hidden", type=int, default=8, help="hidden neurons (cancer)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--out", default=".")
    ap.add_argument("--numpy-fallback", action="store_true", help="train the toy with numpy (no torch)")
    a = ap.parse_args()
    lr = a.lr if a.lr is not None else (0.125 if a.task.startswith("toy") else 0.25)
    X, y = task_data(a.task, a.seed)
    if a.numpy_fallback:
        if not a.task.startswith("toy") or a.optimizer != "sgd":
            sys.exit("train_log.py: --numpy-fallback supports the toy tasks with sgd only")
        snaps = train_numpy(a.task, X, y, a.steps, lr, a.weight_decay)
        trainer = "numpy-float32-fallback"
    else:
        try:
            import torch  # noqa: F401
        except ImportError:
            sys.exit("train_log.py: PyTorch is missing (apt-get install -y python3-torch; run /usr/bin/python3), "
                     "or use --numpy-fallback for the toy")
        snaps = train_torch(a.task, X, y, a.steps, lr, a.weight_decay, a.optimizer, a.hidden, a.seed)
        trainer = "torch-" + __import__("torch").__version__
    os.makedirs(a.out, exist_ok=True)
    arrays = {k: np.stack(v).astype(np.float32) for k, v in snaps.items() if k != "loss" and v}
    arrays["loss"] = np.array(snaps["loss"], dtype=np.float64)
    log = os.path.join(a.out, a.task + "-log.npz")
    np.savez(log, **arrays)
    with open(os.path.join(a.out, a.task + "-log.json"), "w") as f:
        json.dump({"task": a.task, "optimizer": a.optimizer, "lr": lr, "weight_decay": a.weight_decay,
                   "steps": a.steps, "trainer": trainer, "seed": a.seed,
                   "loss": "mse" if a.task.startswith("toy") else "bce"}, f, indent=1)
    data = os.path.join(a.out, a.task + "-data.npz")
    np.savez(data, X=X, y=y)
    print("%s: %d steps of %s (lr %r) with %s; final loss %.6g" % (log, a.steps, a.optimizer, lr, trainer,
                                                                 snaps["loss"][-1] if snaps["loss"] else float("nan")))
    print("%s: X %s, y %s (float32, as trained)" % (data, X.shape, y.shape))


if __name__ == "__main__":
    main()
