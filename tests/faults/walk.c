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
** FAULT_STEP (1: every allocation), FAULT_FROM (1), FAULT_JOBS (runs at once, 2),
** FAULT_ONCE=1 (only the Nth allocation fails, not every one after it: SQLite may then
** recover, and a run that completes must be whole).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "runs.h"

#define PLAN "plans/lao-cai-city-2021.lua"
#define PLAN_ID "lao-cai-city-2021"
#define MAX_JOBS 16

typedef struct reference {
  char *dir;            /* the template: out/results.db with one run, out/PLAN_ID/ */
  kh_files files;       /* what a complete run writes into out/PLAN_ID/ */
  kh_shape shape;       /* of the one run */
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

static char registry[4096], plan[4096];

static long long env_number(const char *name, long long fallback) {
  const char *v = getenv(name);
  return v && *v ? atoll(v) : fallback;
}

/* Starts kehoach run in dir with KEHOACH_FAIL_AT=n (0: none), and KEHOACH_FAIL_ONCE=1
** when FAULT_ONCE is set; stderr to dir/err. */
static pid_t start(const char *dir, long long n) {
  static char at[64];
  snprintf(at, sizeof at, "KEHOACH_FAIL_AT=%lld", n);
  const char *args[] = {"run", plan, "--db", registry, NULL};
  const char *env[] = {at, env_number("FAULT_ONCE", 0) ? "KEHOACH_FAIL_ONCE=1" : NULL, NULL};
  return kh_spawn(dir, args, env, "err");
}

/* Puts the template's results database and files into dir/out/. */
static void reset(const reference *ref, const char *dir) {
  char a[8192], b[8192];
  snprintf(a, sizeof a, "mkdir -p '%s/out/%s' && rm -f '%s/out/'results.db* '%s/out/%s/'*", dir,
           PLAN_ID, dir, dir, PLAN_ID);
  if (system(a) != 0) fail_msg("cannot reset %s", dir);
  snprintf(a, sizeof a, "%s/out/results.db", ref->dir);
  snprintf(b, sizeof b, "%s/out/results.db", dir);
  if (kh_copy(a, b) != 0) fail_msg("cannot copy %s", a);
  for (int i = 0; i < ref->files.n; i++) {
    snprintf(a, sizeof a, "%s/out/%s/%s", ref->dir, PLAN_ID, ref->files.names[i]);
    snprintf(b, sizeof b, "%s/out/%s/%s", dir, PLAN_ID, ref->files.names[i]);
    if (kh_copy(a, b) != 0) fail_msg("cannot copy %s", a);
  }
}

/* How many runs dir/out/results.db holds, all whole (the template's, and maybe the new
** one); anything else fails the test. out/PLAN_ID/ must hold the reference files only. */
static int look(const reference *ref, const char *dir, long long n) {
  char path[8192];
  snprintf(path, sizeof path, "%s/out/results.db", dir);
  kh_results r = kh_results_look(path, &ref->shape);
  if (strcmp(r.integrity, "ok") != 0) fail_msg("N=%lld: integrity_check says %s", n, r.integrity);
  if (r.broken != 0 || r.runs < 1 || r.runs > 2)
    fail_msg("N=%lld: %lld runs held, %lld of them not whole", n, r.runs, r.broken);
  snprintf(path, sizeof path, "%s/out/%s", dir, PLAN_ID);
  kh_outputs o = kh_outputs_look(path, ref->files.list, ref->files.shas);
  if (o.missing || o.different || o.temporaries || o.unknown)
    fail_msg("N=%lld: in %s, %d files missing, %d different, %d temporaries, %d others (%s)", n,
             path, o.missing, o.different, o.temporaries, o.unknown, o.first_odd);
  return (int)r.runs;
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
  int runs = look(ref, s->dir, s->n);
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
  if (kh_wait(start(ref->dir, 0)) != 0) fail_msg("the reference run failed: see %s/err", ref->dir);
  char path[8192];
  snprintf(path, sizeof path, "%s/out/results.db", ref->dir);
  ref->shape = kh_shape_of(path, 1);
  snprintf(path, sizeof path, "%s/out/%s", ref->dir, PLAN_ID);
  ref->files = kh_files_of(path);
  char *probe = kh_tmpdir();
  reset(ref, probe);
  if (kh_wait(start(probe, 0)) != 0) fail_msg("a run on the template failed: see %s/err", probe);
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
  kh_files_free(&ref.files);
  free(ref.dir);
}

int main(void) {
  const char *r = getenv("FAULT_REGISTRY");
  if (getenv("KEHOACH_BIN") == NULL || r == NULL || realpath(r, registry) == NULL ||
      realpath(PLAN, plan) == NULL) {
    fprintf(stderr, "walk: set KEHOACH_BIN and FAULT_REGISTRY, and run from the top folder\n");
    return 1;
  }
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_whole_2021_run_survives_every_failed_allocation),
  };
  return cmocka_run_group_tests_name("faults", tests, NULL, NULL);
}
