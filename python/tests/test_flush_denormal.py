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
