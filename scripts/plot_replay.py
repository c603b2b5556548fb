#!/usr/bin/python3
"""Plot the levels c_k = |w_k|^2 - |v_k|^2 over the steps from a `relucert replay --csv` table.

usage: /usr/bin/python3 scripts/plot_replay.py TABLE.csv OUT.png [TITLE]

`relucert replay --plot OUT.png` runs this script (installed as PREFIX/share/relucert/plot_replay.py)
with an argument vector, no shell.  The drawing is relucert.plot.levels (the Python package), the
same code Python users call.  Needs python3-matplotlib.
"""
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


if len(sys.argv) < 3:
    sys.exit(__doc__)
plot = _import_plot()
plot.levels(plot.levels_from_csv(sys.argv[1]), sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None)
