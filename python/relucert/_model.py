"""Networks and datasets handed to relucert, always as exact values.

A :class:`Network` or :class:`Dataset` is a file relucert reads (its own, or one written from
arrays into a private temporary directory, every float written as the exact rational it is).
"""
import json
import os
import tempfile
from decimal import Decimal
from fractions import Fraction

from ._exact import float_bits_fraction, to_fraction
from .errors import InputError


def _exact_str(v, where):
    """The exact rational of one entry (a float/int/Fraction/str) as a relucert literal."""
    if isinstance(v, Fraction):
        return str(v)
    if isinstance(v, str):
        return v
    if isinstance(v, (bool,)):
        raise InputError("%s: a boolean is not a number" % where)
    if isinstance(v, int):
        return str(v)
    if isinstance(v, Decimal):
        if not v.is_finite():
            raise InputError("%s: not a number (%s)" % (where, v))
        return str(Fraction(v))                  # Decimal("0.1") is 1/10, not the double 0.1
    if isinstance(v, complex) or "complex" in type(v).__name__:
        raise InputError("%s: a complex number is not a real number: %r" % (where, v))
    if hasattr(v, "dtype") and getattr(v.dtype, "kind", "") in "iu":
        return str(int(v))                       # numpy integers: exact, never through a double
    if hasattr(v, "dtype") and getattr(v.dtype, "kind", "") == "f" and v.dtype.itemsize > 8:
        x = v
        if not np_isfinite(x):
            raise InputError("%s: not a number (%s)" % (where, "NaN" if x != x else "Inf"))
        p, q = x.as_integer_ratio()              # long double: its exact value, not a double
        return str(Fraction(int(p), int(q)))
    if hasattr(v, "dtype") and getattr(v.dtype, "kind", "") == "f" and v.dtype.itemsize in (2, 4, 8):
        x = v                                    # a numpy float scalar: read from its bits
    elif isinstance(v, float):
        x = v
    else:
        try:
            x = float(v)
        except (TypeError, ValueError):
            raise InputError("%s: not a number: %r" % (where, v)) from None
    # exact from the bits: float(v) of a float32 and Fraction(float) use floating-point
    # instructions, which read a subnormal as 0 under FTZ/DAZ (torch.set_flush_denormal(True))
    f = float_bits_fraction(x)
    if f is None:
        raise InputError("%s: not a number (%s)" % (where, "NaN" if x != x else "Inf"))
    return str(f)


def np_isfinite(x):
    import numpy as np
    return bool(np.isfinite(x))


def _as_array(a, name):
    """a as an array without converting its entries: a Python list mixing floats and strings
    must not turn the float 0.1 into the string "0.1" (numpy's common dtype), which would be
    read as 1/10 instead of the double's exact value."""
    import numpy as np
    if isinstance(a, np.ndarray):
        return a
    if hasattr(a, "__array__"):
        return np.asarray(a)
    try:
        return np.array(a, dtype=object)
    except ValueError as e:
        raise InputError("%s: not a rectangular array (ragged rows?): %s" % (name, e)) from None


def _matrix(a, name):
    import numpy as np
    arr = _as_array(a, name)
    if arr.ndim == 1:
        arr = arr.reshape(1, -1) if name.startswith("W") else arr
    if arr.ndim != 2:
        raise InputError("%s: expected a 2-d array, got shape %s" % (name, arr.shape))
    return [[_exact_str(arr[i, j], "%s[%d][%d]" % (name, i, j)) for j in range(arr.shape[1])]
            for i in range(arr.shape[0])]


def _vector(a, name):
    arr = _as_array(a, name)
    if arr.ndim != 1:
        raise InputError("%s: expected a 1-d array, got shape %s" % (name, arr.shape))
    return [_exact_str(arr[i], "%s[%d]" % (name, i)) for i in range(arr.shape[0])]


class _FileBacked:
    """Something relucert reads from a path; arrays are written once to a private file."""

    def __init__(self, path=None, doc=None, name="input"):
        self._tmp = None
        if path is None:
            self._tmp = tempfile.TemporaryDirectory(prefix="relucert-")
            path = os.path.join(self._tmp.name, name + ".json")
            with open(path, "w") as f:
                json.dump(doc, f)
        self.path = os.fspath(path)

    def __fspath__(self):
        return self.path


class Network(_FileBacked):
    """A ReLU network ``f(x) = Wn σ(… σ(W1 x + b1) …) + bn`` (n >= 2 weight layers).

    ``Wk`` has shape ``(n_k, n_{k-1})`` (PyTorch ``nn.Linear.weight``), ``bk`` shape ``(n_k,)``.
    Every entry is taken at its exact value.  Files: relucert.network/1 JSON, ``.npz``,
    ``.safetensors`` (doc/formats.md).
    """

    @classmethod
    def from_numpy(cls, leaky_relu=None, **arrays):
        """``Network.from_numpy(W1=…, b1=…, W2=…, b2=…, …)``; ``leaky_relu=a`` for leaky ReLU
        (an exact rational, or a float taken at its exact value).  Raises InputError on NaN/Inf,
        wrong dimensions or names other than Wk/bk."""
        doc = {"format": "relucert.network/1"}
        for key in arrays:
            if not (len(key) >= 2 and key[0] in "Wb" and key[1:].isdigit() and key[1] != "0"):
                raise InputError("from_numpy: %s: unexpected name (expected W1, b1, W2, b2, ...)" % key)
        for key in sorted(arrays, key=lambda k: (int(k[1:]), k[0] == "b")):
            doc[key] = _matrix(arrays[key], key) if key[0] == "W" else _vector(arrays[key], key)
        if leaky_relu is not None:
            doc["activation"] = {"leaky_relu": _exact_str(leaky_relu, "leaky_relu")}
        return cls(doc=doc, name="network")

    @classmethod
    def from_torch(cls, module):
        """From a PyTorch module: an ``nn.Sequential`` of ``Linear`` and ``ReLU``/``LeakyReLU``,
        or any module whose ``state_dict`` is a chain of Linear layers (weight, bias).  Float
        parameters are taken at their exact values; a LeakyReLU slope is the rational its
        decimal ``repr`` spells (0.01 is 1/100)."""
        import torch.nn as nn
        slope = _torch_activation(module, nn)
        arrays, k, expect_bias = {}, 0, None
        for name, t in module.state_dict().items():
            t = t.detach().cpu()
            if str(t.dtype) == "torch.bfloat16":
                t = t.float()                    # exact: a bfloat16 is the top half of a float32
            a = t.numpy()
            if name.endswith("weight") and a.ndim == 2:
                k += 1
                arrays["W%d" % k] = a
                expect_bias = name[:-len("weight")] + "bias"
            elif name == expect_bias and a.ndim == 1:
                arrays["b%d" % k] = a
            else:
                raise InputError("from_torch: %s: shape %s is not part of a chain of Linear layers"
                                 % (name, tuple(a.shape)))
        if k < 1:
            raise InputError("from_torch: no Linear layer found")
        if not isinstance(module, nn.Sequential):
            _check_layer_order([n for n, t in module.state_dict().items()
                                if n.endswith("weight") and t.dim() == 2], "from_torch")
        return cls.from_numpy(leaky_relu=slope if slope else None, **arrays)

    def __repr__(self):
        return "relucert.Network(%r)" % self.path


def _torch_activation(module, nn):
    """The LeakyReLU slope (None for ReLU) of a module relucert can model, or InputError.

    ``nn.Sequential``: after dropping ``Identity``/``Flatten``, the layers must read
    Linear, act, Linear, act, ..., Linear with exactly one activation between two Linear layers
    and none before the first or after the last (an output ReLU, or two Linear layers with
    nothing between them, is not the network f(x) = Wn s(... s(W1 x + b1) ...) + bn), and all
    activations the same (all ReLU, or LeakyReLU with one slope).  Any other module: its
    forward cannot be seen, so every submodule must be Linear, ReLU or LeakyReLU (one kind,
    one slope), Identity, Flatten or a module holding others; the layers are taken in
    state_dict order (registration order), and a functional call in forward (torch.tanh) cannot
    be seen: use nn.Sequential when in doubt."""
    acts = (nn.ReLU, nn.LeakyReLU)

    def slope_of(m):
        return Fraction(repr(m.negative_slope)) if isinstance(m, nn.LeakyReLU) else Fraction(0)

    def one_kind(layers):
        kinds = set((type(m).__name__, slope_of(m)) for m in layers)
        if len(kinds) > 1:
            raise InputError("from_torch: activations differ (%s); relucert models one activation "
                             "for all hidden layers" % ", ".join(
                                 "%s(%s)" % (n, sl) if n == "LeakyReLU" else n for n, sl in sorted(kinds)))
        return [sl for n, sl in kinds][0] if kinds else Fraction(0)

    if isinstance(module, nn.Sequential):
        layers = []
        for i, m in enumerate(module):
            if isinstance(m, (nn.Identity, nn.Flatten)):
                continue
            if not isinstance(m, (nn.Linear,) + acts):
                raise InputError("from_torch: layer %d: %s is not modelled by relucert (only Linear "
                                 "layers with ReLU or LeakyReLU between them)" % (i, type(m).__name__))
            layers.append((i, m))
        kinds = "".join("L" if isinstance(m, nn.Linear) else "a" for i, m in layers)
        if not kinds.startswith("L") or not kinds.endswith("L") or "LL" in kinds or "aa" in kinds:
            where = ("an activation before the first Linear layer" if not kinds.startswith("L") else
                     "an activation after the last Linear layer (an output ReLU)" if not kinds.endswith("L") else
                     "two Linear layers with no activation between them" if "LL" in kinds else
                     "two activations in a row")
            raise InputError("from_torch: the Sequential is not Linear, activation, ..., Linear: "
                             "it has %s" % where)
        s = one_kind([m for i, m in layers if isinstance(m, acts)])
        return s if s != 0 else None
    children = list(module.children())
    if len(children) == 1 and isinstance(children[0], nn.Sequential) \
            and len(list(module.state_dict())) == len(list(children[0].state_dict())):
        return _torch_activation(children[0], nn)      # a wrapper around one Sequential
    found = []
    for name, m in module.named_modules():
        if isinstance(m, nn.Sequential):
            inner = [c for c in m if not isinstance(c, (nn.Identity, nn.Flatten))]
            for a, b in zip(inner, inner[1:]):
                if isinstance(a, nn.Linear) and isinstance(b, nn.Linear):
                    raise InputError("from_torch: %s: two Linear layers with no activation between "
                                     "them" % name)
        if isinstance(m, acts):
            found.append(m)
        elif not isinstance(m, (nn.Linear, nn.Identity, nn.Flatten)) and not list(m.children()):
            raise InputError("from_torch: %s: %s is not modelled by relucert (only Linear layers "
                             "with ReLU or LeakyReLU)" % (name, type(m).__name__))
    s = one_kind(found)
    return s if s != 0 else None


def _natural_after(a, b):
    """True when the numbers in the names put layer prefix a after b ("fc2" after "fc1",
    "10" after "2"); False when they put it before or do not tell (encoder, decoder)."""
    import re
    ta, tb = re.findall(r"\d+|\D+", a), re.findall(r"\d+|\D+", b)
    for x, y in zip(ta, tb):
        if x == y:
            continue
        return x.isdigit() and y.isdigit() and int(x) > int(y)
    return False


def _check_layer_order(weight_names, who):
    """Refuses layers whose state_dict order contradicts the numbers in their names (a module
    that registered fc2 before fc1): with square layers both orders chain."""
    pre = [n[:-len("weight")].rstrip(".") for n in weight_names]
    for a, b in zip(pre, pre[1:]):
        if _natural_after(a, b):
            raise InputError("%s: %s.weight comes before %s.weight in the state_dict, against the "
                             "numbers in their names, so the order of the layers is unclear; "
                             "register the layers in the order forward uses them, or use "
                             "nn.Sequential" % (who, a, b))


class Dataset(_FileBacked):
    """A dataset: ``X`` of shape ``(N, d)``, ``y`` of shape ``(N,)`` or ``(N, e)``."""

    @classmethod
    def from_numpy(cls, X, y):
        import numpy as np
        X, y = _as_array(X, "X"), _as_array(y, "y")
        if y.ndim not in (1, 2):
            raise InputError("Dataset.from_numpy: y: expected shape (N,) or (N, e), got shape %s"
                             % (y.shape,))
        if X.ndim != 2:
            raise InputError("Dataset.from_numpy: X: expected a 2-d array (N, d), got shape %s" % (X.shape,))
        if y.shape[0] != X.shape[0]:
            raise InputError("Dataset.from_numpy: y: %d samples, but X has %d" % (y.shape[0], X.shape[0]))
        doc = {"format": "relucert.dataset/1", "X": _matrix(X, "X"),
               "y": _vector(y, "y") if y.ndim == 1 else _matrix(y, "y")}
        return cls(doc=doc, name="dataset")

    def __repr__(self):
        return "relucert.Dataset(%r)" % self.path


def load_network(path):
    """A network file (``.json``, ``.npz``, ``.safetensors``); it is read when used."""
    if not os.path.exists(path):
        raise InputError("%s: cannot open: no such file" % path)
    return Network(path=path)


def load_dataset(path):
    """A dataset file (``.json``, ``.npz``, ``.csv``, …); it is read when used."""
    if not os.path.exists(path):
        raise InputError("%s: cannot open: no such file" % path)
    return Dataset(path=path)
