#!/usr/bin/env bash
# Reproducer (tester newuser8): README "Inputs as people export them" says that for delimited
# text "what was used is printed on one stderr line" (doc/io.md: every command that reads a
# dataset).  descend, obstruct and flow print it; `implicit` (and `implicit replay`) print
# nothing, although the automatic rule here turned the first row "0,1" into a header (2 of the
# 3 rows are samples).  Also README "Input formats" says "The first row is taken as a header
# only when none of its fields is a number", which this very file contradicts.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
printf '0,1\n0.5,0.25\n1.5,2.5\n' > "$tmp/h.csv"

n=$("$RC" implicit data/implicit-toy-net.json "$tmp/h.csv" --json 2> "$tmp/err" | jq -r .samples)
if [ "$n" = 2 ]; then ok; else bad "samples $n (want 2: the pandas 0,1 header)"; fi
if grep -q "first row is a header" "$tmp/err"; then ok; else bad "implicit: no stderr line saying how $tmp/h.csv was read"; fi
"$RC" descend data/toy-obstructed.json "$tmp/h.csv" --lr 0.1 --steps 1 > /dev/null 2> "$tmp/err2"
if grep -q "first row is a header" "$tmp/err2"; then ok; else bad "descend: no notice"; fi

# (lead) two outputs: the last e = 2 columns of the CSV are y (the reader was told e = 1 before:
# "inputs have 2 coordinates"); z = relu(z/2 + x + 1) = 2(x + 1), f = (2 z1... ) by hand: loss 9/2 + 29/2
cat > "$tmp/n3.json" <<'J'
{"format":"relucert.implicit-network/1","gamma":"1/2","A":[["1","0"],["0","1"]],"W":[["1"],["1"]],"b":["1","1"],"U":[["1","1"],["1","0"]]}
J
printf 'x,y1,y2\n0,1,2\n1/2,1,1\n' > "$tmp/d3.csv"
le=$("$RC" implicit "$tmp/n3.json" "$tmp/d3.csv" --json 2>/dev/null | jq -r .loss_exact)
if [ "$le" = 19 ]; then ok; else bad "two-output CSV: loss_exact $le (want 19)"; fi
if "$RC" implicit "$tmp/n3.json" "$tmp/d3.csv" --header maybe > /dev/null 2>&1; then bad "--header maybe accepted"; else ok; fi

echo "t-newuser8-implicit-csv-notice: $pass passed, $fail failed"
[ "$fail" = 0 ]
