#!/bin/sh
# deps.sh — finds the Debian packages kehoach builds against, installs the missing ones
# through apt-get when run as root, and prints the compiler and linker flags for make.
#
# Usage: scripts/deps.sh > build/config.mk
# Without root and with packages missing, it prints one line naming the apt-get command
# to run, and exits 1.
set -u

# pkg-config name (or "header:FILE" where Debian ships no .pc) and the package providing it
wanted="
lua5.4:liblua5.4-dev
lua5.4-cjson:lua-cjson-dev
sqlite3:libsqlite3-dev
cmocka:libcmocka-dev
libutf8proc:libutf8proc-dev
header:csv.h:libcsv-dev
xlsxwriter:libxlsxwriter-dev
libmd:libmd-dev
libzip:libzip-dev
expat:libexpat1-dev
libmicrohttpd:libmicrohttpd-dev
"

missing=""
command -v pkg-config >/dev/null 2>&1 || missing="pkg-config"
command -v cc >/dev/null 2>&1 || missing="$missing gcc"

have() {
  case "$1" in
    header:*) [ -f "/usr/include/${1#header:}" ] ;;
    *) command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1" ;;
  esac
}

for line in $wanted; do
  pkg=${line##*:}
  what=${line%:*}
  have "$what" || missing="$missing $pkg"
done
missing=$(echo $missing)

if [ -n "$missing" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "kehoach needs packages that are not installed; run: sudo apt-get install -y $missing" >&2
    exit 1
  fi
  echo "installing: $missing" >&2
  export DEBIAN_FRONTEND=noninteractive
  apt-get install -y -q $missing >&2 || { apt-get update -q >&2 && apt-get install -y -q $missing >&2; } || {
    echo "kehoach: apt-get could not install: $missing" >&2
    exit 1
  }
fi

pcs="lua5.4 lua5.4-cjson sqlite3 libutf8proc xlsxwriter libmd libzip expat libmicrohttpd"
echo "# written by scripts/deps.sh; remove it to check packages again"
echo "PKG_CFLAGS = $(pkg-config --cflags $pcs)"
echo "PKG_LIBS = $(pkg-config --libs $pcs) -lcsv -lm"
echo "CMOCKA_CFLAGS = $(pkg-config --cflags cmocka)"
echo "CMOCKA_LIBS = $(pkg-config --libs cmocka)"
