#!/usr/bin/env bash
# librelucert.so exports the public API only (src/relucert.ver): every rc_* name the public
# headers declare as a function is exported, and no internal _rc_* helper is.
set -u
RC=${1:?path to relucert}
lib=$(ls "$(dirname "$RC")"/librelucert.so 2>/dev/null)
pass=0; fail=0
[ -n "$lib" ] || { echo "no librelucert.so next to $RC"; exit 1; }
exported=$(nm -D --defined-only "$lib" | awk '{print $3}')
internal=$(echo "$exported" | grep '^_rc_' | grep -v -x -e _rc_descent_grad_dball_sums -e _rc_descent_loss_term_arb -e _rc_loss_view_theta)
if [ -z "$internal" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: internal symbols exported: $internal"; fi
# functions declared (not static inline) in the public headers: "type name(" at the start of a
# line; and extern data
declared=$( { grep -h -E '^(const )?[a-z_0-9]+( \*)? ?\**(rc|_rc)_[A-Za-z0-9_]+\(' include/relucert/*.h | grep -v 'static' \
             | sed -E 's/^.*[ *]((rc|_rc)_[A-Za-z0-9_]+)\(.*/\1/';
             grep -h -E '^extern .*[ *](rc_[A-Za-z0-9_]+);' include/relucert/*.h | sed -E 's/^.*[ *](rc_[A-Za-z0-9_]+);.*/\1/'; } | sort -u)
missing=$(comm -23 <(echo "$declared") <(echo "$exported" | sort -u))
if [ -z "$missing" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: declared but not exported: $missing"; fi
# and nothing else: every exported name is declared in a public header
extra=$(comm -13 <(echo "$declared") <(echo "$exported" | sort -u))
if [ -z "$extra" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: exported but not declared in include/relucert: $extra"; fi
[ "$(echo "$declared" | wc -l)" -gt 300 ] && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: too few declarations found"; }
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
