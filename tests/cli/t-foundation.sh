#!/usr/bin/env bash
# CLI contract of inspect / equiv / reach / canon: answers on the toy of doc/math.md section 8, JSON
# keys of doc/formats.md, exit status 2 with one line naming the file on bad input.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { # expect NAME GOT WANT
  if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi
}
jqv() { jq -r "$1" ; }

out=$("$RC" inspect data/toy-obstructed.json --json); st=$?
expect "inspect status" "$st" 0
expect "components" "$(echo "$out" | jqv .components)" 4
expect "effective" "$(echo "$out" | jqv .effective_components)" 3
expect "component" "$(echo "$out" | jqv .component)" "++"
expect "betti" "$(echo "$out" | jq -c .betti)" '["4"]'
expect "c0" "$(echo "$out" | jqv '.neurons[0].c')" "-27/50"
expect "c1" "$(echo "$out" | jqv '.neurons[1].c')" "-19/100"
expect "side1" "$(echo "$out" | jqv '.neurons[1].side')" "+"
expect "format" "$(echo "$out" | jqv .format)" "relucert.inspect/1"
expect "dims" "$(echo "$out" | jq -c '[.input_dim,.input_dim_effective,.hidden,.output_dim]')" "[1,2,2,1]"
out=$("$RC" inspect data/toy-unobstructed.json --json)
expect "unobstructed component" "$(echo "$out" | jqv .component)" "+-"
"$RC" inspect data/toy-obstructed.json | grep -q "connected components of H(c): 4" && ok || bad "text table"

out=$("$RC" reach data/toy-obstructed.json data/toy-teacher.json --json)
expect "reach obstructed" "$(echo "$out" | jqv .reachable)" false
echo "$out" | jq -e '.blocking | type == "string"' >/dev/null && ok || bad "blocking string"
out=$("$RC" reach data/toy-unobstructed.json data/toy-teacher.json --json)
expect "reach unobstructed" "$(echo "$out" | jqv .reachable)" true

out=$("$RC" equiv data/toy-teacher.json data/toy-teacher.json --json)
expect "equiv self" "$(echo "$out" | jq -c .)" '{"equivalent":true,"permutation":[0,1]}'
out=$("$RC" equiv data/toy-obstructed.json data/toy-unobstructed.json --json)
expect "equiv differ" "$(echo "$out" | jqv .equivalent)" false

# canon output is a network equivalent to the input, and a fixed point
tmp=$(mktemp -d)
"$RC" canon data/toy-obstructed.json > "$tmp/c.json"
expect "canon equiv" "$("$RC" equiv data/toy-obstructed.json "$tmp/c.json" --json | jqv .equivalent)" true
"$RC" canon "$tmp/c.json" > "$tmp/cc.json"
cmp -s "$tmp/c.json" "$tmp/cc.json" && ok || bad "canon fixed point"

# bad input: exit 2, one line, names the file
printf '{"format": "relucert.network/1", "W1": [["1"], ["abc"]], "W2": [["1", "2"]]}' > "$tmp/bad.json"
err=$("$RC" inspect "$tmp/bad.json" 2>&1 >/dev/null); st=$?
expect "bad status" "$st" 2
expect "bad lines" "$(echo "$err" | wc -l)" 1
echo "$err" | grep -q "bad.json" && echo "$err" | grep -q "W1\[1\]\[0\]" && ok || bad "bad message names file and position: $err"
"$RC" inspect /nonexistent.json >/dev/null 2>&1; expect "missing file" "$?" 2
"$RC" inspect >/dev/null 2>&1; expect "no args" "$?" 2
"$RC" inspect --bogus data/toy-obstructed.json >/dev/null 2>&1; expect "bad option" "$?" 2
"$RC" frobnicate >/dev/null 2>&1; expect "bad command" "$?" 2
for c in inspect equiv reach canon; do
  "$RC" $c --help | grep -q "usage: relucert $c" && ok || bad "$c --help"
done
# shape mismatch between init and target in reach
printf '{"W1": [["1","2"]], "W2": [["1"]]}' > "$tmp/d2.json"
"$RC" reach data/toy-obstructed.json "$tmp/d2.json" >/dev/null 2>&1; expect "reach shape" "$?" 2
rm -rf "$tmp"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
