#!/usr/bin/env bash
# relucert replay on constructed logs with known answers (data/logs, written by
# examples/pytorch/make_test_logs.py): a planted sign flip at step 2 (stacked .npz and directory
# give the same answers), an exact-rational GD log whose identity residual is exactly 0, exact
# levels, CSV table, momentum/Adam mode, malformed logs refused with one line and exit 2.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
DATA=data/toy-data.json
tmp=$(mktemp -d)

out=$("$RC" replay data/logs/planted-flip-log.npz $DATA --lr 1/8 --json); st=$?
expect "status" "$st" 0
expect "format" "$(echo "$out" | jq -r .format)" "relucert.replay/1"
expect "steps" "$(echo "$out" | jq -r .steps)" 3
expect "first flip" "$(echo "$out" | jq -c .first_sign_change)" '{"step":2,"neuron":1}'
expect "left" "$(echo "$out" | jq -c .left_component)" '{"step":2,"neuron":1}'
expect "stays" "$(echo "$out" | jq -r .stays_on_component)" false
# by hand: c_0 = 1/16 + 1/64 - 9/16 = -31/64; c_1 = 1/4 + 1/64 - 25/64 = -1/8; at step 3 v_1 = -3/4:
# c_1 = 1/4 + 1/64 - 36/64 = -19/64
expect "levels" "$(echo "$out" | jq -c '[.neurons[] | [.c0, .c_last]]')" '[["-31/64","-31/64"],["-1/8","-19/64"]]'
expect "sides" "$(echo "$out" | jq -c '[.neurons[] | [.side, .side_last]]')" '[["+",1],["+",-1]]'
expect "no level sign change" "$(echo "$out" | jq -r .first_level_sign_change)" null
# largest observed drift: step 2, neuron 1: (-25/64 + 81/256 ... ) |c(2) - c(1)| = |(0.5625^2) - (0.625^2)| = 0.07421875
# and step 1: |0.625^2 - 0.5625^2| = 0.07421875; step 3: 0.75^2 - 0.625^2 = 0.171875
expect "max drift" "$(echo "$out" | jq -r .max_abs_observed_drift)" "1.71875e-1"
dir=$("$RC" replay data/logs/planted-flip-dir $DATA --lr 1/8 --json)
expect "dir = stacked" "$(echo "$dir" | jq -c '[.first_sign_change, .left_component, .neurons, .max_identity_residual]')" \
       "$(echo "$out" | jq -c '[.first_sign_change, .left_component, .neurons, .max_identity_residual]')"

# exact GD log: every iterate is exactly a double, so observed = predicted exactly
# (Arb gradients at 128 bits: the enclosure is exactly 0; the default double-ball gradients:
# an enclosure of 0 narrower than 1e-15, the drifts being about 1e-2)
out=$("$RC" replay data/logs/exact-gd-log.npz $DATA --lr 0.125 --no-fast --json)
expect "exact residual" "$(echo "$out" | jq -c .max_identity_residual_enclosure)" '["0","0"]'
fast=$("$RC" replay data/logs/exact-gd-log.npz $DATA --lr 0.125 --json)
expect "exact residual fast lo" "$(echo "$fast" | jq -r '.max_identity_residual_enclosure[0]')" 0
expect "exact residual fast hi" "$(echo "$fast" | jq -r '.max_identity_residual_enclosure[1] | tonumber < 1e-15')" true
expect "exact stays" "$(echo "$out" | jq -r .stays_on_component)" true
# a wrong learning rate is seen as a residual
out=$("$RC" replay data/logs/exact-gd-log.npz $DATA --lr 0.1 --json)
expect "wrong lr residual > 0" "$(echo "$out" | jq -r '.max_identity_residual_enclosure[0] | tonumber > 0')" true

# CSV: header + (S+1) l rows; exact levels
"$RC" replay data/logs/planted-flip-log.npz $DATA --lr 1/8 --csv $tmp/t.csv >/dev/null
expect "csv rows" "$(wc -l < $tmp/t.csv)" 9
expect "csv header" "$(head -1 $tmp/t.csv | cut -d, -f1-5)" "step,neuron,level,level_approx,observed_drift"
expect "csv row" "$(grep '^3,1,' $tmp/t.csv | cut -d, -f3,5,11,12)" "-19/64,-11/64,-1,0"

# momentum / adam: no identity
out=$("$RC" replay data/logs/planted-flip-log.npz $DATA --optimizer momentum --json)
expect "momentum identity" "$(echo "$out" | jq -r .identity)" null
expect "momentum residual" "$(echo "$out" | jq -r .max_identity_residual)" null
expect "momentum flip" "$(echo "$out" | jq -c .first_sign_change)" '{"step":2,"neuron":1}'
"$RC" replay data/logs/planted-flip-log.npz $DATA --optimizer adam | grep -q "no drift identity applies" && ok || bad "adam text"

# --no-identity: levels and signs only, no lr needed
out=$("$RC" replay data/logs/planted-flip-log.npz $DATA --no-identity --json)
expect "no-identity checked" "$(echo "$out" | jq -r .identity_checked)" false
expect "no-identity residual" "$(echo "$out" | jq -r .max_identity_residual)" null
expect "no-identity flip" "$(echo "$out" | jq -c .first_sign_change)" '{"step":2,"neuron":1}'
expect "identity checked" "$("$RC" replay data/logs/planted-flip-log.npz $DATA --lr 1/8 --json | jq -r .identity_checked)" true

# plot (only when matplotlib is there)
if /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
  "$RC" replay data/logs/planted-flip-log.npz $DATA --lr 1/8 --plot $tmp/p.png >/dev/null; expect "plot status" "$?" 0
  [ -s $tmp/p.png ] && ok || bad "plot file"
else
  echo "skip: plot (python3-matplotlib missing)"
fi

# malformed logs: exit 2, one line naming the file and the array
check_bad() { # FILE PATTERN
  msg=$("$RC" replay "$1" $DATA --lr 1 2>&1 >/dev/null); st=$?
  expect "$1 status" "$st" 2
  expect "$1 one line" "$(echo "$msg" | wc -l)" 1
  echo "$msg" | grep -q -- "$2" && ok || bad "$1 message [$msg] lacks [$2]"
}
check_bad data/logs/bad-missing-W2.npz "W2: missing"
check_bad data/logs/bad-nan.npz "W2\[2\]\[0\]\[1\]: not a number (NaN)"
check_bad data/logs/bad-mismatched-l.npz "b1: shape (4,1)"
check_bad data/logs/bad-2d-W1.npz "W1: shape (4,2)"
check_bad data/logs/bad-steps-W2.npz "W2: shape (3,1,2)"
check_bad data/logs/bad-shape-dir "step-0002.npz: shape"
check_bad data/logs/nonexistent.npz "cannot open"
mkdir -p $tmp/empty; check_bad $tmp/empty "no .npz snapshots"
msg=$("$RC" replay data/logs/planted-flip-log.npz data/toy-data.json 2>&1 >/dev/null); expect "sgd needs lr" "$?" 2
"$RC" replay data/logs/planted-flip-log.npz data/toy-data.json --lr 1 --optimizer rmsprop >/dev/null 2>&1; expect "bad optimizer" "$?" 2
printf '{"format": "relucert.dataset/1", "X": [["1", "2"]], "y": ["1"]}' > $tmp/d2.json
"$RC" replay data/logs/planted-flip-log.npz $tmp/d2.json --lr 1 >/dev/null 2>&1; expect "data dims" "$?" 2
# checkpoint folders: numeric order of the step number, names recorded, ambiguous names refused
expect "dir first/last" "$(echo "$dir" | jq -c '[.first_file, .last_file]')" '["step-0000.npz","step-0003.npz"]'
mkdir -p $tmp/unpadded
for k in 0 1 2 3; do cp data/logs/planted-flip-dir/step-000$k.npz $tmp/unpadded/step_$k.npz; done
out=$("$RC" replay $tmp/unpadded $DATA --lr 1/8 --json)
expect "unpadded same answer" "$(echo "$out" | jq -c '[.steps, .first_sign_change, .neurons]')" \
       "$(echo "$dir" | jq -c '[.steps, .first_sign_change, .neurons]')"
expect "unpadded first/last" "$(echo "$out" | jq -c '[.first_file, .last_file]')" '["step_0.npz","step_3.npz"]'
"$RC" replay $tmp/unpadded $DATA --lr 1/8 | grep -q "snapshots: 4 files, step_0.npz ... step_3.npz (numeric order)" && ok || bad "dir text"
cp data/logs/planted-flip-dir/step-0001.npz $tmp/unpadded/step_01.npz
msg=$("$RC" replay $tmp/unpadded $DATA --lr 1/8 2>&1 >/dev/null); st=$?
expect "duplicate step number refused" "$st" 2
expect "duplicate names both" "$(echo "$msg" | grep -c 'step_01.npz' | tr -d ' ')$(echo "$msg" | grep -c 'step_1.npz')" 11
expect "one line" "$(echo "$msg" | wc -l | tr -d ' ')" 1
rm $tmp/unpadded/step_01.npz
cp data/logs/planted-flip-dir/step-0001.npz $tmp/unpadded/ckpt_4.npz
"$RC" replay $tmp/unpadded $DATA --lr 1/8 >/dev/null 2>&1; expect "mixed prefixes refused" "$?" 2
rm $tmp/unpadded/ckpt_4.npz; rm $tmp/unpadded/step_2.npz
"$RC" replay $tmp/unpadded $DATA --lr 1/8 >/dev/null 2>&1; expect "gap refused" "$?" 2
"$RC" replay --help | grep -q "usage: relucert replay" && ok || bad "help"

rm -rf "$tmp"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
