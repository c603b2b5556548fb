#!/usr/bin/env bash
# Malformed network files of data/bad/: the CLI answers with exit status 2 and exactly one
# line on stderr naming the file, the field or position, and the problem (doc/io.md).
set -u
RC=${1:?path to relucert}
pass=0; fail=0
check() { # check FILE EXPECTED-FRAGMENT
  local err st
  err=$("$RC" inspect "$1" 2>&1 >/dev/null); st=$?
  if [ "$st" -ne 2 ]; then fail=$((fail+1)); echo "FAIL: $1: exit status $st, want 2"; return; fi
  if [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then fail=$((fail+1)); echo "FAIL: $1: not one line: $err"; return; fi
  case "$err" in
    *"$1: $2"*) pass=$((pass+1)) ;;
    *) fail=$((fail+1)); echo "FAIL: $1: got [$err], want [$1: $2]" ;;
  esac
}
B=data/bad
check $B/net-ragged.json          'W1[1]: ragged rows'
check $B/net-nan.json             'W1[1][0]: not a number: "NaN"'
check $B/net-wrong-format.json    'format: expected "relucert.network/1", got "relucert.dataset/1"'
check $B/net-mismatch.json        'W2: has 3 columns, but W1 has 2 rows'
check $B/net-empty.json           'W1: empty network (no hidden neurons)'
check $B/net-trailing.json        'line 1, column 85: unexpected character'
check $B/net-duplicate-key.json   'line 2, column 8: duplicate key "W1"'
check $B/net-leak-range.json      'activation.leaky_relu: slope 3/2 is outside [0, 1)'
check $B/net-b1-length.json       'b1: has 1 entries, expected 2'
check $B/net-unknown-key.json     'unknown key "B1"'
check $B/net-syntax.json          'line 4, column 3: unexpected character'
check $B/net-nan.npz              'W1[3][0]: not a number (NaN)'
check $B/net-inf-f4.npz           'W2[0][1]: not a number (+Inf)'
check $B/net-shape.npz            'W2: shape (1,3), expected (outputs, 2)'
check $B/net-missing-w2.npz       'W2: missing'
check $B/net-dtype.npz            "W1: unsupported dtype '<c16'"
check $B/net-int64-inexact.npz    'W1[1][0]: integer not exactly representable'
check $B/net-truncated-member.npz 'W1: truncated data'
check $B/net-crc.npz              'W1: cannot read the data: CRC error'
check $B/net-truncated.npz        'truncated or damaged zip archive'
check $B/net-not-zip.npz          'not a zip archive'
check $B/no-such-file.json        'cannot open: No such file or directory'
check $B/no-such-file.npz         'cannot open'
check $B/array-truncated.npy      'unknown network format'
echo "t-io-errors: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
