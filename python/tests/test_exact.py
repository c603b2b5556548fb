"""Exact values in: floats taken at their exact dyadic values; out: Fractions and Intervals."""
from fractions import Fraction

import numpy as np
import pytest

import relucert
from conftest import data


def test_inspect_toy_exact():
    res = relucert.inspect(relucert.load_network(data("toy-obstructed.json")))
    assert res.levels == [Fraction(-27, 50), Fraction(-19, 100)]
    assert res.components == 4 and res.effective_components == 3
    assert res.betti == [4] and res.component == "++"
    assert len(res.neurons) == 2
    assert "components=4" in repr(res)


def test_to_json_equals_command_output():
    net = relucert.load_network(data("toy-obstructed.json"))
    out, _ = relucert.run("inspect", net, json=True)
    assert relucert.inspect(net).to_json() == out


def test_from_numpy_float32_is_exact():
    W1 = np.array([[0.3], [-0.4]], dtype=np.float32)
    b1 = np.array([0.1, 0.1], dtype=np.float32)
    W2 = np.array([[0.8, 0.6]], dtype=np.float32)
    res = relucert.inspect(relucert.Network.from_numpy(W1=W1, b1=b1, W2=W2))
    # independent: the level from the exact dyadic values of the float32 entries
    f = lambda x: Fraction(float(x))
    want0 = f(W1[0, 0]) ** 2 + f(b1[0]) ** 2 - f(W2[0, 0]) ** 2
    assert res.levels[0] == want0
    assert res.levels[0] != Fraction(-27, 50)       # float32 0.3 is not 3/10


def test_from_numpy_rejects_nan_with_position():
    with pytest.raises(relucert.InputError, match=r"W1\[1\]\[0\]"):
        relucert.Network.from_numpy(W1=np.array([[1.0], [np.nan]]), W2=np.array([[1.0, 1.0]]))


def test_bad_input_raises_with_one_line():
    with pytest.raises(relucert.InputError) as e:
        relucert.inspect(relucert.load_network(data("bad/" + sorted(__import__("os").listdir(data("bad")))[0])))
    assert "\n" not in str(e.value) and str(e.value)


def test_missing_file():
    with pytest.raises(relucert.InputError, match="no such file"):
        relucert.load_network("/nonexistent/net.json")


def test_interval():
    i = relucert.Interval("1/3", "0.5")
    assert i.mid() == Fraction(5, 12) and i.lo == Fraction(1, 3) and i.contains("0.4")
    with pytest.raises(ValueError):
        relucert.Interval(1, 0)


def test_obstruct_toy_bound_is_5_16():
    res = relucert.obstruct(data("toy-obstructed.json"), data("toy-data.json"))
    assert res.verdict == "obstructed"
    assert res.component_lower_bound.lo == Fraction(5, 16)


def test_flow_toy_certified_contains_5_16_limit():
    res = relucert.flow(data("toy-obstructed.json"), data("toy-data.json"), time=5, tube=True)
    assert res.verdict == "certified" and res.stays_on_component is True
    assert res.loss.lo > Fraction(5, 16)                 # the sign bound holds on the component
    assert len(res.theta) == 6
    tube = res.tube
    assert tube["theta"].shape[1:] == (6, 2) and tube["t"].shape[1] == 2
    assert abs(tube["t"][-1, 1] - 5) < 1e-12


def test_regions_three_lines_exact_and_plot(tmp_path):
    # three lines through one point: 6 regions in R^2 (not the 7 of general position)
    res = relucert.regions(data("regions-three-lines.json"))
    assert res.regions == 6 and res.unbounded == 6
    # in a box around the common point, with exact polygons: the areas sum to the box's
    res = relucert.regions(data("regions-three-lines.json"), box=[(0, 2), (0, 2)], all=True)
    assert res.regions == 6
    areas = [Fraction(r["volume"]) for r in res.region_list]
    assert sum(areas) == 4
    from relucert import plot as rplot
    rplot.regions(res, str(tmp_path / "r.png"))
    assert (tmp_path / "r.png").stat().st_size > 0
def test_input_error_is_the_error_not_a_notice(tmp_path):
    # reading the CSV prints a notice (separator, header) before the error line
    p = tmp_path / "d2.csv"
    p.write_text("a,b,y\n0.5,1,2\n1.5,2,3\n")
    net = relucert.load_network(data("toy-obstructed.json"))
    with pytest.raises(relucert.InputError, match="2 input columns, but the network has input dimension 1"):
        relucert.obstruct(net, relucert.load_dataset(str(p)))
    p = tmp_path / "d.npz"
    np.savez(p, X=np.ones((3, 2)), y=np.ones(3), w=np.ones(3))
    with pytest.raises(relucert.InputError, match="input dimension"):
        relucert.obstruct(net, relucert.load_dataset(str(p)))


def test_file_named_like_an_option(tmp_path, monkeypatch):
    import shutil
    monkeypatch.chdir(tmp_path)
    shutil.copy(data("toy-obstructed.json"), "--help.json")
    assert relucert.inspect("--help.json").levels == [Fraction(-27, 50), Fraction(-19, 100)]


def test_check_certificate_and_prec_limit(tmp_path):
    cert = tmp_path / "toy.cert"
    res = relucert.flow(data("toy-obstructed.json"), data("toy-data.json"), time=1, certificate=cert)
    assert res.verdict == "certified"
    ok = relucert.check(cert)
    assert ok.accepted is True and ok.steps > 0
    # a certificate above the precision limit is refused: a result with the one-line reason
    no = relucert.check(cert, max_prec=128)
    assert no.accepted is False and "prec 256 bits is above the checker's limit of 128" in no.reason
    # a tampered certificate is rejected likewise, and so is a file of another format; a file
    # that cannot be read raises
    bad = tmp_path / "bad.cert"
    bad.write_text(cert.read_text().replace("order 40", "order 41"))
    assert relucert.check(bad).accepted is False
    other = relucert.check(data("toy-data.json"))
    assert other.accepted is False and "format" in other.reason
    with pytest.raises(relucert.InputError, match=r"cannot"):
        relucert.check(tmp_path / "missing.cert")
    assert "accepted=True" in repr(ok) and "accepted=False" in repr(no)


def test_check_file_named_like_an_option(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    relucert.flow(data("toy-obstructed.json"), data("toy-data.json"), time=1, certificate="-c.cert")
    assert relucert.check("-c.cert").accepted is True
