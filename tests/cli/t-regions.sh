#!/usr/bin/env bash
# CLI contract of relucert regions: counts of hand-checked networks (three lines through a
# point: 6 regions, not 7), the relucert.regions/1 keys, --all details, both 2-D paths agree,
# certificates accepted by relucert check and rejected when altered, the SVG plot, and exit
# status 2 with one line on bad input.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$("$RC" regions data/regions-three-lines.json --json); st=$?
expect "status" "$st" 0
expect "format" "$(echo "$out" | jq -r .format)" relucert.regions/1
expect "three lines: regions" "$(echo "$out" | jq -r .regions)" 6
expect "three lines: unbounded" "$(echo "$out" | jq -r .unbounded)" 6
expect "three lines: hist" "$(echo "$out" | jq -c .facets_hist)" '{"2":6}'
expect "three lines: average" "$(echo "$out" | jq -r .facets_average)" 2
out=$("$RC" regions data/regions-three-lines.json --box -3:3 --json)
expect "box: regions" "$(echo "$out" | jq -r .regions)" 6
expect "box: keys" "$(echo "$out" | jq -c '[has("box"),has("facets_hist_interior"),has("bounded")]')" '[true,true,true]'
expect "box: value" "$(echo "$out" | jq -c .box)" '["-3","3","-3","3"]'

# the deep example: both 2-D paths, exact areas summing to the box's
a=$("$RC" regions data/regions-deep.json --box -1:1,-1:1 --json --all)
b=$("$RC" regions data/regions-deep.json --box -1:1 --json --all --lp)
expect "paths agree" "$(echo "$a" | jq -c '[.regions,.facets_hist]')" "$(echo "$b" | jq -c '[.regions,.facets_hist]')"
expect "volume" "$(echo "$a" | jq -r .volume_total)" 4
expect "region list" "$(echo "$a" | jq -r '.region_list | length')" "$(echo "$a" | jq -r .regions)"
expect "region keys" "$(echo "$a" | jq -c '.region_list[0] | [has("pattern"),has("point"),has("facets"),has("map"),has("volume"),has("bounded")]')" \
       '[true,true,true,true,true,true]'
expect "pattern length" "$(echo "$a" | jq -r '.region_list[0].pattern | length')" 8

# exact volumes in R^3: x + y + z = 1 cuts [0,1]^3 into 1/6 and 5/6, [-1,1]^3 (through three
# box vertices) into 4/3 and 20/3; the total is printed
cat > "$tmp/p3.json" <<'NET'
{"format": "relucert.network/1", "W1": [["1", "1", "1"]], "b1": ["-1"], "W2": [["1"]]}
NET
a=$("$RC" regions "$tmp/p3.json" --box 0:1,0:1,0:1 --json --all)
expect "R^3 volumes" "$(echo "$a" | jq -c '[.region_list[] | [.pattern, .volume]] | sort')" '[["0","1/6"],["1","5/6"]]'
expect "R^3 volume_total" "$(echo "$a" | jq -r .volume_total)" 1
a=$("$RC" regions "$tmp/p3.json" --box -1:1,-1:1,-1:1 --json --all)
expect "R^3 through vertices" "$(echo "$a" | jq -c '[.region_list[] | .volume] | sort')" '["20/3","4/3"]'
expect "R^3 text total" "$("$RC" regions "$tmp/p3.json" --box -1:1,-1:1,-1:1 --all | grep -c 'total volume: 8')" 1

# certificates
"$RC" regions data/regions-deep.json --box -1:1 --certificate "$tmp/c.json" >/dev/null; expect "cert written" "$?" 0
"$RC" check "$tmp/c.json" >/dev/null; expect "cert accepted" "$?" 0
expect "check json" "$("$RC" check "$tmp/c.json" --json | jq -c '[.accepted,.regions]')" '[true,18]'
"$RC" regions data/regions-deep.json --certificate "$tmp/r.json" >/dev/null
"$RC" check "$tmp/r.json" >/dev/null; expect "R^2 cert accepted" "$?" 0
sed 's|"regions": 18,|"regions": 17,|' "$tmp/c.json" > "$tmp/t1.json"
"$RC" check "$tmp/t1.json" >/dev/null; expect "altered claim rejected" "$?" 2
# drop the last region (and its claim): the covering check must fail
python3 - "$tmp/c.json" "$tmp/t2.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
r = c["regions"].pop()
c["claims"]["regions"] -= 1
c["claims"]["facets_total"] -= len(r["facets"])
k = str(len(r["facets"])); c["claims"]["facets_hist"][k] -= 1
if c["claims"]["facets_hist"][k] == 0: del c["claims"]["facets_hist"][k]
json.dump(c, open(sys.argv[2], "w"))
PY
"$RC" check "$tmp/t2.json" >"$tmp/o2"; expect "missing region rejected" "$?" 2
grep -q "REJECTED" "$tmp/o2" && ok || bad "rejection message: $(cat "$tmp/o2")"

# plot
"$RC" regions data/regions-deep.json --box -1:1 --plot "$tmp/p.svg" >/dev/null; expect "plot" "$?" 0
expect "svg polygons" "$(grep -c '<polygon' "$tmp/p.svg")" 18

# bad input: status 2, one line
check_bad() { local name=$1; shift
  "$RC" regions "$@" >/dev/null 2>"$tmp/err"; local st=$?
  expect "$name status" "$st" 2
  expect "$name one line" "$(wc -l < "$tmp/err")" 1; }
check_bad "missing file" "$tmp/nope.json"
check_bad "box empty interval" data/regions-deep.json --box 1:1
check_bad "box count" data/regions-deep.json --box -1:1,-1:1,-1:1
check_bad "box number" data/regions-deep.json --box a:1
check_bad "no colon" data/regions-deep.json --box 1
check_bad "plot without box" data/regions-deep.json --plot "$tmp/x.svg"
check_bad "limit" data/regions-deep.json --box -1:1 --max-regions 3
check_bad "unknown option" data/regions-deep.json --frobnicate
# a coefficient below 2^-1022 (its double is 0): the LP filter must not use it (a fresh tester's
# case: region 11 got 7 facets instead of 6, total 19 instead of 18, and its certificate failed)
cat > "$tmp/tiny.json" <<'NET'
{"format": "relucert.network/1", "activation": "relu",
 "W1": [["0x1p88", "-1", "0"], ["0", "-0x1p-1076", "0"]], "b1": ["0x1p88", "0x1p-990"], "W2": [["1", "1"]]}
NET
expect "tiny coefficient facets" "$("$RC" regions "$tmp/tiny.json" --box 0:1,0:0x1p90,0:1 --json --certificate "$tmp/tiny-cert.json" | jq -c '[.facets_total, .facets_hist]')" '[18,{"6":3}]'
expect "tiny coefficient certificate" "$("$RC" check "$tmp/tiny-cert.json" >/dev/null 2>&1; echo $?)" 0
"$RC" regions --help | grep -q "usage: relucert regions" && ok || bad "help"

echo "t-regions: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
