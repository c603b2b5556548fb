"""Watching a PyTorch training run: exact levels and the drift identity, step by step.

    mon = relucert.torch.Monitor(model, X, y, lr=0.125)
    for step in range(200):
        opt.zero_grad(); loss_fn(model(X), y).backward(); opt.step()
        mon.step()
    rep = mon.report()
    rep.stays_on_component, rep.first_sign_change, rep.max_identity_residual

``model`` is a shallow network: an ``nn.Sequential(Linear, ReLU/LeakyReLU, Linear)`` or any
module whose ``state_dict`` is two chained Linear layers.  :meth:`Monitor.step` records the float
parameters (their exact values are what count); :meth:`Monitor.report` runs relucert's ``replay``
on the recorded snapshots with the same data, so the exact levels ``c_k = ‖w_k‖² − ‖v_k‖²``, the
sign changes and the drift identity ``c⁺ = (1 − ηλ)² c + η² (‖g_w‖² − ‖g_v‖²)`` of plain
gradient descent are checked exactly as ``relucert replay`` checks them.  For momentum and Adam
no identity holds: the drift is measured and reported only (``rep.identity == "measured"``).
Loss convention: the mean over samples of the per-sample loss (PyTorch's ``reduction="mean"``
for one output).
"""
import os
import tempfile
from fractions import Fraction

from . import _results, run
from .errors import InputError


def _np(t):
    """A tensor as a numpy array of the same values (bfloat16, which numpy lacks, widened to
    float32 exactly)."""
    t = t.detach().cpu()
    if str(t.dtype) == "torch.bfloat16":
        t = t.float()
    return t.numpy()


def _chain(model):
    """The two Linear layers of a shallow model as (W1, b1, W2, b2 or None) tensors."""
    weights, biases = [], []
    for name, t in model.state_dict().items():
        if name.endswith("weight") and t.dim() == 2:
            weights.append(name)
        elif name.endswith("bias") and t.dim() == 1:
            biases.append(name)
        else:
            raise InputError("Monitor: %s: shape %s is not part of a chain of Linear layers"
                             % (name, tuple(t.shape)))
    from ._model import _check_layer_order
    _check_layer_order(weights, "Monitor")
    if len(weights) != 2:
        raise InputError("Monitor: the model has %d Linear layers; replay handles shallow "
                         "networks (2 Linear layers)" % len(weights))
    return weights, biases


class MonitorReport:
    """What :meth:`Monitor.report` found: ``.steps``, ``.stays_on_component``,
    ``.first_sign_change`` (None or (step, neuron)), ``.max_identity_residual`` (a Fraction, or
    None when the identity does not apply), ``.identity`` ("checked" for SGD, "measured" for
    momentum/Adam), ``.levels`` ({neuron: (steps, levels as floats)}, for plots), ``.replay``
    (the full :class:`relucert.ReplayResult`)."""

    def __init__(self, res, optimizer):
        self.replay = res
        d = res.data
        self.steps = d.get("steps")
        self.first_sign_change = res.first_sign_change
        # the replay's own verdict: a sign change is not the only way to leave a component (an
        # output weight that reaches exactly 0 leaves it too, with no sign change)
        self.stays_on_component = d.get("stays_on_component")
        self.max_identity_residual = res.max_identity_residual if optimizer == "sgd" else None
        self.identity = "checked" if optimizer == "sgd" else "measured"

    def __repr__(self):
        return ("<relucert.torch.MonitorReport steps=%s stays_on_component=%s first_sign_change=%s "
                "identity=%s>" % (self.steps, self.stays_on_component, self.first_sign_change,
                                  self.identity))


class Monitor:
    """Records a PyTorch model after every optimizer step; see the module docstring.

    model: shallow torch module; X: (N, d) inputs and y: (N,) or (N, e) targets, as the trainer
    uses them (taken at their exact float values); lr: the learning rate η; loss: "mse" or "bce"
    (BCE-with-logits); weight_decay: PyTorch SGD weight_decay λ; optimizer: "sgd", "momentum" or
    "adam"; leak: the LeakyReLU slope (taken from the model when None; refused when it
    differs from the model's)."""

    def __init__(self, model, X, y, lr, loss="mse", weight_decay=0, optimizer="sgd", leak=None):
        import numpy as np
        import torch.nn as nn
        from ._model import _torch_activation
        self.model = model
        # the model's structure (Linear, activation, Linear) and its activation: a LeakyReLU
        # model replayed as a ReLU one would be a different network
        slope = _torch_activation(model, nn) or 0
        if leak is None:
            leak = slope
        elif Fraction(repr(leak) if isinstance(leak, float) else leak) != slope:
            raise InputError("Monitor: leak=%s, but the model's activation has slope %s"
                             % (leak, slope))
        self._names, self._bias_names = _chain(model)
        self.X = np.asarray(_np(X) if hasattr(X, "detach") else X)
        y = np.asarray(_np(y) if hasattr(y, "detach") else y)
        self.y = y.reshape(-1, 1) if y.ndim == 1 else y
        self.lr, self.loss, self.weight_decay = lr, loss, weight_decay
        self.optimizer, self.leak = optimizer, leak
        self._snaps = []
        self.step()           # snapshot 0: the initialization

    def step(self):
        """Record the parameters now (call after each ``optimizer.step()``)."""
        sd = self.model.state_dict()
        self._snaps.append({k: _np(sd[k]).copy() for k in sd})

    def _write_log(self, d):
        import numpy as np
        w1n, w2n = self._names
        arrays = {"W1": np.stack([s[w1n] for s in self._snaps]),
                  "W2": np.stack([s[w2n] for s in self._snaps])}
        b1n, b2n = w1n[:-len("weight")] + "bias", w2n[:-len("weight")] + "bias"
        if b1n in self._snaps[0]:
            arrays["b1"] = np.stack([s[b1n] for s in self._snaps])
        if b2n in self._snaps[0]:
            arrays["b2"] = np.stack([s[b2n] for s in self._snaps])
        log = os.path.join(d, "log.npz")
        np.savez(log, **arrays)
        data = os.path.join(d, "data.npz")
        np.savez(data, X=self.X, y=self.y)
        return log, data

    def report(self):
        """Runs the exact replay of everything recorded so far; returns :class:`MonitorReport`."""
        with tempfile.TemporaryDirectory(prefix="relucert-monitor-") as d:
            log, data = self._write_log(d)
            lr = Fraction(repr(self.lr)) if isinstance(self.lr, float) else self.lr
            wd = Fraction(repr(self.weight_decay)) if isinstance(self.weight_decay, float) else self.weight_decay
            csvp = os.path.join(d, "levels.csv")
            out, _ = run("replay", log, data, lr=lr, weight_decay=wd if wd else None,
                         loss=self.loss, optimizer=self.optimizer, leak=self.leak if self.leak else None,
                         csv=csvp, json=True)
            from .plot import levels_from_csv
            rep = MonitorReport(_results.ReplayResult(out), self.optimizer)
            rep.levels = levels_from_csv(csvp)
        return rep
