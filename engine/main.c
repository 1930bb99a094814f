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
#include <sys/stat.h>
#include <unistd.h>

#include "faults.h"
#include "kehoach.h"
#include "modules.h"
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

/* Parses a whole number from min to max (min >= 0); -1 on anything else. */
static long long parse_whole(const char *s, long long min, long long max) {
  char *end;
  errno = 0;
  long long n = strtoll(s, &end, 10);
  if (*end != '\0' || end == s || errno == ERANGE || n < min || n > max) return -1;
  return n;
}

/* Below this the engine cannot even load its stdlib: a smaller --max-memory is a mistake
** on the command line, not a limit the plan went over. */
#define MIN_MEMORY (16u << 20)

/* The processor time a command that runs a plan may take unless --max-time says otherwise:
** a minute, and a minute more for every 100 MB of the registry it reads (--db, else the
** default registry). The instruction budget stops loops in plan code within a second;
** this stops what it cannot see: a loop whose time goes inside one string function (a
** pattern that backtracks over megabytes), or a finalizer. The 2021 run takes under a
** second of it on the default registry (17 MB: a limit of 70 s); 10,000,000 households
** (about 4.6 GB) run in about a minute, against 46 minutes. The db commands run no plan
** and get no limit (a profile's own code gets PROFILE_SECONDS, lua_host.c). */
#define BASE_MAX_TIME 60
#define MAX_TIME_PER_100MB 60
#define DEFAULT_REGISTRY "data/registry.db"

static long long default_max_time(int argc, char **argv) {
  if (argc > 1 && strcmp(argv[1], "db") == 0) return 0;
  const char *db = DEFAULT_REGISTRY;
  for (int i = 1; i < argc; i++) { /* as cli.lua reads it: "--db FILE" or "--db=FILE" */
    if (strcmp(argv[i], "--db") == 0 && i + 1 < argc) db = argv[i + 1];
    else if (strncmp(argv[i], "--db=", 5) == 0) db = argv[i] + 5;
  }
  struct stat st;
  long long hundreds = stat(db, &st) == 0 ? (long long)(st.st_size / (100LL << 20)) : 0;
  return BASE_MAX_TIME + MAX_TIME_PER_100MB * hundreds;
}

/* Takes --max-memory, --max-instructions and --max-time (as "--opt V" or "--opt=V") out of
** argv; *max_time is -1 when not given. Returns 0, or prints a usage error and returns
** KH_EUSAGE. */
static int take_limits(int *argc, char **argv, sandbox_limits *lim, long long *max_time) {
  int out = 1;
  *max_time = -1;
  for (int i = 1; i < *argc; i++) {
    const char *opts[] = {"--max-memory", "--max-instructions", "--max-time"};
    int which = -1;
    const char *value = NULL;
    for (int k = 0; k < 3; k++) {
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
    if (which == 0 && lim->max_memory < MIN_MEMORY) {
      fprintf(stderr, "kehoach: --max-memory %s: the engine itself needs more; give at least %uM\n",
              value, MIN_MEMORY >> 20);
      return KH_EUSAGE;
    }
    if (which == 2 && (*max_time = parse_whole(value, 0, 31536000)) < 0) {
      fprintf(stderr, "kehoach: --max-time %s: give a whole number of seconds up to a year (0 for no "
                      "limit)\n", value);
      return KH_EUSAGE;
    }
    if (which == 1 && (lim->max_instructions = parse_whole(value, 1, LLONG_MAX)) < 0) {
      fprintf(stderr, "kehoach: --max-instructions %s: give a positive whole number\n", value);
      return KH_EUSAGE;
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
  long long max_time;
  int code = take_limits(&argc, argv, &lim, &max_time);
  if (code != KH_OK) return code;
  host_limit_time(max_time < 0 ? default_max_time(argc, argv) : max_time, max_time >= 0);
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
