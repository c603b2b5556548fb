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
