/*
** main.c — argv and exit codes. The limits of the sandbox are read here (they must be
** known before the Lua state exists); everything else, verbs and their options included,
** is parsed by stdlib/kehoach/cli.lua inside the sandbox.
*/
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "faults.h"
#include "kehoach.h"
#include "sandbox.h"

/* Parses "512M", "2G", "1048576" into bytes; 0 on a bad value. */
static size_t parse_size(const char *s) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || v <= 0) return 0;
  switch (*end) {
    case 'k': case 'K': v *= 1024.0; end++; break;
    case 'm': case 'M': v *= 1024.0 * 1024; end++; break;
    case 'g': case 'G': v *= 1024.0 * 1024 * 1024; end++; break;
    default: break;
  }
  if (*end == 'i' || *end == 'B') end++;
  if (*end == 'B') end++;
  if (*end != '\0' || v >= (double)SIZE_MAX) return 0;
  return (size_t)v;
}

/* Takes --max-memory and --max-instructions (as "--opt V" or "--opt=V") out of argv.
** Returns 0, or prints a usage error and returns KH_EUSAGE. */
static int take_limits(int *argc, char **argv, sandbox_limits *lim) {
  int out = 1;
  for (int i = 1; i < *argc; i++) {
    const char *opts[] = {"--max-memory", "--max-instructions"};
    int which = -1;
    const char *value = NULL;
    for (int k = 0; k < 2; k++) {
      size_t n = strlen(opts[k]);
      if (strncmp(argv[i], opts[k], n) == 0 && (argv[i][n] == '\0' || argv[i][n] == '=')) {
        which = k;
        value = argv[i][n] == '=' ? argv[i] + n + 1 : (i + 1 < *argc ? argv[++i] : NULL);
      }
    }
    if (which < 0) {
      argv[out++] = argv[i];
      continue;
    }
    if (value == NULL) {
      fprintf(stderr, "kehoach: %s needs a value\n", opts[which]);
      return KH_EUSAGE;
    }
    if (which == 0 && (lim->max_memory = parse_size(value)) == 0) {
      fprintf(stderr, "kehoach: --max-memory %s: give a size such as 512M or 2G\n", value);
      return KH_EUSAGE;
    }
    if (which == 1) {
      char *end;
      long long n = strtoll(value, &end, 10);
      if (*end != '\0' || n <= 0) {
        fprintf(stderr, "kehoach: --max-instructions %s: give a positive whole number\n", value);
        return KH_EUSAGE;
      }
      lim->max_instructions = n;
    }
  }
  argv[out] = NULL;
  *argc = out;
  return KH_OK;
}

/* Finds the stdlib: $KEHOACH_STDLIB, else a stdlib/ folder beside the executable or up to
** two folders above it (the build tree keeps sanitizer builds under build/). */
static int find_stdlib(char *buf, size_t size) {
  const char *env = getenv("KEHOACH_STDLIB");
  if (env && *env) {
    snprintf(buf, size, "%s", env);
    return 1;
  }
  char exe[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
  if (n <= 0) return 0;
  exe[n] = '\0';
  for (int up = 0; up < 3; up++) {
    char *slash = strrchr(exe, '/');
    if (slash == NULL) return 0;
    *slash = '\0';
    char probe[PATH_MAX + 64];
    snprintf(probe, sizeof probe, "%s/stdlib/kehoach/cli.lua", exe);
    if (access(probe, R_OK) == 0) {
      snprintf(buf, size, "%s/stdlib", exe);
      return 1;
    }
  }
  return 0;
}

int main(int argc, char **argv) {
  faults_setup();
  sandbox_limits lim = {0, 0};
  int code = take_limits(&argc, argv, &lim);
  if (code != KH_OK) return code;
  char stdlib[PATH_MAX + 16];
  if (!find_stdlib(stdlib, sizeof stdlib)) {
    fprintf(stderr, "kehoach: cannot find the stdlib/ folder beside the program; "
                    "set KEHOACH_STDLIB to its path\n");
    return KH_EINTERNAL;
  }
  kh_error err;
  sandbox *sb = sandbox_new(&lim, stdlib, &err);
  if (sb == NULL) {
    fprintf(stderr, "kehoach: %s\n", err.msg);
    faults_report();
    return err.code;
  }
  code = sandbox_main(sb, argc, argv, &err);
  if (code != KH_OK && err.msg[0]) fprintf(stderr, "%s\n", err.msg);
  sandbox_free(sb);
  faults_report();
  return code;
}
