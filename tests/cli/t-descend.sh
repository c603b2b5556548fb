#!/usr/bin/env bash
# relucert descend: certified GD on the toy of doc/math.md section 8 (sides kept at a small step,
# a proved sign flip at eta = 3/2, the committed reference data/descend-toy-flip.json), exact
# mode agreeing with balls, an undetermined step refused with where, usage errors (exit 2).
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
NET=data/toy-obstructed.json; DATA=data/toy-data.json

out=$("$RC" descend $NET $DATA --lr 0.1 --steps 30 --json); st=$?
expect "status" "$st" 0
expect "format" "$(echo "$out" | jq -r .format)" "relucert.descend/1"
expect "verdict small lr" "$(echo "$out" | jq -r .verdict)" certified
expect "sides kept" "$(echo "$out" | jq -r .sides_kept)" true
expect "no flip" "$(echo "$out" | jq -r .first_sign_change)" null
expect "identity" "$(echo "$out" | jq -r .identity_consistent)" true
expect "proved through" "$(echo "$out" | jq -c '[.neurons[].proved_through]')" "[30,30]"
# loss at step 0 is exactly 0.6762 (hand computation in tests/descent/t-drift_fmpq.c)
expect "loss0 encloses" "$(echo "$out" | jq -r '(.trajectory[0].loss[0] | tonumber) <= 0.6762 and (.trajectory[0].loss[1] | tonumber) >= 0.6762')" true

# large step: neuron 1's output weight flips at step 1, neuron 0's at step 2 (proved)
out=$("$RC" descend $NET $DATA --lr 3/2 --steps 3 --json)
expect "flip verdict" "$(echo "$out" | jq -r .verdict)" certified
expect "first flip" "$(echo "$out" | jq -c .first_sign_change)" '{"step":1,"neuron":1}'
expect "flip steps" "$(echo "$out" | jq -c '[.neurons[].first_proved_flip]')" "[2,1]"
expect "sides kept flip" "$(echo "$out" | jq -r .sides_kept)" false
ref=data/descend-toy-flip.json
expect "reference file verdict" "$(jq -r .verdict $ref)" certified
expect "reference flip" "$(jq -c .first_sign_change $ref)" '{"step":1,"neuron":1}'
expect "reference reproduced" "$(echo "$out" | jq -c '[.neurons, .first_sign_change, .verdict]')" \
       "$(jq -c '[.neurons, .first_sign_change, .verdict]' $ref)"

# exact mode: the exact iterates lie in the balls
ex=$("$RC" descend $NET $DATA --lr 3/2 --steps 2 --exact --json)
expect "exact verdict" "$(echo "$ex" | jq -r .verdict)" certified
expect "exact arithmetic" "$(echo "$ex" | jq -r .arithmetic)" exact
expect "exact v1 after 1 step" "$("$RC" descend $NET $DATA --lr 3/2 --steps 1 --exact --json | jq -r '.theta[5][0]')" "-81/2000"
bl=$("$RC" descend $NET $DATA --lr 3/2 --steps 2 --json)
for i in 0 1 2 3 4 5; do
  python_ok=$(echo "$ex" "$bl" | jq -s --argjson i $i -r '
     (.[0].theta[$i][0] | split("/") | if length == 2 then (.[0]|tonumber)/(.[1]|tonumber) else (.[0]|tonumber) end) as $x
     | ((.[1].theta[$i][0] | tonumber) <= $x + 1e-15 and (.[1].theta[$i][1] | tonumber) >= $x - 1e-15)')
  expect "ball contains exact theta[$i]" "$python_ok" true
done

# weight decay and bce run (bce on a 0/1 copy of the toy labels)
printf '{"format": "relucert.dataset/1", "X": [["-1"], ["-0.5"], ["0.5"], ["1"]], "y": ["0", "0", "1", "1"]}' > /tmp/rc-descend-bce.json
out=$("$RC" descend $NET /tmp/rc-descend-bce.json --loss bce --lr 0.5 --weight-decay 0.01 --steps 10 --json)
expect "bce verdict" "$(echo "$out" | jq -r .verdict)" certified
"$RC" descend $NET /tmp/rc-descend-bce.json --loss bce --exact --lr 1 --steps 1 >/dev/null 2>&1; expect "bce exact refused" "$?" 2
rm -f /tmp/rc-descend-bce.json

# the step from iterate 1 is not determined: w = 1 - (1/3) 3 = 0, a ball around 0
out=$("$RC" descend data/descend-undetermined-net.json data/descend-undetermined-data.json --lr 1/3 --steps 3 --json)
expect "undetermined verdict" "$(echo "$out" | jq -r .verdict)" not_certified
expect "undetermined where" "$(echo "$out" | jq -c .undetermined)" '{"step":1,"neuron":0,"sample":0}'
out=$("$RC" descend data/descend-undetermined-net.json data/descend-undetermined-data.json --lr 1/3 --steps 3 --exact --json)
expect "exact decides z = 0" "$(echo "$out" | jq -r .verdict)" certified

# exact zero: w x + b = 1 - 1 = 0 at step 0: PyTorch's sigma'(0) = 0 (ReLU); the gradient is 0,
# so z stays exactly 0: listed at steps 0 and 1; --at-zero refuse stops at step 0
zt=$(mktemp -d)
printf '{"format": "relucert.network/1", "activation": "relu", "W1": [["1"]], "b1": ["-1"], "W2": [["1"]]}' > $zt/net.json
printf '{"format": "relucert.dataset/1", "X": [["1"]], "y": ["1/2"]}' > $zt/data.json
out=$("$RC" descend $zt/net.json $zt/data.json --lr 1/2 --steps 2 --json); st=$?
expect "zero status" "$st" 0
expect "zero verdict" "$(echo "$out" | jq -r .verdict)" certified
expect "zero convention" "$(echo "$out" | jq -r .at_zero)" pytorch
expect "zeros listed" "$(echo "$out" | jq -c .exact_zeros)" '[{"step":0,"neuron":0,"sample":0},{"step":1,"neuron":0,"sample":0}]'
expect "zeros total" "$(echo "$out" | jq -r .exact_zeros_total)" 2
"$RC" descend $zt/net.json $zt/data.json --lr 1/2 --steps 2 | grep -q "exact zero pre-activations" && ok || bad "zeros in text"
out=$("$RC" descend $zt/net.json $zt/data.json --lr 1/2 --steps 2 --at-zero refuse --json); st=$?
expect "refuse status" "$st" 0
expect "refuse verdict" "$(echo "$out" | jq -r .verdict)" not_certified
expect "refuse where" "$(echo "$out" | jq -c .undetermined)" '{"step":0,"neuron":0,"sample":0,"exact_zero":true}'
expect "refuse steps" "$(echo "$out" | jq -r .steps_done)" 0
ex=$("$RC" descend $zt/net.json $zt/data.json --lr 1/2 --steps 2 --exact --json)
expect "exact mode same zeros" "$(echo "$ex" | jq -c .exact_zeros)" '[{"step":0,"neuron":0,"sample":0},{"step":1,"neuron":0,"sample":0}]'
# leaky ReLU a = 1/4: sigma'(0) = a, theta1 = (9/8, -7/8, 1) exactly, then z = 1/4 > 0
printf '{"format": "relucert.network/1", "activation": {"leaky_relu": "1/4"}, "W1": [["1"]], "b1": ["-1"], "W2": [["1"]]}' > $zt/leaky.json
ex=$("$RC" descend $zt/leaky.json $zt/data.json --lr 1/2 --steps 1 --exact --json)
expect "leaky convention step" "$(echo "$ex" | jq -c '[.theta[][0]]')" '["9/8","-7/8","1"]'
expect "leaky one zero" "$(echo "$ex" | jq -r .exact_zeros_total)" 1
"$RC" descend $zt/net.json $zt/data.json --lr 1 --steps 1 --at-zero maybe >/dev/null 2>&1; expect "bad at-zero" "$?" 2
rm -rf $zt

# usage
"$RC" descend --help | grep -q "usage: relucert descend" && ok || bad "help"
"$RC" descend $NET $DATA --steps 3 >/dev/null 2>&1; expect "no lr" "$?" 2
"$RC" descend $NET $DATA --lr 0 --steps 3 >/dev/null 2>&1; expect "lr 0" "$?" 2
"$RC" descend $NET $DATA --lr abc --steps 3 >/dev/null 2>&1; expect "lr abc" "$?" 2
"$RC" descend $NET $DATA --lr 1 >/dev/null 2>&1; expect "no steps" "$?" 2
"$RC" descend $NET $DATA --lr 1 --steps 2 --loss hinge >/dev/null 2>&1; expect "bad loss" "$?" 2
"$RC" descend $NET data/nonexistent.json --lr 1 --steps 2 >/dev/null 2>&1; expect "missing data" "$?" 2
msg=$("$RC" descend $NET data/nonexistent.json --lr 1 --steps 2 2>&1 >/dev/null)
expect "one line" "$(echo "$msg" | wc -l)" 1

# a CSV with two output columns for a network with two outputs (the last e columns are y)
t2=$(mktemp -d)
printf 'x1,x2,y1,y2\n1,0,1,0\n0,1,0,1\n' > "$t2/e2.csv"
echo '{"W1": [[1, 0], [0, 1]], "b1": [0, 0], "W2": [[1, 0], [0, 1]]}' > "$t2/e2net.json"
"$RC" descend "$t2/e2net.json" "$t2/e2.csv" --lr 1/10 --steps 1 --exact --json > "$t2/o.json" 2>/dev/null
expect "two-output CSV read with e = 2" "$?" 0
rm -rf "$t2"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
