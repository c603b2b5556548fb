#!/usr/bin/env bash
# relucert family: hand-computed rows (doc/math.md sections 3-4) and the output formats.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
check() { if [ "$2" == "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1: got [$2] want [$3]"; fi; }
row() { "$RC" family --input-dim-effective "$1" --output-dim "$2" --negative "$3" --zero "$4" --positive "$5" --json | jq -c "$6"; }
# the toy: d'=2, e=1, two pathological neurons: 4 components, 3 effective, betti [4]
check toy "$(row 2 1 2 0 0 '.rows[0] | [.components, .effective_components, .betti]')" '["4","3",["4"]]'
# d'=1, e=1: c<0 and c>0 neurons are both disconnected: 2^(1+2) components, (1+1)(2+1) effective
check d1e1 "$(row 1 1 1 0 2 '.rows[0] | [.components, .effective_components]')" '["8","6"]'
# e=2: c<0 factors are S^1 x R^{d'}: connected, P = (1+t)^n
check e2 "$(row 2 2 3 0 0 '.rows[0] | [.components, .betti]')" '["1",["1","3","3","1"]]'
# d'=3, e=1, one c>0 (S^2 x R) and one c<0 (two points): P = 2(1+t^2)
check mixed "$(row 3 1 1 0 1 '.rows[0] | [.components, .betti]')" '["2",["2","0","2"]]'
# level-zero neurons are contractible factors: nothing changes
check zero "$(row 2 1 2 5 0 '.rows[0] | [.hidden, .components, .effective_components]')" '[7,"4","3"]'
# 2^100000 exactly, and quickly
n=$("$RC" family --input-dim-effective 785 --output-dim 1 --negative 100000 --format csv | tail -1 | cut -d, -f7 | tr -d '\n' | wc -c)
check big "$n" 30103
check md "$("$RC" family --input-dim-effective 2 --output-dim 1 --negative 0:3 | wc -l)" 6
"$RC" family --input-dim-effective 2 --output-dim 1 --negative 1 --format tex | grep -q '\\toprule' && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: tex"; }
"$RC" table --family --input-dim-effective 2 --output-dim 1 --negative 2 --json | jq -e '.rows[0].components == "4"' >/dev/null && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: table --family"; }
"$RC" family --input-dim-effective 0 --output-dim 1 --negative 1 >/dev/null 2>&1; check "d'=0 refused" "$?" 2
"$RC" family --input-dim-effective 2 --output-dim 1 --negative x >/dev/null 2>&1; check "bad range" "$?" 2
"$RC" family --output-dim 1 >/dev/null 2>&1; check "missing" "$?" 2
"$RC" family --help | grep -q "usage: relucert family" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: help"; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
