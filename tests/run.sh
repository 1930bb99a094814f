#!/bin/sh
# run.sh — runs every test binary given, lets cmocka print its summary lines, and exits
# non-zero when any of them failed. Called by `make test` and `make san`.
failed=""
for t in "$@"; do
  echo "== $t"
  "$t" || failed="$failed $(basename "$t")"
done
if [ -n "$failed" ]; then
  echo "FAILED:$failed"
  exit 1
fi
echo "all $# test programs passed"
