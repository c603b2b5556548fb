#!/usr/bin/env bash
# relucert batch: one result line a job, identical results to single runs, failures and timeouts
# reported without stopping the others, --resume (also after a torn line), manifest errors
# (exit 2, one line naming file, line and field), and the same answers under mpirun.
set -u
RC=${1:?path to relucert}
RC=$(cd "$(dirname "$RC")" && pwd)/$(basename "$RC")
pass=0; fail=0
check() { if [ "$2" == "$3" ]; then pass=$((pass+1)); else fail=$((fail+1)); echo "FAIL: $1: got [$2] want [$3]"; fi; }
tmp=$(mktemp -d)
D=$PWD/data
cat > "$tmp/m.jsonl" <<EOM
{"id": "inspect", "command": "inspect", "args": ["$D/toy-obstructed.json", "--json"]}
# a comment line, and a blank one

{"id": "obstruct", "command": "obstruct", "args": ["$D/toy-obstructed.json", "$D/toy-data.json", "--json"]}
{"id": "missing", "command": "inspect", "args": ["$tmp/none.json"]}
{"id": "flow", "command": "flow", "args": ["$D/toy-obstructed.json", "$D/toy-data.json", "--time", "5", "--json"]}
{"id": "text", "command": "reach", "args": ["$D/toy-obstructed.json", "$D/toy-teacher.json"]}
{"id": "slow", "command": "flow", "args": ["$D/mid-net.json", "$D/mid-data.json", "--time", "10", "--json"]}
EOM
"$RC" batch "$tmp/m.jsonl" --output "$tmp/r.jsonl" --job-timeout 3 --quiet; check "exit 1 with a failed job" "$?" 1
check "one line a job" "$(wc -l < "$tmp/r.jsonl")" 6
check "ids" "$(jq -r .id "$tmp/r.jsonl" | sort | tr '\n' ' ')" "flow inspect missing obstruct slow text "
check "failed job exit" "$(jq -r 'select(.id=="missing") | .exit' "$tmp/r.jsonl")" 2
check "failed job error line" "$(jq -r 'select(.id=="missing") | .error' "$tmp/r.jsonl" | grep -c 'none.json')" 1
check "timed out" "$(jq -r 'select(.id=="slow") | "\(.exit) \(.timed_out)"' "$tmp/r.jsonl")" "null true"
check "text output kept" "$(jq -r 'select(.id=="text") | .output' "$tmp/r.jsonl" | grep -c 'NOT reachable')" 1
# results are the single runs' --json output (wall-clock fields aside)
"$RC" inspect "$D/toy-obstructed.json" --json | jq -S . > "$tmp/s1"
jq -S 'select(.id=="inspect") | .result' "$tmp/r.jsonl" > "$tmp/b1"
check "inspect identical" "$(cmp -s "$tmp/s1" "$tmp/b1" && echo same)" same
"$RC" flow "$D/toy-obstructed.json" "$D/toy-data.json" --time 5 --json | jq -S 'del(.seconds)' > "$tmp/s2"
jq -S 'select(.id=="flow") | .result | del(.seconds)' "$tmp/r.jsonl" > "$tmp/b2"
check "flow identical" "$(cmp -s "$tmp/s2" "$tmp/b2" && echo same)" same
check "obstruct exact bound" "$(jq -r 'select(.id=="obstruct") | .result.component_lower_bound[0]' "$tmp/r.jsonl")" "5/16"
# --resume: keep two lines and a torn third; only the other jobs run again
head -n 2 "$tmp/r.jsonl" > "$tmp/r2.jsonl"; printf '{"id": "fl' >> "$tmp/r2.jsonl"
kept=$(jq -r .id "$tmp/r2.jsonl" 2>/dev/null | head -n 2 | sort | tr '\n' ' ')
"$RC" batch "$tmp/m.jsonl" --output "$tmp/r2.jsonl" --resume --job-timeout 3 2> "$tmp/err"; check "resume exit" "$?" 1
check "resume torn line reported" "$(grep -c 'torn' "$tmp/err")" 1
check "resume: every job once" "$(jq -r .id "$tmp/r2.jsonl" | sort | uniq -c | awk '$1!=1' | wc -l)" 0
check "resume: all jobs" "$(wc -l < "$tmp/r2.jsonl")" 6
check "resume kept lines" "$(head -n 2 "$tmp/r2.jsonl" | jq -r .id | sort | tr '\n' ' ')" "$kept"
# --retry-failed re-runs the failed ones only (2 here) and appends their new lines
"$RC" batch "$tmp/m.jsonl" --output "$tmp/r2.jsonl" --resume --retry-failed --job-timeout 3 --quiet
check "retry-failed appends" "$(wc -l < "$tmp/r2.jsonl")" 8
# --resume with nothing left to run still reports the failures the results file holds
"$RC" batch "$tmp/m.jsonl" --output "$tmp/r2.jsonl" --resume 2> "$tmp/err"; check "resume, nothing to run: exit" "$?" 1
check "resume, nothing to run: count" "$(grep -c '6 job(s), 2 failed' "$tmp/err")" 1
check "resume, nothing to run: no line added" "$(wc -l < "$tmp/r2.jsonl")" 8
# manifest errors: exit 2, one line naming file and line
bad() { printf '%s\n' "$2" > "$tmp/bad.jsonl"; out=$("$RC" batch "$tmp/bad.jsonl" --output "$tmp/x.jsonl" 2>&1); st=$?
        check "$1 exit" "$st" 2; check "$1 one line" "$(printf '%s\n' "$out" | wc -l)" 1
        check "$1 message" "$(printf '%s' "$out" | grep -c -- "$3")" 1; }
bad "duplicate id" '{"id": "a", "command": "inspect", "args": []}
{"id": "a", "command": "inspect", "args": []}' 'line 2: id: "a" is also the id of line 1'
bad "missing id" '{"command": "inspect", "args": []}' 'line 1: id: missing'
bad "arg not string" '{"id": "a", "command": "inspect", "args": ["x", 3]}' 'line 1: args\[1\]: expected a string, got number'
bad "batch in batch" '{"id": "a", "command": "batch", "args": []}' 'cannot be a job'
bad "unknown key" '{"id": "a", "command": "inspect", "argz": []}' 'unknown key "argz"'
bad "not json" '{"id": "a", ' 'line 1'
bad "unknown command" '{"id": "a", "command": "flwo", "args": []}' 'line 1: command: unknown command "flwo"'
bad "empty" '# nothing' 'no jobs'
"$RC" batch "$tmp/m.jsonl" >/dev/null 2>&1; check "no --output" "$?" 2
check "--output without a value" "$("$RC" batch "$tmp/m.jsonl" --output 2>&1; echo "exit $?")" "relucert batch: --output: missing value
exit 2"
"$RC" batch --help | grep -q "usage: relucert batch" && pass=$((pass+1)) || { fail=$((fail+1)); echo "FAIL: help"; }
# --output naming the manifest (also through a link, also with --resume) is refused: the
# manifest stays intact
cp "$tmp/m.jsonl" "$tmp/keep.jsonl"
out=$("$RC" batch "$tmp/m.jsonl" --output "$tmp/m.jsonl" 2>&1); st=$?
check "output is manifest: exit" "$st" 2
check "output is manifest: one line" "$(printf '%s\n' "$out" | grep -c 'is the manifest')" 1
ln -s "$tmp/m.jsonl" "$tmp/link.jsonl"
"$RC" batch "$tmp/m.jsonl" --output "$tmp/link.jsonl" --resume >/dev/null 2>&1; check "link to manifest, --resume: exit" "$?" 2
check "manifest intact" "$(cmp -s "$tmp/m.jsonl" "$tmp/keep.jsonl" && echo same)" same
# an error line longer than the 1000 bytes kept, cut inside a UTF-8 character (2-byte chars at
# odd and even offsets): the results stay valid UTF-8 and --resume does not run the jobs again
for k in 0 1; do
  printf '{"id": "u%s", "command": "inspect", "args": ["%s%s"]}\n' $k "$(printf '%*s' $((2 + k)) '' | tr ' ' -)" \
    "$(printf '%*s' 700 '' | sed 's/ /é/g')"
done > "$tmp/u.jsonl"
"$RC" batch "$tmp/u.jsonl" --output "$tmp/u.out" --quiet; check "long error: exit" "$?" 1
check "long error: valid UTF-8" "$(iconv -f UTF-8 -t UTF-8 "$tmp/u.out" >/dev/null 2>&1 && echo valid)" valid
check "long error: kept <= 1000 bytes" "$(jq -r '.error | utf8bytelength <= 1000' "$tmp/u.out" | sort -u)" true
"$RC" batch "$tmp/u.jsonl" --output "$tmp/u.out" --quiet --resume; check "long error: resume exit (their failures stay)" "$?" 1
check "long error: resume runs nothing again" "$(wc -l < "$tmp/u.out")" 2
# more jobs than the open-file limit allows: --jobs is lowered, no job fails to start
for i in $(seq 1 30); do printf '{"id": "f%s", "command": "inspect", "args": ["%s/toy-obstructed.json"]}\n' $i "$D"; done > "$tmp/f.jsonl"
(ulimit -n 40 && "$RC" batch "$tmp/f.jsonl" --output "$tmp/f.out" --jobs 200 2> "$tmp/f.err"); check "fd limit: exit" "$?" 0
check "fd limit: every job ran" "$(jq -r 'select(.exit == 0) | .id' "$tmp/f.out" | wc -l)" 30
check "fd limit: said so" "$(grep -c 'lowered to' "$tmp/f.err")" 1
# jobs that cannot even start (an argument over the kernel's 128 KiB limit) fill every slot of
# a round: they are reported, and the jobs after them still run
big=$(printf '%*s' 200000 '' | tr ' ' x)
{ for k in 1 2; do printf '{"id": "e2big%s", "command": "inspect", "args": ["%s"]}\n' $k "$big"; done
  for k in 1 2 3; do printf '{"id": "after%s", "command": "inspect", "args": ["%s/toy-obstructed.json"]}\n' $k "$D"; done; } > "$tmp/e.jsonl"
"$RC" batch "$tmp/e.jsonl" --output "$tmp/e.out" --jobs 2 --quiet; check "unstartable jobs: exit" "$?" 1
check "unstartable jobs: one line a job" "$(jq -r .id "$tmp/e.out" | sort | tr '\n' ' ')" "after1 after2 after3 e2big1 e2big2 "
check "unstartable jobs: reported" "$(jq -r 'select(.id == "e2big1") | .error' "$tmp/e.out" | grep -c 'Argument list too long')" 1
# the executable replaced while the batch runs (a rebuild): every job still runs the program
# that batch itself runs
mkdir "$tmp/swap" && cp "$RC" "$tmp/swap/relucert"
for i in $(seq 1 100); do printf '{"id": "v%s", "command": "--version"}\n' $i; done > "$tmp/v.jsonl"
"$tmp/swap/relucert" batch "$tmp/v.jsonl" --output "$tmp/v.out" --jobs 1 --quiet & bpid=$!
sleep 0.3; printf '#!/bin/sh\necho IMPOSTER\n' > "$tmp/swap/new"; chmod +x "$tmp/swap/new"; mv "$tmp/swap/new" "$tmp/swap/relucert"
wait $bpid; check "replaced executable: exit" "$?" 0
check "replaced executable: every job ran the original" "$(jq -r .output "$tmp/v.out" | grep -c IMPOSTER)" 0
# a results line whose id holds a NUL is not the line of the id before the NUL
printf '{"id": "inspect\\u0000x", "exit": 0}\n' > "$tmp/nul.out"
"$RC" batch "$tmp/m.jsonl" --output "$tmp/nul.out" --resume --job-timeout 3 --quiet
check "NUL in a result id: the job still runs" "$(jq -r 'select(.id == "inspect") | .exit' "$tmp/nul.out")" 0
# results that cannot be written (a full disk: /dev/full) stop the batch with exit 2 and one
# line; they were lost silently
if [ -w /dev/full ]; then
  out=$("$RC" batch "$tmp/f.jsonl" --output /dev/full --quiet 2>&1); st=$?
  check "full disk: exit" "$st" 2
  check "full disk: one line" "$(printf '%s\n' "$out" | wc -l)" 1
  check "full disk: said" "$(printf '%s\n' "$out" | grep -c '/dev/full: cannot write a result line: No space left on device')" 1
fi
# SIGTERM to batch: the running jobs are killed with it (no orphans), finished lines stay
cp "$D/mid-net.json" "$tmp/sigterm-net.json"
printf '{"id": "s", "command": "flow", "args": ["%s", "%s/mid-data.json", "--time", "10", "--json"]}\n' "$tmp/sigterm-net.json" "$D" > "$tmp/s.jsonl"
"$RC" batch "$tmp/s.jsonl" --output "$tmp/s.out" --quiet & bpid=$!
sleep 1; kill -TERM $bpid; wait $bpid; check "SIGTERM: batch dies of it" "$?" 143
sleep 0.2; check "SIGTERM: no orphan job" "$(ps -eo args | grep -c '[s]igterm-net.json')" 0
# Ctrl-C (SIGINT to the whole process group, jobs included): the jobs it killed get no line
# (they did not fail; --resume runs them), and nothing is left running
if command -v setsid >/dev/null 2>&1; then
  printf '{"id": "i%s", "command": "flow", "args": ["%s", "%s/mid-data.json", "--time", "10", "--json"]}\n' 1 "$tmp/sigterm-net.json" "$D" 2 "$tmp/sigterm-net.json" "$D" > "$tmp/i.jsonl"
  setsid "$RC" batch "$tmp/i.jsonl" --output "$tmp/i.out" --jobs 2 --quiet & sleep 1
  pg=$(ps -eo pgid,args | awk -v f="$tmp/i.jsonl" 'index($0, f) && /batch/ {print $1; exit}')
  [ -n "$pg" ] && kill -INT -- "-$pg"; sleep 0.5
  check "Ctrl-C: no line for the interrupted jobs" "$(wc -l < "$tmp/i.out")" 0
  check "Ctrl-C: no job left" "$(ps -eo args | grep -c '[s]igterm-net.json')" 0
fi
# under mpirun: the same answers (when this relucert has MPI and mpirun is here)
if command -v mpirun >/dev/null 2>&1; then
  export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1 OMPI_MCA_rmaps_base_oversubscribe=1
  grep -v '"slow"' "$tmp/m.jsonl" > "$tmp/m2.jsonl"
  ASAN_OPTIONS=detect_leaks=0 timeout 120 mpirun -np 2 "$RC" batch "$tmp/m2.jsonl" --output "$tmp/rm.jsonl" --quiet >"$tmp/mpi.log" 2>&1
  if grep -q "built without MPI" "$tmp/mpi.log"; then
    echo "note: this relucert was built without MPI; mpirun part skipped"
  else
    # a rank that cannot read the manifest (another working directory): exit 2, no hang
    printf '#!/bin/sh\n[ "$OMPI_COMM_WORLD_RANK" = 1 ] && cd /\nexec "%s" "$@"\n' "$RC" > "$tmp/rank1-cd.sh"
    chmod +x "$tmp/rank1-cd.sh"
    (cd "$tmp" && ASAN_OPTIONS=detect_leaks=0 timeout 60 mpirun -np 2 "$tmp/rank1-cd.sh" batch m2.jsonl \
       --output "$tmp/rr.jsonl" --quiet >"$tmp/mpi2.log" 2>&1); st=$?
    check "mpi: a rank without the manifest: exit 2 (no hang)" "$st" 2
    check "mpi: ... and says which rank" "$(grep -c 'relucert batch: rank 1: m2.jsonl' "$tmp/mpi2.log")" 1
    # ranks reading different files under the same path are refused
    mkdir "$tmp/other" && sed 's/"id": "text"/"id": "text2"/' "$tmp/m2.jsonl" > "$tmp/other/m2.jsonl"
    printf '#!/bin/sh\n[ "$OMPI_COMM_WORLD_RANK" = 1 ] && cd "%s/other"\nexec "%s" "$@"\n' "$tmp" "$RC" > "$tmp/rank1-other.sh"
    chmod +x "$tmp/rank1-other.sh"
    (cd "$tmp" && ASAN_OPTIONS=detect_leaks=0 timeout 60 mpirun -np 2 "$tmp/rank1-other.sh" batch m2.jsonl \
       --output "$tmp/rr.jsonl" --quiet >"$tmp/mpi3.log" 2>&1); st=$?
    check "mpi: different manifests: exit 2" "$st" 2
    check "mpi: different manifests: said so" "$(grep -c 'different manifests' "$tmp/mpi3.log")" 1
    if [ -w /dev/full ]; then
      ASAN_OPTIONS=detect_leaks=0 timeout 60 mpirun -np 2 "$RC" batch "$tmp/m2.jsonl" --output /dev/full \
        --quiet >"$tmp/mpi5.log" 2>&1; st=$?
      check "mpi: full disk: failure exit" "$([ $st -ne 0 ] && [ $st -ne 124 ] && echo failed)" failed
      check "mpi: full disk: said" "$(grep -c 'cannot write a result line' "$tmp/mpi5.log")" 1
    fi
    # --resume under mpirun: a torn line is cut (and said so), the other jobs run once
    head -n 2 "$tmp/r.jsonl" | grep -v '"slow"' > "$tmp/rmr.jsonl"; printf '{"id": "fl' >> "$tmp/rmr.jsonl"
    ASAN_OPTIONS=detect_leaks=0 timeout 120 mpirun -np 2 "$RC" batch "$tmp/m2.jsonl" --output "$tmp/rmr.jsonl" \
      --resume >/dev/null 2>"$tmp/mpi4.log"
    check "mpi resume: torn line reported" "$(grep -c 'cut a torn last line' "$tmp/mpi4.log")" 1
    check "mpi resume: every job once" "$(jq -r .id "$tmp/rmr.jsonl" | sort | tr '\n' ' ')" "flow inspect missing obstruct text "
    check "mpi: one line a job" "$(wc -l < "$tmp/rm.jsonl" 2>/dev/null)" 5
    for id in inspect obstruct flow text missing; do
      a=$(jq -S -c "select(.id==\"$id\") | [.exit, (.result | if . then del(.seconds) else . end), .output, .error]" "$tmp/r.jsonl")
      b=$(jq -S -c "select(.id==\"$id\") | [.exit, (.result | if . then del(.seconds) else . end), .output, .error]" "$tmp/rm.jsonl")
      check "mpi: $id same as local" "$b" "$a"
    done
  fi
else
  echo "note: mpirun not found; MPI part skipped"
fi
rm -rf "$tmp"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
