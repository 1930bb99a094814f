#!/bin/sh
# deps.sh — what `make fuzz` needs beyond the build: clang and libFuzzer (Debian's clang and
# libclang-rt-14-dev). Installs them as root; otherwise names the apt-get line and fails.
set -u
have_fuzzer() {
  command -v clang >/dev/null 2>&1 || return 1
  echo 'int LLVMFuzzerTestOneInput(const char *d, unsigned long n) { return 0; }' |
    clang -x c -fsanitize=fuzzer -o /dev/null - >/dev/null 2>&1
}
have_fuzzer && exit 0
if [ "$(id -u)" -ne 0 ]; then
  echo "make fuzz needs clang with libFuzzer; run: sudo apt-get install -y clang libclang-rt-14-dev" >&2
  exit 1
fi
echo "installing: clang libclang-rt-14-dev" >&2
export DEBIAN_FRONTEND=noninteractive
apt-get install -y -q clang libclang-rt-14-dev >&2 ||
  { apt-get update -q >&2 && apt-get install -y -q clang libclang-rt-14-dev >&2; } || exit 1
have_fuzzer || { echo "clang still cannot link libFuzzer" >&2; exit 1; }
