#!/usr/bin/env bash
# break_default3 (a limitation a user trips over; not a wrong answer; the same in /1, /2 and /3):
# the unobstructed toy scaled by S (weights * S, targets * S^2; its flow at t / S^2 is S theta(t)
# exactly) is certified at S = 4096 but NOT at S = 8192 or 16384 (weights of a few thousand,
# rates of order 2^26): "rule failed, inclusion steps after it: malformed step: duration not
# proved positive (at t = 0); enclosure lost at t = ...", whatever --prec, --tol-bits or
# --cert-version.  Expected: certified, like the unscaled toy and S = 4096, with the enclosure
# of theta(5 / S^2) overlapping S times the unscaled enclosure of theta(5).  Fixed: the step-size
# estimate tau / max |th_n| underflowed a double (integrate.c, step_from_log2).
set -u
RC=${1:?path to relucert}
PY=/usr/bin/python3
[ -x $PY ] || { echo "t-default3-scale: python3 missing, skipped"; exit 0; }
command -v jq > /dev/null || { echo "t-default3-scale: jq missing, skipped"; exit 0; }
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
"$RC" flow data/toy-unobstructed.json data/toy-data.json --time 5 --json --quiet > "$tmp/base.json"
for S in 4096 8192 16384; do
  $PY - "$S" "$tmp/s$S" <<'PYEOF'
import json, sys
from fractions import Fraction as F
s, out = F(sys.argv[1]), sys.argv[2]
q = lambda x: str(x.numerator) if x.denominator == 1 else "%d/%d" % (x.numerator, x.denominator)
n = json.load(open("data/toy-unobstructed.json")); d = json.load(open("data/toy-data.json"))
n["W1"] = [[q(F(v) * s) for v in r] for r in n["W1"]]; n["W2"] = [[q(F(v) * s) for v in r] for r in n["W2"]]
n["b1"] = [q(F(v) * s) for v in n["b1"]]; d["y"] = [q(F(v) * s * s) for v in d["y"]]
json.dump(n, open(out + "-net.json", "w")); json.dump(d, open(out + "-data.json", "w"))
PYEOF
  "$RC" flow "$tmp/s$S-net.json" "$tmp/s$S-data.json" --time "5/$((S * S))" --json --quiet > "$tmp/s$S.json"
  v=$(jq -r .verdict "$tmp/s$S.json")
  if [ "$v" != certified ]; then
    fail=$((fail+1)); echo "FAIL: S = $S: verdict $v, want certified ($(jq -r .reason "$tmp/s$S.json" | cut -c1-160))"
    continue
  fi
  $PY - "$S" "$tmp/base.json" "$tmp/s$S.json" <<'PYEOF' || fail=$((fail+1))
import json, sys
from fractions import Fraction as F
s = F(sys.argv[1]); a = json.load(open(sys.argv[2])); b = json.load(open(sys.argv[3]))
for j, ((l1, h1), (l2, h2)) in enumerate(zip(a["theta"], b["theta"])):
    if F(l2) > s * F(h1) or F(h2) < s * F(l1):
        print("FAIL: S = %s: theta[%d] of the scaled run misses S times the unscaled enclosure" % (s, j)); sys.exit(1)
PYEOF
done
echo "t-default3-scale: $fail failed"
[ "$fail" -eq 0 ]
