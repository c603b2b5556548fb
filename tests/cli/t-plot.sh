#!/usr/bin/env bash
# --plot without a shell: relucert replay --plot and relucert flow --plot run the installed (or
# source-tree) plot scripts with argument vectors, so file names holding quotes, spaces, a
# leading dash or shell syntax reach matplotlib unchanged and nothing is executed by a shell.
# Skipped (with a message) when python3-matplotlib is absent.
set -u
RC=${1:?path to relucert}
case $RC in /*) ;; *) RC=$PWD/$RC ;; esac
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
py=${RC_PYTHON:-/usr/bin/python3}
if ! "$py" -c 'import matplotlib' 2>/dev/null; then
  echo "t-plot: skipped: $py with matplotlib not found (apt-get install python3-matplotlib)"
  exit 0
fi
is_png() { [ -s "$1" ] && [ "$(head -c 8 "$1" | od -An -c | tr -d ' ')" = '211PNG\r\n032\n' ]; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
dir="$tmp/a dir with 'quotes' and \"double\""
mkdir -p "$dir"

# replay: a quote, a space and shell syntax in the output name
out="$dir/it's a \$(touch pwned) plot.png"
json=$(cd "$tmp" && "$RC" replay "$OLDPWD/data/logs/planted-flip-log.npz" "$OLDPWD/data/toy-data.json" \
       --lr 1/8 --plot "$out" --json); st=$?
expect "replay status" "$st" 0
if is_png "$out"; then ok; else bad "replay: no PNG at [$out]"; fi
expect "replay --json still one JSON document" "$(echo "$json" | jq -r .format)" "relucert.replay/1"
[ ! -e "$tmp/pwned" ] && [ ! -e pwned ] && ok || bad "a shell ran the file name"

# replay: a name starting with a dash, relative to the working directory
(cd "$dir" && "$RC" replay "$OLDPWD/data/logs/planted-flip-log.npz" "$OLDPWD/data/toy-data.json" \
   --lr 1/8 --plot "-dash.png" >/dev/null); st=$?
expect "replay dash status" "$st" 0
if is_png "$dir/-dash.png"; then ok; else bad "replay: no PNG at -dash.png"; fi

# flow: tube, network and plot names with quotes and spaces
cp data/toy-obstructed.json "$dir/net 'o'.json"
fout="$dir/flow \"plot\" 'x'.png"
(cd "$tmp" && "$RC" flow "$dir/net 'o'.json" "$OLDPWD/data/toy-data.json" --time 1/4 --quiet \
   --tube "$dir/tube 'x'.jsonl" --plot "$fout" >/dev/null 2>"$tmp/flow.err"); st=$?
expect "flow status" "$st" 0
if is_png "$fout"; then ok; else bad "flow: no PNG at [$fout]: $(cat "$tmp/flow.err")"; fi

# a missing interpreter: one line "relucert replay: --plot: ...", exit 2
err=$(RC_PYTHON="$tmp/no-such-python" "$RC" replay data/logs/planted-flip-log.npz data/toy-data.json \
      --lr 1/8 --plot "$tmp/x.png" 2>&1 >/dev/null); st=$?
expect "no python status" "$st" 2
expect "no python message" "$(echo "$err" | grep -c '^relucert replay: --plot: ')" 1
# flow --plot without --tube is refused with exit 2
"$RC" flow data/toy-obstructed.json data/toy-data.json --time 1/16 --quiet --plot "$tmp/y.png" \
  >/dev/null 2>"$tmp/e"; st=$?
expect "flow --plot without --tube" "$st" 2

echo "t-plot: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
