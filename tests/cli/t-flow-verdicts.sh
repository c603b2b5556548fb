#!/usr/bin/env bash
# CLI contract of relucert flow (doc/flow.md): JSON keys, verdicts certified / not_unique /
# not_certified with a named rule, --certificate checked by relucert check (and the certificate
# of the earlier unsound version rejected), --tube, --compare-float, exit statuses.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# the toy (obstructed start) to T = 3: through a crossing, a slide and its exit
out=$("$RC" flow data/toy-obstructed.json data/toy-data.json --time 3 --json --quiet --compare-float \
      --tube "$tmp/tube.jsonl" --certificate "$tmp/toy.cert"); st=$?
expect "status" "$st" 0
expect "verdict" "$(echo "$out" | jq -r .verdict)" certified
expect "time" "$(echo "$out" | jq -r .time)" 3
expect "stays" "$(echo "$out" | jq -r .stays_on_component)" true
expect "theta length" "$(echo "$out" | jq '.theta | length')" 6
expect "loss pair" "$(echo "$out" | jq '.loss | length')" 2
expect "reason null" "$(echo "$out" | jq -r .reason)" null
expect "failure null" "$(echo "$out" | jq -r .failure)" null
expect "enclosure kept" "$(echo "$out" | jq -r .enclosure_lost)" false
expect "compare_float" "$(echo "$out" | jq -r '.compare_float.method')" "rk4 h=1/512 double"
expect "float close" "$(echo "$out" | jq '.compare_float.max_distance < 1e-2')" true
expect "tube lines = steps" "$(wc -l < "$tmp/tube.jsonl")" "$(echo "$out" | jq .steps)"
expect "tube kinds" "$(jq -r .kind "$tmp/tube.jsonl" | sort -u | tr '\n' ' ')" "cross exit taylor "
"$RC" check "$tmp/toy.cert" > /dev/null; expect "cert accepted" "$?" 0
expect "cert verdict" "$("$RC" check "$tmp/toy.cert" --json | jq -r .verdict)" certified

# two Filippov solutions: not_unique, with the onset, neuron, sample and the one-sided fields
out=$("$RC" flow data/flow-nonunique-net.json data/flow-nonunique-data.json --time 2 --json --quiet \
      --certificate "$tmp/nu.cert"); st=$?
expect "nu status" "$st" 0
expect "nu verdict" "$(echo "$out" | jq -r .verdict)" not_unique
expect "nu neuron" "$(echo "$out" | jq -r .nonunique.neuron)" 0
expect "nu sample" "$(echo "$out" | jq -r .nonunique.sample)" 2
expect "nu inactive field" "$(echo "$out" | jq -c .nonunique.field_inactive)" '["0","0"]'
expect "nu active field > 0" "$(echo "$out" | jq '.nonunique.field_active[0] | tonumber > 0')" true
expect "nu onset" "$(echo "$out" | jq '.nonunique.t[0] | tonumber | . > 1.09 and . < 1.1')" true
expect "nu reason" "$(echo "$out" | jq -r '.reason | startswith("not unique")')" true
expect "nu cert" "$("$RC" check "$tmp/nu.cert" --json | jq -r .verdict)" not_unique
"$RC" check data/flow-nonunique-buggy-T2.cert > "$tmp/chk.txt"; expect "buggy cert rejected" "$?" 2
grep -q "r > 0 not proved" "$tmp/chk.txt" && ok || bad "buggy cert reason"

# not certified: the rule, hypothesis, time, neuron and sample are named
out=$("$RC" flow data/toy-obstructed.json data/toy-data.json --time 3 --json --quiet --max-steps 3)
expect "limit verdict" "$(echo "$out" | jq -r .verdict)" not_certified
expect "limit reason" "$(echo "$out" | jq -r '.reason | startswith("step limit (3) reached at t = ")')" true

# bad input: exit 2, one line
"$RC" flow data/toy-obstructed.json data/toy-data.json > /dev/null 2> "$tmp/err"; expect "no time" "$?" 2
expect "one line" "$(wc -l < "$tmp/err")" 1
"$RC" flow data/toy-obstructed.json data/toy-data.json --time -1 > /dev/null 2>&1; expect "bad time" "$?" 2
"$RC" flow data/toy-obstructed.json "$tmp/none.json" --time 1 > /dev/null 2>&1; expect "missing data" "$?" 2
"$RC" flow --help | grep -q "usage: relucert flow" && ok || bad "help"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
