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
if has flow; then
  step "7. A flow that is not determined by its start (a dead neuron whose active side repels)" \
       "relucert flow data/flow-nonunique-net.json data/flow-nonunique-data.json --time 2"
  $RC flow data/flow-nonunique-net.json data/flow-nonunique-data.json --time 2 --quiet | head -4 || true
fi
if has regions; then
  step "8. Exact linear regions of a deep network in [-1, 1]^2, with a certificate" \
       "relucert regions data/regions-deep.json --box -1:1 --certificate out/regions-cert.json --plot out/regions.svg"
  $RC regions data/regions-deep.json --box -1:1 --certificate out/regions-cert.json --plot out/regions.svg
  $RC check out/regions-cert.json
fi
if has implicit; then
  step "9. An implicit network: exact well-posedness and equilibria" \
       "relucert implicit data/implicit-toy-net.json data/implicit-toy-data.json"
  $RC implicit data/implicit-toy-net.json data/implicit-toy-data.json | head -12
fi
if has construct; then
  step "10. Explicit minimizers on clustered data, each certified" "relucert construct data/construct-q2.json --out out/construct"
  $RC construct data/construct-q2.json --out out/construct
fi
printf '\nOutputs in out/.\n'
