#!/usr/bin/env bash
# Reproducer (tester newuser8): `relucert implicit` on a network whose equilibria it proves
# NOT unique still states, unqualified, an exact loss, an exactly singular Gram matrix and
# "gram_lambda_min_positive: refuted" -- facts about the one branch it happened to pick.
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
le=$(echo "$out" | jq -r '.loss_exact // "absent"')
if [ "$le" != 1 ]; then ok; else bad "loss_exact 1 although another exact branch has loss 0"; fi
echo "t-newuser8-implicit-nonunique: $pass passed, $fail failed"
[ "$fail" = 0 ]
