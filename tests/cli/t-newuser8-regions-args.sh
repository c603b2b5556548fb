#!/usr/bin/env bash
# Reproducers (tester newuser8): argument handling of `relucert regions`.
#  1. --box with one trailing comma ("-1:1,-1:1,") is accepted silently, while ",," and a
#     leading comma are refused, and every other range option (family, table) refuses "1,".
#  2. --plot on a network it cannot draw (d != 2) is refused only AFTER the whole enumeration:
#     the full answer is printed on stdout and then the status is 2 (bad usage should be
#     refused before any work, with nothing on stdout).
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$RC" regions data/regions-deep.json --box -1:1,-1:1, > "$tmp/out" 2> "$tmp/err"; st=$?
if [ "$st" = 2 ] && [ "$(wc -l < "$tmp/err")" = 1 ]; then ok; else bad "--box '-1:1,-1:1,': status $st (want 2, one line)"; fi
"$RC" regions data/regions-deep.json --box -1:1,-1:1,, > /dev/null 2>&1; st=$?
if [ "$st" = 2 ]; then ok; else bad "--box '-1:1,-1:1,,': status $st"; fi

printf '{"W1":[[1,0,0],[0,1,0]],"W2":[[1,1]]}' > "$tmp/n3.json"
"$RC" regions "$tmp/n3.json" --box -1:1 --json --plot "$tmp/x.svg" > "$tmp/out" 2> "$tmp/err"; st=$?
if [ "$st" = 2 ] && [ ! -s "$tmp/out" ]; then ok; else bad "--plot on d = 3: status $st, stdout $(wc -c < "$tmp/out") bytes (want 2 and nothing on stdout)"; fi

# (lead) an unwritable --certificate is refused before the enumeration, nothing on stdout, and a
# refused run leaves no file behind
"$RC" regions data/regions-deep.json --box -1:1 --certificate "$tmp/nodir/c.cert" > "$tmp/out" 2> "$tmp/err"; st=$?
if [ "$st" = 2 ] && [ ! -s "$tmp/out" ] && grep -q "cannot write" "$tmp/err"; then ok; else bad "unwritable --certificate: status $st, stdout $(wc -c < "$tmp/out") bytes"; fi
"$RC" regions "$tmp/n3.json" --box -1:1 --plot "$tmp/y.svg" > /dev/null 2>&1
if [ ! -e "$tmp/y.svg" ]; then ok; else bad "a refused --plot left $tmp/y.svg behind"; fi

echo "t-newuser8-regions-args: $pass passed, $fail failed"
[ "$fail" = 0 ]
