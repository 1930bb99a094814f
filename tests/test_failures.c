/*
** test_failures.c — the 2021 run when the world gets in the way: several runs at once on
** one results database, a database another program holds, a damaged registry or results
** database, an output folder that cannot be written, a full disk. Each ends either in
** every run finishing, or in a clear message and the exit code the README gives its
** kind (3 data, 5 output, 6 busy) — and the results database holds whole runs only, out/
** whole files only, the registry is untouched.
**
** The read-only and full disks are small tmpfs mounts the test makes; where mounting is
** not allowed (not root, or in a container without the right), those tests are skipped
** with a notice saying so.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "runs.h"

#define PLAN "plans/lao-cai-city-2021.lua"
#define PLAN_ID "lao-cai-city-2021"

/* What every test starts from: a scratch folder with a copy of the default registry and,
** for the tests that need one, a complete run in out/ whose files and shape the others
** are held to. */
typedef struct world {
  char *dir, *registry, *registry_sha, *results, *out;
  char plan[4096];
  kh_files files; /* what a complete run writes into out/<plan-id>/ */
  kh_shape shape;
} world;

static int setup(void **state) {
  world *w = calloc(1, sizeof *w);
  w->dir = kh_tmpdir();
  w->registry = kh_path(w->dir, "registry.db");
  if (kh_copy(kh_registry(), w->registry) != 0 || realpath(PLAN, w->plan) == NULL) return -1;
  w->registry_sha = kh_sha256(w->registry);
  w->results = kh_path(w->dir, "out/results.db");
  w->out = kh_path(w->dir, "out/" PLAN_ID);
  *state = w;
  return 0;
}

static int teardown(void **state) {
  world *w = *state;
  kh_remove_tree(w->dir);
  free(w->dir);
  free(w->registry);
  free(w->registry_sha);
  free(w->results);
  free(w->out);
  kh_files_free(&w->files);
  free(w);
  return 0;
}

/* kehoach run PLAN --db REGISTRY [more args] in w->dir, with env; returns the exit code
** and leaves stderr in *err (malloc'ed). */
static int run_plan(world *w, const char *const more[], const char *const env[], char **err) {
  const char *args[16] = {"run", w->plan, "--db", w->registry};
  int n = 4;
  for (int i = 0; more && more[i] && n < 15; i++) args[n++] = more[i];
  args[n] = NULL;
  char *err_path = kh_path(w->dir, "err");
  int code = kh_wait(kh_spawn(w->dir, args, env, err_path));
  if (err) *err = kh_read_file(err_path);
  free(err_path);
  return code;
}

/* A complete run into out/: the reference for files and shape. */
static void first_run(world *w) {
  char *err = NULL;
  int code = run_plan(w, NULL, NULL, &err);
  if (code != 0) fail_msg("the first run failed (%d): %s", code, err);
  free(err);
  w->files = kh_files_of(w->out);
  assert_true(w->files.n >= 3);
  w->shape = kh_shape_of(w->results, 1);
}

/* The results database at path holds `runs` whole runs; the registry is untouched. */
static void assert_whole(world *w, const char *results, long long runs) {
  kh_results r = kh_results_look(results, &w->shape);
  assert_string_equal(r.integrity, "ok");
  assert_int_equal(r.broken, 0);
  assert_int_equal(r.runs, runs);
  char *sha = kh_sha256(w->registry);
  assert_string_equal(sha, w->registry_sha);
  free(sha);
}

/* dir holds the reference files and nothing else: no temporary, no stranger. */
static void assert_outputs(world *w, const char *dir) {
  kh_outputs o = kh_outputs_look(dir, w->files.list, w->files.shas);
  if (o.missing || o.different || o.temporaries || o.unknown)
    fail_msg("%s: %d missing, %d different, %d temporaries, %d others (%s)", dir, o.missing,
             o.different, o.temporaries, o.unknown, o.first_odd);
}

/* Asserts that text contains every NULL-terminated needle. */
static void assert_says(const char *text, const char *const needles[]) {
  for (int i = 0; needles[i]; i++)
    if (text == NULL || strstr(text, needles[i]) == NULL)
      fail_msg("expected \"%s\" in:\n%s", needles[i], text ? text : "(nothing)");
}

/* ---- several runs at once ------------------------------------------------------------ */

#define AT_ONCE 4

/* Starts AT_ONCE runs together and asserts they all finish. Each waits for those before
** it: on a loaded machine, under the sanitizers, longer than the default 10 s. */
static void run_together(world *w) {
  const char *args[] = {"run", w->plan, "--db", w->registry, NULL};
  const char *env[] = {"KEHOACH_BUSY_TIMEOUT=300", NULL};
  pid_t pids[AT_ONCE];
  char *errs[AT_ONCE];
  for (int i = 0; i < AT_ONCE; i++) {
    char name[32];
    snprintf(name, sizeof name, "err%d", i);
    errs[i] = kh_path(w->dir, name);
    pids[i] = kh_spawn(w->dir, args, env, errs[i]);
  }
  for (int i = 0; i < AT_ONCE; i++) {
    int code = kh_wait(pids[i]);
    if (code != 0) fail_msg("run %d of %d at once: exit %d\n%s", i + 1, AT_ONCE, code, kh_read_file(errs[i]));
    free(errs[i]);
  }
}

static void runs_at_once_on_one_results_database_all_finish(void **state) {
  world *w = *state;
  /* on a new results database: the first to get the lock makes its tables, once */
  run_together(w);
  w->files = kh_files_of(w->out);
  w->shape = kh_shape_of(w->results, 1);
  assert_whole(w, w->results, AT_ONCE);
  assert_outputs(w, w->out);
  /* and on one that holds runs already: each waits its turn */
  run_together(w);
  assert_whole(w, w->results, 2 * AT_ONCE);
  assert_outputs(w, w->out);
}

/* ---- databases held by another program -------------------------------------------------- */

/* Opens path and begins a transaction of the kind given, held until the caller closes. */
static sqlite3 *hold(const char *path, const char *begin) {
  sqlite3 *db = NULL;
  if (sqlite3_open(path, &db) != SQLITE_OK) fail_msg("cannot open %s", path);
  char *msg = NULL;
  /* a write inside makes the lock real in both journal modes */
  char sql[256];
  snprintf(sql, sizeof sql, "%s; CREATE TABLE IF NOT EXISTS temp_hold(x); INSERT INTO temp_hold VALUES (1);", begin);
  if (sqlite3_exec(db, sql, NULL, NULL, &msg) != SQLITE_OK) fail_msg("cannot hold %s: %s", path, msg);
  return db;
}

static void release(sqlite3 *db) {
  sqlite3_exec(db, "ROLLBACK", NULL, NULL, NULL);
  sqlite3_close(db);
}

static void a_results_database_held_too_long_is_busy(void **state) {
  world *w = *state;
  first_run(w);
  sqlite3 *held = hold(w->results, "BEGIN IMMEDIATE");
  const char *env[] = {"KEHOACH_BUSY_TIMEOUT=1", NULL};
  char *err = NULL;
  assert_int_equal(run_plan(w, NULL, env, &err), 6);
  const char *says[] = {"results.db: the database stayed in use by another program", "for 1 s",
                        "KEHOACH_BUSY_TIMEOUT", NULL};
  assert_says(err, says);
  free(err);
  release(held);
  assert_whole(w, w->results, 1);
  assert_outputs(w, w->out);
  assert_int_equal(run_plan(w, NULL, NULL, NULL), 0); /* once it is free, a run goes through */
  assert_whole(w, w->results, 2);
}

static void a_registry_being_written_is_busy(void **state) {
  world *w = *state;
  first_run(w);
  sqlite3 *held = hold(w->registry, "BEGIN EXCLUSIVE");
  const char *env[] = {"KEHOACH_BUSY_TIMEOUT=1", NULL};
  char *err = NULL;
  assert_int_equal(run_plan(w, NULL, env, &err), 6);
  const char *says[] = {"registry.db: the database stayed in use by another program", NULL};
  assert_says(err, says);
  free(err);
  release(held);
  assert_whole(w, w->results, 1);
  assert_outputs(w, w->out);
}

/* ---- damaged files ------------------------------------------------------------------- */

/* Overwrites n bytes at offset of path with 0xff. */
static void scribble(const char *path, long offset, size_t n) {
  FILE *f = fopen(path, "r+b");
  if (f == NULL || fseek(f, offset, SEEK_SET) != 0) fail_msg("cannot open %s", path);
  for (size_t i = 0; i < n; i++) fputc(0xff, f);
  fclose(f);
}

static void a_damaged_registry_is_a_data_error_naming_it(void **state) {
  world *w = *state;
  first_run(w);
  char *copy = kh_path(w->dir, "registry.good");
  assert_int_equal(kh_copy(w->registry, copy), 0);
  struct stat st;
  assert_int_equal(stat(w->registry, &st), 0);
  enum { NOT_A_DATABASE, CUT_SHORT, PAGES_DAMAGED, CASES };
  for (int c = 0; c < CASES; c++) {
    assert_int_equal(kh_copy(copy, w->registry), 0);
    if (c == NOT_A_DATABASE) {
      scribble(w->registry, 0, 16); /* the header says what the file is */
    } else if (c == CUT_SHORT) {
      assert_int_equal(truncate(w->registry, st.st_size / 3), 0);
    } else {
      for (long at = 8 * 4096; at < st.st_size; at += 3 * 4096) scribble(w->registry, at, 64);
    }
    char *err = NULL;
    int code = run_plan(w, NULL, NULL, &err);
    if (code != 3) fail_msg("case %d: exit %d, not 3:\n%s", c, code, err);
    const char *says[] = {"registry.db: the file is damaged or is not a database", NULL};
    assert_says(err, says);
    free(err);
    /* the results are untouched; no new files */
    kh_results r = kh_results_look(w->results, &w->shape);
    assert_string_equal(r.integrity, "ok");
    assert_int_equal(r.broken, 0);
    assert_int_equal(r.runs, 1);
    assert_outputs(w, w->out);
  }
  free(copy);
}

static void a_damaged_results_database_is_a_data_error_naming_it(void **state) {
  world *w = *state;
  first_run(w);
  scribble(w->results, 0, 16);
  char *err = NULL;
  assert_int_equal(run_plan(w, NULL, NULL, &err), 3);
  const char *says[] = {"results.db: the file is damaged or is not a database", NULL};
  assert_says(err, says);
  free(err);
  assert_outputs(w, w->out);
  char *sha = kh_sha256(w->registry);
  assert_string_equal(sha, w->registry_sha);
  free(sha);
}

/* A folder named where a database file belongs: said in plain words, the data error for
** the registry, the output error for the results; nothing changed. */
static void a_folder_given_for_a_database_file_is_named(void **state) {
  world *w = *state;
  first_run(w);
  char *folder = kh_path(w->dir, "a-folder");
  mkdir(folder, 0777);
  const char *more[] = {"--results", folder, NULL};
  char *err = NULL;
  assert_int_equal(run_plan(w, more, NULL, &err), 5);
  const char *says_results[] = {"a-folder is a folder, not a database file: give the file's name", NULL};
  assert_says(err, says_results);
  free(err);
  const char *args[] = {"run", w->plan, "--db", folder, NULL};
  char *err_path = kh_path(w->dir, "err");
  assert_int_equal(kh_wait(kh_spawn(w->dir, args, NULL, err_path)), 3);
  err = kh_read_file(err_path);
  const char *says_registry[] = {"a-folder is a folder, not a registry file: give the file's name", NULL};
  assert_says(err, says_registry);
  free(err);
  free(err_path);
  assert_whole(w, w->results, 1);
  assert_outputs(w, w->out);
  free(folder);
}

/* ---- folders that cannot be written, disks that are full ---------------------------------- */

static void an_output_path_blocked_by_a_file_is_an_output_error(void **state) {
  world *w = *state;
  first_run(w);
  char *blocked = kh_path(w->dir, "blocked");
  char *in_way = kh_path(blocked, PLAN_ID);
  mkdir(blocked, 0777);
  kh_write_file(in_way, "not a folder");
  const char *more[] = {"--out", blocked, NULL};
  char *err = NULL;
  assert_int_equal(run_plan(w, more, NULL, &err), 5);
  const char *says[] = {"cannot create the folder", "blocked/" PLAN_ID ": a file is in the way", NULL};
  assert_says(err, says);
  free(err);
  assert_whole(w, w->results, 1);
  free(in_way);
  free(blocked);
}

static void a_read_only_disk_is_an_output_error(void **state) {
  world *w = *state;
  first_run(w);
  char *ro = kh_path(w->dir, "ro");
  if (kh_mount_or_skip(ro, MS_RDONLY, "size=1m") != 0) {
    free(ro);
    skip();
  }
  char *out = kh_path(ro, "out"), *results = kh_path(ro, "results.db");
  const char *out_args[] = {"--out", out, NULL};
  const char *results_args[] = {"--results", results, NULL};
  char *err_out = NULL, *err_results = NULL;
  int code_out = run_plan(w, out_args, NULL, &err_out);
  int code_results = run_plan(w, results_args, NULL, &err_results);
  umount2(ro, MNT_DETACH); /* before any assertion can leave it mounted */
  assert_int_equal(code_out, 5);
  const char *says_out[] = {"cannot create the folder", "ro/out: Read-only file system", NULL};
  assert_says(err_out, says_out);
  assert_int_equal(code_results, 5);
  const char *says_results[] = {"ro/results.db: cannot create the database: the folder",
                                "cannot be written (Read-only file system)", NULL};
  assert_says(err_results, says_results);
  assert_whole(w, w->results, 1); /* the earlier results and files are as they were */
  assert_outputs(w, w->out);
  free(err_out);
  free(err_results);
  free(out);
  free(results);
  free(ro);
}

/* A results database already there, on a disk that became read-only: the run cannot be
** recorded, an output error (exit 5) saying so, not "unable to open database file" (3). */
static void existing_results_on_a_read_only_disk_are_an_output_error(void **state) {
  world *w = *state;
  char *ro = kh_path(w->dir, "ro-later");
  if (kh_mount_or_skip(ro, 0, "size=8m") != 0) {
    free(ro);
    skip();
  }
  char *results = kh_path(ro, "results.db");
  const char *results_args[] = {"--results", results, NULL};
  char *err = NULL;
  int first = run_plan(w, results_args, NULL, &err);
  free(err);
  err = NULL;
  int remounted = mount("tmpfs", ro, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=8m");
  int code = remounted == 0 ? run_plan(w, results_args, NULL, &err) : -1;
  umount2(ro, MNT_DETACH); /* before any assertion can leave it mounted */
  assert_int_equal(first, 0);
  assert_int_equal(remounted, 0);
  assert_int_equal(code, 5);
  const char *says[] = {"ro-later/results.db cannot be written (read-only: the disk it is on is mounted "
                        "read-only)", NULL};
  assert_says(err, says);
  free(err);
  free(results);
  free(ro);
}

/* kehoach runs with out/ and the results on a tmpfs of `size` KiB that may fill up; when
** prefill is set, a complete run is made there first (on a roomy disk) and a filler file
** leaves `size` KiB free. Returns the exit code; the disk is left unmounted. */
static int run_on_small_disk(world *w, int size, int prefill, char **err) {
  char *disk = kh_path(w->dir, "disk");
  char options[64];
  snprintf(options, sizeof options, "size=%dk", prefill ? 4096 : size);
  if (kh_mount_or_skip(disk, 0, options) != 0) {
    free(disk);
    return -1;
  }
  char *out = kh_path(disk, "out"), *results = kh_path(disk, "out/results.db");
  const char *more[] = {"--out", out, "--results", results, NULL};
  if (prefill && run_plan(w, more, NULL, NULL) != 0) {
    umount2(disk, MNT_DETACH);
    fail_msg("a run on a roomy tmpfs failed");
  }
  if (prefill) {
    char cmd[8400];
    snprintf(cmd, sizeof cmd, "fallocate -l $(( $(df -k --output=avail '%s' | tail -n 1) - %d ))k "
             "'%s/filler' 2>/dev/null || true", disk, size, disk);
    if (system(cmd) != 0) {}
  }
  int code = run_plan(w, more, NULL, err);
  /* judged before unmounting: nothing half-written, whole runs only */
  char *dir = kh_path(out, PLAN_ID);
  kh_outputs o = kh_outputs_look(dir, w->files.list, w->files.shas);
  kh_results r = {"ok", 0, 0};
  if (kh_exists(results)) {
    /* looked at on a copy: opening it where it is needs room the full disk has not */
    char *copy = kh_path(w->dir, "judged.db"), *wal = kh_path(w->dir, "judged.db-wal");
    char *results_wal = kh_path(out, "results.db-wal");
    unlink(wal);
    if (kh_copy(results, copy) != 0) fail_msg("%d KiB: cannot copy the results database", size);
    if (kh_exists(results_wal) && kh_copy(results_wal, wal) != 0) fail_msg("cannot copy the WAL");
    r = kh_results_look(copy, &w->shape);
    if (r.runs < 0 && strcmp(r.integrity, "ok") == 0) r.runs = r.broken = 0; /* no tables yet */
    free(copy);
    free(wal);
    free(results_wal);
  }
  umount2(disk, MNT_DETACH);
  if (o.different || o.temporaries || o.unknown)
    fail_msg("%d KiB: %d files different, %d temporaries, %d others (%s)", size, o.different,
             o.temporaries, o.unknown, o.first_odd);
  if (strcmp(r.integrity, "ok") != 0 || r.broken != 0)
    fail_msg("%d KiB: integrity_check %s, %lld runs not whole", size, r.integrity, r.broken);
  if (code == 0 && (o.missing || r.runs != 1 + prefill))
    fail_msg("%d KiB: finished, yet %d files are missing and %lld runs held", size, o.missing, r.runs);
  if (code != 0 && r.runs != prefill)
    fail_msg("%d KiB: failed, yet %lld runs held", size, r.runs);
  if (code != 0 && o.missing != (prefill ? 0 : w->files.n))
    fail_msg("%d KiB: failed, and %d of the earlier files are missing", size, o.missing);
  free(dir);
  free(out);
  free(results);
  free(disk);
  return code;
}

static void a_full_disk_is_an_output_error_and_leaves_nothing_half_written(void **state) {
  world *w = *state;
  first_run(w);
  int full = 0, finished = 0;
  for (int prefill = 0; prefill <= 1; prefill++) {
    for (int size = 32; size <= 1536; size += 96) {
      char *err = NULL;
      int code = run_on_small_disk(w, size, prefill, &err);
      if (code < 0) skip();
      if (code == 0) {
        finished++;
      } else {
        if (code != 5) fail_msg("%d KiB free: exit %d, not 5:\n%s", size, code, err);
        if (!strstr(err, "the disk is full") && !strstr(err, "No space left on device"))
          fail_msg("%d KiB free: the message does not say the disk is full:\n%s", size, err);
        full++;
      }
      free(err);
    }
  }
  printf("full disk: %d runs stopped with exit 5, %d had room enough\n", full, finished);
  assert_true(full > 0 && finished > 0);
  assert_whole(w, w->results, 1);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(runs_at_once_on_one_results_database_all_finish, setup, teardown),
      cmocka_unit_test_setup_teardown(a_results_database_held_too_long_is_busy, setup, teardown),
      cmocka_unit_test_setup_teardown(a_registry_being_written_is_busy, setup, teardown),
      cmocka_unit_test_setup_teardown(a_damaged_registry_is_a_data_error_naming_it, setup, teardown),
      cmocka_unit_test_setup_teardown(a_damaged_results_database_is_a_data_error_naming_it, setup, teardown),
      cmocka_unit_test_setup_teardown(a_folder_given_for_a_database_file_is_named, setup, teardown),
      cmocka_unit_test_setup_teardown(an_output_path_blocked_by_a_file_is_an_output_error, setup, teardown),
      cmocka_unit_test_setup_teardown(a_read_only_disk_is_an_output_error, setup, teardown),
      cmocka_unit_test_setup_teardown(existing_results_on_a_read_only_disk_are_an_output_error, setup, teardown),
      cmocka_unit_test_setup_teardown(a_full_disk_is_an_output_error_and_leaves_nothing_half_written, setup, teardown),
  };
  return kh_finish(cmocka_run_group_tests_name("failures", tests, NULL, NULL));
}
