#!/usr/bin/env bash
# CLI contract of prob / table: the done-when value, JSON keys of doc/formats.md, labelled Monte
# Carlo fallback, exit status 2 with one line on bad usage.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
# lo <= x <= hi with exact decimal comparison (python's Decimal)
within() { # within NAME LO HI A B: A <= LO <= HI <= B, exact decimal comparison
  python3 -c "from decimal import Decimal as D; import sys; sys.exit(0 if D('$4') <= D('$2') <= D('$3') <= D('$5') else 1)" \
    && ok || bad "$1: [$2, $3] not inside [$4, $5]"
}

out=$("$RC" prob --init kaiming-normal --input-dim 1 --hidden 10 --json); st=$?
expect "prob status" "$st" 0
lo=$(echo "$out" | jq -r '.p_negative_level[0]'); hi=$(echo "$out" | jq -r '.p_negative_level[1]')
# (2/pi) asin(sqrt(1/11)) = 0.194982229042136645155... (doc/math.md §7, d' = e = 1 closed form)
within "done-when" "$lo" "$hi" 0.194982229042136645 0.194982229042136646
python3 -c "from decimal import Decimal as D; import sys; sys.exit(0 if D('$hi')-D('$lo') < D('1e-19') else 1)" && ok || bad "width"
expect "certified" "$(echo "$out" | jq -r .certified)" true
for k in p_negative_level p_disconnected expected_components expected_effective_components; do
  expect "key $k" "$(echo "$out" | jq -r ".$k | length")" 2
done
expect "distribution length" "$(echo "$out" | jq -r '.pathological_distribution | length')" 11
expect "d'" "$(echo "$out" | jq -r .input_dim_effective)" 2
# P(H(c) disconnected) = 1 - (1 - p)^10 with p from the same output
lo=$(echo "$out" | jq -r '.p_disconnected[0]'); hi=$(echo "$out" | jq -r '.p_disconnected[1]')
within "p_disconnected" "$lo" "$hi" 0.88569777714633542 0.88569777714633544
# human output shows the number
"$RC" prob --init kaiming-normal --input-dim 1 --hidden 10 | grep -q "0.194982229042136645" && ok || bad "human output"

# no bias, d = 1: d' = 1, every factor disconnected: P(disconnected) = 1 exactly
out=$("$RC" prob --init kaiming-normal --input-dim 1 --hidden 10 --no-bias --json)
expect "d'=1 disconnected" "$(echo "$out" | jq -c .p_disconnected)" '["1e0","1e0"]'
expect "d'=1 components" "$(echo "$out" | jq -c .expected_components)" '["1.024e3","1.024e3"]'

# uniform with a closed form: certified; without: Monte Carlo, labelled
out=$("$RC" prob --init kaiming-uniform --input-dim 3 --hidden 5 --json)
expect "kaiming-uniform certified" "$(echo "$out" | jq -r .method)" closed-form
out=$("$RC" prob --init xavier-uniform --input-dim 5 --hidden 5 --samples 20000 --json)
expect "MC certified false" "$(echo "$out" | jq -r .certified)" false
expect "MC level" "$(echo "$out" | jq -r .confidence_level)" 0.99
"$RC" prob --init xavier-uniform --input-dim 5 --hidden 5 --samples 20000 | grep -q "NOT CERTIFIED" && ok || bad "MC label"

# errors: status 2, one line
for args in "--init nope --input-dim 1 --hidden 1" "--init kaiming-normal --input-dim 0 --hidden 1" \
            "--init kaiming-normal --hidden 3" "--init kaiming-normal --input-dim 1 --hidden 1 --bogus" \
            "--init kaiming-normal --input-dim 1 --hidden 2000000"; do
  err=$("$RC" prob $args 2>&1 >/dev/null); st=$?
  expect "status for $args" "$st" 2
  expect "one line for $args" "$(echo "$err" | wc -l)" 1
done
"$RC" prob --help | grep -q "usage: relucert prob" && ok || bad "help"

# table: CSV header and certified cells; grid; LaTeX booktabs
out=$("$RC" table --init kaiming-normal,xavier-normal --input-dim 1:3 --hidden 10 --format csv)
expect "csv rows" "$(echo "$out" | wc -l)" 7
echo "$out" | head -1 | grep -q "^scheme,input_dim,hidden,output_dim,bias,certified,method,p_negative_level,p_negative_level_lo" && ok || bad "csv header"
echo "$out" | grep -q "^kaiming-normal,1,10,1,1,true,incomplete-beta,0.194982229042136" && ok || bad "csv value"
"$RC" table --init xavier-normal --input-dim 1:2 --hidden 1:2 --quantity p_disconnected --layout grid --format tex | grep -q '\\toprule' && ok || bad "tex"
"$RC" table --init xavier-uniform --input-dim 4 --hidden 4 --format md | grep -q "n/a" && ok || bad "n/a cell"
"$RC" table --init xavier-uniform --input-dim 4 --hidden 4 --format md --monte-carlo-fallback --samples 10000 | grep -q "(MC)" && ok || bad "MC cell"
err=$("$RC" table --init kaiming-normal --input-dim 1:3:0 --hidden 1 2>&1 >/dev/null); st=$?
expect "table bad range" "$st" 2
err=$("$RC" table --init kaiming-normal,xavier-normal --input-dim 1 --hidden 1 --layout grid 2>&1 >/dev/null); st=$?
expect "grid needs one scheme" "$st" 2

# table --json (relucert.table/1): every cell; no method -> nulls; bounds = the CSV's _lo, _hi
out=$("$RC" table --init kaiming-normal,xavier-uniform --input-dim 1,4 --hidden 3,4 --json); st=$?
expect "table json status" "$st" 0
expect "table json format" "$(echo "$out" | jq -r .format)" relucert.table/1
expect "table json cells" "$(echo "$out" | jq '.cells | length')" 8
expect "table json no method" "$(echo "$out" | jq '[.cells[] | select(.method == null and .p_disconnected == null)] | length')" 2
csv=$("$RC" table --init kaiming-normal,xavier-uniform --input-dim 1,4 --hidden 3,4 --format csv)
expect "table json = csv bounds" "$(echo "$out" | jq -r '.cells[0].p_negative_level | join(",")')" \
  "$(echo "$csv" | sed -n 2p | cut -d, -f9,10)"
expect "table --format json = --json" "$("$RC" table --init kaiming-normal,xavier-uniform --input-dim 1,4 --hidden 3,4 --format json)" "$out"

echo "prob/table CLI: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
