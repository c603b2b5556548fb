"""Pictures of relucert results with matplotlib (the command's ``--plot`` uses this code).

- :func:`flow`: each neuron's certified trajectory (‖w_k‖, v_k) on its hyperbola r² − v² = c_k,
  and the certified loss enclosure over time.
- :func:`levels`: the levels c_k over the steps of a replay or a :class:`relucert.torch.Monitor`.
- :func:`regions`: the linear regions of a 2-D network, each polygon filled.
Each takes plain data (rows of JSON, lists) or a result object, and a file name to write
(PNG/PDF/SVG by extension), and returns the matplotlib Figure.
"""
import json
from fractions import Fraction


def _plt():
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    return plt


_FORMATS = ("png", "svg", "pdf", "eps", "ps", "jpg", "jpeg", "tif", "tiff", "webp")


def _save(fig, out, dpi):
    """Writes fig to out; the format is out's extension, which must be one matplotlib writes.

    Raises ValueError (naming the path) for a missing or unknown extension instead of guessing a
    format or appending one."""
    import os
    ext = os.path.splitext(str(out))[1].lower().lstrip(".")
    if ext not in _FORMATS:
        raise ValueError(f"{out}: plot file needs an extension naming the format "
                         f"({', '.join('.' + f for f in _FORMATS[:4])}, ...)"
                         + (f", not .{ext}" if ext else ""))
    fig.savefig(out, dpi=dpi, format=ext if ext != "jpg" else "jpeg")


def _mid(p):
    return (float(p[0]) + float(p[1])) / 2


def _net_doc(net):
    if isinstance(net, dict):
        return net
    with open(net if isinstance(net, str) else net.path) as f:
        return json.load(f)


def _hyperbola(ax, c, vs, col):
    """r² − v² = c (r ≥ 0): for c < 0 two branches |v| ≥ √(−c), drawn separately (one polyline
    through the gap would draw a spurious vertical segment); for c ≥ 0 one curve."""
    import numpy as np
    top, bot = max(vs + [0]) + 0.5, min(vs + [0]) - 0.5
    if c < 0:
        v0 = (-c) ** 0.5
        branches = [np.linspace(v0, max(top, v0 + 0.5), 300), np.linspace(min(bot, -v0 - 0.5), -v0, 300)]
    else:
        branches = [np.linspace(bot, top, 600)]
    for vv in branches:
        ax.plot(np.sqrt(np.maximum(c + vv ** 2, 0.0)), vv, "--", lw=0.8, color=col, alpha=0.7, zorder=1)


def flow(tube, net, out=None):
    """tube: a FlowResult run with tube=True, or the list of tube rows (dicts with t, loss,
    theta); net: the start network (relucert.network/1 dict, path or Network; shallow)."""
    plt = _plt()
    rows = tube.tube_lines if hasattr(tube, "tube_lines") else tube
    doc = _net_doc(net)
    W1 = [[Fraction(str(x)) for x in r] for r in doc["W1"]]
    b1 = [Fraction(str(x)) for x in doc["b1"]] if "b1" in doc else None
    W2 = doc["W2"] if isinstance(doc["W2"][0], list) else [doc["W2"]]
    W2 = [[Fraction(str(x)) for x in r] for r in W2]
    l, d, e = len(W1), len(W1[0]), len(W2)
    dp = d + (1 if b1 is not None else 0)
    t = [_mid(r["t"]) for r in rows]
    fig, ax = plt.subplots(1, 2, figsize=(12 if l <= 6 else 15, 5))
    for k in range(l):
        w0 = W1[k] + ([b1[k]] if b1 is not None else [])
        c = float(sum(x * x for x in w0) - sum(W2[o][k] ** 2 for o in range(e)))
        rs, vs = [], []
        for r in rows:
            th = [_mid(p) for p in r["theta"]]
            w = [th[k * d + j] for j in range(d)] + ([th[l * d + k]] if b1 is not None else [])
            rs.append(sum(x * x for x in w) ** 0.5)
            vs.append(th[l * dp + k])
        col = "C%d" % (k % 10)
        _hyperbola(ax[0], c, vs, col)
        ax[0].plot(rs, vs, lw=2.2, color=col, zorder=2, label="neuron %d (c = %.3g)" % (k, c))
        ax[0].plot(rs[:1], vs[:1], "o", color=col, ms=5, zorder=3)
        ax[0].plot(rs[-1:], vs[-1:], "s", color=col, ms=5, zorder=3)
    ax[0].axhline(0, color="0.6", lw=0.5, zorder=0)
    ax[0].set_xlim(left=0)
    ax[0].set_xlabel("||w_k||")
    ax[0].set_ylabel("v_k")
    if l <= 6:
        ax[0].legend(fontsize=8)
    else:
        ax[0].legend(fontsize=6, ncol=2, loc="upper left", bbox_to_anchor=(1.01, 1.0), borderaxespad=0)
    ax[0].set_title("trajectories (o start, s end) on their hyperbolas r^2 - v^2 = c_k")
    lo = [float(r["loss"][0]) for r in rows]
    hi = [float(r["loss"][1]) for r in rows]
    ax[1].fill_between(t, lo, hi, color="C1", alpha=0.5)
    ax[1].plot(t, hi, lw=0.8)
    ax[1].set_xscale("symlog", linthresh=1.0)
    ax[1].set_yscale("log")
    ax[1].set_xlabel("t")
    ax[1].set_ylabel("loss enclosure")
    ax[1].set_title("certified loss enclosure at the step ends")
    fig.tight_layout()
    if out:
        _save(fig, out, 110)
    return fig


def levels(series, out=None, title=None):
    """series: {neuron: (steps, levels)} (floats), e.g. from :func:`levels_from_csv`."""
    plt = _plt()
    fig, ax = plt.subplots(figsize=(8, 4.5))
    for k in sorted(series):
        ax.plot(series[k][0], series[k][1], lw=1.2 if len(series) <= 10 else 0.6,
                label="neuron %d" % k if len(series) <= 10 else None)
    ax.axhline(0, color="k", lw=0.5)
    ax.set_xlabel("step")
    ax.set_ylabel("level c_k = |w_k|^2 - |v_k|^2")
    ax.set_title(title or "levels over the logged steps")
    if len(series) <= 10:
        ax.legend()
    fig.tight_layout()
    if out:
        _save(fig, out, 120)
    return fig


def levels_from_csv(path):
    """The per-step levels of a ``relucert replay --csv`` table: {neuron: (steps, levels)}."""
    import csv
    series = {}
    with open(path) as f:
        for r in csv.DictReader(f):
            s = series.setdefault(int(r["neuron"]), ([], []))
            s[0].append(int(r["step"]))
            s[1].append(float(r["level_approx"]))
    return series


def regions(polygons, out=None, title=None):
    """The linear regions of a 2-D network.  polygons: a result of
    ``relucert.regions(net, box=..., all=True)`` (its regions' exact ``vertices``), or a list of
    vertex lists [(x, y), ...] (exact strings or numbers), one a region."""
    if hasattr(polygons, "data"):
        rl = polygons.data.get("region_list")
        if not rl or "vertices" not in rl[0]:
            raise ValueError("plot.regions needs relucert.regions(..., box=..., all=True) of a 2-D network")
        polygons = [r["vertices"] for r in rl]
    plt = _plt()
    from matplotlib.patches import Polygon
    from matplotlib.collections import PatchCollection
    fig, ax = plt.subplots(figsize=(6, 6))
    patches = [Polygon([(float(Fraction(str(x))), float(Fraction(str(y)))) for x, y in poly], closed=True)
               for poly in polygons]
    pc = PatchCollection(patches, cmap="tab20", edgecolor="k", linewidths=0.3)
    pc.set_array(list(range(len(patches))))
    ax.add_collection(pc)
    ax.autoscale_view()
    ax.set_aspect("equal")
    ax.set_title(title or "%d linear regions" % len(patches))
    fig.tight_layout()
    if out:
        _save(fig, out, 120)
    return fig
