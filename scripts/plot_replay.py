#!/usr/bin/python3
"""Plot the levels c_k = |w_k|^2 - |v_k|^2 over the steps from a `relucert replay --csv` table.

usage: /usr/bin/python3 scripts/plot_replay.py TABLE.csv OUT.png [TITLE]

`relucert replay --plot OUT.png` runs this script (installed as PREFIX/share/relucert/plot_replay.py)
with an argument vector, no shell.  Needs python3-matplotlib.
"""
import sys, csv
import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt

if len(sys.argv) < 3:
    sys.exit(__doc__)
series = {}
with open(sys.argv[1]) as f:
    for r in csv.DictReader(f):
        s = series.setdefault(int(r['neuron']), ([], []))
        s[0].append(int(r['step'])); s[1].append(float(r['level_approx']))
fig, ax = plt.subplots(figsize=(8, 4.5))
for k in sorted(series):
    ax.plot(series[k][0], series[k][1], lw=1.2 if len(series) <= 10 else 0.6,
            label='neuron %d' % k if len(series) <= 10 else None)
ax.axhline(0, color='k', lw=0.5)
ax.set_xlabel('step'); ax.set_ylabel('level c_k = |w_k|^2 - |v_k|^2')
ax.set_title(sys.argv[3] if len(sys.argv) > 3 else 'levels over the logged steps')
if len(series) <= 10: ax.legend()
fig.tight_layout(); fig.savefig(sys.argv[2], dpi=120)
