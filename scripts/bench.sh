#!/bin/sh
# bench.sh — speed and memory of kehoach on large synthetic registries (`make bench`).
#
# Usage: scripts/bench.sh [KEHOACH] [HOUSEHOLDS...]   (default ./kehoach, 1000000 10000000)
#
# For each size it makes (once; cached as data/bench-1m.db, data/bench-10m.db, ... and remade only when the
# generator, the standards or the profile changed) a registry of the default profile, then
# runs every measurement in MEASUREMENTS on it and prints households per second and peak
# resident memory. A measurement is a shell function bench_<name> taking the size and the
# registry; it calls `measure LABEL SIZE COMMAND...`. To add one, write the function and
# add its name to MEASUREMENTS.
set -eu

BIN=${1:-./kehoach}
[ $# -gt 0 ] && shift
SIZES=${*:-"1000000 10000000"}
MEASUREMENTS="generate classify stats run sweep doc progress serve"
DATA=data
# what a registry is made from: when any of it is newer, the cached registry is made again
SOURCES="stdlib/kehoach/registry/generate.lua stdlib/kehoach/registry/profile.lua
  stdlib/kehoach/registry/tables.lua stdlib/kehoach/standards stdlib/kehoach/standards.lua
  scripts/profiles"

# GNU time reports peak RSS; Debian's `time` package has it.
if [ ! -x /usr/bin/time ]; then
  if [ "$(id -u)" -eq 0 ]; then
    apt-get install -y -q time >/dev/null 2>&1 || { apt-get update -q >/dev/null && apt-get install -y -q time >/dev/null; }
  else
    echo "bench: /usr/bin/time is missing; run: sudo apt-get install -y time" >&2
    exit 1
  fi
fi

# measure LABEL HOUSEHOLDS COMMAND... — runs the command, prints one line of figures, and
# keeps it in $LAST. The command's own output is dropped (its errors are shown on failure).
measure() {
  label=$1 n=$2
  shift 2
  log=$(mktemp)
  if ! /usr/bin/time -f "%e %M" -o "$log.time" "$@" >/dev/null 2>"$log"; then
    echo "bench: $label failed:" >&2
    cat "$log" >&2
    rm -f "$log" "$log.time"
    exit 1
  fi
  set -- $(tail -n 1 "$log.time")
  rm -f "$log" "$log.time"
  LAST_SECONDS=$1
  LAST=$(awk -v label="$label" -v n="$n" -v s="$1" -v kb="$2" 'BEGIN {
    rate = s > 0 ? n / s : 0
    printf "  %-12s %10.1f s  %12.0f households/s  peak RSS %7.1f MiB", label, s, rate, kb / 1024 }')
  echo "$LAST"
}

# Registries are cached: made again only when missing or older than what makes them.
stale() {
  [ ! -f "$1" ] || [ -n "$(find $SOURCES -newer "$1" -type f 2>/dev/null | head -n 1)" ]
}

bench_generate() {
  n=$1 db=$2
  if stale "$db"; then
    rm -f "$db"
    measure generate "$n" "$BIN" db generate "$db" --households "$n"
    echo "$LAST" >"$db.generate.txt"
  elif [ -f "$db.generate.txt" ]; then
    echo "$(cat "$db.generate.txt")  (cached: remove $db to measure again)"
  else
    echo "  generate     cached in $db (remove it to measure again)"
  fi
}

# every household classified by the standard inside SQLite, and compared with its record
bench_classify() {
  measure classify "$1" "$BIN" db check --db "$2"
}

bench_stats() {
  measure stats "$1" "$BIN" db stats --db "$2"
}

# the 2021 plan against the registry: selectors, quota allocation, costs, the results
# database and out/ (summary.json, allocations.csv, report.md), in a scratch folder
bench_run() {
  out=$(mktemp -d)
  measure run "$1" "$BIN" run plans/lao-cai-city-2021.lua --db "$2" --out "$out" --results "$out/results.db"
  RUN_SECONDS=$LAST_SECONDS
  rm -rf "$out"
}

# 20-point sweeps of the 2021 plan against one run (bench_run, just before): an amount
# (the selection and the allocation made once, each point priced) and a quota (the
# selection once, each point chosen and projected again)
bench_sweep() {
  out=$(mktemp -d)
  for vary in "tro_cap.amount=250000:440000:10000" "vay_von.quota.Thống Nhất=39:58:1"; do
    measure sweep "$1" "$BIN" sweep plans/lao-cai-city-2021.lua --db "$2" --out "$out" --vary "$vary"
    awk -v s="$LAST_SECONDS" -v r="${RUN_SECONDS:-0}" -v what="${vary%%=*}" 'BEGIN {
      if (r > 0) printf "  %-12s 20 values of %s: %.1f × the time of one run\n", "", what, s / r }'
  done
  rm -rf "$out"
}

# the plan document: the plan evaluated in memory, then plan.md and plan.html
bench_doc() {
  out=$(mktemp -d)
  measure doc "$1" "$BIN" doc plans/lao-cai-city-2021.lua --db "$2" --out "$out"
  rm -rf "$out"
}

# progress on the last day of the year: the registry's events against the targets
bench_progress() {
  out=$(mktemp -d)
  measure progress "$1" "$BIN" progress plans/lao-cai-city-2021.lua --as-of 2021-12-31 --db "$2" --out "$out"
  rm -rf "$out"
}

# the workbench (kehoach serve, scripts/bench_serve.py): 20 changes of an amount, an effect
# and a quota, timed from request to figures, against the floor of an evaluation that
# changes nothing and against one run (bench_run, just before); then successive changes
# (SERVE_CHANGES, default 20 here; 1000 on the default registry, below) and the server's
# resident memory after a tenth of them and after all
bench_serve() {
  /usr/bin/python3 scripts/bench_serve.py "$BIN" "$2" "${SERVE_CHANGES:-20}" "${RUN_SECONDS:-0}"
}

mkdir -p "$DATA"
echo "kehoach bench: $($BIN --version), $(nproc) CPUs, $(uname -m)"
if [ -f "$DATA/registry.db" ]; then
  echo "the default registry ($DATA/registry.db), the workbench over 1000 changes:"
  /usr/bin/python3 scripts/bench_serve.py "$BIN" "$DATA/registry.db" 1000
fi
# 1000000 -> 1m, 250000 -> 250k: the cache's file name
short() {
  if [ $(($1 % 1000000)) -eq 0 ]; then echo "$(($1 / 1000000))m"
  elif [ $(($1 % 1000)) -eq 0 ]; then echo "$(($1 / 1000))k"
  else echo "$1"; fi
}

for n in $SIZES; do
  db="$DATA/bench-$(short "$n").db"
  # about 400 bytes of registry per household; keep twice that free
  need_kb=$((n / 1000 * 800))
  free_kb=$(df -Pk "$DATA" | awk 'NR == 2 { print $4 }')
  if stale "$db" && [ "$free_kb" -lt "$need_kb" ]; then
    echo "bench: $n households need about $((need_kb / 1024)) MiB free in $DATA/; only $((free_kb / 1024)) MiB" >&2
    exit 1
  fi
  echo "$n households ($db):"
  for m in $MEASUREMENTS; do
    "bench_$m" "$n" "$db"
  done
done
