"""relucert: exact and certified facts about how ReLU networks train, from Python.

The functions below run the analyses of the relucert library in this process (through its
shared library, found next to this package) and return result objects: exact values as
:class:`fractions.Fraction`, certified enclosures as :class:`Interval` pairs of Fractions, and
``.to_json()`` equal to the command's ``--json`` output.  Bad input raises :class:`InputError`
with the command's one-line message (file, field, what is wrong).

    import relucert
    net = relucert.load_network("data/toy-obstructed.json")
    res = relucert.inspect(net)
    res.levels        # [Fraction(-27, 50), Fraction(-19, 100)]
    res.components    # 4

Sources: doc/math.md (the mathematics), doc/formats.md (files and JSON), doc/python.md.
"""
import os
import tempfile

from . import _native
from ._exact import Interval, to_fraction
from ._model import Dataset, Network, load_dataset, load_network
from ._results import (FlowResult, InspectResult, ObstructResult, ReplayResult, Result,
                       RESULT_CLASSES)
from .errors import InputError, RelucertError

__all__ = ["Network", "Dataset", "load_network", "load_dataset", "Interval", "InputError",
           "RelucertError", "Result", "inspect", "equiv", "reach", "canon", "family", "prob",
           "table", "descend", "replay", "obstruct", "flow", "check", "regions", "implicit",
           "construct", "run", "version"]


def version():
    """The version of the relucert library in use."""
    return _native.version()


def _arg(v):
    if isinstance(v, (Network, Dataset)) or hasattr(v, "__fspath__"):
        return os.fspath(v)
    return str(v)


# The switches whose default is on: X=False must give --no-X (a tester: bias=False was left
# out, so prob() ran WITH the bias, another model).  tests/test_options.py checks this set
# against every --no-X the commands' --help texts name.
NEGATABLE = frozenset(["bias", "hessian", "fast", "identity", "auto_witness"])


def _options(opts):
    """Keyword options as command-line options: ``weight_decay=0.1`` -> ``--weight-decay 0.1``,
    ``exact=True`` -> ``--exact``, ``bias=False`` -> ``--no-bias`` (the switches in
    :data:`NEGATABLE`, on by default: True leaves them as they are); None, and False for the
    other (default-off) switches, are left out."""
    out = []
    for key, v in opts.items():
        if key in NEGATABLE and isinstance(v, bool):
            if not v:
                out.append("--no-" + key.replace("_", "-"))
            continue         # True: the default (hessian=True has no --hessian to spell it)
        if v is None or v is False:
            continue
        flag = "--" + key.replace("_", "-")
        if v is True:
            out.append(flag)
        else:
            out += [flag, _arg(v)]
    return out


def _argv(command, args, opts):
    pos = [_arg(a) for a in args]
    # a file whose name starts with '-' would be taken for an option: ./-x.json
    pos = ["./" + a if a.startswith("-") and os.path.exists(a) else a for a in pos]
    return [command] + pos + _options(opts)


def _raise(command, status, err):
    # the error is the command's last line: notices (separator, header, ignored arrays)
    # written while reading come before it
    lines = err.strip().splitlines()
    if status == 2:
        raise InputError(lines[-1] if lines else "relucert %s: bad input" % command)
    raise RelucertError(lines[-1] if lines else "relucert %s: exit status %d" % (command, status))


def run(command, *args, **opts):
    """Runs ``relucert COMMAND ARGS... OPTIONS`` in this process; returns (stdout, stderr).
    Raises InputError for exit status 2, RelucertError for any other failure."""
    status, out, err = _native.run(_argv(command, args, opts))
    if status != 0:
        _raise(command, status, err)
    return out, err


def _json(command, *args, **opts):
    out, _ = run(command, *args, json=True, **opts)
    return RESULT_CLASSES.get(command, Result)(out)


def inspect(net):
    """Exact levels, level-sign classes, components and Betti numbers of H(c) (shallow), and the
    exact level of every hidden neuron (deep).  Returns :class:`InspectResult`."""
    return _json("inspect", net)


def equiv(a, b):
    """Are two networks equal up to neuron permutations and positive rescalings?"""
    return _json("equiv", a, b)


def reach(init, target):
    """Does a rescaled, permuted copy of ``target`` lie on the component of ``init``?"""
    return _json("reach", init, target)


def canon(net):
    """The canonical representative of ``net`` (relucert.network/1 text) as a Result."""
    out, _ = run("canon", net)
    return Result(out)


def family(**opts):
    """Exact component counts over level-pattern families (options as ``relucert family``)."""
    out, _ = run("family", format="json", **opts)
    return Result(out)


def prob(init, input_dim, hidden, **opts):
    """Certified level-sign statistics of an initialization scheme (``relucert prob``)."""
    return _json("prob", init=init, input_dim=input_dim, hidden=hidden, **opts)


def table(**opts):
    """A sweep of ``prob`` statistics; returns the CSV text (``format="csv"``) as a Result-like
    object with ``.rows`` (list of dicts of strings) and ``.to_csv()``."""
    import csv
    import io
    out, _ = run("table", format="csv", **opts)

    class TableResult:
        def __init__(self, text):
            self._text = text
            self.rows = list(csv.DictReader(io.StringIO(text)))

        def to_csv(self):
            return self._text

        def __repr__(self):
            return "<relucert.TableResult rows=%d>" % len(self.rows)
    return TableResult(out)


def descend(net, data, lr, steps, **opts):
    """Certified discrete gradient descent (``relucert descend``)."""
    return _json("descend", net, data, lr=lr, steps=steps, **opts)


def replay(log, data, lr=None, **opts):
    """Replay a float training log: exact levels, the drift identity, sign changes."""
    return _json("replay", log, data, lr=lr, **opts)


def obstruct(net, data, witness=None, **opts):
    """Certified loss lower bound on the component of ``net`` (``relucert obstruct``)."""
    return _json("obstruct", net, data, witness=witness, **opts)


def flow(net, data, time, prec=256, tube=False, certificate=None, **opts):
    """Certified enclosure of the gradient flow over [0, time] (``relucert flow``).

    Returns :class:`FlowResult`: ``.verdict`` ("certified", "not_unique", "not_certified"),
    ``.stays_on_component``, ``.loss`` and ``.theta`` (Intervals), and with ``tube=True`` the
    per-step enclosures ``.tube`` (numpy arrays)."""
    import json as _j
    with tempfile.TemporaryDirectory(prefix="relucert-flow-") as d:
        tpath = os.path.join(d, "tube.jsonl") if tube else None
        res = _json("flow", net, data, time=to_fraction(time), prec=prec, tube=tpath,
                    certificate=certificate, quiet=True, **opts)
        if tpath is not None:
            with open(tpath) as f:
                res.tube_lines = [_j.loads(line) for line in f if line.strip()]
    return res


def check(cert, max_prec=None):
    """Re-validates a certificate (flow, obstruction, regions...).  Returns the relucert.check/1
    result also when the certificate is rejected, refused or of no known format (``.accepted``
    False, ``.reason`` the first failure); raises InputError only when the file cannot be read.
    ``max_prec``: refuse flow certificates above that working precision in bits (default 4096)."""
    status, out, err = _native.run(_argv("check", [cert], dict(json=True, max_prec=max_prec, quiet=True)))
    if status in (0, 2) and out.strip():
        return RESULT_CLASSES.get("check", Result)(out)
    _raise("check", status, err)


def _box_part(k, b):
    """One interval of regions' box: 'lo:hi' as written (the command checks it), or a pair."""
    if isinstance(b, str):
        return b
    try:
        if isinstance(b, dict):      # unpacks to its keys: not a pair of numbers
            raise TypeError
        lo, hi = b                   # any pair: a tuple, a list, a numpy row
    except (TypeError, ValueError):
        raise InputError("relucert regions: box[%d]: expected (lo, hi) or 'lo:hi', got %r" % (k, b))
    return "%s:%s" % (to_fraction(lo), to_fraction(hi))


def regions(net, box=None, **opts):
    """Exact linear regions and facet histograms (``relucert regions``); box as
    [(lo, hi), ...] or the command's string."""
    if box is not None and not isinstance(box, str):
        box = ",".join(_box_part(k, b) for k, b in enumerate(box))
    return _json("regions", net, box=box, **opts)


def implicit(net, data, **opts):
    """Implicit ReLU networks: exact well-posedness, certified equilibria (``relucert implicit``)."""
    return _json("implicit", net, data, **opts)


def construct(data, **opts):
    """Explicit global and local minimizers on clustered data (``relucert construct``)."""
    return _json("construct", data, **opts)
