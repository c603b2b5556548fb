#!/usr/bin/env bash
# relucert flow: the JSON contract of doc/formats.md (verdict, time, stays_on_component, theta, loss,
# reason), a closed-form flow (one neuron, w = v, one active sample: w(t)^2 = 1/(1 + 3 e^{-2t}))
# enclosed, --compare-float, --certificate accepted by relucert check (and an edited one
# rejected), --cert-version 1 (byte for byte the committed /1 certificate) and 2 (default), --tube (one JSON line per step, last step ending at T), text output, and exit codes:
# 0 for an answer, 2 for bad input with one line naming the file and the field.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
NET=data/toy-obstructed.json; DATA=data/toy-data.json
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --- JSON contract (the toy: data/toy-obstructed.json, obstructed start, T = 1: 3 events, one slide) ---
out=$("$RC" flow $NET $DATA --time 1 --json --quiet); st=$?
expect "status" "$st" 0
expect "keys" "$(echo "$out" | jq -c '[has("verdict"), has("time"), has("stays_on_component"), has("theta"), has("loss"), has("reason")]')" \
       "[true,true,true,true,true,true]"
expect "verdict in set" "$(echo "$out" | jq -r '.verdict | IN("certified", "not_unique", "not_certified")')" true
expect "toy verdict" "$(echo "$out" | jq -r .verdict)" certified
expect "time exact" "$(echo "$out" | jq -r .time)" 1
expect "theta length P = 6" "$(echo "$out" | jq '.theta | length')" 6
expect "theta pairs of strings" "$(echo "$out" | jq '[.theta[] | select(length == 2 and (.[0] | type) == "string")] | length')" 6
expect "theta lo <= hi" "$(echo "$out" | jq '[.theta[] | select((.[0] | tonumber) <= (.[1] | tonumber))] | length')" 6
expect "loss pair" "$(echo "$out" | jq -r '(.loss | length) == 2 and ((.loss[0] | tonumber) <= (.loss[1] | tonumber))')" true
expect "reason null when certified" "$(echo "$out" | jq -r .reason)" null
expect "stays on component" "$(echo "$out" | jq -r .stays_on_component)" true
# the obstruction: both output weights stay positive, the loss stays >= 5/16
expect "loss above 5/16" "$(echo "$out" | jq -r '(.loss[0] | tonumber) >= 0.3125')" true
expect "v stays positive" "$(echo "$out" | jq -r '(.theta[4][0] | tonumber) > 0 and (.theta[5][0] | tonumber) > 0')" true
expect "event counts" "$(echo "$out" | jq -c '[.crossings, .sliding_phases, .inclusion_steps, .levels_ok]')" "[1,1,0,true]"
# the neuron-1 slide enters at t = 0.2534121653408946... and exits at 1.6629906049007206...
# (independent values: scripts/flow_reference.py); at T = 1 W1[0] is 0.53930039661644905587...
expect "theta[0] at T=1" "$(echo "$out" | jq -r '(.theta[0][0] | tonumber) <= 0.539300396616449 and (.theta[0][1] | tonumber) >= 0.539300396616449')" true

# --- closed form: one neuron f = v relu(w x), no bias, X = (1, -1), y = (1, 0), w0 = v0 = 1/2.
# Sample 2 stays inactive; c = w^2 - v^2 = 0 so w = v, and p = w v solves p' = -2 p (p - 1):
# p(t) = 1 / (1 + 3 e^{-2t}).  At T = 1: w = v = sqrt(p(1)).
printf '{"format": "relucert.network/1", "W1": [["1/2"]], "W2": [["1/2"]]}\n' > "$tmp/cf-net.json"
printf '{"format": "relucert.dataset/1", "X": [["1"], ["-1"]], "y": ["1", "0"]}\n' > "$tmp/cf-data.json"
out=$("$RC" flow "$tmp/cf-net.json" "$tmp/cf-data.json" --time 1 --json --quiet)
expect "closed form verdict" "$(echo "$out" | jq -r .verdict)" certified
expect "closed form theta length" "$(echo "$out" | jq '.theta | length')" 2
for j in 0 1; do
  expect "closed form theta[$j]" "$(echo "$out" | jq --argjson j $j -r '(1 / (1 + 3 * (-2 | exp)) | sqrt) as $w
      | (.theta[$j][0] | tonumber) <= $w + 1e-15 and (.theta[$j][1] | tonumber) >= $w - 1e-15')" true
done
expect "closed form loss" "$(echo "$out" | jq -r '(1 / (1 + 3 * (-2 | exp))) as $p | (($p - 1) * ($p - 1) / 2) as $L
      | (.loss[0] | tonumber) <= $L + 1e-15 and (.loss[1] | tonumber) >= $L - 1e-15')" true

# --- --compare-float: double RK4 near the enclosure (it chatters on the sliding surface: ~1.6e-4)
out=$("$RC" flow $NET $DATA --time 1 --json --quiet --compare-float)
expect "compare method" "$(echo "$out" | jq -r .compare_float.method)" "rk4 h=1/512 double"
expect "compare distance small" "$(echo "$out" | jq -r '.compare_float.max_distance < 1e-3 and .compare_float.max_distance >= 0')" true
expect "compare points" "$(echo "$out" | jq -r '(.compare_float.at | length) >= 1 and (.compare_float.at[-1].t == 1)')" true
expect "compare text" "$("$RC" flow $NET $DATA --time 1 --quiet --compare-float | grep -c 'float RK4')" 1

# --- --certificate then relucert check; --tube ---
out=$("$RC" flow $NET $DATA --time 1 --json --quiet --certificate "$tmp/toy.cert" --tube "$tmp/toy.tube")
steps=$(echo "$out" | jq .steps)
chk=$("$RC" check "$tmp/toy.cert"); st=$?
expect "check status" "$st" 0
expect "check accepted" "$(echo "$chk" | grep -c ACCEPTED)" 1
expect "check json" "$("$RC" check "$tmp/toy.cert" --json | jq -c "{accepted, reason, verdict}")" '{"accepted":true,"reason":null,"verdict":"certified"}'
expect "check theta agrees" "$(echo "$chk" | grep '^theta\[0\] in' | sed 's/.*in \[\(.*\), .*/\1/')" \
       "$(echo "$out" | jq -r '.theta[0][0]')"
sed 's/^time .*/time 2/' "$tmp/toy.cert" > "$tmp/edited.cert"
"$RC" check "$tmp/edited.cert" >/dev/null 2>&1; expect "edited certificate rejected" "$?" 2
# format versions: the default writes relucert.flowcert/3; --cert-version 1 writes /1 byte for
# byte as before (the committed toy certificate, T = 100), both accepted; --json names the version
expect "default version 3" "$(head -1 "$tmp/toy.cert")" "relucert.flowcert/3"
expect "check json format /3" "$("$RC" check "$tmp/toy.cert" --json | jq -r .certificate_format)" "relucert.flowcert/3"
"$RC" flow $NET $DATA --time 100 --quiet --cert-version 1 --certificate "$tmp/v1.cert" >/dev/null
expect "/1 byte-identical to the committed certificate" \
       "$(cmp "$tmp/v1.cert" proofs/certificates/toy-obstructed-T100.cert >/dev/null && echo same)" same
expect "check json format /1" "$("$RC" check "$tmp/v1.cert" --json | jq -c '[.certificate_format, .accepted]')" \
       '["relucert.flowcert/1",true]'
expect "tube lines = steps" "$(wc -l < "$tmp/toy.tube")" "$steps"
expect "tube lines JSON" "$(jq -c 'has("t") and has("kind") and has("theta") and has("loss")' "$tmp/toy.tube" | sort -u)" true
expect "tube theta length" "$(tail -1 "$tmp/toy.tube" | jq '.theta | length')" 6
expect "tube ends at T" "$(tail -1 "$tmp/toy.tube" | jq -r '(.t[0] | tonumber) <= 1 and (.t[1] | tonumber) >= 1')" true
expect "tube kinds" "$(jq -r .kind "$tmp/toy.tube" | sort -u | tr '\n' ' ')" "cross taylor "

# --- text output ---
txt=$("$RC" flow $NET $DATA --time 1 --quiet)
expect "text verdict" "$(echo "$txt" | head -1)" "verdict: certified"
expect "text theta lines" "$(echo "$txt" | grep -c '^  \[')" 6

# --- usage and bad input: exit 2, one line naming the file and the field ---
"$RC" flow --help | grep -q "usage: relucert flow" && ok || bad "help"
one_line() { # NAME WANT-REGEX ARGS...: exit 2, one line on stderr matching WANT
  local name=$1 want=$2; shift 2
  local msg st
  msg=$("$RC" flow "$@" 2>&1 >/dev/null); st=$?
  expect "$name status" "$st" 2
  expect "$name one line" "$(printf '%s\n' "$msg" | wc -l)" 1
  if printf '%s' "$msg" | grep -Eq -- "$want"; then ok; else bad "$name message [$msg] does not match [$want]"; fi
}
one_line "missing net" "data/nonexistent-net\.json" data/nonexistent-net.json $DATA --time 1
one_line "missing data" "data/nonexistent-data\.json" $NET data/nonexistent-data.json --time 1
printf '{"format": "relucert.network/1", "W1": [["NaN"], ["-0.4"]], "b1": ["0.1", "0.1"], "W2": [["0.8", "0.6"]]}\n' > "$tmp/nan-net.json"
one_line "NaN in net" "nan-net\.json: W1\[0\]\[0\]" "$tmp/nan-net.json" $DATA --time 1
one_line "NaN in net (committed)" "net-nan\.json" data/bad/net-nan.json $DATA --time 1
one_line "mismatched dims" "mid-data\.json: X" $NET data/mid-data.json --time 1
one_line "negative time" "--time" $NET $DATA --time -1
one_line "zero time" "--time" $NET $DATA --time 0
one_line "time not a number" "--time" $NET $DATA --time abc
one_line "no time" "--time" $NET $DATA
one_line "negative decay" "--weight-decay" $NET $DATA --time 1 --weight-decay -1
one_line "bad loss" "--loss" $NET $DATA --time 1 --loss hinge
one_line "unknown option" "--frobnicate" $NET $DATA --time 1 --frobnicate
one_line "cert version 4" "--cert-version" $NET $DATA --time 1 --cert-version 4
one_line "cert version 0" "--cert-version" $NET $DATA --time 1 --cert-version 0
one_line "no data" "NET and DATA" $NET --time 1
# resource limits (RC_FLOW_MAX_*): refused before anything is allocated, both files named
awk 'BEGIN { printf "{\"X\": ["; for (i = 0; i < 4097; i++) printf "%s[\"%d\"]", (i ? "," : ""), i;
             printf "], \"y\": ["; for (i = 0; i < 4097; i++) printf "%s\"%d\"", (i ? "," : ""), i % 2; print "]}" }' > "$tmp/big.json"
one_line "memory budget" "data/mid-net.json on data/mid-data.json: the certified flow would need about 24.9 GB .*order 200, 65536 bits.*lower --order or --prec" data/mid-net.json data/mid-data.json --time 1 --order 200 --prec 65536
one_line "too many samples" "$NET on .*big\.json: 4097 samples: the certified flow handles at most 4096" $NET "$tmp/big.json" --time 1

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
