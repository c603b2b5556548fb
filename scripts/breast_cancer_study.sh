#!/usr/bin/env bash
# The breast-cancer study of issue 6 (doc/obstruct.md): trains the grid of networks with numpy
# GD, certifies every run with relucert (replay: stayed on its component; obstruct: component
# lower bound and enclosed final training loss), writes OUT/runs.csv, OUT/table.md, OUT/figure.png.
# Usage: bash scripts/breast_cancer_study.sh [OUT] [--quick]   (from the repository root, after
# building into build/; needs /usr/bin/python3 with numpy, scikit-learn and matplotlib:
# apt-get install python3-numpy python3-sklearn python3-matplotlib)
set -eu
RC=${RELUCERT:-build/relucert}
OUT=${1:-out/breast-cancer}
shift || true
[ -x "$RC" ] || { echo "breast_cancer_study: $RC not found (build first, or set RELUCERT)" >&2; exit 2; }
exec /usr/bin/python3 "$(dirname "$0")/breast_cancer_study.py" "$RC" "$OUT" "$@"
