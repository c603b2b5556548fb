#!/usr/bin/env bash
# relucert replay, text output: the "rigorous bounds: [lo, hi]" of the largest identity residual
# must enclose the JSON enclosure max_identity_residual_enclosure (itself rounded outward), i.e.
# lo_text <= lo_json and hi_json <= hi_text as exact decimals.  Printing the bounds with %.6g
# rounds them to nearest: on the committed toy log the text said [1.59332e-07, 1.59332e-07]
# while the maximum lies in [1.5933229362449915e-7, 1.5933229363016002e-7] (above both ends).
set -u
RC=${1:?path to relucert}
PY=/usr/bin/python3
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
if [ ! -x "$PY" ]; then echo "skip: no $PY"; exit 0; fi

check() {   # name, then the replay arguments
    local name=$1; shift
    local txt js
    txt=$("$RC" replay "$@" | sed -n 's/.*rigorous bounds: \[\(.*\), \(.*\)\]$/\1 \2/p')
    js=$("$RC" replay "$@" --json | jq -r '.max_identity_residual_enclosure | join(" ")')
    if [ -z "$txt" ] || [ -z "$js" ]; then bad "$name: no bounds ($txt | $js)"; return; fi
    if "$PY" -c 'import sys
from fractions import Fraction as F
a, b, c, d = (F(s) for s in sys.argv[1:5])
sys.exit(0 if a <= c and d <= b else 1)' $txt $js; then ok; else bad "$name: text [$txt] does not enclose json [$js]"; fi
}

check toy data/logs/toy-obstructed-log.npz data/logs/toy-obstructed-data.npz --lr 0.125
check cancer data/logs/cancer-log.npz data/logs/cancer-data.npz --lr 0.25 --loss bce
check planted data/logs/planted-flip-log.npz data/toy-data.json --lr 1/8
check exact data/logs/exact-gd-log.npz data/toy-data.json --lr 0.125

echo "t-replay-break: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
