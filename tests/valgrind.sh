#!/bin/sh
# valgrind.sh — the 2021 run under valgrind's memcheck (`make valgrind`): twice, on a new
# results database and on one that holds a run, each into a scratch folder. Any invalid
# read or write, use of uninitialised memory, or block left allocated at exit fails it.
#
# Usage: tests/valgrind.sh KEHOACH PLAN REGISTRY
set -u
bin=$(realpath "$1"); plan=$(realpath "$2"); registry=$(realpath "$3")
if ! command -v valgrind >/dev/null 2>&1; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "make valgrind needs valgrind; run: sudo apt-get install -y valgrind" >&2
    exit 1
  fi
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q valgrind >&2 || exit 1
fi
dir=$(mktemp -d /tmp/kehoach-valgrind-XXXXXX)
status=0
for pass in "new results database" "results database with a run"; do
  log="$dir/memcheck.log"
  (cd "$dir" && valgrind --tool=memcheck --leak-check=full --show-leak-kinds=all \
    --errors-for-leak-kinds=all --track-origins=yes --error-exitcode=99 \
    "$bin" run "$plan" --db "$registry" >/dev/null 2>"$log")
  code=$?
  echo "== kehoach run (${pass}): exit $code"
  grep -E "total heap usage|in use at exit|ERROR SUMMARY|definitely|indirectly|possibly" "$log" | sed 's/^==[0-9]*== */   /'
  if [ $code -ne 0 ]; then
    echo "   see $log"
    status=1
  fi
done
[ $status -eq 0 ] && rm -rf "$dir"
exit $status
