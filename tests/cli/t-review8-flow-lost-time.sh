#!/usr/bin/env bash
# Reproducer (reviewer review8): when a flow run stops because the enclosure was lost,
# theta, loss (JSON) / "loss at t", "theta(t)" (text) are the enclosures at the END of the step
# that lost it (finish() takes r->st.E after record_step moved r->t to that step's end), but
# theta_time and the text's "t = ..." are the time BEFORE that step (integrate.c: the
# lost_time branch breaks before res->reached_time = arb_mid_d(r.t)).  doc/formats.md:
# "theta_time: the time at which theta holds", "loss: L(theta(theta_time))".
# data/flow-break-onsurface, --time 1: 615 inclusion steps; the last tube line (t = 0.6005859375)
# is the JSON theta, while theta_time = 0.599609375 (the tube line before).  Here the later box
# happens to contain the earlier one, so no enclosure is false, but the labels are.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$RC" flow data/flow-break-onsurface-net.json data/flow-break-onsurface-data.json --time 1 --quiet \
    --json --tube "$tmp/tube.jsonl" > "$tmp/out.json"; st=$?
if [ "$st" = 0 ]; then ok; else bad "status $st"; fi
if [ "$(jq -r .enclosure_lost "$tmp/out.json")" = true ]; then ok; else bad "enclosure not lost (test premise)"; fi
tt=$(jq -r .theta_time "$tmp/out.json")
# the tube line whose theta is the JSON theta: its time must be theta_time
line=$(jq -c --slurpfile r "$tmp/out.json" 'select(.theta[0] as $a | ($r[0].theta[0] | map(tonumber)) == ($a | map(tonumber)))' "$tmp/tube.jsonl" | tail -1)
lt=$(echo "$line" | jq -r '.t[0]')
if python3 -c "import sys; sys.exit(0 if float('$lt') == float('$tt') else 1)" 2>/dev/null; then ok
else bad "theta is the enclosure at t = $lt (tube), but theta_time = $tt"; fi
echo "t-review8-flow-lost-time: $pass passed, $fail failed"
[ "$fail" = 0 ]
