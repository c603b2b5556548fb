#!/usr/bin/env bash
# Reproducers (reviewer review8): the writability pre-check of `relucert regions` (68ad85d,
# check_writable in src/cli/cmd_regions.c: fopen(path, "a"), fclose, and remove(path) when
# access(path, F_OK) said it did not exist) changes what happens to valid output paths.
#  1. A dangling symlink (link.cert -> target.cert, target not yet written): access() follows the
#     link and says "absent", fopen creates target.cert, then remove() deletes the user's SYMLINK.
#     The certificate is then written to a new regular file link.cert and an empty target.cert is
#     left behind.  Before 68ad85d the certificate went through the link into target.cert.
#  2. The same on a refused run (--plot unwritable): the symlink is deleted and an empty
#     target.cert is left, although "a refused run leaves no file".
#  3. A named pipe read by a consumer (mkfifo p; consumer < p &; relucert ... --certificate p):
#     the test open + close hands the consumer an EOF before any byte; it exits, and the real
#     fopen(p, "w") after the enumeration then blocks forever (no reader): relucert hangs.
#     Before 68ad85d the pipe was opened once and the consumer got the certificate.
set -u
RC=${1:?path to relucert}
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
NET=data/regions-deep.json

# 1. dangling symlink, successful run
ln -s target.cert "$tmp/link.cert"
"$RC" regions "$NET" --box -1:1 --certificate "$tmp/link.cert" > /dev/null 2>&1; st=$?
if [ "$st" = 0 ]; then ok; else bad "symlink: status $st"; fi
if [ -L "$tmp/link.cert" ]; then ok; else bad "the symlink $tmp/link.cert was deleted (replaced by a regular file)"; fi
if [ -s "$tmp/target.cert" ]; then ok; else bad "the certificate did not go through the symlink (target.cert empty or missing)"; fi

# 2. dangling symlink, refused run
rm -f "$tmp/link.cert" "$tmp/target.cert"
ln -s target.cert "$tmp/link.cert"
"$RC" regions "$NET" --box -1:1 --certificate "$tmp/link.cert" --plot "$tmp/nodir/x.svg" > /dev/null 2>&1; st=$?
if [ "$st" = 2 ]; then ok; else bad "refused run: status $st (want 2)"; fi
if [ -L "$tmp/link.cert" ]; then ok; else bad "refused run deleted the symlink $tmp/link.cert"; fi
if [ ! -e "$tmp/target.cert" ]; then ok; else bad "refused run left a file behind ($tmp/target.cert, $(wc -c < "$tmp/target.cert") bytes)"; fi

# 3. named pipe with a consumer (a network that takes ~0.15 s, so the consumer sees the EOF first)
cat > "$tmp/slow.json" <<'J'
{"W1":[[-5,9,-7],[-1,-6,6],[5,6,3],[-3,-6,6],[-9,3,4],[-9,5,-1],[-2,9,-6],[1,-9,-9],[-9,8,-9],[3,-3,4],[-9,7,-2],[5,6,8]],"b1":[-2,2,-2,-2,5,0,-9,4,8,-6,-4,0],"W2":[[-6,1,7,4,7,-3,0,0,9,6,7,3],[9,-8,6,-2,3,4,-4,2,8,2,-7,5],[7,-6,-4,7,3,2,6,-9,6,-8,0,9],[9,3,-4,-4,7,-2,-9,-3,8,8,-2,3],[7,2,9,2,5,-1,8,-9,3,7,-5,7],[8,-3,4,-8,6,2,9,8,-3,7,4,6],[2,4,2,-9,8,8,1,5,-9,-2,-4,8],[9,-4,-7,8,-1,-8,-7,-7,-9,5,-9,-1],[-2,-1,-6,-4,2,0,-7,-4,-4,-1,7,-4],[-1,0,5,1,6,6,-6,-9,0,3,1,4],[-3,-1,-6,-1,7,-3,4,-9,-2,-9,3,-5],[-8,-4,5,7,4,8,-2,7,5,-2,7,-9]],"b2":[3,9,1,4,-8,0,-5,-3,-8,0,-7,-7],"W3":[[0,0,-4,4,9,-1,-5,-9,8,-8,9,-3]],"b3":[9]}
J
mkfifo "$tmp/p"
( timeout 8 cat "$tmp/p" > "$tmp/got" ) &
cpid=$!
timeout 8 "$RC" regions "$tmp/slow.json" --box -3:3 --certificate "$tmp/p" > /dev/null 2>&1; st=$?
# unblock the consumer if it still waits (relucert never opened the pipe), then reap it
if kill -0 $cpid 2>/dev/null; then timeout 2 bash -c 'exec 3> "$1"' _ "$tmp/p" 2>/dev/null; fi
wait $cpid 2>/dev/null
if [ "$st" = 0 ]; then ok; else bad "--certificate to a named pipe: status $st (124 = hung in fopen after the consumer saw EOF)"; fi
if grep -q 'relucert.regions-cert' "$tmp/got"; then ok; else bad "the pipe's consumer got $(wc -c < "$tmp/got") bytes, no certificate"; fi

echo "t-review8-regions-outpath: $pass passed, $fail failed"
[ "$fail" = 0 ]
