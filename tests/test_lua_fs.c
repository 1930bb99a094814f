/*
** test_lua_fs.c — lua_fs.c (core.fs) from Lua, in a scratch folder and a fresh sandbox: a
** Writer's file appears at its name only when committed and leaves nothing when dropped;
** fs.sweep removes the temporaries of dead writers, never a live one's; folders, reads and
** lists; and every allocation of a read or a listing failing in turn leaves no file or
** folder open.
*/
#include <dirent.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"
#include "sandbox_fixture.h"

/* Runs code with a new scratch folder as `...`; asserts it ran through. */
static void assert_runs_in_scratch(sandbox *sb, const char *code) {
  char *dir = kh_tmpdir();
  kh_error err;
  int rc = kh_lua_named(sb, code, "=test", dir, &err);
  if (rc != KH_OK) fail_msg("exit %d: %s\n-- in:\n%s", rc, err.msg, code);
  free(dir);
}

static void a_file_appears_only_when_committed(void **state) {
  assert_runs_in_scratch(*state,
                         "local fs, dir = core.fs, ...\n"
                         "local path = dir .. '/summary.json'\n"
                         "local w = fs.open(path)\n"
                         "w:write('{', '}')\n"
                         "assert(fs.exists(path) == nil)\n"
                         "assert(#fs.list(dir) == 1, 'the temporary')\n"
                         "w:commit()\n"
                         "assert(fs.read(path) == '{}')\n"
                         "assert(#fs.list(dir) == 1 and fs.list(dir)[1] == 'summary.json')\n"
                         "do local dropped <close> = fs.open(dir .. '/other.csv') dropped:write('x') end\n"
                         "local aborted = fs.open(dir .. '/third.md') aborted:abort() aborted:abort()\n"
                         "assert(#fs.list(dir) == 1, 'dropped and abandoned writers leave nothing')\n"
                         "fs.write(dir .. '/a.txt', 'abc')\n"
                         "assert(fs.size(dir .. '/a.txt') == 3 and fs.sha256_string('abc') == fs.sha256(dir .. '/a.txt'))\n"
                         "local ok, e = pcall(w.write, w, 'late')\n"
                         "assert(not ok and tostring(e):find('already been committed'))\n");
}

/* A temporary whose writer died (its lock free) is swept; a live writer's is not. */
static void sweep_removes_only_dead_writers_temporaries(void **state) {
  char *dir = kh_tmpdir();
  char *dead = kh_path(dir, "report.md.tmp.Ab12Cd");
  kh_write_file(dead, "half");
  kh_error err;
  int rc = kh_lua_named(*state,
                        "local fs, dir = core.fs, ...\n"
                        "local live = fs.open(dir .. '/summary.json')\n"
                        "assert(fs.sweep(dir) == 1)\n"
                        "local names = fs.list(dir)\n"
                        "assert(#names == 1 and names[1]:find('^summary%.json%.tmp%.'), names[1])\n"
                        "live:commit()\n"
                        "assert(fs.sweep(dir) == 0)\n",
                        "=test", dir, &err);
  if (rc != KH_OK) fail_msg("exit %d: %s", rc, err.msg);
  assert_false(kh_exists(dead));
  free(dead);
  free(dir);
}

static void folders_and_their_refusals(void **state) {
  char *dir = kh_tmpdir();
  char *in_way = kh_path(dir, "file");
  kh_write_file(in_way, "x");
  kh_error err;
  assert_int_equal(kh_lua_named(*state, "local dir = ... core.fs.mkdir(dir .. '/a/b/c') "
                                        "assert(core.fs.exists(dir .. '/a/b/c') == 'directory')",
                                "=test", dir, &err), KH_OK);
  assert_int_equal(kh_lua_named(*state, "local dir = ... core.fs.mkdir(dir .. '/file/sub')", "=test", dir, &err),
                   KH_EOUTPUT);
  assert_non_null(strstr(err.msg, "/file: a file is in the way"));
  assert_int_equal(kh_lua_named(*state, "local dir = ... local t, why = core.fs.read(dir .. '/none') "
                                        "assert(t == nil and why:find('No such file'))",
                                "=test", dir, &err), KH_OK);
  free(in_way);
  free(dir);
}

/* Descriptors this process holds. */
static int open_descriptors(void) {
  DIR *d = opendir("/proc/self/fd");
  int n = 0;
  if (d == NULL) return -1;
  while (readdir(d)) n++;
  closedir(d);
  return n;
}

/* Every allocation of fs.read and fs.list failing in turn: each ends as a memory error,
** or completes, and no file or folder is left open (a raise between fopen and fclose
** leaked it). */
static void a_failed_allocation_leaves_nothing_open(void **state) {
  char *dir = kh_tmpdir();
  for (int i = 0; i < 300; i++) {
    char name[32];
    snprintf(name, sizeof name, "file-%03d.txt", i);
    char *path = kh_path(dir, name);
    kh_write_file(path, "Lào Cai, Sa Pa, Bát Xát, Bảo Thắng, Mường Khương, Si Ma Cai, Bắc Hà\n");
    free(path);
  }
  const char *code = "local dir = ...\n"
                     "local names = core.fs.list(dir)\n"
                     "local parts = {}\n"
                     "for i = 1, 40 do parts[i] = core.fs.read(dir .. '/' .. names[i]) end\n"
                     "assert(#names == 300 and #table.concat(parts) > 1000)\n";
  int before = open_descriptors();
  int completed = 0;
  for (long n = 1; n < 100000 && !completed; n++) {
    sandbox *sb = kh_sandbox(0, 0);
    kh_error err;
    sandbox_fail_allocation(sb, n);
    int rc = kh_lua_named(sb, code, "=test", dir, &err);
    if (rc == KH_OK) completed = 1;
    else if (rc != KH_ELIMIT) fail_msg("failing allocation %ld: exit %d: %s", n, rc, err.msg);
    sandbox_free(sb);
    if (open_descriptors() != before) fail_msg("failing allocation %ld left a descriptor open", n);
  }
  assert_true(completed);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test_setup_teardown(a_file_appears_only_when_committed, kh_sandbox_setup, kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(sweep_removes_only_dead_writers_temporaries, kh_sandbox_setup,
                                      kh_sandbox_teardown),
      cmocka_unit_test_setup_teardown(folders_and_their_refusals, kh_sandbox_setup, kh_sandbox_teardown),
      cmocka_unit_test(a_failed_allocation_leaves_nothing_open),
  };
  return kh_finish(cmocka_run_group_tests_name("core.fs (lua_fs.c)", tests, NULL, NULL));
}
