#!/usr/bin/env bash
# Breaker's reproducers for relucert prob that FAIL on ebeb272 (none is a wrong certified value):
#  1. the Monte Carlo fallback has no resource limit: its cost is samples x (d' + e) draws with
#     d, e up to 10^6 and samples up to 10^9; `prob --init kaiming-uniform --input-dim 129012
#     --hidden 7 --no-bias` (no certified method: uniform, 129012 coordinates, r > 1) runs for
#     about half an hour, `prob --init xavier-normal --input-dim 1 --hidden 1000000 --output-dim
#     1000000` (Arb's incomplete beta gives no finite ball, so it falls back) for hours.
#     Guidelines: "never a crash, hang or silent guess. Resource limits refused (RC_ELIMIT)".
#  2. doc/prob.md says "All normal schemes, every d, l, e" are certified; kaiming-normal with
#     d = 1, l = 10, e = 100000 is not (arb_hypgeom_beta_lower(1/2, 50000, 1-1/6, ...) is not
#     finite at any --prec), nor xavier-normal d = 1, l = e = 10^6.
#  3. a Monte Carlo probability interval is printed with a negative lower bound
#     (["-5.2460184633840167834e-12", ...]) or an upper bound above 1 (arb_set_interval_arf
#     rounds the radius to a 30-bit mag_t), and --level 0.99 prints as 0.98999999999999999.
#  4. `relucert prob` prints "certified": true (and "each true value lies in its interval") with
#     p_disconnected = ["nan", "nan"] and p_negative_level = [-9.3e-10, 1 + 9.3e-10]: at the
#     default 128 bits arb_hypgeom_beta_lower returns a finite but useless ball, it is
#     intersected with [0, 1], and 1 - (1 - q)^l of q = 1 - p (d' = 1, e >= 2) is NaN.
#     `relucert table` raises the precision and gets ~1e-209 right; `prob` does not.
#     Repro: relucert prob --init lecun-normal --input-dim 1 --hidden 10 --output-dim 26018 --no-bias --json
#  5. `relucert table --format csv` writes an uncertified-digits value as "[-6.93e-127, 6.28e-119]"
#     without CSV quoting: the row has one field more than the header, so a CSV reader takes
#     " 6.28e-119]" as p_disconnected_lo and -6.92e-127 as p_disconnected_hi: an "upper bound"
#     below the true value 2.88e-208 (scripts/ref_prob.py; the shifted hi column is
#     -6.92473396333930184e-127 < 0 < truth), so the column read as the certified upper bound is
#     WRONG.  Repro: relucert table --init kaiming-normal --input-dim 1 --hidden 10
#     --output-dim 10000 --no-bias --format csv --quantity p_negative_level,p_disconnected
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()  { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }

# 1. must answer (or refuse with status 2/3) within 10 s
timeout 10 "$RC" prob --init kaiming-uniform --input-dim 129012 --hidden 7 --no-bias --json >/dev/null 2>&1
st=$?
[ $st -ne 124 ] && ok || bad "kaiming-uniform d=129012 l=7 --no-bias: still running after 10 s (Monte Carlo 1.3e11 draws, no limit)"
timeout 10 "$RC" prob --init xavier-normal --input-dim 1 --hidden 1000000 --output-dim 1000000 --json >/dev/null 2>&1
st=$?
[ $st -ne 124 ] && ok || bad "xavier-normal d=1 l=e=10^6: still running after 10 s (Monte Carlo fallback 1e12 draws)"

# 2. normal schemes are documented as always certified
out=$("$RC" prob --init kaiming-normal --input-dim 1 --hidden 10 --output-dim 100000 --samples 100 --json)
[ "$(echo "$out" | jq -r .certified)" == true ] && ok || bad "kaiming-normal d=1 l=10 e=100000: not certified (doc/prob.md: all normal schemes certified)"

# 3. probabilities inside [0, 1]
out=$("$RC" prob --init kaiming-uniform --input-dim 1000 --hidden 7 --no-bias --samples 100000 --json)
python3 - "$out" <<'PY' && ok || bad "Monte Carlo probability bounds outside [0, 1] or level misprinted"
import json, sys
from decimal import Decimal as D
o = json.loads(sys.argv[1])
good = True
for k in ["p_negative_level", "p_factor_disconnected", "p_disconnected"]:
    lo, hi = D(o[k][0]), D(o[k][1])
    if lo < 0 or hi > 1:
        print(f"  {k}: [{o[k][0]}, {o[k][1]}]")
        good = False
if str(o["confidence_level"]) != "0.99":
    print("  confidence_level", o["confidence_level"])
    good = False
sys.exit(0 if good else 1)
PY

# 4. no NaN in a certified report
for args in "--init lecun-normal --input-dim 1 --hidden 10 --output-dim 26018 --no-bias" \
            "--init kaiming-normal --input-dim 1 --hidden 10 --output-dim 3000 --no-bias"; do
  out=$("$RC" prob $args --samples 100 --json)
  if [ "$(echo "$out" | jq -r .certified)" == true ] && echo "$out" | grep -q nan; then
    bad "prob $args: certified with a NaN interval: $(echo "$out" | jq -c .p_disconnected)"
  else ok; fi
done

# 5. CSV rows have as many fields as the header
out=$("$RC" table --init kaiming-normal --input-dim 1 --hidden 10 --output-dim 10000 --no-bias --format csv \
      --quantity p_negative_level,p_disconnected)
python3 - "$out" <<'PY' && ok || bad "table CSV: unquoted comma in a value shifts the _lo/_hi columns"
import csv, io, sys
rows = list(csv.reader(io.StringIO(sys.argv[1])))
good = all(len(r) == len(rows[0]) for r in rows)
if not good:
    print("  ", [len(r) for r in rows], rows[1])
sys.exit(0 if good else 1)
PY

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
