#!/usr/bin/env bash
# The PyTorch client: examples/pytorch/train_log.py trains the toy of doc/math.md section 8 (obstructed
# start, plain GD in float32) and a breast-cancer classifier (BCE), writes stacked logs, and
# relucert replays them: the toy's obstructed run stays on its component at every logged step,
# the drift identity residual (float rounding) is small and nonzero, a momentum run is reported
# as measured only.  Also replays the committed logs of data/logs (no torch needed for those).
# Skips the training part (with a message) only when PyTorch is missing.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
PY=/usr/bin/python3
tmp=$(mktemp -d)

check_toy() { # LOG DATA
  out=$("$RC" replay "$1" "$2" --lr 0.125 --json); st=$?
  expect "toy status" "$st" 0
  expect "toy steps" "$(echo "$out" | jq -r .steps)" 200
  expect "toy disconnected" "$(echo "$out" | jq -r .disconnected_neurons)" 2
  expect "toy stays on component" "$(echo "$out" | jq -r .stays_on_component)" true
  expect "toy no flip" "$(echo "$out" | jq -r .first_sign_change)" null
  expect "toy residual small" "$(echo "$out" | jq -r '.max_identity_residual | tonumber < 1e-5')" true
  # the obstruction: the loss stays above 5/16 (doc/math.md section 8)
  expect "toy loss above 5/16" "$(echo "$out" | jq -r '.loss_last[0] | tonumber >= 0.3125')" true
}
check_cancer() { # LOG DATA
  out=$("$RC" replay "$1" "$2" --lr 0.25 --loss bce --json); st=$?
  expect "cancer status" "$st" 0
  expect "cancer dims" "$(echo "$out" | jq -c '[.input_dim, .hidden, .output_dim]')" "[30,8,1]"
  expect "cancer residual small" "$(echo "$out" | jq -r '.max_identity_residual | tonumber < 1e-4')" true
  expect "cancer loss decreased" "$(echo "$out" | jq -r '(.loss_last[1] | tonumber) < (.loss_first[0] | tonumber)')" true
}

# committed logs (written by the same script; see data/logs/README.md)
check_toy data/logs/toy-obstructed-log.npz data/logs/toy-obstructed-data.npz
check_cancer data/logs/cancer-log.npz data/logs/cancer-data.npz

if ! $PY -c "import torch, sklearn, numpy" 2>/dev/null; then
  echo "skip: PyTorch/sklearn/numpy missing for $PY (apt-get install -y python3-torch python3-sklearn python3-numpy)"
else
  $PY examples/pytorch/train_log.py --task toy-obstructed --steps 200 --out $tmp >/dev/null; expect "train toy" "$?" 0
  check_toy $tmp/toy-obstructed-log.npz $tmp/toy-obstructed-data.npz
  $PY examples/pytorch/train_log.py --task cancer --steps 100 --out $tmp >/dev/null; expect "train cancer" "$?" 0
  check_cancer $tmp/cancer-log.npz $tmp/cancer-data.npz
  # PyTorch SGD weight_decay is the decoupled-decay map of D1: small residual with the right
  # lambda, a large one without it
  $PY examples/pytorch/train_log.py --task toy-unobstructed --weight-decay 0.0625 --steps 100 --out $tmp/wd >/dev/null
  out=$("$RC" replay $tmp/wd/toy-unobstructed-log.npz $tmp/wd/toy-unobstructed-data.npz --lr 0.125 --weight-decay 0.0625 --json)
  expect "wd residual small" "$(echo "$out" | jq -r '.max_identity_residual | tonumber < 1e-5')" true
  out=$("$RC" replay $tmp/wd/toy-unobstructed-log.npz $tmp/wd/toy-unobstructed-data.npz --lr 0.125 --json)
  expect "wd ignored: residual large" "$(echo "$out" | jq -r '.max_identity_residual_enclosure[0] | tonumber > 1e-4')" true
  $PY examples/pytorch/train_log.py --task toy-unobstructed --optimizer momentum --lr 0.05 --steps 100 --out $tmp >/dev/null
  out=$("$RC" replay $tmp/toy-unobstructed-log.npz $tmp/toy-unobstructed-data.npz --optimizer momentum --json)
  expect "momentum: no identity" "$(echo "$out" | jq -r .max_identity_residual)" null
  expect "momentum: measured drift" "$(echo "$out" | jq -r '.max_abs_observed_drift | tonumber > 0')" true
fi
rm -rf "$tmp"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
