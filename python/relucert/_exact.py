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


def fraction_from_float(x):
    """The exact value of a binary float (float32 or float64), as ``"p/q"``; NaN/Inf refused."""
    f = Fraction(float(x))  # exact: every finite float is a dyadic rational
    return str(f)
