#!/bin/sh
# test-deps.sh — what the tests use but the build does not: Debian's chromium, for the
# test that opens report.html in a headless browser, and python3-docx, for the test that
# reads plan.docx back as Word would, and chromium-driver with python3-selenium, for the
# workbench's test (kehoach serve) driven in a real browser. Installed through apt-get when run as root and
# missing; otherwise (or when apt-get cannot) the test that needs one says SKIPPED.
# One attempt per build folder: the stamp file records it (`make clean` forgets it).
#
# Usage: scripts/test-deps.sh STAMP
set -u
stamp=${1:-build/test-deps.stamp}
missing=""
have_browser=""
for b in chromium chromium-browser google-chrome; do
  command -v "$b" >/dev/null 2>&1 && have_browser=1
done
[ -n "$have_browser" ] || missing="chromium"
/usr/bin/python3 -c "import docx" >/dev/null 2>&1 || missing="$missing python3-docx"
# the workbench's browser test (tests/test_serve.c, tests/serve_browser.py)
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
/usr/bin/python3 -c "import selenium" >/dev/null 2>&1 || missing="$missing python3-selenium"
missing=$(echo $missing)
[ -z "$missing" ] && exit 0
[ -f "$stamp" ] && exit 0
mkdir -p "$(dirname "$stamp")"
if [ "$(id -u)" -ne 0 ]; then
  echo "note: no $missing; the tests that need them will be skipped (install: sudo apt-get install $missing)" >&2
elif DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null 2>&1 ||
     { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null 2>&1; }; then
  echo "installed $missing for the tests" >&2
else
  echo "note: apt-get could not install $missing; the tests that need them will be skipped" >&2
fi
touch "$stamp"
