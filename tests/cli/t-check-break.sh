#!/usr/bin/env bash
# relucert check, adversarial: certificates whose proofs are intact but whose stated claims were
# altered must be rejected (the claims are "the recounted ones"), found by the break_check tester.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
check() { if [ "$2" == "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
"$RC" regions data/regions-deep.json --box -1:1 --certificate "$tmp/r.json" >/dev/null
hist='"facets_hist": {"3": 5, "4": 12, "5": 1}'
grep -q "$hist" "$tmp/r.json"; check "regions cert has the known histogram" "$?" 0
"$RC" check "$tmp/r.json" >/dev/null 2>&1; check "regions cert accepted" "$?" 0
# facets_hist with the keys spelled twice ("3", "03", "003"): the regions with 4 facets vanish
# from the claim while the counts still add up to 18
rej() { sed "$1" "$tmp/r.json" > "$tmp/x.json"; "$RC" check "$tmp/x.json" >/dev/null 2>&1; check "$2" "$?" 2; }
rej "s/$hist/\"facets_hist\": {\"3\": 5, \"03\": 5, \"003\": 5, \"5\": 1, \"05\": 1, \"005\": 1}/" "facets_hist keys with leading zeros"
rej "s/$hist/\"facets_hist\": {\"3\": 5, \" 3\": 5, \"+3\": 5, \"5\": 1, \"5.\": 1, \"5e9\": 1}/" "facets_hist keys not plain integers"
rej 's/"regions": 18,/"regions": 18.9,/' "claims.regions not an integer"
rej 's/"regions": 18,/"regions": 18e0,/' "claims.regions with an exponent"
rej 's/"facets_total": 68,/"facets_total": 68.5,/' "claims.facets_total not an integer"
rej 's/"bounded": 18,/"bounded": 18.99999,/' "claims.bounded not an integer"
rej '0,/"facets":\[\[/s//"facets":[[0.5,["0","0"]],[/' "facet id not an integer"
# obstruction certificate: the class is recomputed from the network; a claim that differs from it
# (even only in its spelling of the counts or in output_bias) is not the recomputed class
"$RC" obstruct data/toy-obstructed.json data/toy-data.json --certificate "$tmp/o.json" >/dev/null
"$RC" check "$tmp/o.json" >/dev/null 2>&1; check "obstruct cert accepted" "$?" 0
orej() { sed "$1" "$tmp/o.json" > "$tmp/x.json"; "$RC" check "$tmp/x.json" >/dev/null 2>&1; check "$2" "$?" 2; }
orej 's/"n_plus": 2,/"n_plus": 2.9,/' "class.n_plus not an integer"
orej 's/"n_plus": 2,/"n_plus": 2e5,/' "class.n_plus with an exponent"
orej 's/"output_bias": false/"output_bias": true/' "class.output_bias not the network's"
# a regions certificate whose redundancy proofs form a chain listed in reverse order (neuron j
# of g_j(x) = x - j is implied by neuron j - 1): the well-foundedness check must not take n passes
# over n proofs (cubic: minutes at H = 6000, hours at 40000 for a 2 MB file)
H=6000
awk -v H=$H 'BEGIN {
  printf "{\"format\": \"relucert.regions-cert/1\", \"network\": {\"format\": \"relucert.network/1\", \"W1\": [";
  for (j = 0; j < H; j++) printf "%s[\"1\"]", (j ? "," : ""); printf "], \"b1\": [";
  for (j = 0; j < H; j++) printf "%s\"%d\"", (j ? "," : ""), -j; printf "], \"W2\": [[";
  for (j = 0; j < H; j++) printf "%s\"1\"", (j ? "," : ""); printf "]]}, \"box\": null, ";
  printf "\"claims\": {\"regions\": 1, \"bounded\": 0, \"unbounded\": 1, \"facets_total\": 1, \"facets_hist\": {\"1\": 1}}, ";
  printf "\"regions\": [{\"pattern\": \""; for (j = 0; j < H; j++) printf "0";
  printf "\", \"point\": [\"-1\"], \"facets\": [[0, [\"0\"]]], \"ray\": [\"-1\"], \"redundant\": [";
  for (j = H - 1; j >= 1; j--) printf "[%d, [[%d, \"1\"]]]%s", j, j - 1, (j > 1 ? "," : ""); printf "]}]}\n" }' > "$tmp/chain.json"
out=$(timeout 10 "$RC" check "$tmp/chain.json" 2>&1); st=$?
check "reverse proof chain: rejected in time" "$st" 2
check "reverse proof chain: proofs accepted, the covering is what fails" "$(echo "$out" | grep -c 'no region on the other side')" 1
rm -rf "$tmp"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
