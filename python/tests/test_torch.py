"""relucert.torch.Monitor and Network.from_torch against independent computations."""
from fractions import Fraction

import numpy as np
import pytest

import relucert
import relucert.torch

torch = pytest.importorskip("torch")


def toy_model():
    torch.manual_seed(0)
    m = torch.nn.Sequential(torch.nn.Linear(1, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1, bias=False))
    with torch.no_grad():
        m[0].weight.copy_(torch.tensor([[0.3], [-0.4]]))
        m[0].bias.copy_(torch.tensor([0.1, 0.1]))
        m[2].weight.copy_(torch.tensor([[0.8, 0.6]]))
    return m


def test_from_torch_levels_exact():
    m = toy_model()
    res = relucert.inspect(relucert.Network.from_torch(m))
    W1 = m[0].weight.detach().numpy(); b1 = m[0].bias.detach().numpy(); W2 = m[2].weight.detach().numpy()
    f = lambda x: Fraction(float(x))
    assert res.levels == [f(W1[k, 0]) ** 2 + f(b1[k]) ** 2 - f(W2[0, k]) ** 2 for k in range(2)]


def test_from_torch_rejects_conv():
    m = torch.nn.Sequential(torch.nn.Conv1d(1, 1, 3), torch.nn.ReLU())
    with pytest.raises(relucert.InputError, match="Conv1d"):
        relucert.Network.from_torch(m)


def test_monitor_sgd_toy():
    m = toy_model()
    X = torch.tensor([[-1.0], [-0.5], [0.5], [1.0]])
    y = X.clone()
    opt = torch.optim.SGD(m.parameters(), lr=0.125)
    mon = relucert.torch.Monitor(m, X, y, lr=0.125)
    for _ in range(50):
        opt.zero_grad()
        torch.nn.functional.mse_loss(m(X), y).backward()
        opt.step()
        mon.step()
    rep = mon.report()
    assert rep.steps == 50
    assert rep.stays_on_component is True and rep.first_sign_change is None
    assert rep.identity == "checked"
    # float32 rounding only: the identity holds to about float32 precision
    assert rep.max_identity_residual < Fraction(1, 10 ** 5)


def test_monitor_adam_measured_only():
    m = toy_model()
    X = torch.tensor([[-1.0], [1.0]]); y = X.clone()
    opt = torch.optim.Adam(m.parameters(), lr=0.01)
    mon = relucert.torch.Monitor(m, X, y, lr=0.01, optimizer="adam")
    for _ in range(5):
        opt.zero_grad(); torch.nn.functional.mse_loss(m(X), y).backward(); opt.step(); mon.step()
    rep = mon.report()
    assert rep.identity == "measured" and rep.max_identity_residual is None


def test_monitor_takes_leaky_slope_from_model():
    torch.manual_seed(3)
    m = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.LeakyReLU(0.2), torch.nn.Linear(4, 1))
    X = torch.randn(6, 2); y = torch.randn(6, 1)
    opt = torch.optim.SGD(m.parameters(), lr=0.05)
    mon = relucert.torch.Monitor(m, X, y, lr=0.05)
    assert mon.leak == Fraction(1, 5)
    for _ in range(10):
        opt.zero_grad(); torch.nn.functional.mse_loss(m(X), y).backward(); opt.step(); mon.step()
    rep = mon.report()
    # replayed as ReLU the residual is about 2e-4; with the model's slope float32 rounding only
    assert rep.max_identity_residual < Fraction(1, 10 ** 6)
    with pytest.raises(relucert.InputError, match="slope"):
        relucert.torch.Monitor(m, X, y, lr=0.05, leak=0)


def test_monitor_refuses_output_relu():
    m = torch.nn.Sequential(torch.nn.Linear(2, 4), torch.nn.ReLU(), torch.nn.Linear(4, 1), torch.nn.ReLU())
    with pytest.raises(relucert.InputError, match="output ReLU"):
        relucert.torch.Monitor(m, torch.zeros(2, 2), torch.zeros(2), lr=0.1)


def test_monitor_bfloat16_model():
    m = toy_model().bfloat16()
    X = torch.tensor([[-1.0], [1.0]], dtype=torch.bfloat16); y = X.clone()
    opt = torch.optim.SGD(m.parameters(), lr=0.125)
    mon = relucert.torch.Monitor(m, X, y, lr=0.125)
    for _ in range(3):
        opt.zero_grad(); ((m(X) - y) ** 2).mean().backward(); opt.step(); mon.step()
    rep = mon.report()
    assert rep.steps == 3
    w = m[0].weight.detach().float().numpy()
    assert rep.replay.data["steps"] == 3 and w.dtype == np.float32


def test_monitor_stays_on_component_is_the_replays():
    # v set to exactly 0 at step 1 and back to 1: no sign change, but the run left its
    # component (|v| >= sqrt(-c) > 0 there); the report must say so (it used "no sign change")
    import relucert.torch as rt
    torch.manual_seed(0)
    m = torch.nn.Sequential(torch.nn.Linear(1, 1), torch.nn.ReLU(), torch.nn.Linear(1, 1, bias=False))
    with torch.no_grad():
        m[0].weight.fill_(0.5); m[0].bias.fill_(0.0); m[2].weight.fill_(1.0)
    X = torch.tensor([[1.0], [-1.0]]); y = torch.tensor([[1.0], [0.0]])
    mon = rt.Monitor(m, X, y, lr=0.125)
    with torch.no_grad():
        m[2].weight.fill_(0.0)
    mon.step()
    with torch.no_grad():
        m[2].weight.fill_(1.0)
    mon.step()
    rep = mon.report()
    assert rep.replay.data["stays_on_component"] is False
    assert rep.stays_on_component is False
