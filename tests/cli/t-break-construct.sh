#!/usr/bin/env bash
# Breaker tests of relucert construct: every printed network re-evaluated independently with
# Python fractions (tests/ref/construct_ref.py: forward pass, cost, every hidden pre-activation
# nonzero, one pattern on the kept classes, the least-squares bound RSS_T/N by exact projection,
# gradient by exact backpropagation, Hessian inertia by exact congruence) on data at the
# equality cases of the hypothesis: H2 margin exactly 0 and 5 -+ 10^-30, H1 gap exactly 0 (one
# input in two classes), one-hot labels at non-contiguous positions, d < Q, L > Q; then a
# seeded random comparison (fuzz_construct.py, which also recomputes normals, thresholds, gaps
# and margins).
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if ! command -v /usr/bin/python3 > /dev/null; then echo "t-break-construct: no python3, skipped"; exit 0; fi
P=/usr/bin/python3

# class 0 = {0, s}, class 1 = {10, 10}: H2 margin of class 0 is 5/2 - s/2 (exactly 0 at s = 5)
for s in 5 4999999999999999999999999999999/1000000000000000000000000000000 5000000000000000000000000000001/1000000000000000000000000000000 6; do
  f="$tmp/h2-${s//\//_}.json"
  echo "{\"X\": [[\"0\"],[\"$s\"],[\"10\"],[\"10\"]], \"y\": [[\"1\",\"0\"],[\"1\",\"0\"],[\"0\",\"1\"],[\"0\",\"1\"]]}" > "$f"
  m=$("$RC" construct "$f" --json | jq -r '.hypothesis.classes[0].H2_margin | if startswith("-") then "neg" elif . == "0" then "zero" else "pos" end')
  case $s in 5) w=zero;; 49*) w=pos;; *) w=neg;; esac
  expect "H2 margin sign at s=$s" "$m" "$w"
  out=$($P tests/ref/construct_ref.py "$RC" "$f"); st=$?
  expect "re-evaluated s=$s (${out##*points })" "$st" 0
  [ $st -ne 0 ] && echo "$out"
done
# H1 gap exactly 0: the input 4 is in both classes (no network fits both labels: cost 0 is impossible)
cat > "$tmp/h1zero.json" <<'J'
{"X": [["0","0"],["4","0"],["4","0"],["5","1"]], "y": [["1","0"],["1","0"],["0","1"],["0","1"]]}
J
# one-hot labels at positions 0 and 2 of e = 3; three classes in R^2 (d < Q); L = 4 > Q
cat > "$tmp/gap.json" <<'J'
{"X": [["0","0"],["1","0"],["4","0"],["4","1"]], "y": [["1","0","0"],["1","0","0"],["0","0","1"],["0","0","1"]]}
J
cat > "$tmp/q3d2.json" <<'J'
{"X": [["0","0"],["1/2","0"],["6","0"],["6","1/2"],["0","7"],["1/3","7"]],
 "y": [["1","0","0"],["1","0","0"],["0","1","0"],["0","1","0"],["0","0","1"],["0","0","1"]]}
J
for c in "h1zero.json" "gap.json" "q3d2.json" "q3d2.json --layers 4" "gap.json --layers 1"; do
  set -- $c
  out=$($P tests/ref/construct_ref.py "$RC" "$tmp/$1" "${@:2}"); st=$?
  expect "re-evaluated $c (${out##*points })" "$st" 0
  [ $st -ne 0 ] && echo "$out"
done
expect "h1zero: no global claim" "$("$RC" construct "$tmp/h1zero.json" --json | jq -r '.global.proved')" false

out=$($P tests/ref/fuzz_construct.py "$RC" 8 7 "$tmp" 2>&1); st=$?
expect "fuzz_construct seed 7 (${out##*summary })" "$st" 0
echo "$out" | grep -v '^summary' | head -20

echo "t-break-construct: $pass passed, $fail failed"
[ $fail -eq 0 ]
