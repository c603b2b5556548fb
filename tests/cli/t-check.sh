#!/usr/bin/env bash
# relucert check: dispatch by certificate format, exit 0 accepted, 2 rejected or unreadable.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
check() { if [ "$2" == "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
"$RC" check proofs/certificates/obstruct-toy.json >/dev/null; check "obstruct cert accepted" "$?" 0
check "obstruct cert json" "$("$RC" check proofs/certificates/obstruct-toy.json --json | jq -r .valid)" true
sed 's|"5/16"|"6/16"|' proofs/certificates/obstruct-toy.json > "$tmp/o.json"
"$RC" check "$tmp/o.json" >/dev/null 2>&1; check "obstruct cert tampered" "$?" 2
sed '0,/^time 100/s//time 101/' proofs/certificates/toy-obstructed-T100.cert > "$tmp/f.cert"
"$RC" check "$tmp/f.cert" >/dev/null 2>&1; check "flow cert tampered" "$?" 2
"$RC" check "$tmp/none" >/dev/null 2>&1; check "missing" "$?" 2
"$RC" check --help | grep -q "usage: relucert check" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: help"; }
rm -rf "$tmp"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
