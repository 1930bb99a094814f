/*
** test_determinism.c — the same plan, registry and parameters give byte-identical
** outputs: the 2021 run made three times — twice into one folder (one results database,
** so the second is run 2) and once into another — then every file in each
** out/<plan-id>/ compared byte for byte, and the stdout and stderr of the runs too. Lua
** lays tables out differently in each process, so anything written in the order of a
** table's keys shows up here. Times live only in the runs table of the results database.
**
** And kehoach db generate makes the registries it always made: each case of
** tests/fixtures/generate-digests.txt generated again, exported to CSV, and its files'
** sha256 compared with the digests recorded there (the figures every other test pins come
** from these registries).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "runs.h"

#define PLAN "plans/lao-cai-city-2021.lua"
#define PLAN_ID "lao-cai-city-2021"
#define MAX_FILES 64

/* The sorted names of the files in dir; returns how many. */
static int list_files(const char *dir, char *names[MAX_FILES]) {
  DIR *d = opendir(dir);
  if (d == NULL) fail_msg("%s: no such folder", dir);
  int n = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.') continue;
    if (n == MAX_FILES) fail_msg("%s: more than %d files", dir, MAX_FILES);
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  for (int i = 1; i < n; i++)
    for (int j = i; j > 0 && strcmp(names[j - 1], names[j]) > 0; j--) {
      char *t = names[j];
      names[j] = names[j - 1];
      names[j - 1] = t;
    }
  return n;
}

/* Asserts that folders a and b hold the same files with the same bytes. */
static void assert_same_folders(const char *a, const char *b) {
  char *na[MAX_FILES], *nb[MAX_FILES];
  int n = list_files(a, na), m = list_files(b, nb);
  assert_int_equal(n, m);
  assert_true(n >= 3);
  for (int i = 0; i < n; i++) {
    assert_string_equal(na[i], nb[i]);
    char *pa = kh_path(a, na[i]), *pb = kh_path(b, nb[i]);
    char *sa = kh_sha256(pa), *sb = kh_sha256(pb);
    if (sa == NULL || sb == NULL || strcmp(sa, sb) != 0) fail_msg("%s and %s differ", pa, pb);
    free(sa);
    free(sb);
    free(pa);
    free(pb);
    free(na[i]);
    free(nb[i]);
  }
}

/* Runs the plan in dir; returns stdout and stderr joined, malloc'ed. */
static char *run_in(const char *dir, const char *plan) {
  const char *args[] = {"run", plan, "--db", kh_registry(), NULL};
  kh_result r = kh_run_in(dir, args);
  if (r.code != 0) fail_msg("the run in %s failed (%d): %s", dir, r.code, r.err);
  size_t n = strlen(r.out) + strlen(r.err) + 2;
  char *both = malloc(n);
  snprintf(both, n, "%s\n%s", r.out, r.err);
  kh_result_free(&r);
  return both;
}

/* stderr names the results database's folder; the rest of the text must agree. */
static void assert_same_text(const char *a, const char *dir_a, const char *b, const char *dir_b) {
  size_t la = strlen(dir_a), lb = strlen(dir_b);
  while (*a && *b) {
    if (strncmp(a, dir_a, la) == 0 && strncmp(b, dir_b, lb) == 0) {
      a += la;
      b += lb;
    } else if (*a++ != *b++) {
      fail_msg("the runs printed different text near: %.60s", a - 1);
    }
  }
  assert_true(*a == '\0' && *b == '\0');
}

static void the_same_run_writes_the_same_bytes(void **state) {
  char plan[4096];
  assert_non_null(realpath(PLAN, plan));
  char *one = kh_tmpdir(), *two = kh_tmpdir();
  char *first = run_in(one, plan);
  char *out_one = kh_path(one, "out/" PLAN_ID), *out_two = kh_path(two, "out/" PLAN_ID);
  char *saved = kh_path(one, "first");
  char cmd[8400];
  snprintf(cmd, sizeof cmd, "cp -r '%s' '%s'", out_one, saved);
  assert_int_equal(system(cmd), 0);
  char *again = run_in(one, plan); /* run 2 of the same results database */
  char *other = run_in(two, plan); /* run 1 of another */
  assert_same_folders(saved, out_one);
  assert_same_folders(out_one, out_two);
  assert_same_text(first, one, again, one);
  assert_same_text(first, one, other, two);
  free(first);
  free(again);
  free(other);
  free(out_one);
  free(out_two);
  free(saved);
  kh_remove_tree(one);
  kh_remove_tree(two);
  free(one);
  free(two);
}

#define DIGESTS "tests/fixtures/generate-digests.txt"

/* The cases of DIGESTS: a name, and the arguments of db generate after its FILE. */
static const struct {
  const char *name;
  const char *args[4];
} generated[] = {
    {"default", {NULL}},
    {"h20000", {"--households", "20000", NULL}},
    {"h200000", {"--households", "200000", NULL}},
    {"sapa", {"--profile", "scripts/profiles/sa-pa.lua", NULL}},
    {"province", {"--profile", "scripts/profiles/lao-cai-province.lua", NULL}},
    {"vietnam", {"--profile", "scripts/profiles/vietnam.lua", NULL}},
    {"until", {"--events-until", "2021-06-30", NULL}},
};

/* Generates case i into dir and exports it to dir/<name>/; asserts both ran through. */
static char *generate_case(const char *dir, size_t i) {
  char *db = kh_path(dir, "registry.db"), *out = kh_path(dir, generated[i].name);
  const char *args[12] = {"db", "generate", db};
  int n = 3;
  for (const char *const *a = generated[i].args; *a; a++) args[n++] = *a;
  args[n] = NULL;
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("db generate %s failed (%d): %s", generated[i].name, r.code, r.err);
  kh_result_free(&r);
  const char *export[] = {"db", "export", out, "--db", db, NULL};
  r = kh_run(export);
  if (r.code != 0) fail_msg("db export %s failed (%d): %s", generated[i].name, r.code, r.err);
  kh_result_free(&r);
  unlink(db);
  free(db);
  return out;
}

static void generate_makes_the_registries_it_always_made(void **state) {
  char *digests = kh_read_file(DIGESTS);
  assert_non_null(digests);
  char *dir = kh_tmpdir();
  int compared = 0;
  for (size_t i = 0; i < sizeof generated / sizeof generated[0]; i++) {
    char *out = generate_case(dir, i);
    char line[256];
    for (const char *p = digests; *p; p = strchr(p, '\n') ? strchr(p, '\n') + 1 : p + strlen(p)) {
      char name[32], file[32], want[65];
      if (*p == '#' || sscanf(p, "%31s %31s %64s", name, file, want) != 3) continue;
      if (strcmp(name, generated[i].name) != 0) continue;
      snprintf(line, sizeof line, "%s/%s", out, file);
      char *got = kh_sha256(line);
      if (got == NULL || strcmp(got, want) != 0)
        fail_msg("%s: %s differs from the registry recorded in %s", name, file, DIGESTS);
      free(got);
      compared++;
    }
    kh_remove_tree(out);
    free(out);
  }
  assert_int_equal(compared, 6 * (int)(sizeof generated / sizeof generated[0]));
  kh_remove_tree(dir);
  free(dir);
  free(digests);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_same_run_writes_the_same_bytes),
      cmocka_unit_test(generate_makes_the_registries_it_always_made),
  };
  return kh_finish(cmocka_run_group_tests_name("determinism", tests, NULL, NULL));
}
