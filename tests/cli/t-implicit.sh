#!/usr/bin/env bash
# CLI contract of relucert implicit: the toy of doc/implicit.md (exact equilibria by hand),
# gamma ||A||_2 = 1 exactly (not well-posed) and 1 - 10^-30 (well-posed), a duplicated sample
# (exact zero lambda_min), JSON keys, exit status 2 with one line on bad input, and replay of the
# committed training log.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$("$RC" implicit data/implicit-toy-net.json data/implicit-toy-data.json --json); st=$?
expect "toy status" "$st" 0
expect "format" "$(echo "$out" | jq -r .format)" "relucert.implicit/1"
expect "well_posed" "$(echo "$out" | jq -r .well_posed)" true
expect "z sample 2" "$(echo "$out" | jq -c '.equilibria[2].z')" '["1/15","4/15"]'
expect "outputs" "$(echo "$out" | jq -c '[.equilibria[].output[0]]')" '["1","5/4","1/3","1/2"]'
expect "all exact" "$(echo "$out" | jq -c '[.equilibria[].exact] | all')" true
expect "gram N > m" "$(echo "$out" | jq -c .gram_lambda_min)" '["0","0"]'
expect "norm encloses 1/4" "$(echo "$out" | jq -r '(.norm_bound[0]|tonumber) <= 0.25 and (.norm_bound[1]|tonumber) >= 0.25')" true
expect "hypotheses" "$(echo "$out" | jq -r '.hypotheses | length')" 5
# loss = (1/2) ((1/4)^2 + (1/3)^2) = 25/288, exactly
expect "exact loss" "$(echo "$out" | jq -r .loss_exact)" "25/288"
"$RC" implicit data/implicit-toy-net.json data/implicit-toy-data.json | grep -q "well-posed (gamma ||A||_2 < 1): PROVED" && ok || bad "text"
"$RC" implicit --help | grep -q "usage: relucert implicit" && ok || bad "help"

# two samples: lambda_min of diag(1, 25/16) is 1 exactly
echo '{"X": [["1"], ["-1"]], "y": ["1", "1"]}' > "$tmp/d2.json"
out=$("$RC" implicit data/implicit-toy-net.json "$tmp/d2.json" --json)
expect "gram PD" "$(echo "$out" | jq -r .gram_exact)" positive_definite
expect "gram encloses 1" "$(echo "$out" | jq -r '(.gram_lambda_min[0]|tonumber) <= 1 and (.gram_lambda_min[1]|tonumber) >= 1 and (.gram_lambda_min[0]|tonumber) > 0')" true
# the certified float route (exact route off): balls and a Gram enclosure containing the exact values
out=$("$RC" implicit data/implicit-toy-net.json "$tmp/d2.json" --exact-max 0 --json)
expect "balls" "$(echo "$out" | jq -c '[.equilibria[].exact]')" '[false,false]'
expect "ball z encloses 5/4" "$(echo "$out" | jq -r '(.equilibria[1].z[1][0]|tonumber) <= 1.25 and (.equilibria[1].z[1][1]|tonumber) >= 1.25')" true
expect "ball output encloses 5/4" "$(echo "$out" | jq -r '(.equilibria[1].output[0][0]|tonumber) <= 1.25 and (.equilibria[1].output[0][1]|tonumber) >= 1.25')" true
expect "ball gram encloses 1" "$(echo "$out" | jq -r '(.gram_lambda_min[0]|tonumber) <= 1 and (.gram_lambda_min[1]|tonumber) >= 1 and (.gram_lambda_min[0]|tonumber) > 0.99')" true
# duplicated sample: an exact zero
echo '{"X": [["1"], ["1"]], "y": ["1", "1"]}' > "$tmp/dup.json"
out=$("$RC" implicit data/implicit-toy-net.json "$tmp/dup.json" --json)
expect "dup gram" "$(echo "$out" | jq -c .gram_lambda_min)" '["0","0"]'
expect "dup singular" "$(echo "$out" | jq -r .gram_exact)" singular

# the boundary: gamma ||A||_2 = 1 exactly, and 1 - 10^-30
rot='"A": [["3/5", "4/5"], ["-4/5", "3/5"]], "W": [["1"], ["1"]], "U": [["1", "0"]]'
echo "{\"gamma\": \"1\", $rot}" > "$tmp/one.json"
echo "{\"gamma\": \"0.999999999999999999999999999999\", $rot}" > "$tmp/almost.json"
out=$("$RC" implicit "$tmp/one.json" "$tmp/d2.json" --json)
expect "norm 1 not well-posed" "$(echo "$out" | jq -c '[.well_posed, .well_posed_decided, .norm_exactly_one]')" '[false,true,true]'
expect "norm 1 bound" "$(echo "$out" | jq -c .norm_bound)" '["1","1"]'
expect "norm 1 unique not claimed" "$(echo "$out" | jq -r .unique)" null
out=$("$RC" implicit "$tmp/almost.json" "$tmp/d2.json" --json)
expect "1 - 1e-30 well-posed" "$(echo "$out" | jq -c '[.well_posed, .well_posed_decided]')" '[true,true]'
# the exact route off: not decided, never claimed
out=$("$RC" implicit "$tmp/almost.json" "$tmp/d2.json" --exact-max 0 --json)
expect "no exact: undecided" "$(echo "$out" | jq -c '[.well_posed, .well_posed_decided]')" '[false,false]'
# z = relu(2z - 1): two equilibria, uniqueness refuted
echo '{"gamma": 2, "A": [[1]], "W": [[0]], "b": [-1], "U": [[1]]}' > "$tmp/two.json"
out=$("$RC" implicit "$tmp/two.json" "$tmp/d2.json" --json)
expect "two equilibria" "$(echo "$out" | jq -c '[.unique, .equilibria[0].second_equilibrium]')" '[false,true]'

# rho(gamma |A|) < 1 while gamma ||A||_2 = 2: unique; exact equilibria, and boxes without the exact route
echo '{"gamma": 1, "A": [[0, 2], [0, 0]], "W": [[1], [-1]], "b": ["1/3", "1/2"], "U": [[1, 1]]}' > "$tmp/nil.json"
echo '{"X": [["1"], ["-1"]], "y": ["1", "1"]}' > "$tmp/d4.json"
out=$("$RC" implicit "$tmp/nil.json" "$tmp/d4.json" --json)
expect "rho holds" "$(echo "$out" | jq -c '[.well_posed, .well_posed_decided, .other_conditions[0].holds, .unique]')" '[false,true,true,true]'
expect "rho exact z" "$(echo "$out" | jq -c '[.equilibria[].z]')" '[["4/3","0"],["7/3","3/2"]]'
out=$("$RC" implicit "$tmp/nil.json" "$tmp/d4.json" --exact-max 0 --json)
expect "rho boxes" "$(echo "$out" | jq -r '(.equilibria[1].z[1][0]|tonumber) <= 1.5 and (.equilibria[1].z[1][1]|tonumber) >= 1.5 and .equilibria[0].z[1][0] == "0" and (.equilibria[1].output[0][0]|tonumber) <= 23/6 and (.equilibria[1].output[0][1]|tonumber) >= 23/6')" true
expect "rho gram" "$(echo "$out" | jq -r '(.gram_lambda_min[0]|tonumber) > 0')" true

# bad input: status 2, one line naming file and field
badcase() { # NAME JSON NEEDLE
  echo "$2" > "$tmp/bad.json"
  "$RC" implicit "$tmp/bad.json" "$tmp/d2.json" >/dev/null 2>"$tmp/err"; st=$?
  expect "$1 status" "$st" 2
  expect "$1 one line" "$(wc -l < "$tmp/err")" 1
  grep -q "bad.json: $3" "$tmp/err" && ok || bad "$1 message: $(cat "$tmp/err")"
}
badcase "non-square" '{"gamma": 1, "A": [[1, 2]], "W": [[1]], "U": [[1]]}' "A: has 1 rows and 2 columns"
badcase "nan" '{"gamma": 1, "A": [["NaN"]], "W": [[1]], "U": [[1]]}' 'A\[0\]\[0\]: not a number'
badcase "dims" '{"gamma": 1, "A": [[1]], "W": [[1], [1]], "U": [[1]]}' "W: has 2 rows"
badcase "gamma" '{"A": [[1]], "W": [[1]], "U": [[1]]}' "gamma: missing"
echo '{"X": [["1", "2"]], "y": ["1"]}' > "$tmp/d3.json"
"$RC" implicit data/implicit-toy-net.json "$tmp/d3.json" >/dev/null 2>"$tmp/err"; st=$?
expect "data dims status" "$st" 2
grep -q "d3.json: X: inputs have 2 coordinates" "$tmp/err" && ok || bad "data dims message: $(cat "$tmp/err")"
"$RC" implicit data/implicit-toy-net.json >/dev/null 2>&1; expect "missing DATA" "$?" 2
"$RC" implicit --bogus >/dev/null 2>&1; expect "unknown option" "$?" 2

# replay of the committed log (examples/pytorch/implicit_train.py, m = 16, N = 8, 61 snapshots)
out=$("$RC" implicit replay data/logs/implicit-log.npz data/implicit-train-data.json --lr 0.01 --json); st=$?
expect "replay status" "$st" 0
expect "replay format" "$(echo "$out" | jq -r .format)" relucert.implicit-replay/1
expect "replay steps" "$(echo "$out" | jq -r .steps)" 61
expect "replay wp" "$(echo "$out" | jq -r .steps_well_posed)" 61
expect "replay lambda" "$(echo "$out" | jq -r .steps_lambda_positive)" 61
# the logged losses came from a float Picard solver stopped at tolerance 1e-6: near the
# certified loss, but not inside its (tight) enclosure
expect "replay loss near log" "$(echo "$out" | jq -r '[.snapshots[] | (((.loss[0]|tonumber) - .logged_loss) | fabs) < 1e-5] | all')" true
expect "replay log not exact" "$(echo "$out" | jq -r '[.snapshots[] | ((.loss[0]|tonumber) <= .logged_loss and .logged_loss <= (.loss[1]|tonumber))] | all')" false
"$RC" implicit replay data/logs/implicit-log.npz data/implicit-train-data.json >/dev/null 2>&1
expect "replay needs lr" "$?" 2
"$RC" implicit replay data/logs/cancer-log.npz data/implicit-train-data.json --lr 0.1 >/dev/null 2>"$tmp/err"
expect "replay wrong log" "$?" 2
expect "replay wrong log one line" "$(wc -l < "$tmp/err")" 1

# a log with a zero loss (step 0) and a snapshot without equilibrium (step 2, gamma A = 2 I):
# the ratios L(t+1)/L(t) are undefined there and must be JSON null, not inf/nan
echo '{"X": [["1"]], "y": ["2"]}' > "$tmp/rz.json"
out=$("$RC" implicit replay tests/implicit/replay-zero-loss.npz "$tmp/rz.json" --lr 0.1 --json); st=$?
expect "replay zero loss status" "$st" 0
expect "replay zero loss valid JSON" "$(echo "$out" | jq -c '[.snapshots[] | .observed_ratio]' 2>&1)" '[null,null,null]'
expect "replay zero loss losses" "$(echo "$out" | jq -c '[.snapshots[] | .loss]')" '[["0","0"],["1/8","1/8"],null]'

# a bias of the wrong shape: the message gives the expected shape (T, m) = (2, 2)
"$RC" implicit replay tests/implicit/replay-bad-b.npz "$tmp/rz.json" --lr 0.1 >/dev/null 2>"$tmp/err"
expect "replay bad b status" "$?" 2
expect "replay bad b message" "$(sed 's/.*replay-bad-b.npz: //' "$tmp/err")" "b: shape mismatch (expected (2, 2))"

# the PyTorch client (skipped, with a message, when Debian's python3-torch is missing)
if /usr/bin/python3 -c "import torch, numpy" 2>/dev/null; then
  out=$(/usr/bin/python3 examples/pytorch/implicit_train.py --out "$tmp/py" --steps 10 --relucert "$RC"); st=$?
  expect "pytorch status" "$st" 0
  echo "$out" | grep -q "8 of 8 exact" && ok || bad "pytorch exact equilibria: $out"
  echo "$out" | grep -q "well-posed certified at 11" && ok || bad "pytorch replay: $out"
  /usr/bin/python3 examples/pytorch/implicit_train.py --check-grad >/dev/null && ok || bad "pytorch implicit backward vs finite differences"
  echo "$out" | grep -Eq "true max error \|z_float - z_exact\| = [0-9.]+e-0[6-9]" && ok || bad "pytorch solver error: $out"
else
  echo "SKIP: /usr/bin/python3 has no torch; the PyTorch example was not run"
fi

# --lr is an exact rational as spelled (1/100 = 0.01): same output; 0 and -1/2 refused
a=$("$RC" implicit replay data/logs/implicit-log.npz data/implicit-train-data.json --lr 1/100 --json)
b=$("$RC" implicit replay data/logs/implicit-log.npz data/implicit-train-data.json --lr 0.01 --json)
expect "replay --lr 1/100 = --lr 0.01" "$a" "$b"
expect "replay --lr 0.01 printed as the nearest double" "$(echo "$b" | jq -c .lr)" "0.01"
for bad in 0 -1/2 1/0 abc; do
  "$RC" implicit replay data/logs/implicit-log.npz data/implicit-train-data.json --lr "$bad" > /dev/null 2>&1
  expect "replay --lr $bad refused" "$?" 2
done

# resource limit: exact routes skipped (and said) when gamma, A and X exceed 2^23 bits; a
# 64 x 64 A with 1000-digit denominators ran for more than 9 minutes before
big=$(mktemp -d)
/usr/bin/python3 -c '
import json, random
random.seed(1); m = 64; den = 10**1000 + 7
A = [[f"{random.randint(1, 10**6)}/{den}" for j in range(m)] for i in range(m)]
json.dump({"format": "relucert.implicit-network/1", "gamma": "1", "A": A,
           "W": [["1"] for _ in range(m)], "U": [["1"] * m]}, open("'"$big"'/net.json", "w"))
json.dump({"format": "relucert.dataset/1", "X": [["1"], ["2"]], "y": [["0"], ["1"]]},
          open("'"$big"'/data.json", "w"))'
out=$(timeout 60 "$RC" implicit "$big/net.json" "$big/data.json" --json); st=$?
expect "big entries: exit" "$st" 0
expect "big entries: exact routes skipped" "$(echo "$out" | jq -r '.exact_routes' | cut -c1-8)" "skipped:"
expect "big entries: still proved by the float routes" "$(echo "$out" | jq -c '[.well_posed, .unique, .equilibria_found]')" "[true,true,2]"
expect "toy: exact routes ran" "$("$RC" implicit data/implicit-toy-net.json data/implicit-toy-data.json --json | jq -c .exact_routes)" "null"
rm -rf "$big"

echo "implicit CLI: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
