"""Shared helpers of the regions scripts: exporting PyTorch MLPs to relucert.network/1 JSON
with the exact float32 values (C hex-float literals, which relucert reads exactly), and
running `relucert regions`."""
import json
import subprocess
import time


def exact(x):
    """The exact value of a float32/float64 as a hex literal ("0x1.8p-1"); relucert reads it
    as the exact dyadic rational."""
    return float(x).hex()


def export_linears(linears, path, comment=None):
    """linears: list of torch.nn.Linear (or (weight, bias) numpy arrays), in order."""
    doc = {"format": "relucert.network/1", "activation": "relu"}
    if comment:
        doc["comment"] = comment
    for k, lin in enumerate(linears, start=1):
        if isinstance(lin, tuple):
            W, b = lin
        else:
            W = lin.weight.detach().cpu().numpy()
            b = None if lin.bias is None else lin.bias.detach().cpu().numpy()
        doc["W%d" % k] = [[exact(v) for v in row] for row in W]
        if b is not None:
            doc["b%d" % k] = [exact(v) for v in b]
    with open(path, "w") as f:
        json.dump(doc, f)


def run_regions(relucert, net, box, extra=()):
    """Runs relucert regions NET --box BOX --json; returns (parsed JSON, wall seconds)."""
    cmd = [relucert, "regions", net, "--box", box, "--json"] + list(extra)
    t0 = time.perf_counter()
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    return json.loads(out), time.perf_counter() - t0
