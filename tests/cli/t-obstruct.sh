#!/usr/bin/env bash
# CLI contract of relucert obstruct: the toy of doc/math.md section 8 (obstructed with bound 5/16 and
# witness loss 0; the other start not proved), JSON keys of doc/formats.md, certificates written,
# checked, and rejected when altered, exit status 2 with one line on bad input.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

out=$("$RC" obstruct data/toy-obstructed.json data/toy-data.json --witness data/toy-teacher.json \
      --certificate "$tmp/toy.json" --json); st=$?
expect "status" "$st" 0
expect "verdict" "$(echo "$out" | jq -r .verdict)" obstructed
expect "bound" "$(echo "$out" | jq -c .component_lower_bound)" '["5/16","5/16"]'
expect "witness loss" "$(echo "$out" | jq -r .witness_loss)" 0
expect "loss" "$(echo "$out" | jq -r .loss)" mse
expect "component" "$(echo "$out" | jq -r .component)" "++"
expect "sign bound" "$(echo "$out" | jq -c .sign_bound)" '["5/16","5/16"]'
"$RC" obstruct --check "$tmp/toy.json" >/dev/null && ok || bad "toy certificate check"
expect "check json" "$("$RC" obstruct --check "$tmp/toy.json" --json | jq -c '[.valid,.verdict]')" \
       '[true,"obstructed"]'
# the committed toy certificate checks too
"$RC" obstruct --check proofs/certificates/obstruct-toy.json >/dev/null && ok || bad "committed certificate"

# altered certificates fail with status 2 and one line on stderr
sed 's|"lower_bound": "5/16"|"lower_bound": "1/2"|' "$tmp/toy.json" > "$tmp/t1.json"
"$RC" obstruct --check "$tmp/t1.json" >/dev/null 2>"$tmp/err"; st=$?
expect "tampered bound status" "$st" 2
expect "tampered bound one line" "$(wc -l < "$tmp/err")" 1
grep -q "lower_bound" "$tmp/err" && ok || bad "tampered bound message: $(cat "$tmp/err")"
"$RC" obstruct data/toy-unobstructed.json data/toy-data.json --witness data/toy-teacher.json \
      --certificate "$tmp/un.json" >/dev/null
sed 's|"verdict": "not_proved"|"verdict": "obstructed"|' "$tmp/un.json" > "$tmp/t3.json"
"$RC" obstruct --check "$tmp/un.json" >/dev/null && ok || bad "not_proved certificate is valid"
"$RC" obstruct --check "$tmp/t3.json" >/dev/null 2>&1; expect "false verdict" "$?" 2

# the unobstructed start: not proved, both numbers reported
out=$("$RC" obstruct data/toy-unobstructed.json data/toy-data.json --witness data/toy-teacher.json --json)
expect "unobstructed verdict" "$(echo "$out" | jq -r .verdict)" not_proved
expect "unobstructed bound" "$(echo "$out" | jq -c .component_lower_bound)" '["0","0"]'
expect "unobstructed witness" "$(echo "$out" | jq -r .witness_loss)" 0
# no witness: not proved, bound still reported
out=$("$RC" obstruct data/toy-obstructed.json data/toy-data.json --no-auto-witness --json)
expect "no witness" "$(echo "$out" | jq -c '[.verdict,.component_lower_bound[0],.witness_loss,.witness]')" \
       '["not_proved","5/16",null,null]'
# a witness constructed by relucert: the teacher itself (loss 0), certificate checks
out=$("$RC" obstruct data/toy-obstructed.json data/toy-data.json --save-witness "$tmp/w.json" \
      --certificate "$tmp/auto.json" --json)
expect "auto witness" "$(echo "$out" | jq -c '[.verdict,.witness_loss,.witness]')" '["obstructed","0","constructed"]'
"$RC" equiv "$tmp/w.json" data/toy-teacher.json --json | jq -e .equivalent >/dev/null && ok || bad "auto witness is the teacher"
"$RC" obstruct --check "$tmp/auto.json" >/dev/null && ok || bad "auto witness certificate"
# the table of effective components
out=$("$RC" obstruct data/toy-obstructed.json data/toy-data.json --witness data/toy-teacher.json --table --json)
expect "table" "$(echo "$out" | jq -c '[.table[] | [.plus_negative_level, .lower_bound[0], .obstructed, .current]]')" \
       '[[0,"5/16",true,false],[1,"0",false,false],[2,"5/16",true,true]]'
"$RC" obstruct data/toy-obstructed.json data/toy-data.json --witness data/toy-teacher.json | grep -q "^verdict: obstructed" \
  && ok || bad "text verdict"
# BCE on labels 0 0 1 1: the sign bound (2 log 2)/4
printf '{"X": [["-1"], ["-0.5"], ["0.5"], ["1"]], "y": ["0", "0", "1", "1"]}' > "$tmp/bce.json"
out=$("$RC" obstruct data/toy-obstructed.json "$tmp/bce.json" --loss bce --json)
lo=$(echo "$out" | jq -r '.component_lower_bound[0]')
hi=$(echo "$out" | jq -r '.component_lower_bound[1]')
awk -v lo="$lo" -v hi="$hi" 'BEGIN { v = log(2) / 2; exit !(lo <= v + 1e-15 && v - 1e-15 <= hi && hi - lo < 1e-12) }' \
  && ok || bad "bce bound [$lo, $hi]"

# d' = 1 (no hidden bias): c > 0 neurons of both sides and a pathological '+' realize exactly
# a s(x) + b s(-x); the minimum is least squares on each side of 0, by hand
# (5.25 - 16/14 + 2 - 1/5)/5 = 827/700; the sign bound does not apply (both signs)
printf '{"W1": [["2"], ["-1"], ["0.5"]], "W2": [["1", "0.5", "3"]]}' > "$tmp/n1.json"
printf '{"X": [["-2"], ["-1"], ["1"], ["2"], ["3"]], "y": ["1", "-1", "2", "-0.5", "1"]}' > "$tmp/d1.json"
out=$("$RC" obstruct "$tmp/n1.json" "$tmp/d1.json" --no-auto-witness --json)
expect "d'=1 relaxation" "$(echo "$out" | jq -c '[.component_lower_bound[0], .sign_bound[0], .bound_kind]')" \
       '["827/700","0","relaxation"]'

# bad input: one line on stderr, status 2
check_bad() { # NAME ARGS...
  local name=$1; shift
  "$RC" obstruct "$@" >/dev/null 2>"$tmp/err"; local st=$?
  expect "$name status" "$st" 2
  expect "$name one line" "$(wc -l < "$tmp/err")" 1
}
check_bad "missing data" data/toy-obstructed.json
check_bad "no such file" data/toy-obstructed.json "$tmp/nope.json"
check_bad "bad loss" data/toy-obstructed.json data/toy-data.json --loss l1
check_bad "unknown option" data/toy-obstructed.json data/toy-data.json --frobnicate
printf '{"X": [["1", "2"]], "y": ["1"]}' > "$tmp/d2.json"
check_bad "dimension mismatch" data/toy-obstructed.json "$tmp/d2.json"
printf '{"W1": [["1"]], "b1": ["0"], "W2": [["1"]]}' > "$tmp/w1.json"
check_bad "witness shape" data/toy-obstructed.json data/toy-data.json --witness "$tmp/w1.json"
check_bad "bce labels" data/toy-obstructed.json data/toy-data.json --loss bce
check_bad "check missing" --check "$tmp/nope.json"
printf 'not json' > "$tmp/nj.json"
check_bad "check garbage" --check "$tmp/nj.json"
"$RC" obstruct --help | grep -q "usage: relucert obstruct" && ok || bad "help"

echo "t-obstruct: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
