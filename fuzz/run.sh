#!/bin/bash
# Builds the libFuzzer targets of src/io and runs each for SECONDS (default 60).
#   usage: bash fuzz/run.sh [SECONDS] [TARGET...]     (from the repository root)
# Targets: json npy npz csv safetensors text (default: all).  Work files go to $FUZZ_DIR (default build-fuzz/):
# corpora in corpus-<target>/, crashes in artifacts/.  Exit status 1 if a fuzzer found a bug.
set -eu
SECS=${1:-60}
shift || true
TARGETS=${*:-json npy npz csv safetensors text}
ROOT=$(cd "$(dirname "$0")/.." && pwd)
OUT=${FUZZ_DIR:-$ROOT/build-fuzz}
CC=${CC:-clang}
mkdir -p "$OUT/artifacts" "$OUT/seeds"/{npy,npz,csv,json,safetensors,text}

# Library sources the io module needs (io, num, net, mlp), compiled into each target.
SRCS="$ROOT/src/io/*.c $ROOT/src/num/*.c $ROOT/src/net/*.c $ROOT/src/mlp/*.c"
ARB_INC=""
[ -f /usr/include/arb.h ] || ARB_INC="-I/usr/include/flint"
LIBS="-lflint -lmpfr -lgmp -lzip -lm"
if [ ! -f /usr/include/flint/arb.h ]; then LIBS="-lflint-arb $LIBS"; fi
CFLAGS="-g -O1 -std=c11 -D_POSIX_C_SOURCE=200809L -I$ROOT/include $ARB_INC"

"$CC" $CFLAGS -o "$OUT/make_seeds" "$ROOT/fuzz/make_seeds.c" -lzip
"$OUT/make_seeds" "$OUT/seeds"
# seeds from the repository: example inputs and malformed files
cp "$ROOT"/data/*.json "$OUT/seeds/json/" 2>/dev/null || true
for f in "$ROOT"/data/bad/*; do
    [ -f "$f" ] || continue
    case "$f" in
        *.json) cp "$f" "$OUT/seeds/json/" ;;
        *.csv) cp "$f" "$OUT/seeds/csv/" ;;
        *.npy) cp "$f" "$OUT/seeds/npy/" ;;
        *.npz) cp "$f" "$OUT/seeds/npz/" ;;
    esac
done

# seeds of the newer readers: python-made files of tests/io/data/
cp "$ROOT"/tests/io/data/*.safetensors "$OUT/seeds/safetensors/" 2>/dev/null || true
for f in "$ROOT"/tests/io/data/*.csv "$ROOT"/tests/io/data/*.txt "$ROOT"/tests/io/data/*.tsv \
         "$ROOT"/tests/io/data/*.dat "$OUT"/seeds/csv/*; do
    [ -f "$f" ] && cp "$f" "$OUT/seeds/text/"
done
cp "$ROOT"/tests/io/data/*.npz "$OUT/seeds/npz/" 2>/dev/null || true

status=0
for t in $TARGETS; do
    bin="$OUT/fuzz_$t"
    echo "== building fuzz_$t"
    "$CC" $CFLAGS -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=undefined \
        -o "$bin" "$ROOT/fuzz/fuzz_$t.c" $SRCS $LIBS
    mkdir -p "$OUT/corpus-$t"
    echo "== running fuzz_$t for $SECS s"
    # -rss_limit_mb: the readers refuse sizes beyond RC_MAX_ENTRIES; inputs are small here.
    if ! "$bin" -max_total_time="$SECS" -timeout=10 -rss_limit_mb=2560 -max_len=65536 \
            -print_final_stats=1 -artifact_prefix="$OUT/artifacts/$t-" \
            "$OUT/corpus-$t" "$OUT/seeds/$t" 2> "$OUT/fuzz_$t.log"; then
        echo "fuzz_$t: FAILED, see $OUT/fuzz_$t.log and $OUT/artifacts/"
        status=1
    fi
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb|^Done" "$OUT/fuzz_$t.log" || true
done
exit $status
