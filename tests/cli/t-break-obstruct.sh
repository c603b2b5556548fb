#!/usr/bin/env bash
# Breaker tests of relucert obstruct: certified component lower bounds against minimization of
# the loss over the component itself (tests/ref/fuzz_obstruct.py: the component parameterized
# exactly on H(c) -- v = s sqrt(|w|^2 - c) for pathological neurons, |w| = sqrt(c + v^2) for
# c > 0, the double cone for c = 0 -- 40 random restarts; a loss found below the bound is a bug),
# levels exactly 0 and +-10^-30; witness losses recomputed exactly; certificates accepted and
# their tamperings (mu, bound, witness loss, verdict, data, network) rejected or still true
# (tests/ref/obstruct_cert_ref.py); and a relaxation bound computed by hand.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# d' = 1 (no hidden bias): w = 2, v = 1 (c > 0, side +); w = -1, v = 1/2 (c > 0, side -);
# w = 1/2, v = 3 (pathological +).  The component realizes a s(x) + b s(-x), a, b real, so the
# minimum is least squares on each side of 0: x < 0: (2b - 1)^2 + (b + 1)^2 at b = 1/5 is 9/5;
# x > 0: 4 + 1/4 + 1 - 4^2/14 = 115/28; (9/5 + 115/28)/5 = 827/700 (by hand).
cat > "$tmp/n.json" <<'J'
{"W1": [["2"],["-1"],["1/2"]], "W2": [["1","1/2","3"]]}
J
cat > "$tmp/d.json" <<'J'
{"X": [["-2"],["-1"],["1"],["2"],["3"]], "y": ["1","-1","2","-1/2","1"]}
J
expect "hand relaxation bound" "$("$RC" obstruct "$tmp/n.json" "$tmp/d.json" --json --no-auto-witness | jq -c .component_lower_bound)" '["827/700","827/700"]'
# a witness at exactly that loss: a = 2/7, b = 1/5 on the same architecture (not the component:
# its third neuron is dead); bound == witness loss must NOT be "obstructed" (strict inequality)
cat > "$tmp/w.json" <<'J'
{"W1": [["1"],["-1"],["0"]], "W2": [["2/7","1/5","0"]]}
J
o=$("$RC" obstruct "$tmp/n.json" "$tmp/d.json" --witness "$tmp/w.json" --json)
expect "witness loss equal to the bound" "$(echo "$o" | jq -r '.witness_loss + " " + .verdict')" "827/700 not_proved"

# the toy certificate: each alteration must be REJECTED (witness of another architecture, no
# witness, a wrong witness loss, leaky ReLU (the sign dual point is not feasible there), another
# component, a sample added, a weaker claimed bound, a neuron moved to a positive level)
if command -v python3 > /dev/null; then
  "$RC" obstruct data/toy-obstructed.json data/toy-data.json --witness data/toy-teacher.json --certificate "$tmp/toy.cert" > /dev/null
  python3 - "$tmp" <<'PY'
import copy, json, sys
tmp = sys.argv[1]
base = json.load(open(tmp + "/toy.cert"))
alts = []
c = copy.deepcopy(base); c["witness"]["W1"].append(["1"]); c["witness"]["b1"].append("0"); c["witness"]["W2"][0].append("0"); alts.append(c)
c = copy.deepcopy(base); c["witness"]["b2"] = ["0"]; alts.append(c)
c = copy.deepcopy(base); c["witness"]["activation"] = {"leaky_relu": "1/2"}; alts.append(c)
c = copy.deepcopy(base); del c["witness"]["b1"]; alts.append(c)
c = copy.deepcopy(base); c["witness"] = None; alts.append(c)
c = copy.deepcopy(base); c["witness_loss"] = None; alts.append(c)
c = copy.deepcopy(base); c["witness_loss"] = "1/10"; alts.append(c)
c = copy.deepcopy(base); c["network"]["activation"] = {"leaky_relu": "1/100"}; c["witness"]["activation"] = {"leaky_relu": "1/100"}; alts.append(c)
c = copy.deepcopy(base); c["network"]["b2"] = ["0"]; c["witness"]["b2"] = ["0"]; alts.append(c)
c = copy.deepcopy(base); c["network"]["W2"] = [["4/5", "-3/5"]]; alts.append(c)
c = copy.deepcopy(base); c["network"]["W2"] = [["1/5", "3/5"]]; alts.append(c)
c = copy.deepcopy(base); c["data"]["X"].append(["2"]); c["data"]["y"].append(["-5"]); alts.append(c)
c = copy.deepcopy(base); c["mu"].append(["-1"]); alts.append(c)
c = copy.deepcopy(base); c["lower_bound"] = "1/4"; alts.append(c)
c = copy.deepcopy(base); c["lower_bound"] = "5/16"; c["mu"][0] = ["-2"]; alts.append(c)
c = copy.deepcopy(base); c["loss"] = "bce"; alts.append(c)
for i, c in enumerate(alts):
    json.dump(c, open("%s/ob-tam-%02d.json" % (tmp, i), "w"))
PY
  rej=0; n=0; acc=""
  for f in "$tmp"/ob-tam-*.json; do
    n=$((n+1)); "$RC" check "$f" > /dev/null 2>&1; s=$?
    if [ $s -eq 2 ]; then rej=$((rej+1)); else acc="$acc $(basename "$f"):$s"; fi
  done
  expect "toy certificate alterations rejected ($n)" "$rej$acc" "$n"
fi

if command -v /usr/bin/python3 > /dev/null && /usr/bin/python3 -c 'import numpy, scipy' 2> /dev/null; then
  out=$(/usr/bin/python3 tests/ref/fuzz_obstruct.py "$RC" 12 7 "$tmp" 2>&1); st=$?
  expect "fuzz_obstruct seed 7 (${out##*summary })" "$st" 0
  [ $st -ne 0 ] && echo "$out" | grep -v '^summary' | head -20
else
  echo "t-break-obstruct: numpy/scipy missing, bound-vs-minimization part skipped"
fi
if command -v /usr/bin/python3 > /dev/null; then
  out=$(/usr/bin/python3 tests/ref/obstruct_cert_ref.py "$RC" 10 7 "$tmp" 2>&1); st=$?
  expect "obstruct_cert_ref seed 7 (${out##*summary })" "$st" 0
  [ $st -ne 0 ] && echo "$out" | grep -v '^summary' | head -20
fi

echo "t-break-obstruct: $pass passed, $fail failed"
[ $fail -eq 0 ]
