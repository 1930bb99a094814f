/*
** walk.c — the allocation-failure walk (`make faults`). Runs the fault-injection build of
** kehoach (KEHOACH_BIN, built with -DKEHOACH_FAULTS under ASan and UBSan) on the 2021
** plan with KEHOACH_FAIL_AT = N for N = FAULT_FROM, FAULT_FROM + FAULT_STEP, ... until a
** run gets through without reaching its failure: then N has walked past every allocation
** of the whole run (Lua's and SQLite's, counted together).
**
** Each run starts from a results database that already holds one complete run, and an
** out/ folder holding that run's files. A run that failed must
**   - exit with code 4 and say "out of memory", with no sanitizer report (a leak, a bad
**     access, undefined behaviour) and no crash;
**   - leave the results database passing PRAGMA integrity_check and holding the run it
**     held, nothing of the new one; or, when the failure came after the COMMIT, that run
**     and the complete new one, which stderr must then say ("The run was recorded");
**   - leave out/ with the files it had, byte for byte, and no temporary file.
** The run that completes must have recorded the complete new run and written the same
** files (the outputs of a plan are deterministic).
**
** Environment: KEHOACH_BIN, FAULT_REGISTRY (default: the registry `make faults` makes),
** FAULT_STEP (1: every allocation), FAULT_FROM (1), FAULT_JOBS (runs at once, 2).
*/
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>

#include "harness.h"

#define PLAN "plans/lao-cai-city-2021.lua"
#define PLAN_ID "lao-cai-city-2021"
#define MAX_JOBS 16

static const char *const outputs[] = {"summary.json", "allocations.csv", "report.md", NULL};

typedef struct reference {
  char *dir;            /* the template: out/results.db with one run, out/PLAN_ID/ */
  char *sha[3];         /* of each output */
  int allocations, figures, checks; /* rows of the one run */
  long long count;      /* allocations a run on a copy of the template makes */
} reference;

typedef struct slot {
  pid_t pid;            /* 0: free */
  long long n;
  char *dir;
} slot;

typedef struct tally {
  long long runs, before_commit, after_commit, completed, first_complete;
} tally;

static char registry[4096], plan[4096], bin[4096];

static long long env_number(const char *name, long long fallback) {
  const char *v = getenv(name);
  return v && *v ? atoll(v) : fallback;
}

static void copy_file(const char *from, const char *to) {
  FILE *in = fopen(from, "rb");
  if (in == NULL) fail_msg("cannot read %s", from);
  FILE *out = fopen(to, "wb");
  if (out == NULL) fail_msg("cannot write %s", to);
  char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) fwrite(buf, 1, n, out);
  fclose(in);
  if (fclose(out) != 0) fail_msg("cannot write %s", to);
}

/* Starts kehoach run in dir with KEHOACH_FAIL_AT=n (0: none); stderr to dir/err. */
static pid_t start(const char *dir, long long n) {
  pid_t pid = fork();
  if (pid == 0) {
    char at[32];
    snprintf(at, sizeof at, "%lld", n);
    setenv("KEHOACH_FAIL_AT", at, 1);
    if (chdir(dir) != 0) _exit(97);
    int o = open("/dev/null", O_WRONLY);
    int e = open("err", O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(o, 1);
    dup2(e, 2);
    execl(bin, bin, "run", plan, "--db", registry, (char *)NULL);
    _exit(98);
  }
  if (pid < 0) fail_msg("fork failed");
  return pid;
}

static int finish(pid_t pid) {
  int status;
  waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Puts the template's results database and files into dir/out/. */
static void reset(const reference *ref, const char *dir) {
  char a[4096], b[4096];
  snprintf(a, sizeof a, "mkdir -p '%s/out/%s' && rm -f '%s/out/'results.db* '%s/out/%s/'*", dir,
           PLAN_ID, dir, dir, PLAN_ID);
  if (system(a) != 0) fail_msg("cannot reset %s", dir);
  snprintf(a, sizeof a, "%s/out/results.db", ref->dir);
  snprintf(b, sizeof b, "%s/out/results.db", dir);
  copy_file(a, b);
  for (int i = 0; outputs[i]; i++) {
    snprintf(a, sizeof a, "%s/out/%s/%s", ref->dir, PLAN_ID, outputs[i]);
    snprintf(b, sizeof b, "%s/out/%s/%s", dir, PLAN_ID, outputs[i]);
    copy_file(a, b);
  }
}

/* One integer from a query on db; -1 on error. */
static long long query(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

/* How many complete runs dir/out/results.db holds: 1 (the template's, untouched) or 2
** (and the second complete); anything else fails the test with why. */
static int runs_held(const reference *ref, const char *dir, long long n) {
  char path[4096];
  snprintf(path, sizeof path, "%s/out/results.db", dir);
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK)
    fail_msg("N=%lld: cannot open the results database: %s", n, sqlite3_errmsg(db));
  sqlite3_stmt *st = NULL;
  const char *verdict = "?";
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    verdict = (const char *)sqlite3_column_text(st, 0);
  if (strcmp(verdict, "ok") != 0) fail_msg("N=%lld: integrity_check says %s", n, verdict);
  sqlite3_finalize(st);
  long long runs = query(db, "SELECT count(*) FROM runs");
  long long old_rows = query(db, "SELECT (SELECT count(*) FROM allocations WHERE run = 1) * 1000000"
                                 " + (SELECT count(*) FROM figures WHERE run = 1) * 1000"
                                 " + (SELECT count(*) FROM checks WHERE run = 1)");
  long long want = (long long)ref->allocations * 1000000 + ref->figures * 1000 + ref->checks;
  if (old_rows != want) fail_msg("N=%lld: the run held before was changed", n);
  if (runs == 2) {
    long long new_rows = query(db, "SELECT (SELECT count(*) FROM allocations WHERE run = 2) * 1000000"
                                   " + (SELECT count(*) FROM figures WHERE run = 2) * 1000"
                                   " + (SELECT count(*) FROM checks WHERE run = 2)");
    long long whole = query(db, "SELECT count(*) FROM runs WHERE id = 2 AND summary IS NOT NULL");
    if (new_rows != want || whole != 1) fail_msg("N=%lld: the results database holds part of a run", n);
  } else if (runs != 1 || query(db, "SELECT count(*) FROM allocations WHERE run <> 1") != 0 ||
             query(db, "SELECT count(*) FROM figures WHERE run <> 1") != 0) {
    fail_msg("N=%lld: the results database holds %lld runs, or rows of no run", n, runs);
  }
  sqlite3_close(db);
  return (int)runs;
}

/* out/PLAN_ID/ holds exactly the reference files, byte for byte. */
static void outputs_whole(const reference *ref, const char *dir, long long n) {
  char path[4096];
  snprintf(path, sizeof path, "%s/out/%s", dir, PLAN_ID);
  DIR *d = opendir(path);
  if (d == NULL) fail_msg("N=%lld: %s is gone", n, path);
  int count = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.') continue;
    int known = 0;
    for (int i = 0; outputs[i]; i++) known |= strcmp(e->d_name, outputs[i]) == 0;
    if (!known) fail_msg("N=%lld: %s/%s left behind", n, path, e->d_name);
    count++;
  }
  closedir(d);
  if (count != 3) fail_msg("N=%lld: %d files in %s, not 3", n, count, path);
  for (int i = 0; outputs[i]; i++) {
    char file[8192];
    snprintf(file, sizeof file, "%s/%s", path, outputs[i]);
    char *sha = kh_sha256(file);
    if (sha == NULL || strcmp(sha, ref->sha[i]) != 0) fail_msg("N=%lld: %s differs from a complete run's", n, file);
    free(sha);
  }
}

/* Judges the run that ended with code in slot s; returns 1 when it did not reach its
** failure (the walk is done). */
static int judge(const reference *ref, slot *s, int code, tally *t) {
  char path[4096];
  snprintf(path, sizeof path, "%s/err", s->dir);
  char *err = kh_read_file(path);
  if (err == NULL) fail_msg("N=%lld: no stderr", s->n);
  if (strstr(err, "Sanitizer") || strstr(err, "runtime error") || code >= 128)
    fail_msg("N=%lld: exit %d, a sanitizer report or a crash:\n%s", s->n, code, err);
  const char *line = strstr(err, "kehoach-faults: ");
  if (line == NULL) fail_msg("N=%lld: exit %d without the faults line:\n%s", s->n, code, err);
  int reached = strstr(line, ": reached") != NULL;
  int runs = runs_held(ref, s->dir, s->n);
  outputs_whole(ref, s->dir, s->n);
  t->runs++;
  if (code == 0) {
    if (runs != 2) fail_msg("N=%lld: exit 0 but no run recorded", s->n);
    t->completed++;
  } else {
    if (code != 4 || strstr(err, "out of memory") == NULL)
      fail_msg("N=%lld: exit %d; expected 4 and \"out of memory\":\n%s", s->n, code, err);
    if (runs == 2 && strstr(err, "The run was recorded in") == NULL)
      fail_msg("N=%lld: the run was recorded, but the error does not say so:\n%s", s->n, err);
    if (runs == 2) t->after_commit++;
    else t->before_commit++;
  }
  free(err);
  if (!reached && (t->first_complete == 0 || s->n < t->first_complete)) t->first_complete = s->n;
  return !reached;
}

/* Makes the template (one run) and measures a run on a copy of it. */
static void make_reference(reference *ref) {
  ref->dir = kh_tmpdir();
  pid_t pid = start(ref->dir, 0);
  if (finish(pid) != 0) fail_msg("the reference run failed: see %s/err", ref->dir);
  char path[4096];
  snprintf(path, sizeof path, "%s/out/results.db", ref->dir);
  sqlite3 *db = NULL;
  if (sqlite3_open(path, &db) != SQLITE_OK) fail_msg("cannot open %s", path);
  ref->allocations = (int)query(db, "SELECT count(*) FROM allocations");
  ref->figures = (int)query(db, "SELECT count(*) FROM figures");
  ref->checks = (int)query(db, "SELECT count(*) FROM checks");
  sqlite3_close(db);
  for (int i = 0; outputs[i]; i++) {
    snprintf(path, sizeof path, "%s/out/%s/%s", ref->dir, PLAN_ID, outputs[i]);
    ref->sha[i] = kh_sha256(path);
  }
  char *probe = kh_tmpdir();
  reset(ref, probe);
  if (finish(start(probe, 0)) != 0) fail_msg("a run on the template failed: see %s/err", probe);
  snprintf(path, sizeof path, "%s/err", probe);
  char *err = kh_read_file(path);
  const char *line = err ? strstr(err, "kehoach-faults: ") : NULL;
  if (line == NULL) fail_msg("KEHOACH_BIN is not the fault-injection build (no faults line)");
  ref->count = atoll(line + strlen("kehoach-faults: "));
  free(err);
  free(probe);
}

static void the_whole_2021_run_survives_every_failed_allocation(void **state) {
  reference ref = {0};
  make_reference(&ref);
  long long step = env_number("FAULT_STEP", 1), n = env_number("FAULT_FROM", 1);
  int jobs = (int)env_number("FAULT_JOBS", 2);
  if (step < 1) step = 1;
  if (jobs < 1 || jobs > MAX_JOBS) jobs = 2;
  printf("walking KEHOACH_FAIL_AT from %lld by %lld over a run of %lld allocations "
         "(registry %s, %d at once)\n", n, step, ref.count, registry, jobs);
  slot slots[MAX_JOBS] = {{0}};
  for (int i = 0; i < jobs; i++) slots[i].dir = kh_tmpdir();
  tally t = {0};
  int done = 0, busy = 0;
  long long next_report = 1000;
  for (;;) {
    for (int i = 0; i < jobs && !done; i++) {
      if (slots[i].pid) continue;
      reset(&ref, slots[i].dir);
      slots[i].n = n;
      slots[i].pid = start(slots[i].dir, n);
      n += step;
      busy++;
    }
    if (busy == 0) break;
    int status;
    pid_t pid = waitpid(-1, &status, 0);
    for (int i = 0; i < jobs; i++) {
      if (slots[i].pid != pid) continue;
      int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      slots[i].pid = 0;
      busy--;
      if (judge(&ref, &slots[i], code, &t)) done = 1;
    }
    if (t.runs >= next_report) {
      printf("  %lld runs, up to N=%lld\n", t.runs, n);
      fflush(stdout);
      next_report += 1000;
    }
  }
  printf("walked N up to %lld: %lld runs; %lld failed before the commit (results unchanged), "
         "%lld after it (the new run recorded whole, and said so), %lld completed; the first "
         "N a run completes at: %lld\n", t.first_complete, t.runs, t.before_commit, t.after_commit,
         t.completed, t.first_complete);
  assert_true(t.first_complete > 0);
  for (int i = 0; i < jobs; i++) free(slots[i].dir);
  for (int i = 0; i < 3; i++) free(ref.sha[i]);
  free(ref.dir);
}

int main(void) {
  const char *b = getenv("KEHOACH_BIN"), *r = getenv("FAULT_REGISTRY");
  if (b == NULL || realpath(b, bin) == NULL || r == NULL || realpath(r, registry) == NULL ||
      realpath(PLAN, plan) == NULL) {
    fprintf(stderr, "walk: set KEHOACH_BIN and FAULT_REGISTRY, and run from the top folder\n");
    return 1;
  }
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_whole_2021_run_survives_every_failed_allocation),
  };
  return cmocka_run_group_tests_name("faults", tests, NULL, NULL);
}
