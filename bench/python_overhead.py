#!/usr/bin/python3
"""Python overhead of relucert.inspect against the command, in the same run.

usage: PYTHONPATH=build/python /usr/bin/python3 bench/python_overhead.py build/relucert [L] [REPS]

Writes a float32 .npz network (d = 10, l = L hidden neurons, default 100000), then times
  - the command:  relucert inspect NET --json  (a new process, as a shell user runs it)
  - Python:       relucert.inspect(net)  (in-process), and the same plus .levels (L Fractions)
and prints the medians and the ratios (goal: Python / command <= 1.5).
"""
import os, statistics, subprocess, sys, tempfile, time
import numpy as np
import relucert

exe = sys.argv[1]
L = int(sys.argv[2]) if len(sys.argv) > 2 else 100000
reps = int(sys.argv[3]) if len(sys.argv) > 3 else 5
rng = np.random.default_rng(0)
d = tempfile.mkdtemp()
path = os.path.join(d, "net.npz")
np.savez(path, W1=rng.normal(size=(L, 10)).astype(np.float32), b1=rng.normal(size=L).astype(np.float32),
         W2=rng.normal(size=(1, L)).astype(np.float32))
net = relucert.load_network(path)

def med(f):
    ts = []
    for _ in range(reps):
        t = time.perf_counter(); f(); ts.append(time.perf_counter() - t)
    return statistics.median(ts)

cmd = med(lambda: subprocess.run([exe, "inspect", path, "--json"], stdout=subprocess.DEVNULL, check=True))
py = med(lambda: relucert.inspect(net).components)
pyl = med(lambda: relucert.inspect(net).levels)
print("inspect, d = 10, l = %d, float32 .npz, median of %d" % (L, reps))
print("  command (new process):        %.3f s" % cmd)
print("  relucert.inspect (in-process): %.3f s  (ratio %.2f)" % (py, py / cmd))
print("  ... and .levels as Fractions:  %.3f s  (ratio %.2f)" % (pyl, pyl / cmd))
