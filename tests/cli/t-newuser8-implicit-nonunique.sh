#!/usr/bin/env bash
# Reproducer (tester newuser8): `relucert implicit` on a network whose equilibria it proves
# NOT unique still states, unqualified, an exact loss, an exactly singular Gram matrix and
# "gram_lambda_min_positive: refuted" -- facts about the one branch it happened to pick.
# Fixed (lead): the hypothesis is "not_checked" unless the equilibria are proved unique, and the
# Gram and loss values are labeled as those of the equilibria found (JSON equilibria_scope).
#
# z = relu(2 I z + W x + b), W = (1, 0)^T, b = (-1, -1), U = (1, 1), samples x = 0, 1/2, y = 1, 1.
# relucert picks z*(0) = z*(1/2) = (0, 0): "loss exactly 1", "G singular exactly: lambda_min = 0",
# hypothesis gram_lambda_min_positive "refuted".  But z(0) = (1, 0) and z(1/2) = (0, 1) are also
# exactly verified equilibria (z1 = relu(2 - 1) = 1, z2 = relu(0 - 1) = 0; z1 = relu(0 - 1/2) = 0,
# z2 = relu(2 - 1) = 1), with G = I (lambda_min = 1 > 0) and loss 0.  So "refuted" and
# "exactly 1" are false as statements about the network; with unique = false (or null) they
# should be withheld or labelled as being about the equilibria found.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat > "$tmp/n.json" <<'J'
{"format":"relucert.implicit-network/1","gamma":"2","A":[["1","0"],["0","1"]],"W":[["1"],["0"]],"b":["-1","-1"],"U":[["1","1"]]}
J
echo '{"X":[["0"],["1/2"]],"y":["1","1"]}' > "$tmp/d.json"
out=$("$RC" implicit "$tmp/n.json" "$tmp/d.json" --json)
u=$(echo "$out" | jq -r .unique)
if [ "$u" = false ]; then ok; else bad "unique: $u (want false)"; fi
h=$(echo "$out" | jq -r '.hypotheses[] | select(.name == "gram_lambda_min_positive") | .status')
if [ "$h" != refuted ]; then ok; else bad "gram_lambda_min_positive 'refuted' although another exact branch has G = I"; fi
# fixed by scoping: loss, loss_exact and gram_* are kept (they are exact for the equilibria found)
# but labeled: "equilibria_scope": "found" in JSON, a note on the text lines
sc=$(echo "$out" | jq -r '.equilibria_scope')
if [ "$sc" = found ]; then ok; else bad "equilibria_scope: $sc (want found: loss_exact 1 is one branch's, another has loss 0)"; fi
txt=$("$RC" implicit "$tmp/n.json" "$tmp/d.json")
if echo "$txt" | grep -q '^loss .*exactly 1.*of the equilibria found; they are NOT unique'; then ok; else bad "text: loss line not labeled as the equilibria found"; fi
if echo "$txt" | grep -q '^Gram .*of the equilibria found; they are NOT unique'; then ok; else bad "text: Gram line not labeled"; fi
# uniqueness not proved (z = relu(z): every z >= 0 is an equilibrium; gamma ||A|| = 1)
cat > "$tmp/n1.json" <<'J'
{"format":"relucert.implicit-network/1","gamma":"1","A":[["1","0"],["0","1"]],"W":[["0"],["0"]],"b":["0","0"],"U":[["1","1"]]}
J
out=$("$RC" implicit "$tmp/n1.json" "$tmp/d.json" --json)
u=$(echo "$out" | jq -r .unique)
if [ "$u" != true ]; then ok; else bad "z = relu(z): unique true"; fi
if [ "$(echo "$out" | jq -r .equilibria_scope)" = found ]; then ok; else bad "z = relu(z): scope not 'found'"; fi
h=$(echo "$out" | jq -r '.hypotheses[] | select(.name == "gram_lambda_min_positive") | .status')
if [ "$h" = not_checked ]; then ok; else bad "z = relu(z): gram_lambda_min_positive $h (want not_checked)"; fi
# unique (well-posed): scope unique
cat > "$tmp/n2.json" <<'J'
{"format":"relucert.implicit-network/1","gamma":"1/2","A":[["1","0"],["0","1"]],"W":[["1"],["1"]],"b":["1","1"],"U":[["1","1"]]}
J
out=$("$RC" implicit "$tmp/n2.json" "$tmp/d.json" --json)
if [ "$(echo "$out" | jq -r .unique)/$(echo "$out" | jq -r .equilibria_scope)" = true/unique ]; then ok; else bad "well-posed: unique/scope not true/unique"; fi
echo "t-newuser8-implicit-nonunique: $pass passed, $fail failed"
[ "$fail" = 0 ]
