#!/usr/bin/env bash
# Regression tests from a tester's hunt for wrong "certified" answers of relucert flow (break4).
# Each case sits on a rule boundary; the expected values come from scripts/flow_reference.py
# (mpmath, 60-80 digits), recomputed independently of relucert.
#  - dead neuron on a TIED surface (samples 2 and 3 have the same input x = 9/10): not_unique,
#    onset = the reference's 1.1009857627586775665 (group coefficient c_2 + c_3 changes sign);
#  - the same dead neuron (no tie) with weight decay 1/10: onset 1.3875295503175037745;
#  - leaky ReLU (a = 1/4), tied samples with opposite labels (y = -1, 1): the crossing of the
#    shared surface at t = 0.7776 is transversal (both one-sided z' < 0 with the SHARED slope);
#    certified, no sliding phase;
#  - start exactly on a surface (z = 0 at t = 0) of a neuron inactive on its other samples whose
#    active side repels: two Filippov solutions from t = 0 (stay dead / revive); certified at
#    T = 1/2 only through inclusion steps, and the box contains BOTH branches (reference from
#    b1[0] = -9/10 +- 1e-30);
#  - no hidden bias, d = 1, x_1 = 2 x_0 (a positive multiple: ONE surface w = 0 for neuron 1):
#    neuron 1 dies at t = 1.3948911681990894924 on both samples at once and stays dead (the
#    combined active-side field -(c_0 x_0 + c_1 x_1) keeps pushing back, decaying but > 0);
#    certified at T = 6; theta(6) from an independent mpmath integration of the two phases
#    (all active, then neuron 1 frozen): w0 = -1.4067905978378883296571256, v0 =
#    -1.1097566337558353413897238, w1 = 0, v1 = 2/5.  (scripts/flow_reference.py does not group
#    positive multiples without a bias and reports a spurious revival at t = 2.93 here.)
#  - certificate edits (new mode of a crossing, kind, pair) resealed: rejected.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
near() {  # near NAME VALUE LO HI: [LO, HI] meets VALUE +- 1e-18 (the reference prints 20 digits)
  if [ -x $PY ] && $PY -c "import sys; from fractions import Fraction as F; v,lo,hi=map(F,sys.argv[1:4]); e=F(1,10**18); sys.exit(0 if lo<=v+e and v-e<=hi else 1)" "$2" "$3" "$4"
  then ok; else bad "$1: $2 not near [$3, $4]"; fi
}
inside() {  # inside NAME VALUE LO HI (exact decimal comparison)
  if [ -x $PY ] && $PY -c "import sys; from fractions import Fraction as F; v,lo,hi=map(F,sys.argv[1:4]); sys.exit(0 if lo<=v<=hi else 1)" "$2" "$3" "$4"
  then ok; else bad "$1: $2 not in [$3, $4]"; fi
}

out=$("$RC" flow data/flow-break-dead-net.json data/flow-break-dead-tie-data.json --time 2 --json --quiet)
expect "tie dead verdict" "$(echo "$out" | jq -r .verdict)" not_unique
expect "tie dead neuron" "$(echo "$out" | jq -r .nonunique.neuron)" 0
near "tie dead onset" 1.1009857627586775665 "$(echo "$out" | jq -r '.nonunique.t[0]')" "$(echo "$out" | jq -r '.nonunique.t[1]')"

out=$("$RC" flow data/flow-nonunique-net.json data/flow-nonunique-data.json --time 2 --weight-decay 1/10 --json --quiet)
expect "wd dead verdict" "$(echo "$out" | jq -r .verdict)" not_unique
near "wd dead onset" 1.3875295503175037745 "$(echo "$out" | jq -r '.nonunique.t[0]')" "$(echo "$out" | jq -r '.nonunique.t[1]')"
expect "wd dead, T before the onset" "$("$RC" flow data/flow-nonunique-net.json data/flow-nonunique-data.json --time 13/10 --weight-decay 1/10 --json --quiet | jq -r .verdict)" certified

out=$("$RC" flow data/flow-break-tie-leaky-net.json data/flow-break-tie-leaky-data.json --time 3 --json --quiet --compare-float)
expect "tie leaky verdict" "$(echo "$out" | jq -r .verdict)" certified
expect "tie leaky crossings" "$(echo "$out" | jq -r .crossings)" 3
expect "tie leaky no slide" "$(echo "$out" | jq -r .sliding_phases)" 0
expect "tie leaky float close" "$(echo "$out" | jq '.compare_float.max_distance < 1e-4')" true

out=$("$RC" flow data/flow-break-onsurface-net.json data/flow-break-onsurface-data.json --time 1/2 --json --quiet)
expect "on-surface verdict" "$(echo "$out" | jq -r .verdict)" certified
expect "on-surface inclusion" "$(echo "$out" | jq '.inclusion_steps > 0')" true
up=(1.1247107292486115077799862 0.4248961734398170633621542 -0.5135488609543927989085603 -0.7614325230570983246889042 0.9763085038509225169369314 0.0473252210996820826720811 -0.8214339362700095270668783 -0.2524184083925455115938835 -0.2144110751329978822943438)
dn=(1 0.4340399594281901637117185 -0.5130778595818106299239618 -0.9 0.9817090273069935406562155 0.0460396887705488170249557 -0.8 -0.2866065258790670883956752 -0.2129989270750939366597406)
for j in 0 1 2 3 4 5 6 7 8; do
  lo=$(echo "$out" | jq -r ".theta[$j][0]"); hi=$(echo "$out" | jq -r ".theta[$j][1]")
  inside "revive branch theta[$j]" "${up[$j]}" "$lo" "$hi"
  inside "dead branch theta[$j]" "${dn[$j]}" "$lo" "$hi"
done

out=$("$RC" flow data/flow-break-tie-multiple-net.json data/flow-break-tie-multiple-data.json --time 6 --json --quiet)
expect "tie multiple verdict" "$(echo "$out" | jq -r .verdict)" certified
expect "tie multiple slide" "$(echo "$out" | jq -r .sliding_phases)" 1
ref=(-1.4067905978378883296571256 0 -1.1097566337558353413897238 0.4)
for j in 0 1 2 3; do
  inside "tie multiple theta[$j]" "${ref[$j]}" "$(echo "$out" | jq -r ".theta[$j][0]")" "$(echo "$out" | jq -r ".theta[$j][1]")"
done

# certificate edits, resealed (FNV-1a 64 of every byte before the digest line)
"$RC" flow data/toy-obstructed.json data/toy-data.json --time 2 --certificate "$tmp/t.cert" --quiet > /dev/null
reseal() { head -n -1 "$1" > "$2.body"; $PY -c "
import sys
b = open(sys.argv[1], 'rb').read(); h = 14695981039346656037
for c in b: h = ((h ^ c) * 1099511628211) & (2**64 - 1)
open(sys.argv[2], 'wb').write(b + b'digest %016x\n' % h)" "$2.body" "$2"; }
if [ -x $PY ]; then
  reseal "$tmp/t.cert" "$tmp/same.cert"
  "$RC" check "$tmp/same.cert" > /dev/null; expect "resealed unchanged accepted" "$?" 0
  # the first crossing enters a slide (new mode 2): claim a transversal crossing instead
  sed '0,/^step cross \([0-9]*\) 2 /s//step cross \1 -1 /' "$tmp/t.cert" > "$tmp/e1"; reseal "$tmp/e1" "$tmp/e1.cert"
  "$RC" check "$tmp/e1.cert" > /dev/null 2>&1; expect "cross newmode edit rejected" "$?" 2
  sed '0,/^step exit /s//step nonunique /' "$tmp/t.cert" > "$tmp/e2"; reseal "$tmp/e2" "$tmp/e2.cert"
  "$RC" check "$tmp/e2.cert" > /dev/null 2>&1; expect "exit -> nonunique rejected" "$?" 2
  sed '0,/^step cross [0-9]* /s//step cross 0 /' "$tmp/t.cert" > "$tmp/e3"; reseal "$tmp/e3" "$tmp/e3.cert"
  "$RC" check "$tmp/e3.cert" > /dev/null 2>&1; expect "cross pair edit rejected" "$?" 2
fi
echo "t-flow-break: $pass passed, $fail failed"
[ $fail -eq 0 ]
