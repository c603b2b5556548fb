#!/usr/bin/env bash
# A tester's check of the default arithmetic 3 (break_default3): `relucert flow` writes
# relucert.flowcert/3 and "arithmetic": 3 by default, and the certificate's bytes, the flow's
# enclosures and `relucert check`'s report do not depend on the caller's floating-point
# environment.  The caller's environment is set by an LD_PRELOAD shared object whose constructor
# calls fesetround (FE_DOWNWARD, FE_UPWARD, FE_TOWARDZERO), sets the MXCSR FTZ and DAZ bits, both,
# or unmasks the invalid/divide-by-zero/overflow/underflow traps (built here with cc; the
# environment part is skipped without a C compiler or off x86-64).  Also: `relucert batch` with
# flow jobs gives the single runs' JSON (without `seconds`) and certificates.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
command -v jq > /dev/null || { echo "t-default3-env: jq missing, skipped"; exit 0; }
cd "$(dirname "$0")/../.." || exit 1

cat > "$tmp/leaky-net.json" <<'EOF'
{"format": "relucert.network/1", "activation": {"leaky_relu": "1/10"},
 "W1": [["0.3", "-0.2"], ["-0.4", "0.5"], ["0.1", "0.7"]], "b1": ["0.1", "-0.05", "0.2"],
 "W2": [["0.8", "0.6", "-0.3"], ["-0.5", "0.2", "0.4"]], "b2": ["0.1", "-0.1"]}
EOF
cat > "$tmp/leaky-data.json" <<'EOF'
{"format": "relucert.dataset/1", "X": [["-1", "0.5"], ["-0.5", "-1"], ["0.5", "0.25"], ["1", "-0.5"], ["1", "-0.5"]],
 "y": [["-1", "0.5"], ["-0.5", "0"], ["0.5", "1"], ["1", "-1"], ["0.75", "-1"]]}
EOF
# name net data time extra-args
cases=(
  "toyo data/toy-obstructed.json data/toy-data.json 5 --"
  "toyu data/toy-unobstructed.json data/toy-data.json 5 --weight-decay 1/10"
  "leaky $tmp/leaky-net.json $tmp/leaky-data.json 3 --"
  "switch data/flow-switch-net.json data/flow-switch-data.json 1 --"
  "nonuniq data/flow-nonunique-net.json data/flow-nonunique-data.json 2 --"
  "s17 data/flow-suite/17-net.json data/flow-suite/17-data.json 1 --"
)
# under ASan (the sanitizer build of .ci/run) its runtime must come first in LD_PRELOAD
asan_rt=$(ldd "$RC" 2>/dev/null | awk '/libasan/ {print $3}')
pre() { echo "${asan_rt:+$asan_rt }$1"; }
run() {   # run PRELOAD name net data T extra -> $tmp/name-tag.{cert,json}
  local pl=$1 tag=$2 name=$3 net=$4 data=$5 T=$6; shift 6
  local ex=(); [ "$1" != "--" ] && ex=("$@")
  LD_PRELOAD=$(pre "$pl") "$RC" flow "$net" "$data" --time "$T" --json --quiet "${ex[@]}" \
    --certificate "$tmp/$name-$tag.cert" | jq -c 'del(.seconds, .max_width)' > "$tmp/$name-$tag.json"
}

# --- default: /3 and "arithmetic": 3; checked; the verdicts of --cert-version 3 ---------------
for c in "${cases[@]}"; do
  set -- $c; name=$1
  run "" dfl "$@"
  expect "$name: first line" "$(head -1 "$tmp/$name-dfl.cert")" "relucert.flowcert/3"
  expect "$name: arithmetic" "$(jq -r .arithmetic "$tmp/$name-dfl.json")" "3"
  "$RC" check "$tmp/$name-dfl.cert" --json --quiet | jq -c 'del(.seconds)' > "$tmp/$name-dfl.check"
  expect "$name: check accepted" "$(jq -r .accepted "$tmp/$name-dfl.check")" "true"
  expect "$name: check verdict" "$(jq -r .verdict "$tmp/$name-dfl.check")" "$(jq -r .verdict "$tmp/$name-dfl.json")"
  expect "$name: check format" "$(jq -r .certificate_format "$tmp/$name-dfl.check")" "relucert.flowcert/3"
done

# --- the caller's floating-point environment ---------------------------------------------------
CC=$(command -v cc || command -v gcc || true)
if [ -n "$CC" ] && [ "$(uname -m)" = x86_64 ]; then
  mk() { printf '%s\n' "#define _GNU_SOURCE" "#include <fenv.h>" "#include <xmmintrin.h>" \
      "__attribute__((constructor)) static void c(void) { $2 }" > "$tmp/$1.c"
    "$CC" -shared -fPIC -o "$tmp/$1.so" "$tmp/$1.c" -lm; }
  mk down 'fesetround(FE_DOWNWARD);'
  mk up 'fesetround(FE_UPWARD);'
  mk zero 'fesetround(FE_TOWARDZERO);'
  mk ftz '_mm_setcsr(_mm_getcsr() | 0x8040);'
  mk all 'fesetround(FE_UPWARD); _mm_setcsr(_mm_getcsr() | 0x8040);'
  mk trap 'feenableexcept(FE_DIVBYZERO | FE_INVALID | FE_OVERFLOW | FE_UNDERFLOW);'
  for e in down up zero ftz all trap; do
    [ -f "$tmp/$e.so" ] || { bad "shim $e not built"; continue; }
    for c in "${cases[@]}"; do
      set -- $c; name=$1
      run "$tmp/$e.so" "$e" "$@"
      if cmp -s "$tmp/$name-dfl.cert" "$tmp/$name-$e.cert"; then ok; else bad "$name under $e: certificate bytes differ"; fi
      if cmp -s "$tmp/$name-dfl.json" "$tmp/$name-$e.json"; then ok; else bad "$name under $e: flow JSON (without seconds, max_width) differs"; fi
      LD_PRELOAD=$(pre "$tmp/$e.so") "$RC" check "$tmp/$name-dfl.cert" --json --quiet | jq -c 'del(.seconds)' > "$tmp/$name-$e.check"
      if cmp -s "$tmp/$name-dfl.check" "$tmp/$name-$e.check"; then ok; else bad "$name under $e: check report differs"; fi
    done
  done
else
  echo "t-default3-env: no C compiler or not x86-64: environment part skipped"
fi

# --- batch: flow jobs = single runs --------------------------------------------------------------
: > "$tmp/jobs.jsonl"
for c in "${cases[@]}"; do
  set -- $c; name=$1; net=$2; data=$3; T=$4; shift 4
  ex=""; [ "$1" != "--" ] && ex=$(printf ', "%s"' "$@")
  printf '{"id": "%s", "command": "flow", "args": ["%s", "%s", "--time", "%s", "--json", "--quiet"%s, "--certificate", "%s"]}\n' \
    "$name" "$net" "$data" "$T" "$ex" "$tmp/$name-batch.cert" >> "$tmp/jobs.jsonl"
  printf '{"id": "%s-check", "command": "check", "args": ["%s", "--json", "--quiet"]}\n' "$name" "$tmp/$name-dfl.cert" >> "$tmp/jobs.jsonl"
done
"$RC" batch "$tmp/jobs.jsonl" --output "$tmp/res.jsonl" --jobs 1 --quiet
expect "batch exit" "$?" "0"
for c in "${cases[@]}"; do
  set -- $c; name=$1
  jq -c "select(.id == \"$name\") | .result | del(.seconds, .max_width)" "$tmp/res.jsonl" > "$tmp/$name-b.json"
  if cmp -s "$tmp/$name-dfl.json" "$tmp/$name-b.json"; then ok; else bad "$name: batch JSON differs from the single run"; fi
  if cmp -s "$tmp/$name-dfl.cert" "$tmp/$name-batch.cert"; then ok; else bad "$name: batch certificate differs"; fi
  jq -c "select(.id == \"$name-check\") | .result | del(.seconds)" "$tmp/res.jsonl" > "$tmp/$name-b.check"
  if cmp -s "$tmp/$name-dfl.check" "$tmp/$name-b.check"; then ok; else bad "$name: batch check report differs"; fi
done

echo "t-default3-env: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
