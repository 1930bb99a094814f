#!/bin/sh
# test-deps.sh — what the tests use but the build does not: Debian's chromium, for the
# test that opens report.html in a headless browser. Installed through apt-get when run
# as root and missing; otherwise (or when apt-get cannot) the browser test says SKIPPED.
# One attempt per build folder: the stamp file records it (`make clean` forgets it).
#
# Usage: scripts/test-deps.sh STAMP
set -u
stamp=${1:-build/test-deps.stamp}
for b in chromium chromium-browser google-chrome; do
  command -v "$b" >/dev/null 2>&1 && exit 0
done
[ -f "$stamp" ] && exit 0
mkdir -p "$(dirname "$stamp")"
if [ "$(id -u)" -ne 0 ]; then
  echo "note: no chromium; the browser test of report.html will be skipped (install: sudo apt-get install chromium)" >&2
elif DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1 ||
     { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium >/dev/null 2>&1; }; then
  echo "installed chromium for the browser test of report.html" >&2
else
  echo "note: apt-get could not install chromium; the browser test of report.html will be skipped" >&2
fi
touch "$stamp"
