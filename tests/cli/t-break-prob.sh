#!/usr/bin/env bash
# Breaker's checks of relucert prob / table / family / inspect / equiv / reach / canon against
# independent references (scripts/ref_prob.py: incomplete beta by finite sums and continued
# fractions at 80 digits, uniform laws by polar integrals; scripts/ref_sym.py: brute force over
# all permutations with exact rationals).  The prob references below were computed once with
# scripts/ref_prob.py (mpmath, 80 digits) and are given to 40 significant digits.
set -u
RC=${1:?path to relucert}
HERE=$(cd "$(dirname "$0")" && pwd)
pass=0; fail=0
ok()  { pass=$((pass+1)); }
bad() { fail=$((fail+1)); echo "FAIL: $*"; }

# cell: SCHEME D L E BIAS, then the references of p_negative_level p_factor_disconnected
# p_disconnected expected_components expected_effective_components
REFS=(
  "kaiming-normal 1 10 1 --bias 1.949822290421366451594670796280940752911e-1 1.949822290421366451594670796280940752911e-1 8.856977771463354299833923093498534769319e-1 5.937648275617461331502908383179783310781 2.949822290421366451594670796280940752911"
  "kaiming-normal 1000 1000000 1 --bias 1.531120437547533757662735531210086158659e-1502 1.531120437547533757662735531210086158659e-1502 1.531120437547533757662735531210086158659e-1496 1.0 1.0"
  "kaiming-normal 1000000 10 1000 --bias 1.0 0.0 0.0 1.0 1.0"
  "xavier-normal 1 1 1 --no-bias 5.0e-1 1.0 1.0 2.0 2.0"
  "xavier-normal 1 7 3 --no-bias 7.808979625829520044992047087414486903604e-1 2.191020374170479955007952912585513096396e-1 8.22923867480403677787574546464924409251e-1 4.002030550101774325803851536210543654839 2.533714261919335968505567038809859167477"
  "lecun-normal 999999 999999 999999 --bias 5.0e-1 0.0 0.0 1.0 1.0"
  "xavier-normal 2 1000000 1 --bias 2.928933955899047046169839672057063648675e-1 2.928933955899047046169839672057063648675e-1 1.0 5.211702385136852429242432142465512188659e+111562 2.928943955899047046169839672057063648675e+5"
  "xavier-uniform 2 1 1 --bias 3.771484781437485864231762158074819779563e-1 3.771484781437485864231762158074819779563e-1 3.771484781437485864231762158074819779563e-1 1.377148478143748586423176215807481977956 1.377148478143748586423176215807481977956"
  "xavier-uniform 2 1000000 1 --bias 2.617996495982753032291234625488602749752e-1 2.617996495982753032291234625488602749752e-1 1.0 2.526192357465799160239213094787887898173e+100990 2.618006495982753032291234625488602749752e+5"
  "torch-default 1 1 1 --bias 2.617993877991494365385536152732919070164e-1 2.617993877991494365385536152732919070164e-1 2.617993877991494365385536152732919070164e-1 1.261799387799149436538553615273291907016 1.261799387799149436538553615273291907016"
  "torch-default 1 1000000 1 --bias 2.617993877991494365385536152732919070164e-7 2.617993877991494365385536152732919070164e-7 2.30334613882782199900482947259462193751e-1 1.299265823172650530555516365521299664032 1.261799387799149436538553615273291907016"
  "kaiming-uniform 2 1 1 --bias 4.589249199532564955353266399164773324498e-1 4.589249199532564955353266399164773324498e-1 4.589249199532564955353266399164773324498e-1 1.45892491995325649553532663991647733245 1.45892491995325649553532663991647733245"
  "kaiming-uniform 2 2 1 --no-bias 2.617993877991494365385536152732919070164e-1 2.617993877991494365385536152732919070164e-1 4.550598561462894382240899319363327644821e-1 1.592137695050308307930124529156834863584 1.523598775598298873077107230546583814033"
  "kaiming-uniform 1000000 1000000 1 --bias 8.528865373702899132411021960127911539988e-2684803 8.528865373702899132411021960127911539988e-2684803 8.528865373702899132411021960127911539988e-2684797 1.0 1.0"
  "kaiming-uniform 1 3 1 --no-bias 2.886751345948128822545743902509787278238e-1 1.0 1.0 8.0 5.232050807568877293527446341505872366943"
  "torch-default 1 2 1 --no-bias 3.535533905932737622004221810524245196424e-1 1.0 1.0 4.0 3.457106781186547524400844362104849039285"
  "kaiming-normal 1 3 2 --no-bias 5.0e-1 5.0e-1 8.75e-1 3.375 2.5"
  "lecun-normal 3 5 1 --bias 1.113671547140838534465652594997769719154e-1 1.113671547140838534465652594997769719154e-1 4.458698161930120585810218410726487521397e-1 1.695460934746067671007009148816985716988 1.556835773570419267232826297498884859577"
)
for cell in "${REFS[@]}"; do
  set -- $cell
  out=$("$RC" prob --init "$1" --input-dim "$2" --hidden "$3" --output-dim "$4" "$5" --samples 1000 --json)
  st=$?
  if [ $st -ne 0 ]; then bad "prob $1 $2 $3 $4 $5: exit $st"; continue; fi
  if [ "$(echo "$out" | jq -r .certified)" != true ]; then bad "prob $1 $2 $3 $4 $5: not certified"; continue; fi
  python3 - "$out" "${@:6}" <<'PY' && ok || bad "prob $cell"
import json, sys
from decimal import Decimal as D, getcontext
getcontext().prec = 80
getcontext().Emin = -999999999
getcontext().Emax = 999999999
o = json.loads(sys.argv[1])
keys = ["p_negative_level", "p_factor_disconnected", "p_disconnected", "expected_components",
        "expected_effective_components"]
good = True
for k, r in zip(keys, sys.argv[2:]):
    lo, hi, r = D(o[k][0]), D(o[k][1]), D(r)
    tol = abs(r) * D("1e-35")          # the reference is rounded to 40 digits
    if not (lo - tol <= r <= hi + tol):
        print(f"  {k}: [{o[k][0]}, {o[k][1]}] misses {r}")
        good = False
sys.exit(0 if good else 1)
PY
done

# table: the same cells through relucert table must print the true value correctly rounded
out=$("$RC" table --init kaiming-normal,xavier-uniform,torch-default --input-dim 1,2 --hidden 1,10,1000000 \
      --format csv --quantity p_negative_level,p_disconnected --digits 16)
python3 - "$out" <<'PY' && ok || bad "table rounding"
import csv, io, sys
from decimal import Decimal as D
# p_negative_level references (scripts/ref_prob.py), 40 digits
ref = {("kaiming-normal", 1, 10): "1.949822290421366451594670796280940752911e-1",
       ("xavier-uniform", 2, 1): "3.771484781437485864231762158074819779563e-1",
       ("xavier-uniform", 2, 1000000): "2.617996495982753032291234625488602749752e-1",
       ("torch-default", 1, 1): "2.617993877991494365385536152732919070164e-1",
       ("torch-default", 1, 1000000): "2.617993877991494365385536152732919070164e-7"}
good = True
for row in csv.DictReader(io.StringIO(sys.argv[1])):
    key = (row["scheme"], int(row["input_dim"]), int(row["hidden"]))
    if key not in ref:
        continue
    v, t = row["p_negative_level"], D(ref[key])
    mant = v.split("e")[0]
    exp = int(v.split("e")[1]) if "e" in v else 0
    ulp = D(10) ** (exp - (len(mant.split(".")[1]) if "." in mant else 0))
    if abs(D(v) - t) > ulp / 2 or not (D(row["p_negative_level_lo"]) <= t <= D(row["p_negative_level_hi"])):
        print("  ", key, v, row["p_negative_level_lo"], row["p_negative_level_hi"], "truth", t)
        good = False
sys.exit(0 if good else 1)
PY

# family: every row of a small sweep against the brute-force Kunneth product
python3 "$HERE/../../scripts/break_family_check.py" "$RC" >/dev/null && ok || bad "family brute force"

# inspect / equiv / reach / canon / deep levels: randomized brute force with a fixed seed
python3 "$HERE/../../scripts/ref_sym.py" "$RC" 20 11 >/dev/null && ok || bad "ref_sym brute force (seed 11, 20 rounds)"

echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
