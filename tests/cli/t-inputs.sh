#!/usr/bin/env bash
# The inputs people have (issue 11), through the CLI: every file of tests/io/data/ written by
# numpy / torch / pandas-style exporters (make_inputs.py) is read to exactly the values of its
# "p/q" reference (same JSON answer as the reference file), or refused with exit status 2 and one
# line naming the file, the field and the problem.  Notices (header used, arrays ignored) are
# one stderr line each.
set -u
RC=${1:?path to relucert}
D=tests/io/data
pass=0; fail=0
ok()   { pass=$((pass+1)); }
bad()  { fail=$((fail+1)); echo "FAIL: $*"; }
expect() { if [ "$2" == "$3" ]; then ok; else bad "$1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT

# refuse CMD... FRAGMENT: exit 2, exactly one stderr line, containing FRAGMENT
refuse() {
  local frag="${@: -1}" err st
  set -- "${@:1:$(($#-1))}"
  err=$("$RC" "$@" 2>&1 >/dev/null); st=$?
  if [ "$st" -ne 2 ]; then bad "$*: exit status $st, want 2 ($err)"; return; fi
  if [ "$(printf '%s\n' "$err" | wc -l)" -ne 1 ]; then bad "$*: not one line: $err"; return; fi
  case "$err" in *"$frag"*) ok ;; *) bad "$*: got [$err], want [$frag]" ;; esac
}

# ---- networks: state_dict names, safetensors, deep -> same answer as the exact reference ----
same_inspect() { # FILE REF
  local a b
  a=$("$RC" inspect --json "$1" 2>"$tmp/err" | jq -S 'del(.file)'); expect "$1 status" "$?" 0
  b=$("$RC" inspect --json "$2" | jq -S 'del(.file)')
  expect "$1 = $2" "$a" "$b"
}
same_inspect $D/case-sequential-state-dict.npz $D/case-sequential-state-dict-ref.json
same_inspect $D/sd-seq2.npz $D/sd-seq2-ref.json
same_inspect $D/sd-seq2-f64.safetensors $D/sd-seq2-ref.json
same_inspect $D/sd-seq2-f16.safetensors $D/sd-seq2-f16-ref.json
same_inspect $D/sd-deep.npz $D/sd-deep-ref.json
same_inspect $D/sd-deep.safetensors $D/sd-deep-ref.json
same_inspect $D/sd-deep-bf16.safetensors $D/sd-deep-bf16-ref.json
same_inspect $D/sd-fc.npz $D/sd-fc-ref.json
expect "sd-fc notice" "$(cat "$tmp/err")" \
  "relucert inspect: $D/sd-fc.npz: ignored arrays (not parameters of a Linear layer): lr (0-d), arch (dtype '<U7')"
# the shared case: exactly the float32 values of the archive
out=$("$RC" inspect --json $D/case-sequential-state-dict.npz)
expect "case hidden" "$(echo "$out" | jq -r '.hidden')" 3
expect "case c" "$(echo "$out" | jq -c '[.neurons[].c]')" "$("$RC" inspect --json $D/case-sequential-state-dict-ref.json | jq -c '[.neurons[].c]')"

# deep inspect: layers, levels, what is not computed
out=$("$RC" inspect --json $D/sd-deep.npz)
expect "deep depth" "$(echo "$out" | jq -c '[.depth, .widths]')" "[7,[2,3,3,4,3,3,2,1]]"
expect "deep layers" "$(echo "$out" | jq -c '[.neurons[].layer] | unique')" "[1,2,3,4,5,6]"
expect "deep count" "$(echo "$out" | jq '.neurons | length')" 18
expect "deep nulls" "$(echo "$out" | jq -c '[.components, .betti, .effective_components]')" "[null,null,null]"
expect "deep not_computed" "$(echo "$out" | jq -r '.not_computed | test("one hidden layer only")')" true
expect "deep signs" "$(echo "$out" | jq -c '[.levels.negative + .levels.zero + .levels.positive]')" "[18]"
printf '{"W1": [[1, 2]], "b1": [3], "W2": [[4], [5]], "W3": [6, -7]}\n' > $tmp/h.json
out=$("$RC" inspect --json $tmp/h.json)
expect "hand levels" "$(echo "$out" | jq -c '[.neurons[] | [.layer, .index, .c, .bounded, .side]]')" \
  '[[1,0,"-27","outgoing",null],[2,0,"-20","outgoing","+"],[2,1,"-24","outgoing","-"]]'
txt=$("$RC" inspect $tmp/h.json)
expect "hand text" "$(echo "$txt" | grep -c 'not computed: connected components')" 1
expect "hand text side" "$(echo "$txt" | grep -c 'o stays < 0')" 1
# shallow networks keep the shallow report (no "layer", components computed)
expect "shallow components" "$("$RC" inspect --json $D/sd-seq2.npz | jq -c '[.components != null, has("layer")]')" '[true,false]'

# ---- refusals of networks: one line, file and field named ----
refuse descend $D/sd-deep.npz $D/text-ref.json --lr 1/10 --steps 1 \
  "$D/sd-deep.npz: the network has 7 weight layers (6 hidden layers); this command reads networks with exactly one hidden layer"
refuse equiv $D/sd-fc.npz $D/sd-seq2.npz "$D/sd-fc.npz: the network has 3 weight layers (2 hidden layers)"
refuse inspect $D/sd-batchnorm.npz "$D/sd-batchnorm.npz: 1.running_mean: layer \"1\" is a BatchNorm layer"
refuse inspect $D/sd-conv.npz "$D/sd-conv.npz: 0.weight: shape (2,1,3,3): a convolution kernel"
refuse inspect $D/sd-layernorm.npz "$D/sd-layernorm.npz: 1.weight: shape (3,): a 1-d weight"
refuse inspect $D/sd-embedding.npz "$D/sd-embedding.npz: 1.weight: shape (1,3): 3 inputs, but the previous layer 0.weight has 10 outputs"
refuse inspect $D/sd-nochain.npz "$D/sd-nochain.npz: 2.weight: shape (1,4): 4 inputs, but the previous layer 0.weight has 3 outputs"
head -c 100 $D/sd-deep.safetensors > $tmp/cut.safetensors
refuse inspect $tmp/cut.safetensors "$tmp/cut.safetensors: header length"
printf 'x' > $tmp/tiny.safetensors
refuse inspect $tmp/tiny.safetensors "$tmp/tiny.safetensors: truncated file (1 bytes"
python3 - "$tmp/nan.safetensors" <<'EOF'
import json, struct, sys
h = json.dumps({"W1": {"dtype": "F16", "shape": [1, 2], "data_offsets": [0, 4]},
                "W2": {"dtype": "F16", "shape": [1, 1], "data_offsets": [4, 6]}}).encode()
open(sys.argv[1], "wb").write(struct.pack("<Q", len(h)) + h + b"\x00\x3c\x00\x7e\x00\x3c")
EOF
refuse inspect $tmp/nan.safetensors "$tmp/nan.safetensors: W1[0][1]: not a number (NaN)"

# ---- datasets: exact values (same exact descent answer as the reference), notices ----
NET=$D/sd-seq2.npz
ref=$("$RC" descend $NET $D/text-ref.json --lr 1/10 --steps 1 --exact --json | jq -S 'del(.data)')
same_data() { # FILE EXPECTED-NOTICE [ARGS...]
  local f=$1 note=$2 a; shift 2
  a=$("$RC" descend $NET "$f" --lr 1/10 --steps 1 --exact --json "$@" 2>"$tmp/err" | jq -S 'del(.data)')
  expect "$f values" "$a" "$ref"
  expect "$f notice" "$(cat "$tmp/err")" "relucert descend: $f: $note"
}
same_data $D/case-pandas-integer-header.csv "delimited text, separator ',', first row is a header (auto: 0,1,...,n-1 above rows of non-integers: column labels as pandas writes them)"
same_data $D/case-savetxt-default.txt "delimited text, separator blanks, no header (auto: the first row holds numbers)"
same_data $D/pandas-index.csv "delimited text, separator ',', first row is a header (auto: its first cell is empty); unnamed first column 0, 1, ..., N-1 (a pandas index) dropped"
same_data $D/savetxt-tab.tsv "delimited text, separator tab, no header (auto: the first row holds numbers)"
same_data $D/savetxt-semicolon.csv "delimited text, separator ';', no header (auto: the first row holds numbers)"
same_data $D/pandas-named.dat "delimited text, separator tab, first row is a header (auto: no field of the first row is a number)"
same_data $D/case-pandas-integer-header.csv "delimited text, separator ',', first row is a header (--header yes)" --header yes
# --header no on the pandas file: the labels become a sample (as asked), a different loss
a=$("$RC" descend $NET $D/case-pandas-integer-header.csv --lr 1/10 --steps 1 --exact --json --header no 2>/dev/null | jq -S 'del(.data)')
if [ "$a" != "$ref" ]; then ok; else bad "--header no must read the first row as data"; fi
# sklearn-style .npz and integer labels in .safetensors: extras named on one line
ref2=$("$RC" descend $D/sd-fc.npz $D/data-sklearn-ref.json --lr 1/10 --steps 1 --exact --json 2>&1 | head -1)
expect "deep net refused for descend" "$(echo "$ref2" | grep -c 'weight layers')" 1
out=$("$RC" obstruct --help | grep -c -- '--header yes|no|auto'); expect "obstruct help" "$out" 1
for cmd in descend flow replay; do
  expect "$cmd help" "$("$RC" $cmd --help | grep -c -- '--header yes|no|auto')" 1
done
printf '{"format": "relucert.network/1", "W1": [[1, 0, 0], [0, 1, 0]], "W2": [[1, 1]]}\n' > $tmp/n3.json
ref3=$("$RC" descend $tmp/n3.json $D/data-sklearn-ref.json --lr 1/10 --steps 1 --exact --json | jq -S 'del(.data)')
a=$("$RC" descend $tmp/n3.json $D/data-sklearn.npz --lr 1/10 --steps 1 --exact --json 2>"$tmp/err" | jq -S 'del(.data)')
expect "sklearn npz values" "$a" "$ref3"
expect "sklearn npz notice" "$(cat "$tmp/err")" \
  "relucert descend: $D/data-sklearn.npz: ignored arrays (a dataset is X and y): feature_names (dtype '<U3'), target_names (dtype '<U10'), DESCR (dtype '<U8'), frame (dtype '|O')"
a=$("$RC" descend $tmp/n3.json $D/data-labels.safetensors --lr 1/10 --steps 1 --exact --json 2>"$tmp/err" | jq -S 'del(.data)')
expect "safetensors labels values" "$a" "$ref3"
expect "safetensors labels notice" "$(cat "$tmp/err")" \
  "relucert descend: $D/data-labels.safetensors: ignored arrays (a dataset is X and y): weights (shape (5,))"

# ---- refusals of datasets ----
refuse descend $NET $D/decimal-comma.csv --lr 1/10 --steps 1 \
  "$D/decimal-comma.csv: line 2, field 1: not a number: \"0,25\" (a decimal comma"
refuse descend $NET $D/ambiguous-int.csv --lr 1/10 --steps 1 \
  "$D/ambiguous-int.csv: line 1: the first row (distinct integers) may be column labels or a sample; say --header yes or --header no"
refuse descend $NET $D/ambiguous-int.csv --lr 1/10 --steps 1 --header maybe "--header: \"maybe\" is not yes, no or auto"
refuse descend $NET $D/ambiguous-int.csv --lr 1/10 --steps 1 --header "--header: missing value"
printf ',a,b\n3,1,2\n5,3,4\n' > $tmp/idx.csv
refuse descend $NET $tmp/idx.csv --lr 1/10 --steps 1 "$tmp/idx.csv: line 1, field 1: empty header cell above a first column that is not 0, 1, ..., N-1"
printf 'x 1 y\n1 2 3\n' > $tmp/mixed.txt
refuse descend $NET $tmp/mixed.txt --lr 1/10 --steps 1 "$tmp/mixed.txt: line 1, field 1: not a number: \"x\" (the first row mixes"
printf '1 2 3\n4 5\n' > $tmp/ragged.dat
refuse descend $NET $tmp/ragged.dat --lr 1/10 --steps 1 --header no "$tmp/ragged.dat: line 2: 2 fields, expected 3 (as in line 1)"
printf '1,2,3\n' > $tmp/d.xyz
refuse descend $NET $tmp/d.xyz --lr 1/10 --steps 1 "$tmp/d.xyz: unknown dataset format"
# --header no on an ambiguous file is accepted, and says so
"$RC" descend $NET $D/ambiguous-int.csv --lr 1/10 --steps 1 --header no >/dev/null 2>"$tmp/err"
expect "header no status" "$?" 0
expect "header no notice" "$(cat "$tmp/err")" "relucert descend: $D/ambiguous-int.csv: delimited text, separator ',', no header (--header no)"

echo "t-inputs: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
