"""The in-process commands under a flush-to-zero / denormals-are-zero FP mode.

``torch.set_flush_denormal(True)`` (a documented PyTorch speed knob), or loading any extension
built with -ffast-math, sets the x86 MXCSR bits FTZ/DAZ of the calling thread; relucert's
commands run in that thread (ctypes).  Under DAZ a subnormal double compares equal to 0, so the
exact readers took x = 2^-1060 for 0, and the double-ball gradient (D7) lost its underflow
bounds: replay printed a loss enclosure [1, 1] that misses the exact loss (1 + 2^-37)^2.
The command layer must run in the default FP environment whatever the caller's."""
from fractions import Fraction

import numpy as np
import pytest

import relucert

torch = pytest.importorskip("torch")


def test_replay_under_flush_denormal(tmp_path):
    # d = l = e = 1: (w, b, v, b2) = (2^1023, 1, 1, 0), x = 2^-1060 (subnormal), y = 0
    w = 2.0 ** 1023
    log, dat = str(tmp_path / "log.npz"), str(tmp_path / "data.npz")
    np.savez(log, W1=np.array([[[w]], [[w]]]), b1=np.array([[1.0], [1.0]]),
             W2=np.array([[[1.0]], [[1.0]]]), b2=np.array([[0.0], [0.0]]))
    np.savez(dat, X=np.array([[2.0 ** -1060]]), y=np.array([[0.0]]))
    z = 1 + Fraction(2) ** 1023 * Fraction(2) ** -1060      # f = z = 1 + 2^-37
    exact = z * z
    for flush in (False, True):
        torch.set_flush_denormal(flush)
        try:
            r = relucert.replay(log, dat, lr="1/8")
        finally:
            torch.set_flush_denormal(False)
        lo, hi = (Fraction(s) for s in r.loss_first)
        assert lo <= exact <= hi, (flush, r.loss_first)


def test_from_numpy_subnormals_under_flush_denormal():
    # float64 2^-1074 and float32 2^-149 weights: the exact levels are 2^-2148 and 2^-298; under
    # flush_denormal, float() and Fraction(float) read them as 0 (the level came out "0")
    cases = [(np.float64, Fraction(1, 2 ** 1074)), (np.float32, Fraction(1, 2 ** 149))]
    for dt, tiny in cases:
        W1 = np.array([[0.0]], dtype=dt)
        W1.view(np.uint64 if dt is np.float64 else np.uint32)[0, 0] = 1       # the smallest subnormal
        W2 = np.array([[0.0]], dtype=dt)
        torch.set_flush_denormal(True)
        try:
            net = relucert.Network.from_numpy(W1=W1, W2=W2)
        finally:
            torch.set_flush_denormal(False)
        res = relucert.inspect(net)
        assert res.levels == [tiny * tiny], (dt, res.levels)


def test_dataset_subnormal_under_flush_denormal():
    X = np.zeros((1, 1))
    X.view(np.uint64)[0, 0] = 1
    torch.set_flush_denormal(True)
    try:
        ds = relucert.Dataset.from_numpy(X, np.array([0.0]))
    finally:
        torch.set_flush_denormal(False)
    import json
    with open(ds.path) as f:
        doc = json.load(f)
    assert Fraction(doc["X"][0][0]) == Fraction(1, 2 ** 1074)
