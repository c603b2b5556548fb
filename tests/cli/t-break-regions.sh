#!/usr/bin/env bash
# Breaker tests of relucert regions / check (regions certificates), against an independent
# exact reference (tests/ref/regions_ref.py: pattern enumeration with an exact Fraction simplex,
# facets by relative-interior LPs, no relucert code).  Hand cases whose counts the reference
# computed: almost concurrent lines (a 10^-30 shift: 7 regions, not 6), planes through box corners
# and along box faces in 3-D, a leaky deep network, entries 2^-1100 and 2^1030 beyond doubles,
# dead/constant/duplicate second-layer neurons; each certificate accepted and every tampering
# rejected; then a seeded random comparison (counts, histograms, patterns, per-region facets,
# interior points, affine maps, exact volumes) when python3 is available.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

cat > "$tmp/near.json" <<'J'
{"W1": [["1","0"],["0","1"],["1","1"]], "b1": ["-1/2","-1/2","-1000000000000000000000000000001/1000000000000000000000000000000"], "W2": [["1","1","1"]]}
J
cat > "$tmp/corner3.json" <<'J'
{"W1": [["1","1","1"],["1","0","0"],["1","-1","0"],["0","0","2"]], "b1": ["3","-1","0","-2"],
 "W2": [["1","-1","1","0"],["0","1","1","1"]], "b2": ["-1/2","0"], "W3": [["1","1"]]}
J
cat > "$tmp/leaky.json" <<'J'
{"activation": {"leaky_relu": "1/4"}, "W1": [["1","-1"],["2","1"],["0","1"]], "b1": ["0","-1","1/3"],
 "W2": [["1","1","-1"],["-1","2","1"]], "b2": ["1/2","-1"], "W3": [["1","-1"]]}
J
cat > "$tmp/mixed.json" <<'J'
{"W1": [["1","0x1p-1100"],["0x1p1030","1"],["1","1"]], "b1": ["0x1p-1100","-0x1p1029","0"],
 "W2": [["1","0x1p-1030","-1"],["0x1p1030","1","1"]], "b2": ["0","-1"], "W3": [["1","1"]]}
J
cat > "$tmp/dead2.json" <<'J'
{"W1": [["1","0"],["0","1"]], "b1": ["0","0"],
 "W2": [["0","0"],["0","0"],["1","0"],["2","0"]], "b2": ["0","1","-1/2","-1"], "W3": [["1","1","1","1"]]}
J
# name box expected [regions,bounded,facets_total,facets_hist] (from regions_ref.py)
while read -r name box want; do
  args=(); [ "$box" != "-" ] && args=(--box "$box")
  for extra in "" "--lp"; do
    [ -n "$extra" ] && { [ "$box" == "-" ] || [ "$name" == "corner3" ]; } && continue
    got=$("$RC" regions "$tmp/$name.json" "${args[@]}" $extra --json --certificate "$tmp/$name.cert" | jq -c '[.regions,.bounded,.facets_total,.facets_hist]')
    expect "$name box=$box $extra" "$got" "$want"
    "$RC" check "$tmp/$name.cert" > /dev/null; expect "$name box=$box $extra: certificate accepted" "$?" 0
  done
done <<'T'
near - [7,1,18,{"2":3,"3":4}]
near -1:1 [7,7,28,{"3":3,"4":1,"5":3}]
corner3 - [24,2,98,{"3":4,"4":14,"5":6}]
corner3 -1:1 [4,4,20,{"4":2,"6":2}]
leaky - [16,6,48,{"2":5,"3":6,"4":5}]
leaky -1:1 [15,15,55,{"3":9,"4":3,"5":2,"6":1}]
mixed - [13,4,38,{"2":3,"3":8,"4":2}]
mixed -1:1 [11,11,41,{"3":3,"4":8}]
dead2 - [6,0,14,{"2":4,"3":2}]
dead2 -1:1 [6,6,24,{"4":6}]
T

if command -v python3 > /dev/null; then
  # tampering: every altered certificate must be REJECTED (exit 2)
  "$RC" regions "$tmp/leaky.json" --box -1:1 --certificate "$tmp/lk.cert" > /dev/null
  "$RC" regions "$tmp/leaky.json" --certificate "$tmp/lkn.cert" > /dev/null
  python3 - "$tmp" <<'PY'
import copy, json, sys
from fractions import Fraction
tmp = sys.argv[1]
n = 0
def w(c):
    global n
    json.dump(c, open("%s/tam-%03d.json" % (tmp, n), "w")); n += 1
for src in ("lk.cert", "lkn.cert"):
    base = json.load(open("%s/%s" % (tmp, src)))
    cl = base["claims"]
    for k in ("regions", "bounded", "unbounded", "facets_total"):
        c = copy.deepcopy(base); c["claims"][k] += 1; w(c)
    c = copy.deepcopy(base); h = c["claims"]["facets_hist"]; k = sorted(h)[0]; h[k] += 1; w(c)
    c = copy.deepcopy(base); h = c["claims"]["facets_hist"]; k = sorted(h)[0]; h["0" + k] = h.pop(k); w(c)
    for i, r in list(enumerate(base["regions"]))[:6]:
        c = copy.deepcopy(base); del c["regions"][i]; w(c)                                    # a region left out
        c = copy.deepcopy(base); c["regions"].append(copy.deepcopy(r)); w(c)                  # listed twice
        c = copy.deepcopy(base); c["regions"][i]["pattern"] = r["pattern"][:-1] + ("1" if r["pattern"][-1] == "0" else "0"); w(c)
        c = copy.deepcopy(base); c["regions"][i]["facets"] = r["facets"][1:]; w(c)         # a facet left out
        if r["facets"]:
            c = copy.deepcopy(base); c["regions"][i]["point"] = r["facets"][0][1]; w(c)     # point onto a facet
            # facet point moved off its hyperplane (offsets no small-rational normal is orthogonal to)
            c = copy.deepcopy(base); f = c["regions"][i]["facets"][0]
            f[1] = [str(Fraction(v) + Fraction(1, 1000003 ** (t + 1))) for t, v in enumerate(f[1])]; w(c)
            c = copy.deepcopy(base); c["regions"][i]["redundant"].append([r["facets"][0][0], []]); c["regions"][i]["facets"] = r["facets"][1:]; w(c)
        for j, red in enumerate(r["redundant"]):
            if red[1]:
                c = copy.deepcopy(base); u = c["regions"][i]["redundant"][j][1][0]; u[1] = "-" + u[1] if not u[1].startswith("-") else u[1][1:]
                if u[1] != "-0": w(c)
        if "ray" in r:
            c = copy.deepcopy(base); c["regions"][i]["ray"] = ["0"] * len(r["ray"]); w(c)
            c = copy.deepcopy(base); c["regions"][i]["ray"] = [str(-int(v)) if v.lstrip("-").isdigit() else "-" + v for v in r["ray"]]; w(c)
print(n)
PY
  nt=$(ls "$tmp"/tam-*.json | wc -l)
  rej=0; acc=""
  for f in "$tmp"/tam-*.json; do
    "$RC" check "$f" > /dev/null 2>&1; s=$?
    if [ $s -eq 2 ]; then rej=$((rej+1)); else acc="$acc $(basename "$f"):$s"; fi
  done
  expect "tampered certificates rejected ($nt)" "$rej$acc" "$nt"
fi

# random comparison with the independent reference (counts, patterns, facets, points, maps, volumes)
if command -v /usr/bin/python3 > /dev/null && [ -f tests/ref/fuzz_regions.py ]; then
  out=$(/usr/bin/python3 tests/ref/fuzz_regions.py "$RC" 25 7 "$tmp" 2>&1); st=$?
  expect "fuzz_regions seed 7 (${out##*summary })" "$st" 0
  [ $st -ne 0 ] && echo "$out" | grep -v '^summary' | head -20
  out=$(FUZZ_KINDS=mixed,corner,edge2,degen,nearconc,deep,crosslayer /usr/bin/python3 tests/ref/fuzz_regions.py "$RC" 20 8 "$tmp" 2>&1); st=$?
  expect "fuzz_regions adversarial seed 8 (${out##*summary })" "$st" 0
  [ $st -ne 0 ] && echo "$out" | grep -v '^summary' | head -20
fi

echo "t-break-regions: $pass passed, $fail failed"
[ $fail -eq 0 ]
