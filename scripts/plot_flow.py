#!/usr/bin/python3
"""plot_flow.py TUBE NET OUT: per neuron (||w_k||, v_k) with the hyperbola r^2 - v^2 = c_k (e = 1),
and the loss enclosure over time, from a relucert flow --tube file.

`relucert flow --plot` runs this script with an argument vector (no shell).  The drawing is
relucert.plot.flow (the Python package), the same code Python users call."""
import json
import os, sys


def _import_plot():
    """relucert.plot: from the installed package (PREFIX/share/relucert -> PREFIX/lib/python3/
    dist-packages) or the source tree (scripts -> python)."""
    here = os.path.dirname(os.path.abspath(__file__))
    for rel in ("../../lib/python3/dist-packages", "../python"):
        p = os.path.normpath(os.path.join(here, rel))
        if os.path.isdir(os.path.join(p, "relucert")) and p not in sys.path:
            sys.path.insert(0, p)
    import relucert.plot
    return relucert.plot


if len(sys.argv) < 4:
    sys.exit(__doc__)
tube, netp, out = sys.argv[1:4]
with open(tube) as f:
    rows = [json.loads(s) for s in f if s.strip()]
_import_plot().flow(rows, netp, out)
