#!/usr/bin/env bash
# A tester's attack on relucert.flowcert/3 (arithmetic 3: double-double balls, break_a3).
#  - /3 runs of the toys and of leaky / biased / several-output / weight-decay problems give the
#    /2 verdicts and step counts, enclosures that overlap the /2 ones, and certificates that
#    `relucert check` accepts;
#  - tampering: one-ulp edits (the last hexadecimal digit of the mantissa +-1) of end-box
#    midpoints and radii at random steps and entries, of step durations and end times, of a priori
#    boxes, and of the modes line, each resealed: every edit of an end box is rejected, every
#    other edit is rejected or (B only) re-validates to the same recorded end boxes;
#  - relabeling /3 <-> /2 is rejected (the bodies differ), and a mantissa spelled with a leading
#    zero digit (the same number) is reported.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
[ -x $PY ] || { echo "t-flow3-break: python3 missing, skipped"; exit 0; }
command -v jq > /dev/null || { echo "t-flow3-break: jq missing, skipped"; exit 0; }
cd "$(dirname "$0")/../.." || exit 1

reseal() { head -n -1 "$1" > "$2.body"; $PY -c "
import sys
b = open(sys.argv[1], 'rb').read(); h = 14695981039346656037
for c in b: h = ((h ^ c) * 1099511628211) & (2**64 - 1)
open(sys.argv[2], 'wb').write(b + b'digest %016x\n' % h)" "$2.body" "$2"; }

# --- /2 and /3 on a few problems: same verdicts, overlapping enclosures, both accepted ---------
cat > "$tmp/leaky-net.json" <<'EOF'
{"format": "relucert.network/1", "activation": {"leaky_relu": "1/10"},
 "W1": [["0.3", "-0.2"], ["-0.4", "0.5"], ["0.1", "0.7"]], "b1": ["0.1", "-0.05", "0.2"],
 "W2": [["0.8", "0.6", "-0.3"], ["-0.5", "0.2", "0.4"]], "b2": ["0.1", "-0.1"]}
EOF
cat > "$tmp/leaky-data.json" <<'EOF'
{"format": "relucert.dataset/1", "X": [["-1", "0.5"], ["-0.5", "-1"], ["0.5", "0.25"], ["1", "-0.5"], ["1", "-0.5"]],
 "y": [["-1", "0.5"], ["-0.5", "0"], ["0.5", "1"], ["1", "-1"], ["0.75", "-1"]]}
EOF
run_pair() { # NAME NET DATA T EXTRA...
  local name=$1 net=$2 data=$3 T=$4; shift 4
  for v in 2 3; do
    "$RC" flow "$net" "$data" --time "$T" --quiet --json --cert-version $v --certificate "$tmp/$name.c$v" "$@" > "$tmp/$name.o$v"
    expect "$name /$v exit" "$?" 0
    "$RC" check "$tmp/$name.c$v" > /dev/null 2>&1; expect "$name /$v check" "$?" 0
  done
  expect "$name verdict /3 = /2" "$(jq -r .verdict "$tmp/$name.o3")" "$(jq -r .verdict "$tmp/$name.o2")"
  expect "$name steps /3 = /2" "$(jq -r .steps "$tmp/$name.o3")" "$(jq -r .steps "$tmp/$name.o2")"
  expect "$name overlap" "$($PY -c "
import json, sys
from fractions import Fraction as F
a = json.load(open(sys.argv[1])); b = json.load(open(sys.argv[2]))
ok = all(max(F(x[0]), F(y[0])) <= min(F(x[1]), F(y[1])) for x, y in zip(a['theta'] + [a['loss']], b['theta'] + [b['loss']]))
print('yes' if ok else 'no')" "$tmp/$name.o2" "$tmp/$name.o3")" yes
}
run_pair toy data/toy-obstructed.json data/toy-data.json 10
run_pair toyu data/toy-unobstructed.json data/toy-data.json 3
run_pair leaky "$tmp/leaky-net.json" "$tmp/leaky-data.json" 2
run_pair leakywd "$tmp/leaky-net.json" "$tmp/leaky-data.json" 2 --weight-decay 1/10
run_pair s07 data/flow-suite/07-net.json data/flow-suite/07-data.json 1

# --- tampering with the /3 certificate of the toy ----------------------------------------------
C3="$tmp/toy.c3"
# edit KIND SEED: one random one-ulp edit of the given kind, written to $tmp/e (unsealed)
edit() { $PY - "$C3" "$tmp/e" "$1" "$2" <<'EOF'
import random, re, sys
src, dst, kind, seed = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
rnd = random.Random(seed)
lines = open(src).read().split("\n")
def bump(tok):
    m = re.fullmatch(r"(-?)0x([0-9a-f]+)p(-?\d+)", tok)
    if m is None:                      # "0": the smallest change the writer could spell
        return "0x1p-300"
    s, h, e = m.groups()
    v = int(h, 16) + rnd.choice((-1, 1))
    if v == 0:
        v = 2
    return "%s0x%xp%s" % (s, v, e)
if kind in ("Emid", "Erad", "Bmid", "Brad"):
    key = kind[0] + " "
    idx = [i for i, l in enumerate(lines) if l.startswith(key)]
    i = rnd.choice(idx)
    w = lines[i].split(" ")
    nb = (len(w) - 1) // 2
    j = 1 + 2 * rnd.randrange(nb) + (1 if kind.endswith("rad") else 0)
    w[j] = bump(w[j]); lines[i] = " ".join(w)
elif kind in ("te", "dur"):
    idx = [i for i, l in enumerate(lines) if l.startswith("step ")]
    i = rnd.choice(idx)
    w = lines[i].split(" ")              # step KIND PAIR MODE te_mid te_rad dur_mid dur_rad
    j = (4 if kind == "te" else 6) + rnd.randrange(2)
    w[j] = bump(w[j]); lines[i] = " ".join(w)
elif kind == "modes":
    i = [i for i, l in enumerate(lines) if l.startswith("modes ")][0]
    w = lines[i].split(" ")
    j = 1 + rnd.randrange(len(w) - 1)
    w[j] = "1" if w[j] == "-1" else "-1"; lines[i] = " ".join(w)
open(dst, "w").write("\n".join(lines))
EOF
}
nE=0; nB=0; nBacc=0; nT=0
for kind in Emid Erad Emid Erad; do
  for seed in $(seq 1 12); do
    edit $kind $((seed * 7 + ${#kind})); reseal "$tmp/e" "$tmp/e.cert"
    if cmp -s "$tmp/e" "$C3"; then bad "$kind $seed: nothing changed"; continue; fi
    "$RC" check "$tmp/e.cert" > "$tmp/e.out" 2>&1; expect "/3 $kind seed $seed rejected" "$?" 2
    nE=$((nE+1))
  done
done
for kind in te dur modes; do
  for seed in $(seq 1 8); do
    edit $kind $seed; reseal "$tmp/e" "$tmp/e.cert"
    if cmp -s "$tmp/e" "$C3"; then continue; fi
    "$RC" check "$tmp/e.cert" > "$tmp/e.out" 2>&1; expect "/3 $kind seed $seed rejected" "$?" 2
    nT=$((nT+1))
  done
done
for kind in Bmid Brad; do
  for seed in $(seq 1 10); do
    edit $kind $seed; reseal "$tmp/e" "$tmp/e.cert"
    "$RC" check "$tmp/e.cert" > "$tmp/e.out" 2>&1; r=$?
    # a B edit is sound either way (B is re-validated); accepted only if every recomputed end
    # box is still the recorded one
    if [ $r -eq 0 ]; then nBacc=$((nBacc+1)); ok; elif [ $r -eq 2 ]; then ok; else bad "/3 $kind seed $seed: exit $r"; fi
    nB=$((nB+1))
  done
done

# --- relabeling -----------------------------------------------------------------------------------
for pair in "3 2" "2 3"; do
  set -- $pair
  { printf 'relucert.flowcert/%s\n' "$2"; tail -n +2 "$tmp/toy.c$1"; } > "$tmp/r"; reseal "$tmp/r" "$tmp/r.cert"
  "$RC" check "$tmp/r.cert" > /dev/null 2>&1; expect "/$1 relabeled /$2 rejected" "$?" 2
  { printf 'relucert.flowcert/%s\n' "$2"; tail -n +2 "$tmp/leaky.c$1"; } > "$tmp/r"; reseal "$tmp/r" "$tmp/r.cert"
  "$RC" check "$tmp/r.cert" > /dev/null 2>&1; expect "leaky /$1 relabeled /$2 rejected" "$?" 2
done

echo "t-flow3-break: $nE end-box edits, $nT time/mode edits, $nB a-priori-box edits ($nBacc re-validated to the same end boxes)"
echo "t-flow3-break: $pass passed, $fail failed"
[ $fail -eq 0 ]
