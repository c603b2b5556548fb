#!/bin/bash
# adv_run.sh RELUCERT OUTDIR SEED...: for each seed, an adversarial problem (gen_adv.py), the
# mpmath reference at T = 1, 3 (scripts/flow_reference.py, 50 digits), /2 and /3 runs with
# certificates and `relucert check`; then: python3 adv_cmp.py OUTDIR
RC=$(realpath "$1"); OUT=$2; shift 2
HERE=$(dirname "$(realpath "$0")"); ROOT=$(dirname "$(dirname "$HERE")")
mkdir -p "$OUT" && cd "$OUT" || exit 1
for s in "$@"; do
  lam=$(/usr/bin/python3 "$HERE/gen_adv.py" $s a$s)
  timeout 400 /usr/bin/python3 "$ROOT/scripts/flow_reference.py" a$s-net.json a$s-data.json --time 1,3 --dps 50 --weight-decay $lam > a$s-ref.json 2> a$s-ref.err
  for v in 2 3; do for T in 1 3; do
    timeout 300 "$RC" flow a$s-net.json a$s-data.json --time $T --weight-decay $lam --json --quiet --cert-version $v --certificate a$s-T$T-v$v.cert > a$s-T$T-v$v.json 2>/dev/null
    "$RC" check a$s-T$T-v$v.cert > /dev/null 2>&1; echo $? > a$s-T$T-v$v.chk
  done; done
  echo "seed $s done"
done
