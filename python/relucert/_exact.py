"""Exact numbers and certified enclosures as Python objects.

relucert prints exact rationals as strings ``"p/q"`` or ``"p"`` and enclosures as pairs of
strings ``["lo", "hi"]`` (decimal or exact) with ``lo <= true value <= hi``.  Both become
:class:`fractions.Fraction` exactly (a decimal string such as ``"1.25e-3"`` is the rational it
spells), so no rounding happens on the way into Python.
"""
from fractions import Fraction


def to_fraction(s):
    """The exact value of a relucert number string (or an int)."""
    if isinstance(s, Fraction):
        return s
    if isinstance(s, int):
        return Fraction(s)
    s = str(s)
    p, sep, q = s.partition("/")
    if sep and p.lstrip("-").isdigit() and q.isdigit():
        return Fraction(int(p), int(q))        # "p/q": two integers (the common, fast case)
    return Fraction(s)


class Interval(tuple):
    """A certified enclosure ``(lo, hi)`` of Fractions: ``lo <= true value <= hi``."""

    def __new__(cls, lo, hi):
        lo, hi = to_fraction(lo), to_fraction(hi)
        if lo > hi:
            raise ValueError("empty interval [%s, %s]" % (lo, hi))
        return super().__new__(cls, (lo, hi))

    @property
    def lo(self):
        return self[0]

    @property
    def hi(self):
        return self[1]

    def mid(self):
        """The midpoint, exactly."""
        return (self[0] + self[1]) / 2

    def rad(self):
        """Half the width, exactly."""
        return (self[1] - self[0]) / 2

    def contains(self, x):
        x = to_fraction(x)
        return self[0] <= x <= self[1]

    def __repr__(self):
        return "Interval(%s, %s)" % (_short(self[0]), _short(self[1]))


def _short(q):
    if q.denominator == 1 or len(str(q)) <= 24:
        return str(q)
    return "%.17g" % float(q)


def interval(pair):
    return Interval(pair[0], pair[1])


def _from_bits(u, ebits, mbits):
    """The exact value of the IEEE binary number with bits u (ebits exponent bits, mbits fraction
    bits), or None for an infinity or NaN.  Integer operations only."""
    bias = (1 << (ebits - 1)) - 1
    E = (u >> mbits) & ((1 << ebits) - 1)
    F = u & ((1 << mbits) - 1)
    if E == (1 << ebits) - 1:
        return None
    m, k = (F, 1 - bias - mbits) if E == 0 else (F | (1 << mbits), E - bias - mbits)
    f = Fraction(m << k) if k >= 0 else Fraction(m, 1 << -k)
    return -f if (u >> (ebits + mbits)) & 1 else f


def float_bits_fraction(x):
    """The exact value of a binary float (a Python float, or a numpy float16/float32/float64
    scalar) read from its bits, or None for an infinity or NaN.  No floating-point operation
    touches x: under x86 flush-to-zero / denormals-are-zero (``torch.set_flush_denormal(True)``)
    ``float(x)``, ``Fraction(x)`` and even ``repr(x)`` read a subnormal as 0."""
    import struct
    size = getattr(getattr(x, "dtype", None), "itemsize", None)
    if size in (2, 4) and getattr(x.dtype, "kind", "") == "f":
        import numpy as np
        u = int(x.view(np.uint16 if size == 2 else np.uint32))
        return _from_bits(u, 5, 10) if size == 2 else _from_bits(u, 8, 23)
    # a Python float, or a float64 scalar (float() copies its 8 bytes; no arithmetic)
    u = struct.unpack("<Q", struct.pack("<d", x))[0]
    return _from_bits(u, 11, 52)


def fraction_from_float(x):
    """The exact value of a binary float (float16, float32 or float64), as ``"p/q"``, from its
    bits (exact also under FTZ/DAZ); ValueError for NaN/Inf."""
    f = float_bits_fraction(x)
    if f is None:
        raise ValueError("not a finite number")
    return str(f)
