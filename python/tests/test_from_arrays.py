"""Arrays and modules handed to Network.from_numpy / from_torch / Dataset.from_numpy: every
value must arrive exactly, and anything relucert does not model must be refused (never read
as a different network).  The written file is checked directly, so these tests need no
library call."""
import json
from decimal import Decimal
from fractions import Fraction

import numpy as np
import pytest

import relucert


def written(obj):
    with open(obj.path) as f:
        return json.load(f)


def test_int64_above_2_53_exact():
    n = relucert.Network.from_numpy(W1=np.array([[2 ** 53 + 1, -(2 ** 62) - 3]], dtype=np.int64),
                                    W2=np.array([[1]], dtype=np.uint64))
    assert written(n)["W1"] == [[str(2 ** 53 + 1), str(-(2 ** 62) - 3)]]


def test_uint64_max_exact():
    d = relucert.Dataset.from_numpy(np.array([[1]], dtype=np.uint64),
                                    np.array([2 ** 64 - 1], dtype=np.uint64))
    assert written(d)["y"] == [str(2 ** 64 - 1)]


def test_longdouble_not_rounded_to_double():
    x = np.longdouble(1) / 3
    n = relucert.Network.from_numpy(W1=np.array([[x]]), W2=[[1]])
    assert Fraction(written(n)["W1"][0][0]) == Fraction(*[int(v) for v in x.as_integer_ratio()])


def test_decimal_is_its_decimal_value():
    n = relucert.Network.from_numpy(W1=[[Decimal("0.1")]], W2=[[Decimal("-2.5e-3")]])
    assert [Fraction(s) for s in written(n)["W1"][0] + written(n)["W2"][0]] == \
        [Fraction(1, 10), Fraction(-1, 400)]


def test_complex_refused():
    with pytest.raises(relucert.InputError, match=r"W1\[0\]\[0\]: a complex number"):
        relucert.Network.from_numpy(W1=np.array([[1 + 2j]]), W2=[[1]])


def test_dataset_zero_d_y_refused():
    with pytest.raises(relucert.InputError, match="y: expected shape"):
        relucert.Dataset.from_numpy(np.zeros((2, 1)), np.float64(3))


torch = pytest.importorskip("torch")
nn = torch.nn


def refused(m, pattern):
    with pytest.raises(relucert.InputError, match=pattern):
        relucert.Network.from_torch(m)


def test_sequential_structure_checked():
    refused(nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 1)), "no activation between")
    refused(nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1), nn.ReLU()), "output ReLU")
    refused(nn.Sequential(nn.ReLU(), nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)), "before the first")
    refused(nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 3), nn.LeakyReLU(0.1),
                          nn.Linear(3, 1)), "activations differ")
    refused(nn.Sequential(nn.Linear(2, 3), nn.BatchNorm1d(3), nn.ReLU(), nn.Linear(3, 1)), "BatchNorm1d")


class Custom(nn.Module):
    def __init__(self, act, extra=None):
        super().__init__()
        self.fc1, self.act, self.fc2 = nn.Linear(2, 3), act, nn.Linear(3, 1)
        if extra is not None:
            self.extra = extra


def test_custom_module_leaky_slope_kept():
    assert written(relucert.Network.from_torch(Custom(nn.LeakyReLU(0.2))))["activation"] == \
        {"leaky_relu": "1/5"}
    assert "activation" not in written(relucert.Network.from_torch(Custom(nn.ReLU())))


def test_custom_module_parameterless_batchnorm_refused():
    bn = nn.BatchNorm1d(3, affine=False, track_running_stats=False)   # no state_dict entries
    refused(Custom(nn.ReLU(), bn), "BatchNorm1d")
    refused(Custom(nn.Tanh()), "Tanh")


def test_bfloat16_module_exact():
    m = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1)).bfloat16()
    w = written(relucert.Network.from_torch(m))
    W1 = m[0].weight.detach().float().numpy()
    assert [[Fraction(s) for s in r] for r in w["W1"]] == \
        [[Fraction(float(x)) for x in r] for r in W1]


class Reversed(nn.Module):
    """Registers fc2 before fc1; forward (not visible to relucert) would use fc1 first."""

    def __init__(self):
        super().__init__()
        self.fc2, self.fc1, self.fc3 = nn.Linear(3, 3), nn.Linear(3, 3), nn.Linear(3, 1)
        self.act = nn.ReLU()


def test_custom_module_registered_out_of_order_refused():
    refused(Reversed(), "fc2.weight comes before fc1.weight")


def test_custom_module_names_without_numbers_keep_order():
    class EncHead(nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 3))
            self.head = nn.Linear(3, 1)
    w = written(relucert.Network.from_torch(EncHead()))
    assert [len(w["W%d" % k]) for k in (1, 2, 3)] == [3, 3, 1]


def test_list_mixing_floats_and_strings_keeps_float_exact():
    n = relucert.Network.from_numpy(W1=[[0.1, "1/3"]], W2=[[1]])
    assert written(n)["W1"] == [[str(Fraction(0.1)), "1/3"]]
    d = relucert.Dataset.from_numpy([[0.1, "2"]], [0.2])
    assert [Fraction(s) for s in written(d)["X"][0]] == [Fraction(0.1), 2]


def test_ragged_lists_input_error():
    with pytest.raises(relucert.InputError, match="W1"):
        relucert.Network.from_numpy(W1=[[0.1, 0.5], [1]], W2=[[1, 1]])


class Wrapper(nn.Module):
    def __init__(self, seq):
        super().__init__()
        self.layers = seq


def test_wrapper_around_one_sequential_checked_as_sequential():
    refused(Wrapper(nn.Sequential(nn.Linear(2, 3), nn.ReLU(), nn.Linear(3, 1), nn.ReLU())), "output ReLU")
    w = written(relucert.Network.from_torch(Wrapper(nn.Sequential(nn.Linear(2, 3), nn.LeakyReLU(0.5),
                                                                  nn.Linear(3, 1)))))
    assert w["activation"] == {"leaky_relu": "1/2"}


def test_sequential_inside_module_with_adjacent_linears_refused():
    class Two(nn.Module):
        def __init__(self):
            super().__init__()
            self.body = nn.Sequential(nn.Linear(2, 3), nn.Linear(3, 3))
            self.act, self.head = nn.ReLU(), nn.Linear(3, 1)
    refused(Two(), "body: two Linear layers with no activation")
