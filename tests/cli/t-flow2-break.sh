#!/usr/bin/env bash
# Regression tests from a tester's hunt on relucert.flowcert/2 (break_flow2).
#  - /1 and /2 runs of the same problem agree (verdict, step count, end box bit for bit on the
#    toy: no pair of slope exactly 0 changes the rounding there), and each certificate is
#    accepted under its own version;
#  - version line variants (trailing blank, CR, leading zero, sign, other digits) are refused;
#  - a rejected /2 certificate (digest mismatch: no header was read) is still reported as
#    certificate_format relucert.flowcert/2 (include/relucert/flow.h: version "set also when the
#    certificate is rejected"); it was reported as /1;
#  - nothing the checker did not read is accepted (doc/formats.md: the lines are exactly the
#    writer's): content after the `end` line, trailing tokens on header, step and box lines, and
#    has_b1 / has_b2 flags other than 0 and 1 were all accepted after resealing.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PY=/usr/bin/python3
[ -x $PY ] || { echo "t-flow2-break: python3 missing, skipped"; exit 0; }
command -v jq > /dev/null || { echo "t-flow2-break: jq missing, skipped"; exit 0; }

# reseal SRC DST: DST = SRC without its digest line, resealed (FNV-1a 64 of every byte before it)
reseal() { head -n -1 "$1" > "$2.body"; $PY -c "
import sys
b = open(sys.argv[1], 'rb').read(); h = 14695981039346656037
for c in b: h = ((h ^ c) * 1099511628211) & (2**64 - 1)
open(sys.argv[2], 'wb').write(b + b'digest %016x\n' % h)" "$2.body" "$2"; }
# edit NAME SED-SCRIPT: apply to the /2 certificate, reseal, expect a rejection (exit 2)
rejected() {
  sed "$2" "$tmp/c2" > "$tmp/e"; reseal "$tmp/e" "$tmp/e.cert"
  if cmp -s "$tmp/e" "$tmp/c2"; then bad "$1: the edit changed nothing"; return; fi
  "$RC" check "$tmp/e.cert" > "$tmp/e.out" 2>&1; expect "$1 rejected" "$?" 2
}

for v in 1 2 3; do
  "$RC" flow data/toy-obstructed.json data/toy-data.json --time 1 --quiet --json --cert-version $v \
      --certificate "$tmp/c$v" > "$tmp/o$v"
  expect "flow /$v exit" "$?" 0
  expect "cert /$v line 1" "$(head -1 "$tmp/c$v")" "relucert.flowcert/$v"
  "$RC" check "$tmp/c$v" > /dev/null; expect "check /$v" "$?" 0
done
expect "verdict /1 = /2" "$(jq -r .verdict "$tmp/o1")" "$(jq -r .verdict "$tmp/o2")"
expect "steps /1 = /2" "$(jq -r .steps "$tmp/o1")" "$(jq -r .steps "$tmp/o2")"
expect "theta /1 = /2" "$(jq -c .theta "$tmp/o1")" "$(jq -c .theta "$tmp/o2")"
expect "verdict /3 = /2" "$(jq -r .verdict "$tmp/o3")" "$(jq -r .verdict "$tmp/o2")"
expect "steps /3 = /2" "$(jq -r .steps "$tmp/o3")" "$(jq -r .steps "$tmp/o2")"
# a /2 certificate relabeled /3 is re-validated with the double-double arithmetic: other bits
{ printf 'relucert.flowcert/3\n'; tail -n +2 "$tmp/c2"; } > "$tmp/r3"; reseal "$tmp/r3" "$tmp/r3.cert"
"$RC" check "$tmp/r3.cert" > /dev/null 2>&1; expect "/2 relabeled /3 rejected" "$?" 2

# version line variants
for tag in 'relucert.flowcert/2 ' 'relucert.flowcert/02' $'relucert.flowcert/2\r' 'relucert.flowcert/+2' \
           'relucert.flowcert/4' 'relucert.flowcert/0' 'relucert.flowcert/22' 'relucert.flowcert/'; do
  { printf '%s\n' "$tag"; tail -n +2 "$tmp/c2"; } > "$tmp/v"; reseal "$tmp/v" "$tmp/v.cert"
  "$RC" check "$tmp/v.cert" > /dev/null 2>&1; expect "tag [$tag] rejected" "$?" 2
done

# a rejected /2 certificate keeps its format in the report
sed 's/^prec \([0-9]*\)$/prec 1\1/' "$tmp/c2" > "$tmp/alt.cert"
out=$("$RC" check --json "$tmp/alt.cert" 2> /dev/null)
expect "altered /2 exit" "$?" 2
expect "altered /2 format" "$(echo "$out" | jq -r .certificate_format)" relucert.flowcert/2
sed 's/^prec \([0-9]*\)$/prec 1\1/' "$tmp/c1" > "$tmp/alt1.cert"
out=$("$RC" check --json "$tmp/alt1.cert" 2> /dev/null)
expect "altered /1 format" "$(echo "$out" | jq -r .certificate_format)" relucert.flowcert/1

# nothing unread is accepted
rejected "content after end"    '$a step taylor -1 0 0 0 0 0'
rejected "second end"           '$a end'
rejected "prec trailing junk"   's/^prec \([0-9]*\)$/prec \1x/'
rejected "order trailing token" 's/^order \([0-9]*\)$/order \1 7/'
rejected "dims seventh number"  's/^dims .*$/& 7/'
rejected "dims has_b1 = 2"      's/^dims \([0-9]* [0-9]* [0-9]* [0-9]*\) 1 /dims \1 2 /'
rejected "leak trailing token"  's/^leak .*$/& 1/'
rejected "time trailing token"  's/^time .*$/& 5/'
rejected "X extra entry"        's/^X .*$/& 7/'
rejected "Y extra entry"        's/^Y .*$/& 7/'
rejected "lambda trailing token" 's/^lambda .*$/& 1/'
rejected "theta0 extra entry"   's/^theta0 .*$/& 7/'
rejected "modes extra entry"    's/^modes .*$/& 1/'
rejected "step extra token"     '0,/^step \(.*\)$/s//step \1 0/'
rejected "B extra ball"         '0,/^B \(.*\)$/s//B \1 0 0/'
rejected "E extra ball"         '0,/^E \(.*\)$/s//E \1 0 0/'

echo "t-flow2-break: $pass passed, $fail failed"
[ $fail -eq 0 ]
