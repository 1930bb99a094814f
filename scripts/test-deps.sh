#!/bin/sh
# test-deps.sh — what the tests use but the build does not: Debian's chromium, for the
# tests that open report.html and print plan.html in a headless browser; python3-docx and
# python3-openpyxl, for the tests that read plan.docx and progress.docx back as Word would
# and progress.xlsx as Excel would; poppler-utils (pdffonts) and fonts-noto-core (Noto
# Serif, every Vietnamese letter), for the test that checks the printed plan uses one
# serif family; chromium-driver and python3-selenium, for the tests that measure
# report.html at desktop, phone and print sizes and drive the workbench (kehoach serve) in
# a real browser. Installed through apt-get when run as root and missing; otherwise (or
# when apt-get cannot) the test that needs one says SKIPPED.
# One attempt per build folder and list of missing packages: the stamp file records the
# list tried (`make clean` forgets it), so a package added here is tried once more.
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
/usr/bin/python3 -c "import openpyxl" >/dev/null 2>&1 || missing="$missing python3-openpyxl"
command -v pdffonts >/dev/null 2>&1 || missing="$missing poppler-utils"
[ -f /usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf ] || missing="$missing fonts-noto-core"
command -v chromedriver >/dev/null 2>&1 || missing="$missing chromium-driver"
/usr/bin/python3 -c "import selenium" >/dev/null 2>&1 || missing="$missing python3-selenium"
missing=$(echo $missing)
[ -z "$missing" ] && exit 0
[ -f "$stamp" ] && [ "$(cat "$stamp")" = "$missing" ] && exit 0
mkdir -p "$(dirname "$stamp")"
if [ "$(id -u)" -ne 0 ]; then
  echo "note: no $missing; the tests that need them will be skipped (install: sudo apt-get install $missing)" >&2
elif DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null 2>&1 ||
     { apt-get update -q >/dev/null 2>&1 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q $missing >/dev/null 2>&1; }; then
  echo "installed $missing for the tests" >&2
else
  echo "note: apt-get could not install $missing; the tests that need them will be skipped" >&2
fi
echo "$missing" > "$stamp"
