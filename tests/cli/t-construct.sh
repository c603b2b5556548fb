#!/usr/bin/env bash
# CLI contract of relucert construct: the hand-computed Q = 2 example (global cost 0, the all-kept
# local minimum 1/52), every printed network re-evaluated exactly by an independent evaluator
# (python3 fractions) with the cost recomputed and each collapsed class sent to its label,
# --out files identical to the printed networks, a dataset failing the hypothesis with a gap
# exactly 0 (not built), and exit status 2 with one line on bad input.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# independent exact re-evaluation: python3 with fractions, no relucert code
cat > "$tmp/reeval.py" <<'PY'
import json, sys
from fractions import Fraction as F
res = json.load(open(sys.argv[1])); data = json.load(open(sys.argv[2]))
X = [[F(v) for v in row] for row in data["X"]]
Y = [[F(v) for v in (row if isinstance(row, list) else [row])] for row in data["y"]]
def ev(net, x):
    n = max(int(k[1:]) for k in net if k[0] == "W" and k[1:].isdigit())
    h = x
    for k in range(1, n + 1):
        W = [[F(v) for v in r] for r in net["W%d" % k]]
        b = [F(v) for v in net.get("b%d" % k, ["0"] * len(W))]
        z = [sum(w * v for w, v in zip(r, h)) + bb for r, bb in zip(W, b)]
        h = z if k == n else [max(v, 0) for v in z]
    return h
labels = {}
for c in res["hypothesis"]["classes"]:
    labels[c["class"]] = [F(v) for v in c["label"]]
cls = [next(k for k, l in labels.items() if l == y) for y in Y]
pts = [res["global"]] + res["local_minima"]
if len(sys.argv) > 3:     # --out files instead of the embedded networks
    import os
    for p in pts:
        name = "global" if p is res["global"] else "local-" + ("-".join(map(str, p["collapsed"])) or "none")
        path = os.path.join(sys.argv[3], name + ".json")
        if p["built"]:
            p["network"] = json.load(open(path))
        elif os.path.exists(path):
            print("unexpected file", path); sys.exit(1)
bad = 0; checked = 0
for p in pts:
    if not p["built"]:
        continue
    outs = [ev(p["network"], x) for x in X]
    cost = sum(sum((a - b) ** 2 for a, b in zip(o, y)) for o, y in zip(outs, Y)) / len(X)
    if cost != F(p["cost"]):
        print("cost mismatch", p["collapsed"], cost, p["cost"]); bad += 1
    for o, c in zip(outs, cls):
        if c in p["collapsed"] and o != labels[c]:
            print("collapsed class not at its label", p["collapsed"], c); bad += 1
    checked += 1
print(checked if bad == 0 else -1)
PY

out=$("$RC" construct data/construct-q2.json --json); st=$?
expect "q2 status" "$st" 0
echo "$out" > "$tmp/q2.json"
expect "format" "$(jq -r .format "$tmp/q2.json")" "relucert.construct/1"
expect "classes/layers" "$(jq -c '[.classes,.layers]' "$tmp/q2.json")" "[2,2]"
expect "hypothesis" "$(jq -c '[.hypothesis.holds, .hypothesis.classes[0].H1_gap, .hypothesis.classes[1].H2_margin]' "$tmp/q2.json")" '[true,"21/2","27/8"]'
expect "global" "$(jq -c '[.global.cost, .global.proved, .global.collapsed]' "$tmp/q2.json")" '["0",true,[0,1]]'
expect "locals" "$(jq -c '[.local_minima[] | [.collapsed, .cost, .proved]]' "$tmp/q2.json")" \
       '[[[],"1/52",true],[[0],"0",true],[[1],"0",true]]'
expect "hessian" "$(jq -c '.local_minima[0].hessian.negative' "$tmp/q2.json")" 0
expect "network format" "$(jq -r '.global.network.format' "$tmp/q2.json")" "relucert.network/1"
expect "q2 re-evaluated" "$(python3 "$tmp/reeval.py" "$tmp/q2.json" data/construct-q2.json)" 4

mkdir "$tmp/out"
"$RC" construct data/construct-q2.json --out "$tmp/out" >/dev/null; st=$?
expect "out status" "$st" 0
expect "out files" "$(ls "$tmp/out" | tr '\n' ' ')" "global.json local-0.json local-1.json local-none.json "
expect "out re-evaluated" "$(python3 "$tmp/reeval.py" "$tmp/q2.json" data/construct-q2.json "$tmp/out")" 4

for f in construct-q3 construct-q2-labels; do
  "$RC" construct data/$f.json --json > "$tmp/$f.json"; st=$?
  expect "$f status" "$st" 0
  n=$(jq '[.global] + .local_minima | length' "$tmp/$f.json")
  expect "$f all proved" "$(jq '[.global, .local_minima[] | select(.proved)] | length' "$tmp/$f.json")" "$n"
  expect "$f re-evaluated" "$(python3 "$tmp/reeval.py" "$tmp/$f.json" data/$f.json)" "$n"
done
# deeper than Q
"$RC" construct data/construct-q2.json --layers 4 --json > "$tmp/l4.json"
expect "L=4 W5" "$(jq -r '.global.network.W5 | length' "$tmp/l4.json")" 2
expect "L=4 re-evaluated" "$(python3 "$tmp/reeval.py" "$tmp/l4.json" data/construct-q2.json)" 4

# hypothesis failing with a gap exactly 0: nothing collapsed is built, the all-kept point is
"$RC" construct data/construct-zero-margin.json --json > "$tmp/z.json"; st=$?
expect "zero status" "$st" 0
expect "zero hyp" "$(jq -c '[.hypothesis.holds, .hypothesis.classes[0].H1_gap, .hypothesis.classes[0].H1]' "$tmp/z.json")" '[false,"0",false]'
expect "zero global" "$(jq -c '[.global.built, .global.proved, .global.network]' "$tmp/z.json")" '[false,false,null]'
jq -r .global.reason "$tmp/z.json" | grep -q "H1 fails for class 0: gap = 0" && ok || bad "zero reason"
expect "zero locals" "$(jq -c '[.local_minima[] | .built]' "$tmp/z.json")" '[true,false,false]'
"$RC" construct data/construct-zero-margin.json | grep -q "FAILS" && ok || bad "zero text"

# bad input: one line on stderr, status 2
printf '{"X": [["0","0","0"]], "y": ["1"]}' > "$tmp/d3.json"
"$RC" construct "$tmp/d3.json" >/dev/null 2>"$tmp/err"; expect "d>Q status" "$?" 2
expect "d>Q one line" "$(wc -l < "$tmp/err")" 1
grep -q "input dimension" "$tmp/err" && ok || bad "d>Q message: $(cat "$tmp/err")"
printf '{"X": [["0","0"],["1","1"]], "y": [["1","2"],["2","4"]]}' > "$tmp/dep.json"
"$RC" construct "$tmp/dep.json" >/dev/null 2>"$tmp/err"; expect "dependent status" "$?" 2
grep -q "linearly independent" "$tmp/err" && ok || bad "dependent message"
"$RC" construct data/construct-q2.json --layers 0 >/dev/null 2>&1; expect "layers 0" "$?" 2
"$RC" construct "$tmp/missing.json" >/dev/null 2>&1; expect "missing" "$?" 2
"$RC" construct >/dev/null 2>&1; expect "no data" "$?" 2
"$RC" construct --help | grep -q "usage: relucert construct" && ok || bad "help"

echo "t-construct: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
