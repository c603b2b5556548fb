#!/usr/bin/python3
"""relucert from Python in five steps: train a small PyTorch model with the monitor, inspect its
initialization, prove an obstruction, certify the gradient flow, and plot.

usage: examples/python/quickstart.py [OUT_DIR]   (after building and installing relucert; see
README "Python").  Writes OUT_DIR/quickstart-flow.png and OUT_DIR/quickstart-levels.png.
"""
import os
import sys
from fractions import Fraction

import torch

import relucert
import relucert.plot
import relucert.torch

out = sys.argv[1] if len(sys.argv) > 1 else "out"
os.makedirs(out, exist_ok=True)

# the toy of doc/math.md section 8: y = x on four points, two hidden neurons, no output bias
X = torch.tensor([[-1.0], [-0.5], [0.5], [1.0]])
y = X.clone()
model = torch.nn.Sequential(torch.nn.Linear(1, 2), torch.nn.ReLU(), torch.nn.Linear(2, 1, bias=False))
with torch.no_grad():
    model[0].weight.copy_(torch.tensor([[0.3], [-0.4]]))
    model[0].bias.copy_(torch.tensor([0.1, 0.1]))
    model[2].weight.copy_(torch.tensor([[0.8, 0.6]]))

# 1. the initialization, exactly (float32 values taken as the rationals they are)
net = relucert.Network.from_torch(model)
data = relucert.Dataset.from_numpy(X.numpy(), y.numpy())
ins = relucert.inspect(net)
print("levels c_k:", [str(c) for c in ins.levels], "-> components:", ins.components,
      "on component", ins.component)

# 2. a proof that gradient flow from here never reaches loss 0
obs = relucert.obstruct(net, data)
print("obstruct:", obs.verdict, "; loss >=", obs.component_lower_bound.lo, "on the whole component")

# 3. the certified gradient flow to T = 20
fl = relucert.flow(net, data, time=20, tube=True)
print("flow:", fl.verdict, "; loss(20) in [%.12g, %.12g]" % (fl.loss.lo, fl.loss.hi))

# 4. train with PyTorch and watch the levels with the monitor
opt = torch.optim.SGD(model.parameters(), lr=0.125)
mon = relucert.torch.Monitor(model, X, y, lr=0.125)
for step in range(200):
    opt.zero_grad()
    torch.nn.functional.mse_loss(model(X), y).backward()
    opt.step()
    mon.step()
rep = mon.report()
print("monitor:", rep.steps, "steps; stays on its component:", rep.stays_on_component,
      "; largest drift-identity residual %.3g (float32 rounding)" % rep.max_identity_residual)
assert obs.component_lower_bound.lo == Fraction(5, 16)

# 5. pictures
relucert.plot.flow(fl, net, os.path.join(out, "quickstart-flow.png"))
relucert.plot.levels(rep.levels, os.path.join(out, "quickstart-levels.png"), "levels during SGD")
print("wrote", os.path.join(out, "quickstart-flow.png"), "and", os.path.join(out, "quickstart-levels.png"))
