#!/usr/bin/env bash
# The main job: install what is missing, build, and run the toy experiment of doc/math.md section 8
# on the bundled data (data/toy-*.json).  Outputs (JSON, plots) go to out/.
set -eu
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
cmake --build build -j"$(nproc 2>/dev/null || echo 2)" >/dev/null
RC=build/relucert
mkdir -p out
step() { printf '\n\033[1m== %s\033[0m\n$ %s\n' "$1" "$2"; }
has() { "$RC" --help | grep -q "^  $1 "; }

step "1. Invariant set of the obstructed start" "relucert inspect data/toy-obstructed.json"
$RC inspect data/toy-obstructed.json
step "2. Invariant set of the unobstructed start" "relucert inspect data/toy-unobstructed.json"
$RC inspect data/toy-unobstructed.json
step "3. Can gradient flow reach the teacher sigma(x) - sigma(-x) = x ?" \
     "relucert reach data/toy-obstructed.json data/toy-teacher.json"
$RC reach data/toy-obstructed.json data/toy-teacher.json
$RC reach data/toy-unobstructed.json data/toy-teacher.json
if has obstruct; then
  step "4. Certified obstruction: a loss lower bound on the whole component" \
       "relucert obstruct data/toy-obstructed.json data/toy-data.json --witness data/toy-teacher.json"
  $RC obstruct data/toy-obstructed.json data/toy-data.json --witness data/toy-teacher.json \
      --certificate out/toy-obstruct-cert.json
  $RC obstruct data/toy-unobstructed.json data/toy-data.json --witness data/toy-teacher.json || true
fi
if has flow; then
  for s in obstructed unobstructed; do
    step "5. Certified gradient flow, $s start, T = 100" \
         "relucert flow data/toy-$s.json data/toy-data.json --time 100"
    $RC flow data/toy-$s.json data/toy-data.json --time 100 --tube out/toy-$s-tube.jsonl \
        --json > out/toy-$s-flow.json || true
    jq '{verdict, time, stays_on_component, loss, reason}' out/toy-$s-flow.json
  done
fi
if has flow && [ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import matplotlib" 2>/dev/null; then
  step "6. Figure: trajectories on their hyperbolas and the loss curves" "/usr/bin/python3 scripts/plot_toy.py out/toy-flow.png"
  /usr/bin/python3 scripts/plot_toy.py out/toy-flow.png
fi
printf '\nOutputs in out/.\n'
