"""Results of the analyses: the command's JSON, with exact Python values on top.

Every result keeps the command's ``--json`` text (:meth:`Result.to_json` returns it unchanged)
and its parsed form ``.data``.  Keys of the JSON are attributes (``res.verdict``); the classes
below add typed views (Fractions, Intervals, ints).
"""
import json
import keyword

from ._exact import Interval, interval, to_fraction


class Result:
    command = None

    def __init__(self, text):
        self._text = text
        self.data = json.loads(text)

    def to_json(self):
        """The command's --json output, exactly as the command prints it."""
        return self._text

    def __getattr__(self, key):
        data = self.__dict__.get("data")
        if data is not None and isinstance(data, dict) and key in data:
            return data[key]
        # a JSON key that is a Python keyword ("global") is reached with a trailing underscore
        if (data is not None and isinstance(data, dict) and key.endswith("_") and keyword.iskeyword(key[:-1])
                and key[:-1] in data):
            return data[key[:-1]]
        raise AttributeError("%s has no attribute %r (JSON keys: %s)" % (
            type(self).__name__, key, ", ".join(sorted(data)) if isinstance(data, dict) else "-"))

    def __dir__(self):
        return sorted(set(super().__dir__()) | set(self.data if isinstance(self.data, dict) else ()))

    def _summary(self):
        d = self.data if isinstance(self.data, dict) else {}
        keys = [k for k in ("verdict", "format") if k in d]
        return ", ".join("%s=%r" % (k, d[k]) for k in keys)

    def __repr__(self):
        return "<relucert.%s %s>" % (type(self).__name__, self._summary())


class InspectResult(Result):
    """``relucert inspect``: levels, components, Betti numbers (shallow networks), per neuron."""

    @property
    def neurons(self):
        return self.data["neurons"]

    @property
    def levels(self):
        """The exact conserved levels c_k, one a hidden neuron (layer by layer when deep)."""
        return [to_fraction(n["c"]) for n in self.data["neurons"]]

    @property
    def components(self):
        v = self.data.get("components")
        return int(v) if v is not None else None

    @property
    def effective_components(self):
        v = self.data.get("effective_components")
        return int(v) if v is not None else None

    @property
    def betti(self):
        v = self.data.get("betti")
        return [int(b) for b in v] if v is not None else None

    @property
    def component(self):
        return self.data.get("component")

    def _summary(self):
        return "components=%s, component=%r, neurons=%d" % (
            self.data.get("components"), self.data.get("component"), len(self.data["neurons"]))


class FlowResult(Result):
    """``relucert flow``: the verdict, enclosures of θ(T) and of the loss, the tube."""

    tube_lines = None

    @property
    def loss(self):
        return interval(self.data["loss"])

    @property
    def theta(self):
        return [interval(p) for p in self.data["theta"]]

    @property
    def stays_on_component(self):
        return self.data.get("stays_on_component")

    @property
    def tube(self):
        """The tube as numpy arrays (when run with tube=True): ``t``, ``loss``, ``theta`` of
        shapes (S, 2), (S, 2), (S, P, 2) — lower and upper ends as floats (rounded to nearest:
        for plots; the exact strings are in ``tube_lines``)."""
        if self.tube_lines is None:
            return None
        import numpy as np
        t = np.array([[float(x) for x in s["t"]] for s in self.tube_lines])
        loss = np.array([[float(x) for x in s["loss"]] for s in self.tube_lines])
        theta = np.array([[[float(x) for x in p] for p in s["theta"]] for s in self.tube_lines])
        return {"t": t, "loss": loss, "theta": theta,
                "kind": [s.get("kind") for s in self.tube_lines]}

    def _summary(self):
        d = self.data
        s = "verdict=%r, T=%s" % (d.get("verdict"), d.get("time"))
        if "loss" in d and d["loss"]:
            s += ", loss=%r" % (self.loss,)
        return s


class ObstructResult(Result):
    @property
    def component_lower_bound(self):
        return interval(self.data["component_lower_bound"])


class ReplayResult(Result):
    @property
    def first_sign_change(self):
        v = self.data.get("first_sign_change")
        return None if v is None else (v["step"], v["neuron"])

    @property
    def max_identity_residual(self):
        v = self.data.get("max_identity_residual")
        return None if v is None else to_fraction(v)


class CheckResult(Result):
    """``relucert check``: ``.accepted`` (bool), ``.reason`` (None or the first failure), ``.kind``,
    and what an accepted certificate proves (the relucert.check/1 keys, doc/formats.md)."""

    def _summary(self):
        d = self.data if isinstance(self.data, dict) else {}
        keys = [k for k in ("accepted", "kind", "verdict", "reason") if d.get(k) is not None]
        return ", ".join("%s=%r" % (k, d[k]) for k in keys)


RESULT_CLASSES = {"inspect": InspectResult, "flow": FlowResult, "obstruct": ObstructResult,
                  "replay": ReplayResult, "check": CheckResult}
