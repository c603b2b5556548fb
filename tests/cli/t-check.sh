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
# one relucert.check/1 object for every kind, earlier keys kept (doc/formats.md)
check "obstruct schema" "$("$RC" check proofs/certificates/obstruct-toy.json --json | jq -c '[.schema,.format,.kind,.accepted,.valid,.verdict,.reason]')" \
      '["relucert.check/1","relucert.obstruct-check/1","obstruct",true,true,"obstructed",null]'
check "flow schema" "$("$RC" check proofs/certificates/toy-obstructed-T100.cert --json | jq -c '[.schema,.certificate_format,.accepted,.verdict,.steps,.time,(.theta_at_end|length)]')" \
      '["relucert.check/1","relucert.flowcert/1",true,"certified",344,"100",6]'
"$RC" regions data/regions-deep.json --box -1:1 --certificate "$tmp/r.json" >/dev/null
check "regions schema" "$("$RC" check "$tmp/r.json" --json | jq -c '[.schema,.format,.kind,.accepted,.regions,.facets_total,.verdict]')" \
      '["relucert.check/1","relucert.regions-check/1","regions",true,18,68,null]'
check "tampered json" "$("$RC" check "$tmp/f.cert" --json | jq -c '[.accepted,.valid,.verdict,.steps,(.reason|test("digest"))]')" '[false,false,null,null,true]'
printf '{"format": "relucert.network/1"}' > "$tmp/n.json"
"$RC" check "$tmp/n.json" >/dev/null 2>&1; check "unknown format" "$?" 2
check "unknown format json" "$("$RC" check "$tmp/n.json" --json | jq -c '[.certificate_format,.kind,.accepted]')" '[null,null,false]'
check "obstruct --check on a flow cert" "$("$RC" obstruct --check proofs/certificates/toy-obstructed-T100.cert >/dev/null 2>&1; echo $?)" 2
# the precision limit: a certificate above --max-prec is refused at once (exit 2, one line
# naming line 2); an edited prec line without a new digest is a digest mismatch
"$RC" flow data/toy-obstructed.json data/toy-data.json --time 1/4 --prec 512 --quiet --certificate "$tmp/p.cert" >/dev/null
check "prec limit exit" "$("$RC" check "$tmp/p.cert" --max-prec 300 >/dev/null 2>&1; echo $?)" 2
check "prec limit reason" "$("$RC" check "$tmp/p.cert" --max-prec 300 --json | jq -r .reason)" \
      "$tmp/p.cert: line 2: prec 512 bits is above the checker's limit of 300 (relucert check --max-prec BITS raises it, up to 1000000)"
check "prec 512 under the default limit" "$("$RC" check "$tmp/p.cert" --quiet >/dev/null 2>&1; echo $?)" 0
check "max-prec 255 refuses prec 256" "$("$RC" check proofs/certificates/toy-obstructed-T100.cert --max-prec 255 >/dev/null 2>&1; echo $?)" 2
check "max-prec bad value" "$("$RC" check "$tmp/p.cert" --max-prec 8 2>&1 >/dev/null | grep -c '^relucert check: --max-prec: 8 is outside the allowed range')" 1
check "quiet: no stderr" "$("$RC" check proofs/certificates/toy-obstructed-T100.cert --quiet 2>&1 >/dev/null | wc -c)" 0
"$RC" check --help | grep -q "usage: relucert check" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: help"; }
rm -rf "$tmp"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
