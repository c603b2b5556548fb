#!/usr/bin/env bash
# break_default3 (minor, cosmetic): `relucert flow --json` prints "max_width" (a double, %.3e) in
# the caller's rounding mode, so the same run reports 1.749e-34 under round-to-nearest and
# 1.748e-34 under FE_DOWNWARD (toy obstructed, T = 100).  Everything certified (theta, loss, the
# certificate's bytes, the check report) is identical (tests/cli/t-default3-env.sh); only this
# statistic moves.  Expected: the flow report does not depend on the caller's environment
# (the integrator already runs in FE_DFL_ENV; the report's doubles are formatted outside it).
# Fixed: rc_jsonw_printf formats in the default environment.
# Needs cc (an LD_PRELOAD shim calling fesetround) and x86-64; skipped otherwise.
set -u
RC=${1:?path to relucert}
command -v jq > /dev/null || { echo "t-default3-printenv: jq missing, skipped"; exit 0; }
CC=$(command -v cc || command -v gcc || true)
[ -n "$CC" ] && [ "$(uname -m)" = x86_64 ] || { echo "t-default3-printenv: no cc / not x86-64, skipped"; exit 0; }
cd "$(dirname "$0")/../.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail=0
# under ASan (the sanitizer build of .ci/run) its runtime must come first in LD_PRELOAD
asan_rt=$(ldd "$RC" 2>/dev/null | awk '/libasan/ {print $3}')
pre() { echo "${asan_rt:+$asan_rt }$1"; }
for m in FE_DOWNWARD FE_UPWARD FE_TOWARDZERO; do
  printf '%s\n' "#include <fenv.h>" "__attribute__((constructor)) static void c(void) { fesetround($m); }" > "$tmp/$m.c"
  "$CC" -shared -fPIC -o "$tmp/$m.so" "$tmp/$m.c" -lm || exit 1
  a=$("$RC" flow data/toy-obstructed.json data/toy-data.json --time 100 --json --quiet | jq -c 'del(.seconds)')
  b=$(LD_PRELOAD=$(pre "$tmp/$m.so") "$RC" flow data/toy-obstructed.json data/toy-data.json --time 100 --json --quiet | jq -c 'del(.seconds)')
  if [ "$a" != "$b" ]; then
    fail=$((fail+1))
    echo "FAIL: under $m the flow JSON differs: max_width $(jq -r .max_width <<<"$a") (default) vs $(jq -r .max_width <<<"$b")"
  fi
done
echo "t-default3-printenv: $fail failed"
[ "$fail" -eq 0 ]
