#!/usr/bin/env bash
# --plot failures give one line "relucert CMD: --plot: SCRIPT failed: <the exception>" and exit
# 2 (the script's traceback is cut to its last line); a successful script's messages go to
# stderr, never into --json on stdout.  A stand-in interpreter (RC_PYTHON) makes this
# independent of matplotlib; the real one is tried too when matplotlib is there.
set -u
RC=${1:?path to relucert}
case $RC in /*) ;; *) RC=$PWD/$RC ;; esac
pass=0; fail=0
expect() { if [ "$2" == "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
D=$PWD/data
# a stand-in interpreter that fails with a three-line traceback on both streams
cat > "$tmp/failpy" <<'EOS'
#!/bin/sh
echo "some progress on stdout"
printf 'Traceback (most recent call last):\n  File "x.py", line 1\nValueError: it broke\n' >&2
exit 1
EOS
# and one that succeeds, talking on stdout
printf '#!/bin/sh\necho "plot written"\nexit 0\n' > "$tmp/okpy"
chmod +x "$tmp/failpy" "$tmp/okpy"
for cmd in flow replay; do
  if [ $cmd = flow ]; then set -- flow "$D/toy-obstructed.json" "$D/toy-data.json" --time 1/4 --quiet --tube "$tmp/t.jsonl"
  else set -- replay "$D/logs/planted-flip-log.npz" "$D/toy-data.json" --lr 1/8; fi
  RC_PYTHON="$tmp/failpy" "$RC" "$@" --plot "$tmp/p.png" --json > "$tmp/out" 2> "$tmp/err"; st=$?
  expect "$cmd: failing script: exit" "$st" 2
  expect "$cmd: failing script: one line" "$(wc -l < "$tmp/err")" 1
  expect "$cmd: failing script: the exception" "$(cat "$tmp/err")" "relucert $cmd: --plot: plot_${cmd}.py failed: ValueError: it broke"
  expect "$cmd: failing script: stdout still JSON" "$(jq -c 'type' "$tmp/out" 2>&1)" "\"object\""
  RC_PYTHON="$tmp/okpy" "$RC" "$@" --plot "$tmp/p.png" --json > "$tmp/out" 2> "$tmp/err"; st=$?
  expect "$cmd: script ok: exit" "$st" 0
  expect "$cmd: script ok: its words on stderr" "$(cat "$tmp/err")" "plot written"
  expect "$cmd: script ok: stdout still JSON" "$(jq -c 'type' "$tmp/out" 2>&1)" "\"object\""
done
# a plot path without a known extension is refused before any work (no format is guessed)
for p in "$tmp/p" "$tmp/p.xyz" "$tmp/dir.png/p"; do
  RC_PYTHON="$tmp/okpy" "$RC" flow "$D/toy-obstructed.json" "$D/toy-data.json" --time 1/4 --quiet \
    --tube "$tmp/t.jsonl" --plot "$p" > "$tmp/out" 2> "$tmp/err"; st=$?
  expect "flow --plot $p: exit" "$st" 2
  expect "flow --plot $p: one line" "$(wc -l < "$tmp/err")" 1
  expect "flow --plot $p: said" "$(grep -c "must end in .png" "$tmp/err")" 1
  expect "flow --plot $p: nothing run" "$(wc -c < "$tmp/out")" 0
  RC_PYTHON="$tmp/okpy" "$RC" replay "$D/logs/planted-flip-log.npz" "$D/toy-data.json" --lr 1/8 \
    --plot "$p" > "$tmp/out" 2> "$tmp/err"; st=$?
  expect "replay --plot $p: exit" "$st" 2
  expect "replay --plot $p: said" "$(grep -c "must end in .png" "$tmp/err")" 1
done
"$RC" regions "$D/toy-obstructed.json" --box -1,1,-1,1 --plot "$tmp/r.png" > /dev/null 2> "$tmp/err"; st=$?
expect "regions --plot .png: exit" "$st" 2
expect "regions --plot .png: said" "$(grep -c "must end in .svg" "$tmp/err")" 1
[ ! -e "$tmp/r.png" ]; expect "regions --plot .png: no file" "$?" 0
if /usr/bin/python3 -c 'import matplotlib' 2>/dev/null; then
  # the library refuses the same names (relucert.plot._save)
  PYTHONPATH="$(dirname "$RC")/python" /usr/bin/python3 -c '
import relucert.plot as p, matplotlib
matplotlib.use("Agg")
import matplotlib.pyplot as plt
fig = plt.figure()
for bad in ("x", "x.xyz"):
    try:
        p._save(fig, bad, 50); print("accepted", bad)
    except ValueError as e:
        print("refused")' > "$tmp/py" 2>&1
  expect "relucert.plot refuses names without a format" "$(sort -u "$tmp/py")" "refused"
else
  echo "t-plot-errors: matplotlib part skipped (apt-get install python3-matplotlib)"
fi
echo "t-plot-errors: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
