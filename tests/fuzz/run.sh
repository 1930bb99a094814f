#!/bin/sh
# run.sh — runs each fuzz target under libFuzzer for a bounded time and says what it found.
# Called by `make fuzz` (FUZZ_SECONDS=60 per target by default).
#
# Usage: tests/fuzz/run.sh SECONDS TARGET[:MORE_SEEDS_DIR]...
# Per target: the seeds are tests/fuzz/corpus/<target>/ (read only); what the fuzzer adds
# goes to build/fuzz/corpus/<target>/; an input that crashes is saved under
# build/fuzz/artifacts/<target>/ and the log is build/fuzz/<target>.log. Once its bug is
# fixed, copy the input into tests/fuzz/corpus/<target>/ so `make test` replays it.
# Exits 1 when any target crashed. Leaks are not looked for input by input: Lua's collector
# frees garbage when it likes, so every input would look like a leak; `make san` and the
# allocation-failure walk check for leaks at exit instead.
set -u
seconds=$1
shift
found=""
printf '%-12s %12s %10s %8s %8s  %s\n' target executions "exec/s" corpus features result
for arg in "$@"; do
  t=${arg%%:*}
  more=""
  [ "$t" != "$arg" ] && more=${arg#*:}
  mkdir -p "build/fuzz/corpus/$t" "build/fuzz/artifacts/$t"
  dict=""
  [ -f "tests/fuzz/$t.dict" ] && dict="-dict=tests/fuzz/$t.dict"
  log="build/fuzz/$t.log"
  "build/fuzz/$t" -max_total_time="$seconds" -timeout=30 -detect_leaks=0 -print_final_stats=1 \
    -artifact_prefix="build/fuzz/artifacts/$t/" $dict \
    "build/fuzz/corpus/$t" "tests/fuzz/corpus/$t" $more >"$log" 2>&1
  rc=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  speed=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -n 1)
  corpus=$(ls "build/fuzz/corpus/$t" | wc -l)
  cov=$(grep -o 'ft: [0-9]*' "$log" | tail -n 1 | cut -d' ' -f2)
  if [ $rc -eq 0 ]; then
    result="no crash"
  else
    result="CRASH (exit $rc): $(ls -t build/fuzz/artifacts/$t | head -n 1), see $log"
    found="$found $t"
  fi
  printf '%-12s %12s %10s %8s %8s  %s\n' "$t" "${runs:-?}" "${speed:-?}" "$corpus" "${cov:-?}" "$result"
done
if [ -n "$found" ]; then
  echo "fuzzing found bugs in:$found"
  exit 1
fi
