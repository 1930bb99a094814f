/*
** test_registry_cli.c — the household registry as an officer meets it through `kehoach db`:
** the default registry (KEHOACH_REGISTRY, made by `make`) holds what the 2021 plan needs;
** generate is deterministic and never leaves a half-made file; import takes all or nothing
** and says where each problem is, and a killed import, a full or read-only disk leave the
** registry byte for byte as it was; export and import round-trip; stats and check, which
** undoes a change that was interrupted.
**
** The full and read-only disks are small tmpfs mounts (skipped, with a notice, where
** mounting is not allowed).
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>
#include <sqlite3.h>

#include <time.h>

#include "runs.h"

/* The first column of the first row of sql on the registry at path, as an integer. */
static long long query_int(const char *path, const char *sql) {
  sqlite3 *db = NULL;
  sqlite3_stmt *st = NULL;
  assert_int_equal(sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL), SQLITE_OK);
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) != SQLITE_OK) fail_msg("%s\n%s", sqlite3_errmsg(db), sql);
  assert_int_equal(sqlite3_step(st), SQLITE_ROW);
  long long v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  sqlite3_close(db);
  return v;
}

/* ---- the default registry ------------------------------------------------------------ */

static void default_registry_has_57_households_unable_to_escape_with_105_persons(void **state) {
  const char *reg = kh_registry();
  assert_int_equal(query_int(reg, "SELECT count(*) FROM surveys WHERE year = 2020 AND "
                                  "unable_to_escape = 1 AND status = 'poor'"), 57);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM persons WHERE household IN (SELECT household "
                                  "FROM surveys WHERE year = 2020 AND unable_to_escape = 1)"), 105);
}

static void ninety_households_are_0_24_percent_of_the_city(void **state) {
  long long n = query_int(kh_registry(), "SELECT count(*) FROM households");
  long long hundredths = (9000 * 100 + n / 2) / n; /* 90 / n in hundredths of a percent */
  assert_int_equal(hundredths, 24);
  long long poor = query_int(kh_registry(), "SELECT count(*) FROM surveys WHERE year = 2020 AND status = 'poor'");
  assert_in_range(poor * 1000 / n, 5, 7); /* a rate near 0.6% */
}

/* Every quota of the 2021 plan has more recognised-poor candidates with the need than places. */
static void plan_quotas_have_more_candidates_than_places(void **state) {
  static const struct {
    const char *kind, *commune;
    int quota;
  } quotas[] = {
      {"credit", "Thống Nhất", 39}, {"credit", "Tả Phời", 9},      {"housing", "Tả Phời", 7},
      {"housing", "Cốc San", 4},    {"housing", "Thống Nhất", 14}, {"housing", "Hợp Thành", 7},
      {"livestock", "Hợp Thành", 6}, {"livestock", "Cốc San", 2},  {"livestock", "Tả Phời", 1},
      {"livestock", "Vạn Hòa", 1},  {"training", "Tả Phời", 14},   {"training", "Thống Nhất", 1},
      {"training", "Nam Cường", 1},
  };
  for (size_t i = 0; i < sizeof quotas / sizeof quotas[0]; i++) {
    char sql[512];
    snprintf(sql, sizeof sql,
             "SELECT count(*) FROM needs n JOIN surveys s ON s.household = n.household AND "
             "s.year = n.year JOIN households h ON h.id = n.household JOIN units u ON u.code = h.unit "
             "WHERE n.year = 2020 AND n.kind = '%s' AND u.name = '%s' AND s.status = 'poor' AND "
             "s.unable_to_escape = 0", quotas[i].kind, quotas[i].commune);
    long long n = query_int(kh_registry(), sql);
    if (n <= quotas[i].quota)
      fail_msg("%s in %s: %lld candidates for %d places", quotas[i].kind, quotas[i].commune, n,
               quotas[i].quota);
  }
}

/* ---- db generate ------------------------------------------------------------------------ */

static void generate_with_one_seed_gives_the_same_file(void **state) {
  char *dir = kh_tmpdir();
  char *a = kh_path(dir, "a.db"), *b = kh_path(dir, "b.db"), *c = kh_path(dir, "c.db");
  const char *args_a[] = {"db", "generate", a, "--households", "5000", "--seed", "5", NULL};
  const char *args_b[] = {"db", "generate", b, "--households", "5000", "--seed", "5", NULL};
  const char *args_c[] = {"db", "generate", c, "--households", "5000", "--seed", "6", NULL};
  const char *const *runs[] = {args_a, args_b, args_c};
  for (int i = 0; i < 3; i++) {
    kh_result r = kh_run(runs[i]);
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.err, "5.000 households"));
    kh_result_free(&r);
  }
  char *ha = kh_sha256(a), *hb = kh_sha256(b), *hc = kh_sha256(c);
  assert_string_equal(ha, hb);
  assert_string_not_equal(ha, hc);
  free(ha), free(hb), free(hc), free(a), free(b), free(c), free(dir);
}

/* The year after the review, up to a date: its events so far and no year-end review yet;
** a date that is not one is a usage error. */
static void generate_writes_the_years_events_up_to_a_date(void **state) {
  char *dir = kh_tmpdir();
  char *path = kh_path(dir, "half.db");
  const char *args[] = {"db", "generate", path, "--households", "5000", "--events-until",
                        "2021-06-30", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.err, "events up to 2021-06-30, no year-end review"));
  kh_result_free(&r);
  assert_int_equal(query_int(path, "SELECT count(*) FROM events WHERE date > '2021-06-30'"), 0);
  assert_true(query_int(path, "SELECT count(*) FROM events WHERE kind = 'escaped'") > 0);
  assert_int_equal(query_int(path, "SELECT count(*) FROM surveys WHERE year = 2021"), 0);
  const char *bad[] = {"db", "generate", path, "--force", "--events-until", "2021-02-30", NULL};
  r = kh_run(bad);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--events-until must be a real date (\"2021-02-30\": month 2 has no day 30)"));
  kh_result_free(&r);
  free(path), free(dir);
}

static void generate_refuses_to_overwrite_without_force(void **state) {
  char *dir = kh_tmpdir();
  char *path = kh_path(dir, "r.db");
  kh_write_file(path, "mine");
  const char *args[] = {"db", "generate", path, "--households", "3000", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "add --force"));
  char *text = kh_read_file(path);
  assert_string_equal(text, "mine");
  free(text);
  kh_result_free(&r);
  free(path), free(dir);
}

static void generate_too_small_leaves_no_file(void **state) {
  char *dir = kh_tmpdir();
  char *path = kh_path(dir, "r.db");
  const char *args[] = {"db", "generate", path, "--households", "500", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "too few for the profile"));
  assert_non_null(strstr(r.err, "Thống Nhất"));
  assert_false(kh_exists(path));
  char *tmp = kh_path(dir, "r.db.tmp-generate");
  assert_false(kh_exists(tmp));
  kh_result_free(&r);
  free(tmp), free(path), free(dir);
}

static void generate_reports_a_bad_profile_by_field(void **state) {
  char *dir = kh_tmpdir();
  char *profile = kh_path(dir, "p.lua"), *path = kh_path(dir, "r.db");
  kh_write_file(profile, "return { name = 'X', households = 'many' }\n");
  const char *args[] = {"db", "generate", path, "--profile", profile, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "p.lua: households: expected a whole number"));
  assert_false(kh_exists(path));
  kh_result_free(&r);
  free(profile), free(path), free(dir);
}

/* ---- db export and db import ------------------------------------------------------------ */

/* A small registry of the default profile in dir, made by the program; the path, malloc'ed. */
static char *small_registry(const char *dir) {
  char *path = kh_path(dir, "small.db");
  const char *args[] = {"db", "generate", path, "--households", "5000", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  return path;
}

static const char *const table_files[] = {"units.csv", "households.csv", "persons.csv",
                                          "surveys.csv", "needs.csv", "events.csv", "meta.csv"};

/* What `kehoach db stats --json` and `kehoach db check --year 2021` say of small.db in dir. */
static char *stats_and_check(const char *dir) {
  const char *stats[] = {"db", "stats", "--db", "small.db", "--json", NULL};
  const char *check[] = {"db", "check", "--db", "small.db", "--year", "2021", NULL};
  kh_result s = kh_run_in(dir, stats), c = kh_run_in(dir, check);
  size_t n = strlen(s.out) + strlen(s.err) + strlen(c.out) + strlen(c.err) + 64;
  char *all = malloc(n);
  snprintf(all, n, "stats %d\n%s%s\ncheck %d\n%s%s", s.code, s.out, s.err, c.code, c.out, c.err);
  kh_result_free(&s), kh_result_free(&c);
  return all;
}

/* Export then import gives the same tables, meta included: db stats and db check say the
** same of both registries (the review of 2021 is read under the standard meta names). */
static void export_then_import_gives_identical_tables(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir);
  char *out1 = kh_path(dir, "one"), *out2 = kh_path(dir, "two"), *rt = kh_path(dir, "rt");
  mkdir(rt, 0700);
  char *copy = kh_path(rt, "small.db");
  const char *exp1[] = {"db", "export", out1, "--db", reg, NULL};
  const char *imp[] = {"db", "import", out1, "--db", copy, NULL};
  const char *exp2[] = {"db", "export", out2, "--db", copy, NULL};
  const char *const *steps[] = {exp1, imp, exp2};
  for (int i = 0; i < 3; i++) {
    kh_result r = kh_run(steps[i]);
    if (r.code != 0) fail_msg("step %d: %s", i, r.err);
    kh_result_free(&r);
  }
  for (size_t i = 0; i < sizeof table_files / sizeof table_files[0]; i++) {
    char *a = kh_path(out1, table_files[i]), *b = kh_path(out2, table_files[i]);
    char *ha = kh_sha256(a), *hb = kh_sha256(b);
    assert_non_null(ha);
    assert_string_equal(ha, hb);
    free(ha), free(hb), free(a), free(b);
  }
  assert_int_equal(query_int(copy, "SELECT count(*) FROM households"), 5000);
  assert_int_equal(
      query_int(copy, "SELECT count(*) FROM surveys WHERE year = 2020 AND unable_to_escape = 1"), 57);
  assert_int_equal(query_int(copy, "SELECT count(*) FROM meta WHERE key = 'standard.2021' AND "
                                   "value = 'vn-2022'"), 1);
  char *before = stats_and_check(dir), *after = stats_and_check(rt);
  assert_non_null(strstr(before, "check 0\n"));
  assert_string_equal(before, after);
  free(before), free(after);
  free(out1), free(out2), free(copy), free(rt), free(reg), free(dir);
}

typedef struct bad_file {
  const char *name;    /* the file, named after its table */
  const char *content; /* what it holds */
  const char *problem; /* a part of the line expected on stderr */
} bad_file;

/* Each file alone is refused with exit code 3, a line naming the file, row, column, value
** and what was expected, and the registry keeps every byte. */
static void import_refuses_bad_files_and_leaves_the_registry_unchanged(void **state) {
  static const bad_file bad[] = {
      {"surveys.csv", "household,year,income\n02602-00001,2021,12a\n",
       "surveys.csv: row 2, column income: '12a' is not income in VND per person per month"},
      {"households.csv", "code,unit\nX-1,Vạn Hoa\n",
       "households.csv: row 2, column unit: 'Vạn Hoa' is not the code or name of a commune in "
       "the registry; did you mean Vạn Hòa?"},
      {"households.csv", "code,unit\nX-1,99999\n", "row 2, column unit: '99999' is not"},
      {"surveys.csv", "household,year,income,status\n02602-00001,2021,500000,rich\n",
       "row 2, column status: 'rich' is not one of poor, near_poor, middle, non_poor"},
      {"households.csv", "code,unit\nX-1,02632\nX-1,02632\n",
       "households.csv: row 3, column code: 'X-1' appears twice"},
      {"households.csv", "code,unit\n02602-00001,02602\n",
       "row 2, column code: '02602-00001' appears twice (in this file or already in the registry)"},
      {"needs.csv", "household,year,kind\nNO-SUCH,2020,credit\n",
       "needs.csv: row 2, column household: 'NO-SUCH' is not the code of a household"},
      {"needs.csv", "household,year,kind\n02602-00001,2020,cows\n",
       "row 2, column kind: 'cows' is not one of credit, livestock"},
      {"surveys.csv", "household,year\n02602-00001,2021\n",
       "surveys.csv: row 1: the column income is missing"},
      {"households.csv", "code,unit,vilage\nX-1,02632,Thôn 1\n",
       "households.csv: row 1: unknown column 'vilage', did you mean village?"},
      {"households.csv", "code,unit,village\nX-1,02632\n", "row 2: 2 fields, but the header has 3"},
      {"events.csv", "household,date,kind\n02602-00001,2021-02-30,escaped\n",
       "events.csv: row 2, column date: '2021-02-30' is not a date as YYYY-MM-DD"},
      {"households.csv", "code,unit,ethnic_minority\nX-1,02632,yes\n",
       "row 2, column ethnic_minority: 'yes' is not 0 or 1"},
      {"persons.csv", "household,name,sex\n02602-00001,\"Lò Thị\" Mai,F\n",
       "persons.csv: row 2: a \" stands inside a value: a value with a \" in it is written in quotes "
       "whole, each \" inside doubled"},
      {"persons.csv", "household,name,sex\n02602-00001,\"Lò Thị Mai,F\n02602-00001,Mai,F\n",
       "persons.csv: row 2: a quoted value is not closed: a \" is missing"},
      {"units.csv", "", "units.csv: the file is empty: the first row must name the columns (code, "
       "name, level, kind, parent, urban, difficult)"},
      {"surveys.csv", "household,year,income\n02602-00001,,500000\n",
       "row 2, column year: empty, but it must be given"},
      {"meta.csv", "key,value\nstandard.2022,vn-2021\n",
       "meta.csv: row 2, column value: 'vn-2021' is not the name of a poverty standard (vn-2016, "
       "vn-2022, vn-2026, or one of your own: standards/NAME.lua beside the registry or the CSV files); "
       "did you mean vn-2022, the standard in force in 2022?"},
      {"meta.csv", "key,value\nstandard.21,vn-2022\n",
       "row 2, column key: 'standard.21' is not standard.YEAR with the year of a review, as standard.2021"},
      {"meta.csv", "key,value\nevents_until,2021-13-01\n",
       "row 2, column value: '2021-13-01' is not a date as YYYY-MM-DD"},
      {"meta.csv", "key,value\nseed,7\n", "meta.csv: row 2, column key: 'seed' appears twice"},
      /* an empty value: a key kehoach reads is refused as its rule says, any other too */
      {"meta.csv", "key,value\nstandard.2022,\n",
       "meta.csv: row 2, column value: empty, but standard.2022 must be the name of a poverty "
       "standard (vn-2016, vn-2022, vn-2026, or one of your own"},
      {"meta.csv", "key,value\nreviewed_by, \n",
       "meta.csv: row 2, column value: empty, but reviewed_by must have a value"},
  };
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir);
  char *before = kh_sha256(reg);
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    char *sub = kh_path(dir, "in");
    mkdir(sub, 0700);
    char *file = kh_path(sub, bad[i].name);
    kh_write_file(file, bad[i].content);
    const char *args[] = {"db", "import", file, "--db", reg, NULL};
    kh_result r = kh_run(args);
    if (r.code != 3 || strstr(r.err, bad[i].problem) == NULL)
      fail_msg("case %zu: exit %d, expected 3 and \"%s\" in:\n%s", i, r.code, bad[i].problem, r.err);
    char *after = kh_sha256(reg);
    assert_string_equal(before, after);
    free(after);
    kh_result_free(&r);
    unlink(file);
    free(file), free(sub);
  }
  free(before), free(reg), free(dir);
}

/* A NUL byte in a value: SQLite would keep it, and every reader would stop at it (the code
** "C\0-2" read "C"). Refused like any bad value, exit 3, the registry unchanged. */
static void import_refuses_a_nul_byte_in_a_value(void **state) {
  static const char content[] = "code,unit,village,head,ethnic_minority\nC\0-2,Cốc San,Thôn,A,0\n";
  char *dir = kh_tmpdir();
  char *reg = kh_path(dir, "registry.db"), *file = kh_path(dir, "households.csv");
  assert_int_equal(kh_copy(kh_registry(), reg), 0);
  char *before = kh_sha256(reg);
  FILE *f = fopen(file, "wb");
  assert_non_null(f);
  assert_int_equal(fwrite(content, 1, sizeof content - 1, f), sizeof content - 1);
  assert_int_equal(fclose(f), 0);
  const char *args[] = {"db", "import", file, "--db", reg, NULL};
  kh_result r = kh_run(args);
  if (r.code != 3 || strstr(r.err, "households.csv: row 2, column code: a NUL byte (\\0) is not "
                                   "allowed in a value ('C\\0-2')\n") == NULL ||
      strstr(r.err, "nothing was imported (1 problem); the registry is unchanged") == NULL)
    fail_msg("exit %d\n%s", r.code, r.err);
  char *after = kh_sha256(reg);
  assert_string_equal(before, after);
  kh_result_free(&r);
  kh_remove_tree(dir);
  free(after), free(before), free(file), free(reg), free(dir);
}

static void import_reads_a_bom_old_tone_placement_and_household_codes(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir);
  char *in = kh_path(dir, "in");
  mkdir(in, 0700);
  char *households = kh_path(in, "households.csv"), *persons = kh_path(in, "persons.csv");
  char *surveys = kh_path(in, "surveys.csv");
  /* a BOM, the old tone placement, and a head's name in decomposed form (o + U+0300) */
  kh_write_file(households, "\xEF\xBB\xBF" "code,unit,village,head\nNEW-1,Vạn Hoà,Thôn 3,Lò Văn Ho\xCC\x80" "a\n");
  kh_write_file(persons, "household,name,sex,birth_year\nNEW-1,Lò Văn Hòa,Nam,1970\n");
  kh_write_file(surveys, "household,year,income,status\nNEW-1,2020,\"650.000\",poor\n");
  /* a key kehoach reads, checked; one it does not, kept as it is */
  char *meta = kh_path(in, "meta.csv");
  kh_write_file(meta, "key,value\nstandard.2022,vn-2022\nreviewed_by,Phòng LĐ-TB&XH\n");
  free(meta);
  const char *args[] = {"db", "import", in, "--db", reg, NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("%s", r.err);
  kh_result_free(&r);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM households WHERE code = 'NEW-1' AND unit = "
                                  "(SELECT code FROM units WHERE name = 'Vạn Hòa')"), 1);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM households WHERE head = 'Lò Văn Hòa'"), 1);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM persons p JOIN households h ON h.id = "
                                  "p.household WHERE h.code = 'NEW-1' AND p.sex = 'M'"), 1);
  assert_int_equal(query_int(reg, "SELECT income FROM surveys s JOIN households h ON h.id = "
                                  "s.household WHERE h.code = 'NEW-1'"), 650000);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM meta WHERE (key, value) IN (VALUES "
                                  "('standard.2022', 'vn-2022'), ('reviewed_by', 'Phòng LĐ-TB&XH'))"), 2);
  free(households), free(persons), free(surveys), free(in), free(reg), free(dir);
}

static void import_into_a_missing_file_creates_a_registry_or_nothing(void **state) {
  char *dir = kh_tmpdir();
  char *units = kh_path(dir, "units.csv"), *reg = kh_path(dir, "new.db");
  kh_write_file(units, "code,name,level,kind,parent,urban\n"
                       "01,Tỉnh Một,province,tỉnh,,0\n001,Huyện Một,district,huyện,01,0\n"
                       "00001,Xã Một,commune,xã,001,0\n");
  const char *args[] = {"db", "import", units, "--db", reg, NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("%s", r.err);
  assert_non_null(strstr(r.err, "new registry"));
  kh_result_free(&r);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM units WHERE parent = '001'"), 1);
  char *bad = kh_path(dir, "bad.db");
  kh_write_file(units, "code,name,level,urban\n01,Tỉnh Một,state,0\n");
  const char *args2[] = {"db", "import", units, "--db", bad, NULL};
  r = kh_run(args2);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "no registry was created"));
  assert_false(kh_exists(bad));
  kh_result_free(&r);
  free(bad), free(units), free(reg), free(dir);
}

/* Runs kehoach with args and fails the test, with what it said, unless it exits 0. */
static void run_ok(const char *const args[]) {
  kh_result r = kh_run(args);
  if (r.code != 0) fail_msg("kehoach %s %s exited %d:\n%s", args[0], args[1], r.code, r.err);
  kh_result_free(&r);
}

/* A new registry from files whose references the import resolves itself (SQLite's own check
** is off while the rows go in): a district given after its commune, a household's commune by
** name, members, a review, a need and an event by the household's code. Every reference
** holds afterwards (PRAGMA foreign_key_check finds nothing), and a row naming a household
** that is not there is still refused. */
static void an_import_leaves_no_reference_dangling(void **state) {
  char *dir = kh_tmpdir();
  char *in = kh_path(dir, "in"), *reg = kh_path(dir, "new.db");
  mkdir(in, 0700);
  static const struct {
    const char *name, *content;
  } files[] = {
      {"units.csv", "code,name,level,kind,parent,urban\n00001,Xã Một,commune,xã,001,0\n"
                    "001,Huyện Một,district,huyện,01,0\n01,Tỉnh Một,province,tỉnh,,0\n"},
      {"households.csv", "code,unit,head\nH-1,Xã Một,Lò Văn A\nH-2,00001,Lò Thị B\n"},
      {"persons.csv", "household,name,sex,birth_year\nH-2,Lò Thị B,F,1980\nH-1,Lò Văn A,M,1975\n"},
      {"surveys.csv", "household,year,income,status\nH-2,2024,1200000,poor\n"},
      {"needs.csv", "household,year,kind\nH-1,2024,credit\n"},
      {"events.csv", "household,date,kind\nH-2,2024-06-30,escaped\n"},
  };
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char *f = kh_path(in, files[i].name);
    kh_write_file(f, files[i].content);
    free(f);
  }
  const char *args[] = {"db", "import", in, "--db", reg, NULL};
  run_ok(args);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM pragma_foreign_key_check"), 0);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM persons p JOIN households h ON h.id = p.household "
                                  "WHERE (h.code, p.name) IN (VALUES ('H-1', 'Lò Văn A'), ('H-2', 'Lò Thị B'))"), 2);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM surveys s JOIN events e USING (household) "
                                  "JOIN households h ON h.id = s.household WHERE h.code = 'H-2'"), 1);
  assert_int_equal(query_int(reg, "SELECT count(*) FROM needs n JOIN households h ON h.id = n.household "
                                  "WHERE h.code = 'H-1' AND h.unit = '00001'"), 1);
  char *persons = kh_path(in, "persons.csv");
  kh_write_file(persons, "household,name\nH-3,Lò Văn C\n");
  char *sum = kh_sha256(reg);
  const char *again[] = {"db", "import", persons, "--db", reg, NULL};
  kh_result r = kh_run(again);
  assert_int_equal(r.code, 3);
  if (!strstr(r.err, "persons.csv: row 2, column household: 'H-3'")) fail_msg("%s", r.err);
  kh_result_free(&r);
  char *after = kh_sha256(reg);
  assert_string_equal(sum, after);
  free(sum), free(after), free(persons), free(reg), free(in), free(dir);
}

/* Each file of table_files is the same in folders a and b. */
static void assert_same_files(const char *a, const char *b) {
  for (size_t i = 0; i < sizeof table_files / sizeof table_files[0]; i++) {
    const char *name = table_files[i];
    char *fa = kh_path(a, name), *fb = kh_path(b, name);
    char *ta = kh_read_file(fa), *tb = kh_read_file(fb);
    if (ta == NULL || tb == NULL || strcmp(ta, tb) != 0)
      fail_msg("%s differs:\n%s\n---\n%s", name, ta ? ta : "(missing)", tb ? tb : "(missing)");
    free(ta), free(tb), free(fa), free(fb);
  }
}

/* Household codes that are numbers, each another household's id: a row names its
** household by code, export writes codes, and export then import keeps every member,
** review, need and event with its own household. An id given where a code belongs is
** refused with the code to write. */
static void household_codes_that_are_numbers_survive_export_and_import(void **state) {
  char *dir = kh_tmpdir();
  char *in = kh_path(dir, "in"), *a = kh_path(dir, "a.db"), *b = kh_path(dir, "b.db");
  char *out1 = kh_path(dir, "one"), *out2 = kh_path(dir, "two");
  mkdir(in, 0700);
  static const char *const files[][2] = {
      {"units.csv", "code,name,level,kind,parent,urban\n10,Lào Cai,province,tỉnh,,0\n"
                    "080,Thành phố Lào Cai,district,thành phố,10,0\n02602,Duyên Hải,commune,phường,080,1\n"},
      {"households.csv", "id,code,unit,head\n1,2,02602,Alice\n2,1,02602,Bob\n3,30,02602,Carol\n"},
      {"persons.csv", "id,household,name\n1,1,Bob's son\n2,2,Alice's daughter\n3,30,Carol\n"},
      {"surveys.csv", "household,year,income,status\n1,2020,500000,poor\n2,2020,3000000,non_poor\n"},
      {"needs.csv", "household,year,kind\n1,2020,credit\n"},
      {"events.csv", "id,household,date,kind\n1,2,2021-03-01,moved\n"},
  };
  for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
    char *p = kh_path(in, files[i][0]);
    kh_write_file(p, files[i][1]);
    free(p);
  }
  const char *imp_a[] = {"db", "import", in, "--db", a, NULL};
  const char *exp_a[] = {"db", "export", out1, "--db", a, NULL};
  const char *imp_b[] = {"db", "import", out1, "--db", b, NULL};
  const char *exp_b[] = {"db", "export", out2, "--db", b, NULL};
  run_ok(imp_a), run_ok(exp_a), run_ok(imp_b), run_ok(exp_b);
  static const char *const checks[] = {
      "SELECT count(*) FROM persons p JOIN households h ON h.id = p.household WHERE "
      "(p.name, h.head) IN (VALUES ('Bob''s son', 'Bob'), ('Alice''s daughter', 'Alice'), ('Carol', 'Carol'))",
      "SELECT count(*) FROM surveys s JOIN households h ON h.id = s.household WHERE "
      "(h.head, s.status) IN (VALUES ('Bob', 'poor'), ('Alice', 'non_poor'))",
      "SELECT count(*) FROM needs n JOIN households h ON h.id = n.household WHERE h.head = 'Bob'",
      "SELECT count(*) FROM events e JOIN households h ON h.id = e.household WHERE h.head = 'Alice'",
  };
  static const long long expected[] = {3, 2, 1, 1};
  for (size_t i = 0; i < sizeof checks / sizeof checks[0]; i++) {
    assert_int_equal(query_int(a, checks[i]), expected[i]);
    assert_int_equal(query_int(b, checks[i]), expected[i]);
  }
  assert_same_files(out1, out2);
  char *persons = kh_path(out1, "persons.csv");
  char *text = kh_read_file(persons);
  assert_non_null(strstr(text, "\n1,1,Bob's son,"));   /* the code, 1, of Bob (id 2) */
  free(text);
  /* the id of Carol, 3, is no household's code */
  kh_write_file(persons, "id,household,name\n9,3,Carol's son\n");
  const char *by_id[] = {"db", "import", persons, "--db", b, NULL};
  kh_result r = kh_run(by_id);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "persons.csv: row 2, column household: '3' is not the code of a "
                                "household in the registry or in households.csv (a household is named "
                                "by its code, not its id: the household of id 3 has the code 30)"));
  kh_result_free(&r);
  free(persons), free(in), free(a), free(b), free(out1), free(out2), free(dir);
}

/* A registry damaged halfway through: export says so, and leaves neither files nor the
** folders it was to make. */
static void export_of_a_damaged_registry_leaves_nothing(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir);
  struct stat st;
  assert_int_equal(stat(reg, &st), 0);
  FILE *f = fopen(reg, "r+b");
  assert_non_null(f);
  fseek(f, st.st_size / 3, SEEK_SET);
  for (long i = 0; i < st.st_size / 3; i++) fputc(0xFF, f);
  assert_int_equal(fclose(f), 0);
  char *out = kh_path(dir, "out"), *csv = kh_path(out, "csv");
  const char *args[] = {"db", "export", csv, "--db", reg, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "small.db: the file is damaged"));
  assert_false(kh_exists(out));
  kh_result_free(&r);
  free(csv), free(out), free(reg), free(dir);
}

/* A row naming a household that is not in the registry (foreign keys were off when it was
** written): export names the table and the id, and leaves nothing behind. */
static void export_names_a_row_whose_household_is_missing(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir);
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(reg, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "UPDATE persons SET household = 987654 WHERE id = 4321", NULL,
                                NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  char *out = kh_path(dir, "out"), *csv = kh_path(out, "csv");
  const char *args[] = {"db", "export", csv, "--db", reg, NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "small.db: a row of persons names the household of id 987654, which "
                                "is not in the registry"));
  assert_false(kh_exists(out));
  kh_result_free(&r);
  free(csv), free(out), free(reg), free(dir);
}

/* ---- an import that does not finish ---------------------------------------------------- */

/* persons.csv in the folder sub (made when missing) with n members of the household
** 02602-00001: an import that takes a while and grows the registry; the path, malloc'ed. */
static char *many_persons(const char *sub, int n) {
  mkdir(sub, 0700);
  char *path = kh_path(sub, "persons.csv");
  FILE *f = fopen(path, "wb");
  assert_non_null(f);
  fputs("household,name,birth_year\n", f);
  for (int i = 0; i < n; i++) fprintf(f, "02602-00001,Người thứ %d,%d\n", i, 1930 + i % 90);
  assert_int_equal(fclose(f), 0);
  return path;
}

/* The registry at path is byte for byte the one whose sha256 is sha, no -journal is beside
** it, and a command that only reads it works. */
static void assert_untouched(const char *path, const char *sha) {
  char *now = kh_sha256(path);
  assert_string_equal(now, sha);
  free(now);
  char journal[4096];
  snprintf(journal, sizeof journal, "%s-journal", path);
  if (kh_exists(journal)) fail_msg("%s was left", journal);
  const char *stats[] = {"db", "stats", "--db", path, NULL};
  kh_result r = kh_run(stats);
  if (r.code != 0) fail_msg("db stats: exit %d\n%s", r.code, r.err);
  kh_result_free(&r);
}

static double seconds_now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

/* Killed (SIGKILL) while the rows go in: the registry keeps every byte, has no journal a
** reader would trip on, and the next import removes the temporary the killed one left. */
static void a_killed_import_leaves_the_registry_as_it_was(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir), *sha = kh_sha256(reg);
  char *many = kh_path(dir, "many"), *persons = many_persons(many, 400000);
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s.tmp-import", reg);
  struct stat st;
  assert_int_equal(stat(reg, &st), 0);
  off_t size = st.st_size;
  const char *args[] = {"db", "import", persons, "--db", reg, NULL};
  pid_t pid = kh_spawn(dir, args, NULL, "err");
  /* once rows are being written (the copy has grown), or after 30 s whatever happens */
  struct stat t;
  for (double t0 = seconds_now(); seconds_now() - t0 < 30;) {
    if (stat(tmp, &t) == 0 && t.st_size > size + 64 * 1024) break;
    usleep(10000);
  }
  kill(pid, SIGKILL);
  assert_int_equal(kh_wait(pid), 128 + SIGKILL);
  assert_true(kh_exists(tmp)); /* killed: its temporary stays, beside the registry */
  assert_untouched(reg, sha);
  /* the next import removes the killed one's temporary */
  char *needs = kh_path(dir, "needs.csv");
  kh_write_file(needs, "household,year,kind\n02602-00001,2025,credit\n");
  const char *next[] = {"db", "import", needs, "--db", reg, NULL};
  run_ok(next);
  assert_false(kh_exists(tmp));
  snprintf(tmp, sizeof tmp, "%s.tmp-import-journal", reg);
  assert_false(kh_exists(tmp));
  assert_int_equal(query_int(reg, "SELECT count(*) FROM needs WHERE year = 2025"), 1);
  kh_remove_tree(dir);
  free(needs), free(persons), free(many), free(sha), free(reg), free(dir);
}

/* Waits until the file at path has grown past size bytes (an import's temporary: rows are
** going in), 60 s at most; 1 when it did. */
static int grows_past(const char *path, off_t size) {
  struct stat st;
  for (double t0 = seconds_now(); seconds_now() - t0 < 60; usleep(10000))
    if (stat(path, &st) == 0 && st.st_size > size) return 1;
  return 0;
}

/* A slow import into a new registry new.db in dir, started in the background: the export of
** a small registry in csv (made when missing), with 300,000 more members of one household.
** Returns its pid once its rows are going in; its stderr goes to err_name in dir. */
static pid_t slow_new_import(const char *dir, const char *csv, const char *db, const char *err_name) {
  if (!kh_exists(csv)) {
    char *reg = kh_path(dir, "small.db");
    if (!kh_exists(reg)) {
      free(reg);
      reg = small_registry(dir);
    }
    const char *export[] = {"db", "export", csv, "--db", reg, NULL};
    run_ok(export);
    free(many_persons(csv, 300000));
    free(reg);
  }
  const char *args[] = {"db", "import", csv, "--db", db, NULL};
  pid_t pid = kh_spawn(dir, args, NULL, err_name);
  char tmp[4096];
  snprintf(tmp, sizeof tmp, "%s/%s.tmp-import", dir, db);
  if (!grows_past(tmp, 256 * 1024)) fail_msg("%s did not grow", tmp);
  return pid;
}

/* kehoach with args in dir and the environment env, waited for: exit code and stderr. */
static kh_result run_with_env(const char *dir, const char *const args[], const char *env) {
  const char *envs[] = {env, NULL};
  kh_result r = {0};
  r.code = kh_wait(kh_spawn(dir, args, envs, "err.run"));
  char *err = kh_path(dir, "err.run");
  r.err = kh_read_file(err);
  r.out = strdup("");
  free(err);
  return r;
}

/* Two imports into one new registry at once: one works on it at a time. One that may not
** wait (KEHOACH_BUSY_TIMEOUT=0) ends at once, exit 6; one that may waits its turn, then adds
** to the registry the first made as to any existing one (here refused: the same units and
** households). The registry holds the first import's rows alone, no temporary is left, and
** each said what happened. */
static void imports_into_one_new_registry_take_turns(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir), *one = kh_path(dir, "one"), *csv = kh_path(dir, "csv");
  const char *export[] = {"db", "export", one, "--db", reg, NULL};
  run_ok(export);
  pid_t first = slow_new_import(dir, csv, "new.db", "err.first");
  const char *second_args[] = {"db", "import", one, "--db", "new.db", NULL};
  kh_result busy = run_with_env(dir, second_args, "KEHOACH_BUSY_TIMEOUT=0");
  pid_t second = kh_spawn(dir, second_args, (const char *[]){"KEHOACH_BUSY_TIMEOUT=300", NULL},
                          "err.second");
  int first_code = kh_wait(first), second_code = kh_wait(second);
  char *e1 = kh_path(dir, "err.first"), *e2 = kh_path(dir, "err.second");
  char *first_err = kh_read_file(e1), *second_err = kh_read_file(e2);
  if (busy.code != 6 || strstr(busy.err, "new.db: another kehoach is importing into it; nothing "
                                         "was imported") == NULL)
    fail_msg("the import that may not wait: exit %d\n%s", busy.code, busy.err);
  if (first_code != 0 || strstr(first_err, "new.db: new registry; imported units 19, households "
                                           "5.000, persons 300.000") == NULL)
    fail_msg("the first import: exit %d\n%s", first_code, first_err);
  if (second_code != 3 || strstr(second_err, "new.db: another kehoach is importing into it; this "
                                             "import waits for it to finish") == NULL ||
      /* meta.csv is read first; its first key taken refuses the import before the large files */
      strstr(second_err, "one/meta.csv: row ") == NULL || strstr(second_err, "appears twice") == NULL ||
      strstr(second_err, "one/units.csv") == NULL || strstr(second_err, "not read") == NULL ||
      strstr(second_err, "nothing was imported") == NULL ||
      strstr(second_err, "the registry is unchanged") == NULL)
    fail_msg("the import that waited: exit %d\n%s", second_code, second_err);
  char *db = kh_path(dir, "new.db"), *tmp = kh_path(dir, "new.db.tmp-import");
  assert_int_equal(query_int(db, "SELECT count(*) FROM households"), 5000);
  assert_int_equal(query_int(db, "SELECT count(*) FROM persons"), 300000);
  assert_false(kh_exists(tmp));
  kh_result_free(&busy);
  kh_remove_tree(dir);
  free(tmp), free(db), free(first_err), free(second_err), free(e1), free(e2), free(csv), free(one),
      free(reg), free(dir);
}

/* A registry another program makes (db init) while an import creates one there: the import
** never moves its rows over it, and says so (exit 6); the other program's file stays. */
static void an_import_never_replaces_a_registry_made_meanwhile(void **state) {
  char *dir = kh_tmpdir();
  char *csv = kh_path(dir, "csv");
  pid_t pid = slow_new_import(dir, csv, "new.db", "err.import");
  const char *init[] = {"db", "init", "new.db", NULL};
  kh_result made = kh_run_in(dir, init);
  int code = kh_wait(pid);
  char *err_path = kh_path(dir, "err.import"), *err = kh_read_file(err_path);
  assert_int_equal(made.code, 0);
  if (code != 6 || strstr(err, "new.db was created by another program while this import ran (not "
                               "another import); nothing was imported, and the file there now is "
                               "left as it is") == NULL)
    fail_msg("exit %d\n%s", code, err);
  char *db = kh_path(dir, "new.db"), *tmp = kh_path(dir, "new.db.tmp-import");
  assert_int_equal(query_int(db, "SELECT count(*) FROM households"), 0);
  assert_false(kh_exists(tmp));
  kh_result_free(&made);
  kh_remove_tree(dir);
  free(tmp), free(db), free(err), free(err_path), free(csv), free(dir);
}

/* The disk fills up while the rows go in: an output error that says so; an existing
** registry keeps every byte, a new one is not made, and no temporary is left. */
static void an_import_on_a_full_disk_leaves_the_registry_as_it_was(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir);
  /* the registry as CSV files, with 400,000 more members: for a new registry */
  char *csv = kh_path(dir, "csv");
  const char *export[] = {"db", "export", csv, "--db", reg, NULL};
  run_ok(export);
  char *persons = many_persons(csv, 400000);
  char *disk = kh_path(dir, "disk");
  struct stat st;
  assert_int_equal(stat(reg, &st), 0);
  char options[64];
  /* room for the registry and its copy, not for 400,000 more members */
  snprintf(options, sizeof options, "size=%lldk", (long long)(st.st_size * 2 / 1024 + 512));
  if (kh_mount_or_skip(disk, 0, options) != 0) {
    kh_remove_tree(dir);
    free(disk), free(persons), free(csv), free(reg), free(dir);
    skip();
  }
  char *on_disk = kh_path(disk, "registry.db"), *fresh = kh_path(disk, "new.db");
  int copied = kh_copy(reg, on_disk);
  char *sha = kh_sha256(on_disk);
  const char *into_existing[] = {"db", "import", persons, "--db", on_disk, NULL};
  const char *into_new[] = {"db", "import", csv, "--db", fresh, NULL};
  kh_result existing = kh_run(into_existing), made = kh_run(into_new);
  /* judged before unmounting */
  char *left = NULL;
  DIR *d = opendir(disk);
  for (struct dirent *e; d && (e = readdir(d)) != NULL;)
    if (e->d_name[0] != '.' && strcmp(e->d_name, "registry.db") != 0 && left == NULL) left = strdup(e->d_name);
  if (d) closedir(d);
  char *now = kh_sha256(on_disk);
  char journal[4096];
  snprintf(journal, sizeof journal, "%s-journal", on_disk);
  int hot = kh_exists(journal);
  const char *stats[] = {"db", "stats", "--db", on_disk, NULL};
  kh_result after = kh_run(stats);
  umount2(disk, MNT_DETACH);
  assert_int_equal(copied, 0);
  assert_false(hot);
  if (existing.code != 5 || strstr(existing.err, "the disk is full") == NULL)
    fail_msg("into a registry: exit %d\n%s", existing.code, existing.err);
  if (made.code != 5 || strstr(made.err, "the disk is full") == NULL)
    fail_msg("into a new registry: exit %d\n%s", made.code, made.err);
  if (left) fail_msg("%s was left on the full disk", left);
  assert_string_equal(now, sha);
  assert_int_equal(after.code, 0);
  kh_result_free(&existing), kh_result_free(&made), kh_result_free(&after);
  kh_remove_tree(dir);
  free(now), free(sha), free(on_disk), free(fresh), free(disk), free(persons), free(csv), free(reg),
      free(dir);
}

/* A registry on a disk mounted read-only: said in plain words, exit 5. */
static void an_import_into_a_read_only_registry_says_so(void **state) {
  char *dir = kh_tmpdir();
  char *disk = kh_path(dir, "ro"), *reg = kh_path(disk, "registry.db"), *needs = kh_path(dir, "needs.csv");
  kh_write_file(needs, "household,year,kind\n02602-00001,2025,credit\n");
  if (kh_mount_or_skip(disk, 0, "size=64m") != 0) {
    free(needs), free(reg), free(disk), free(dir);
    skip();
  }
  int copied = kh_copy(kh_registry(), reg);
  int remounted = mount("tmpfs", disk, "tmpfs", MS_REMOUNT | MS_RDONLY, "size=64m");
  const char *args[] = {"db", "import", needs, "--db", reg, NULL};
  kh_result r = kh_run(args);
  umount2(disk, MNT_DETACH);
  assert_int_equal(copied, 0);
  assert_int_equal(remounted, 0);
  assert_int_equal(r.code, 5);
  assert_non_null(strstr(r.err, "ro/registry.db cannot be written (read-only: the disk it is on is "
                                "mounted read-only)"));
  assert_null(strstr(r.err, "readonly database"));
  kh_result_free(&r);
  free(needs), free(reg), free(disk), free(dir);
}

/* Another program stopped in the middle of a change to the registry (a hot -journal beside
** it, some pages already written): a command that only reads says so and how to recover,
** exit 3; db check undoes the change, and the registry is again byte for byte what it was. */
static void an_interrupted_change_is_named_and_db_check_undoes_it(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir), *sha = kh_sha256(reg);
  pid_t pid = fork();
  if (pid == 0) {
    sqlite3 *db = NULL;
    if (sqlite3_open(reg, &db) != SQLITE_OK ||
        sqlite3_exec(db, "PRAGMA cache_size = 5; BEGIN; UPDATE persons SET name = name || ' x';",
                     NULL, NULL, NULL) != SQLITE_OK)
      _exit(1);
    _exit(0); /* gone without COMMIT or ROLLBACK, as when killed */
  }
  assert_int_equal(kh_wait(pid), 0);
  char journal[4096];
  snprintf(journal, sizeof journal, "%s-journal", reg);
  assert_true(kh_exists(journal));
  const char *stats[] = {"db", "stats", "--db", reg, NULL};
  kh_result r = kh_run(stats);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "small.db: the last change to this database was interrupted"));
  assert_non_null(strstr(r.err, "small.db-journal beside it holds what must be undone first"));
  assert_non_null(strstr(r.err, "`kehoach db check --db "));
  assert_null(strstr(r.err, "readonly database"));
  kh_result_free(&r);
  const char *check[] = {"db", "check", "--db", reg, NULL};
  r = kh_run(check);
  if (r.code != 0) fail_msg("db check: exit %d\n%s", r.code, r.err);
  assert_non_null(strstr(r.err, "the change to it that was interrupted is undone"));
  kh_result_free(&r);
  assert_untouched(reg, sha);
  free(sha), free(reg), free(dir);
}

/* ---- db stats and db check -------------------------------------------------------------- */

/* Code points in the line: the display width of NFC Vietnamese text. */
static size_t columns(const char *line, size_t len) {
  size_t n = 0;
  for (size_t i = 0; i < len; i++)
    if (((unsigned char)line[i] & 0xC0) != 0x80) n++;
  return n;
}

static void stats_tabulate_the_default_registry_aligned(void **state) {
  const char *args[] = {"db", "stats", "--db", kh_registry(), "--year", "2020", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.out, "review of 2020, standard vn-2016"));
  assert_non_null(strstr(r.out, "income-poor"));
  /* every row ends where the header ends: numbers right-aligned by display width */
  const char *header = strstr(r.out, "Commune");
  assert_non_null(header);
  size_t width = columns(header, strcspn(header, "\n"));
  int rows = 0;
  for (const char *line = strchr(header, '\n') + 1; *line; line = strchr(line, '\n') + 1) {
    size_t len = strcspn(line, "\n");
    assert_int_equal(columns(line, len), width);
    rows++;
  }
  assert_int_equal(rows, 17 + 2); /* communes, the rule, the totals */
  const char *total = strstr(r.out, "\nTotal");
  assert_non_null(total);
  assert_non_null(strstr(total, "0,60"));
  assert_non_null(strstr(total, " 57\n"));
  assert_non_null(strstr(r.out, "\nThống Nhất "));
  kh_result_free(&r);
  const char *json[] = {"db", "stats", "--db", kh_registry(), "--year", "2020", "--json", NULL};
  r = kh_run(json);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.out, "\"name\": \"Vạn Hòa\""));
  assert_non_null(strstr(r.out, "\"unable_to_escape\": 57"));
  assert_non_null(strstr(r.out, "\"status_differs\": 0"));
  kh_result_free(&r);
}

/* What `kehoach db stats --json --year Y` writes of the registry at reg (to free). */
static char *stats_json(const char *reg, const char *year) {
  const char *args[] = {"db", "stats", "--db", reg, "--year", year, "--json", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  char *out = strdup(r.out);
  kh_result_free(&r);
  return out;
}

/* The total of persons `db stats --json --year Y` gives for the registry at reg. */
static long long stats_persons(const char *reg, const char *year) {
  char *out = stats_json(reg, year);
  const char *total = strstr(out, "\"total\"");
  assert_non_null(total);
  const char *persons = strstr(total, "\"persons\": ");
  assert_non_null(persons);
  long long n = atoll(persons + strlen("\"persons\": "));
  free(out);
  return n;
}

/* The persons stats counts are those of the households reviewed that year, however it
** counts them: from each commune's run of household ids when every household has the
** review (2020 here) and the runs have no gaps; household by household when some left
** before the review (2021), or a commune's households are not numbered in one run. */
static void stats_count_the_persons_of_the_households_reviewed(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir);
  const char *sql[] = {
      "SELECT count(*) FROM persons p JOIN surveys s ON s.household = p.household AND s.year = 2020",
      "SELECT count(*) FROM persons p JOIN surveys s ON s.household = p.household AND s.year = 2021"};
  assert_true(query_int(reg, "SELECT count(*) FROM surveys WHERE year = 2021") <
              query_int(reg, "SELECT count(*) FROM households"));
  for (int pass = 0; pass < 2; pass++) {
    assert_int_equal(stats_persons(reg, "2020"), query_int(reg, sql[0]));
    assert_int_equal(stats_persons(reg, "2021"), query_int(reg, sql[1]));
    /* then a household of the first commune moved to the last: two runs have a gap */
    sqlite3 *db = NULL;
    assert_int_equal(sqlite3_open(reg, &db), SQLITE_OK);
    assert_int_equal(sqlite3_exec(db, "UPDATE households SET unit = (SELECT max(unit) FROM households) "
                                      "WHERE id = 10", NULL, NULL, NULL), SQLITE_OK);
    sqlite3_close(db);
  }
  free(reg), free(dir);
}

/* Stats read each commune's review along its run of household ids when the households of
** every commune are numbered in one run, and household by household otherwise: the two say
** the same of the same households. Household 10 is numbered again past the last, with its
** persons, reviews, needs and events: its commune is the same, its run has a gap. */
static void stats_say_the_same_whether_communes_are_numbered_in_runs_or_not(void **state) {
  char *dir = kh_tmpdir();
  char *reg = small_registry(dir);
  const char *years[] = {"2020", "2021"};
  char *before[2];
  for (int i = 0; i < 2; i++) before[i] = stats_json(reg, years[i]);
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(reg, &db), SQLITE_OK);
  const char *tables[] = {"persons", "surveys", "needs", "events"};
  char sql[256];
  assert_int_equal(sqlite3_exec(db, "BEGIN; UPDATE households SET id = 1000000 WHERE id = 10", NULL, NULL, NULL),
                   SQLITE_OK);
  for (int i = 0; i < 4; i++) {
    snprintf(sql, sizeof sql, "UPDATE %s SET household = 1000000 WHERE household = 10", tables[i]);
    assert_int_equal(sqlite3_exec(db, sql, NULL, NULL, NULL), SQLITE_OK);
  }
  assert_int_equal(sqlite3_exec(db, "COMMIT", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  assert_true(query_int(reg, "SELECT max(id) - min(id) + 1 - count(*) FROM households "
                             "WHERE unit = (SELECT unit FROM households WHERE id = 1000000)") > 0);
  for (int i = 0; i < 2; i++) {
    char *after = stats_json(reg, years[i]);
    assert_string_equal(after, before[i]);
    free(after), free(before[i]);
  }
  free(reg), free(dir);
}

/* The default registry's latest review is the one at the end of 2021, recorded under
** vn-2022 (its meta says so): stats and check read it under that standard by default. */
static void stats_default_to_the_latest_review_under_its_own_standard(void **state) {
  const char *args[] = {"db", "stats", "--db", kh_registry(), NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.out, "review of 2021, standard vn-2022"));
  assert_null(strstr(r.out, "income-poor")); /* vn-2022 has one line: no split */
  assert_string_equal(r.err, "");
  kh_result_free(&r);
}

static void check_passes_the_default_registry(void **state) {
  const char *args[] = {"db", "check", "--db", kh_registry(), "--year", "2020", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_string_equal(r.out, "");
  assert_non_null(strstr(r.err, "in the review of 2020 is the one vn-2016 gives"));
  kh_result_free(&r);
  const char *latest[] = {"db", "check", "--db", kh_registry(), NULL};
  r = kh_run(latest);
  assert_int_equal(r.code, 0);
  assert_string_equal(r.out, "");
  assert_non_null(strstr(r.err, "in the review of 2021 is the one vn-2022 gives"));
  kh_result_free(&r);
}

static void check_names_each_household_that_disagrees_with_the_reason(void **state) {
  char *dir = kh_tmpdir();
  char *reg = kh_path(dir, "small.db");
  /* the review of 2020 only: 2021's is imported below */
  const char *gen[] = {"db", "generate", reg, "--households", "5000", "--events-until", "2020-12-31",
                       NULL};
  kh_result g = kh_run(gen);
  assert_int_equal(g.code, 0);
  kh_result_free(&g);
  char *surveys = kh_path(dir, "surveys.csv");
  /* Duyên Hải is a ward: urban lines. 650,000 is income-poor there; 1,100,000 with two
  ** deprivations is near-poor. */
  kh_write_file(surveys, "household,year,income,d_water,d_latrine,status,unable_to_escape\n"
                         "02602-00002,2021,650000,0,0,near_poor,0\n"
                         "02602-00001,2021,1100000,1,1,poor,1\n"
                         "02602-00003,2021,2500000,0,0,non_poor,0\n");
  const char *imp[] = {"db", "import", surveys, "--db", reg, NULL};
  kh_result r = kh_run(imp);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  const char *args[] = {"db", "check", "--db", reg, "--year", "2021", NULL};
  r = kh_run(args);
  assert_int_equal(r.code, 3);
  assert_string_equal(r.out,
      "02602-00001 (Duyên Hải): recorded poor, but vn-2016 gives near_poor: income 1.100.000 is "
      "above the poor line 900.000 (urban), 2 deprivations (fewer than 3), income 1.100.000 is at "
      "or below the near-poor line 1.300.000 (urban)\n"
      "02602-00002 (Duyên Hải): recorded near_poor, but vn-2016 gives poor: income 650.000 is at or "
      "below the poor line 900.000 (urban)\n");
  assert_non_null(strstr(r.err, "2 of 3 households in the review of 2021 do not agree with vn-2016"));
  kh_result_free(&r);
  const char *bad[] = {"db", "check", "--db", reg, "--standard", "vn-2061", NULL};
  r = kh_run(bad);
  assert_int_equal(r.code, 2);
  /* the suggestion is the standard in force in the review's year, not the nearest spelling */
  assert_non_null(strstr(r.err, "did you mean vn-2016, the standard in force in 2021?"));
  kh_result_free(&r);
  free(surveys), free(reg), free(dir);
}

/* text with every "from" replaced by "to", malloc'ed. */
static char *replaced(const char *text, const char *from, const char *to) {
  size_t nf = strlen(from), nt = strlen(to), n = 0;
  for (const char *p = strstr(text, from); p; p = strstr(p + nf, from)) n++;
  char *out = malloc(strlen(text) + n * (nt > nf ? nt - nf : 0) + 1), *o = out;
  for (const char *p = text, *q; (q = strstr(p, from)) != NULL || *p; p = q + nf) {
    if (q == NULL) {
      strcpy(o, p);
      return out;
    }
    memcpy(o, p, (size_t)(q - p));
    o += q - p;
    memcpy(o, to, nt);
    o += nt;
  }
  *o = '\0';
  return out;
}

static const char STANDARD[] =
    "return { name = \"%s\", title = \"Chuẩn nghèo của tỉnh (thử)\", reference = \"Nghị quyết (thử)\",\n"
    "  from_year = 2020, to_year = 2030,\n"
    "  lines = { poor = { rural = 1800000, urban = 2400000 }, middle = { rural = 2700000, urban = 3600000 } },\n"
    "  indicators = { \"d_water\", \"d_latrine\", \"d_housing_quality\", \"d_telecom\" },\n"
    "  rule = { { status = \"poor\", income_max = \"poor\", min_deprivations = 2 },\n"
    "    { status = \"near_poor\", income_max = \"poor\" }, { status = \"middle\", income_max = \"middle\" },\n"
    "    { status = \"non_poor\" } } }\n";

/* The cases at the command line: a profile whose review is under vn-2022 (exit 70
** before: an empty income band) and under a standard of the user's own beside it; db stats
** and db check under a standard found beside the registry or named by file; and a
** standard file a plan's folder links to from outside it, refused by the rule of a plan's
** require. Never exit 70. */
static void standards_of_ones_own_at_the_command_line(void **state) {
  char *dir = kh_tmpdir();
  char *text = kh_read_file("scripts/profiles/sa-pa.lua");
  assert_non_null(text);
  char *v22 = replaced(text, "vn-2016", "vn-2022"), *own = replaced(text, "vn-2016", "tinh-thu");
  char *prof22 = kh_path(dir, "sa-pa-2022.lua"), *prof_own = kh_path(dir, "sa-pa-own.lua");
  kh_write_file(prof22, v22);
  kh_write_file(prof_own, own);
  char *stds = kh_path(dir, "standards"), *std_file = kh_path(stds, "tinh-thu.lua");
  mkdir(stds, 0700);
  char body[2048];
  snprintf(body, sizeof body, STANDARD, "tinh-thu");
  kh_write_file(std_file, body);
  char *r22 = kh_path(dir, "r22.db"), *rown = kh_path(dir, "rown.db");
  const char *gen22[] = {"db", "generate", r22, "--profile", prof22, NULL};
  kh_result r = kh_run(gen22);
  if (r.code != 0) fail_msg("generate under vn-2022: exit %d\n%s", r.code, r.err);
  kh_result_free(&r);
  const char *gen_own[] = {"db", "generate", rown, "--profile", prof_own, NULL};
  r = kh_run(gen_own);
  if (r.code != 0) fail_msg("generate under a standard of one's own: exit %d\n%s", r.code, r.err);
  kh_result_free(&r);
  /* the review is recorded under it: db check reads it so, by its file beside the registry */
  const char *check_own[] = {"db", "check", "--db", rown, NULL};
  r = kh_run(check_own);
  if (r.code != 0 || strstr(r.err, "is the one tinh-thu gives") == NULL)
    fail_msg("db check: exit %d\n%s", r.code, r.err);
  kh_result_free(&r);
  const char *stats_file[] = {"db", "stats", "--db", r22, "--standard", std_file, NULL};
  r = kh_run(stats_file);
  if (r.code != 0 || strstr(r.out, "standard tinh-thu (Nghị quyết (thử))") == NULL)
    fail_msg("db stats --standard FILE: exit %d\n%s%s", r.code, r.out, r.err);
  kh_result_free(&r);
  /* plans/standards/evil.lua links to a file outside plans/ */
  char *plans = kh_path(dir, "plans"), *plan_stds = kh_path(plans, "standards");
  char *outside = kh_path(dir, "evil.lua"), *link = kh_path(plan_stds, "evil.lua"), *plan = kh_path(plans, "p.lua");
  mkdir(plans, 0700);
  mkdir(plan_stds, 0700);
  snprintf(body, sizeof body, STANDARD, "evil");
  kh_write_file(outside, body);
  assert_int_equal(symlink(outside, link), 0);
  kh_write_file(plan, "plan { id = \"p\", title = \"p\", unit = \"Thị xã Sa Pa\", year = 2021, standard = \"evil\" }\n");
  const char *check_plan[] = {"check", plan, "--db", r22, NULL};
  r = kh_run(check_plan);
  if (r.code != 3 || strstr(r.err, "leads outside") == NULL) fail_msg("check: exit %d\n%s", r.code, r.err);
  kh_result_free(&r);
  kh_remove_tree(dir);
  free(text), free(v22), free(own), free(prof22), free(prof_own), free(stds), free(std_file), free(r22), free(rown);
  free(plans), free(plan_stds), free(outside), free(link), free(plan), free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(default_registry_has_57_households_unable_to_escape_with_105_persons),
      cmocka_unit_test(ninety_households_are_0_24_percent_of_the_city),
      cmocka_unit_test(plan_quotas_have_more_candidates_than_places),
      cmocka_unit_test(generate_with_one_seed_gives_the_same_file),
      cmocka_unit_test(generate_writes_the_years_events_up_to_a_date),
      cmocka_unit_test(generate_refuses_to_overwrite_without_force),
      cmocka_unit_test(generate_too_small_leaves_no_file),
      cmocka_unit_test(generate_reports_a_bad_profile_by_field),
      cmocka_unit_test(export_then_import_gives_identical_tables),
      cmocka_unit_test(import_refuses_bad_files_and_leaves_the_registry_unchanged),
      cmocka_unit_test(import_refuses_a_nul_byte_in_a_value),
      cmocka_unit_test(import_reads_a_bom_old_tone_placement_and_household_codes),
      cmocka_unit_test(import_into_a_missing_file_creates_a_registry_or_nothing),
      cmocka_unit_test(an_import_leaves_no_reference_dangling),
      cmocka_unit_test(household_codes_that_are_numbers_survive_export_and_import),
      cmocka_unit_test(export_of_a_damaged_registry_leaves_nothing),
      cmocka_unit_test(export_names_a_row_whose_household_is_missing),
      cmocka_unit_test(a_killed_import_leaves_the_registry_as_it_was),
      cmocka_unit_test(imports_into_one_new_registry_take_turns),
      cmocka_unit_test(an_import_never_replaces_a_registry_made_meanwhile),
      cmocka_unit_test(an_import_on_a_full_disk_leaves_the_registry_as_it_was),
      cmocka_unit_test(an_import_into_a_read_only_registry_says_so),
      cmocka_unit_test(an_interrupted_change_is_named_and_db_check_undoes_it),
      cmocka_unit_test(stats_tabulate_the_default_registry_aligned),
      cmocka_unit_test(stats_count_the_persons_of_the_households_reviewed),
      cmocka_unit_test(stats_say_the_same_whether_communes_are_numbered_in_runs_or_not),
      cmocka_unit_test(stats_default_to_the_latest_review_under_its_own_standard),
      cmocka_unit_test(check_passes_the_default_registry),
      cmocka_unit_test(check_names_each_household_that_disagrees_with_the_reason),
      cmocka_unit_test(standards_of_ones_own_at_the_command_line),
  };
  return kh_finish(cmocka_run_group_tests_name("registry command line", tests, NULL, NULL));
}
