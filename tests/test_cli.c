/*
** test_cli.c — the program as a user meets it: help, exit codes, the sandbox's refusals
** (each with the plan's file and line), and runs that leave the registry untouched and
** earlier results intact.
*/
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sys/stat.h>

#include "harness.h"

/* The least a plan must declare. */
#define MINIMAL_PLAN \
  "plan { id = \"t\", title = \"t\", unit = \"Huyện Thử\", year = 2021, standard = \"vn-2016\" }\n"

/* ---- help and usage ---------------------------------------------------------------- */

static void help_lists_every_verb_and_exit_code(void **state) {
  const char *args[] = {"--help", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  const char *verbs[] = {"run", "check", "compare", "sweep", "explain", "progress", "doc", "db"};
  for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
    char line[32];
    snprintf(line, sizeof line, "\n  %s ", verbs[i]);
    assert_non_null(strstr(r.out, line));
  }
  assert_non_null(strstr(r.out, "Exit codes:"));
  assert_non_null(strstr(r.out, "  70  "));
  kh_result_free(&r);
}

static void every_verb_has_help(void **state) {
  const char *verbs[] = {"run", "check", "compare", "sweep", "explain", "progress", "doc", "db"};
  for (size_t i = 0; i < sizeof verbs / sizeof verbs[0]; i++) {
    const char *args[] = {verbs[i], "--help", NULL};
    kh_result r = kh_run(args);
    assert_int_equal(r.code, 0);
    assert_non_null(strstr(r.out, "Usage: kehoach "));
    assert_non_null(strstr(r.out, verbs[i]));
    kh_result_free(&r);
  }
}

static void unknown_verb_is_a_usage_error_with_a_suggestion(void **state) {
  const char *args[] = {"chek", "x.lua", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "unknown command 'chek'"));
  assert_non_null(strstr(r.err, "did you mean check?"));
  kh_result_free(&r);
}

static void unknown_option_is_a_usage_error(void **state) {
  const char *args[] = {"run", "x.lua", "--dbb", "f", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "unknown option --dbb (did you mean --db?)"));
  kh_result_free(&r);
}

static void an_option_given_twice_is_a_usage_error(void **state) {
  /* one --scenario for run (compare takes several), one --vary for sweep: the second is not
     silently dropped */
  const char *args[] = {"run", "x.lua", "--scenario", "a", "--scenario", "b", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--scenario given twice ('a', then 'b')"));
  kh_result_free(&r);
  const char *sweep[] = {"sweep", "x.lua", "--vary", "a=1:2:1", "--vary=b=1:2:1", NULL};
  r = kh_run(sweep);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--vary given twice"));
  kh_result_free(&r);
}

/* A value forgotten: the next option is not taken for it; an empty value is refused. */
static void an_option_without_its_value_is_a_usage_error(void **state) {
  const char *forgot[] = {"run", "x.lua", "--out", "--quiet", NULL};
  kh_result r = kh_run(forgot);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--out needs a value (DIR) before --quiet"));
  kh_result_free(&r);
  const char *empty[] = {"run", "x.lua", "--db=", NULL};
  r = kh_run(empty);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--db needs a value (FILE), not an empty one"));
  kh_result_free(&r);
  const char *huge[] = {"check", "x.lua", "--max-time", "99999999999999999999", NULL};
  r = kh_run(huge);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--max-time 99999999999999999999: give a whole number of seconds"));
  kh_result_free(&r);
}

static void bad_limit_values_are_usage_errors(void **state) {
  const char *args[] = {"check", "x.lua", "--max-memory", "lots", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--max-memory lots"));
  kh_result_free(&r);
  const char *tiny[] = {"check", "x.lua", "--max-memory", "300K", NULL};
  r = kh_run(tiny);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--max-memory 300K: the engine itself needs more; give at least 16M"));
  kh_result_free(&r);
}

/* ---- the sandbox, through `kehoach check` ---------------------------------------------- */

typedef struct refusal {
  const char *source;  /* the plan */
  int code;            /* the exit code expected */
  const char *message; /* a part of the message expected on stderr */
} refusal;

/* Writes the plan into a scratch folder, checks it there, and asserts the exit code, the
** "plan.lua:LINE:" location and the message; and that no file "touched" appeared. */
static void assert_refused(const refusal *f, int line) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  char *touched = kh_path(dir, "touched");
  kh_write_file(plan, f->source);
  const char *args[] = {"check", "plan.lua", NULL};
  kh_result r = kh_run_in(dir, args);
  char where[32];
  snprintf(where, sizeof where, "plan.lua:%d: ", line);
  if (r.code != f->code || strstr(r.err, where) == NULL || strstr(r.err, f->message) == NULL)
    fail_msg("plan:\n%s\nexit %d, stderr:\n%s", f->source, r.code, r.err);
  assert_false(kh_exists(touched));
  kh_result_free(&r);
  free(touched);
  free(plan);
  free(dir);
}

static void plans_cannot_reach_the_system(void **state) {
  const refusal cases[] = {
      {"os.execute(\"touch touched\")\n", 1, "'os' is not available"},
      {"local f = io.open(\"/etc/passwd\")\n", 1, "'io' is not available"},
      {"local p = io.popen(\"id\")\n", 1, "'io' is not available"},
      {"require \"os\"\n", 1, "require: no module 'os'"},
      {"package.loadlib(\"libc.so.6\", \"system\")\n", 1, "'package' is not available"},
      {"local r = debug.getregistry()\n", 1, "'debug' is not available"},
      {"dofile(\"/etc/passwd\")\n", 1, "'dofile' is not available"},
      {"local f = loadfile(\"/etc/passwd\")\n", 1, "'loadfile' is not available"},
      {"local f = load(string.dump(function() end))\n", 1, "string.dump is not available"},
      {"local f = load(\"\\27Lua\\84\\0\")\n", 1, "binary chunks are not allowed"},
      {"local x = core\n", 1, "'core' is not available"},
      {"local f = collectgarbage\n", 1, "'collectgarbage' is not available"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) assert_refused(&cases[i], 1);
}

static void require_stays_inside_the_plan_folder_and_stdlib(void **state) {
  const refusal cases[] = {
      {"\nrequire \"../../etc/passwd\"\n", 1, "is not a module name"},
      {"\nrequire \"/etc/passwd\"\n", 1, "is not a module name"},
      {"\nrequire \"kehoach.cli\"\n", 1, "is part of the engine"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) assert_refused(&cases[i], 2);
}

static void require_follows_no_link_out_of_the_plan_folder(void **state) {
  char *dir = kh_tmpdir();
  char *outside = kh_tmpdir();
  char *secret = kh_path(outside, "secret.lua");
  char *link = kh_path(dir, "secret.lua");
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(secret, "return 42\n");
  assert_int_equal(symlink(secret, link), 0);
  kh_write_file(plan, "local s = require \"secret\"\n");
  const char *args[] = {"check", "plan.lua", NULL};
  kh_result r = kh_run_in(dir, args);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.err, "plan.lua:1: require: module 'secret' leads outside"));
  kh_result_free(&r);
  free(secret);
  free(link);
  free(plan);
  free(outside);
  free(dir);
}

static void require_loads_a_module_beside_the_plan(void **state) {
  char *dir = kh_tmpdir();
  char *mod = kh_path(dir, "helpers.lua");
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(mod, "return { twice = function(x) return 2 * x end }\n");
  kh_write_file(plan, "local h = require \"helpers\"\nassert(h.twice(21) == 42)\n" MINIMAL_PLAN);
  const char *args[] = {"check", "plan.lua", NULL};
  kh_result r = kh_run_in(dir, args);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  free(mod);
  free(plan);
  free(dir);
}

/* A scenario file's base is a plan in the file's folder (or below), checked as require
** checks modules: another file on the system is never run, so its text never reaches a
** message. */
static void a_scenario_base_stays_in_its_folder(void **state) {
  char *top = kh_tmpdir();
  char *dir = kh_path(top, "plans");
  assert_int_equal(mkdir(dir, 0700), 0);
  char *secret = kh_path(top, "app.lua"), *env = kh_path(top, "app.env");
  char *link = kh_path(dir, "link.lua"), *scenario = kh_path(dir, "s.lua");
  kh_write_file(secret, "DB_PASSWORD = s3cr3tpass\n");
  kh_write_file(env, "DB_PASSWORD=s3cr3tpass\n");
  assert_int_equal(symlink(secret, link), 0);
  const struct { const char *base, *message; } cases[] = {
      {"../app.lua", "base ../app.lua leads outside the scenario file's folder"},
      {"link.lua", "base link.lua leads outside the scenario file's folder"},
      {"../app.env", "base ../app.env is not a plan: a plan is a .lua file"},
      {"../../../../../../../../etc/passwd", "is not a plan: a plan is a .lua file"},
      {secret, "is a path from the top of the disk"},
      {"missing.lua", "base missing.lua is not there"},
  };
  const char *args[] = {"check", "plans/s.lua", NULL};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char source[1024];
    snprintf(source, sizeof source, "scenario \"x\" {\n  label = \"x\",\n  base = \"%s\",\n}\n", cases[i].base);
    kh_write_file(scenario, source);
    kh_result r = kh_run_in(top, args);
    if (r.code != 1 || strstr(r.err, "plans/s.lua:1: scenario 'x': ") == NULL ||
        strstr(r.err, cases[i].message) == NULL || strstr(r.err, "s3cr3t") || strstr(r.err, "root:"))
      fail_msg("base %s: exit %d:\n%s", cases[i].base, r.code, r.err);
    kh_result_free(&r);
  }
  free(scenario), free(link), free(env), free(secret), free(dir), free(top);
}

static void an_undeclared_global_is_an_error(void **state) {
  const refusal assign = {"local total = 1\ntotl = total + 1\n", 1, "undeclared global 'totl'"};
  assert_refused(&assign, 2);
  const refusal read = {"local a = 1\n\nlocal b = supprt\n", 1, "unknown name 'supprt'"};
  assert_refused(&read, 3);
}

static void endless_loops_are_stopped(void **state) {
  const refusal plain = {"local x = 0\nwhile true do x = x + 1 end\n", 4, "ran too long"};
  assert_refused(&plain, 2);
  const refusal in_pcall = {"local ok = pcall(function()\n  while true do end\nend)\n"
                            "while true do end\n", 4, "ran too long"};
  assert_refused(&in_pcall, 4);
  /* the loop inside pcall is stopped, and so is the plan at its next instruction */
  const refusal caught = {"for i = 1, 10 do\n  pcall(function() while true do end end)\nend\n",
                          4, "ran too long"};
  assert_refused(&caught, 1);
}

/* Code a plan loads is the plan's, whatever name it gives the chunk: a loop in it is
** charged to the instruction limit (not left to --max-time), and its errors are the plan's
** (exit 1), never "a bug in kehoach" (70). */
static void a_plan_cannot_pass_its_code_off_as_the_stdlib(void **state) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  const char *args[] = {"check", "plan.lua", "--max-instructions", "1000000", "--max-time", "20", NULL};
  const char *names[] = {"@stdlib/kehoach/util.lua", "=stdlib/kehoach/util.lua", "@stdlib/x.lua"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    char source[256];
    snprintf(source, sizeof source, "load(\"while true do end\", \"%s\")()\n", names[i]);
    kh_write_file(plan, source);
    kh_result r = kh_run_in(dir, args);
    if (r.code != 4 || strstr(r.err, "ran too long") == NULL) fail_msg("%s: exit %d:\n%s", names[i], r.code, r.err);
    kh_result_free(&r);
    snprintf(source, sizeof source, "\nload(\"local x = nil + 1\", \"%s\")()\n", names[i]);
    kh_write_file(plan, source);
    r = kh_run_in(dir, args);
    if (r.code != 1 || strstr(r.err, "attempt to perform arithmetic") == NULL || strstr(r.err, "a bug in kehoach"))
      fail_msg("%s: exit %d:\n%s", names[i], r.code, r.err);
    kh_result_free(&r);
  }
  free(plan);
  free(dir);
}

/* A plan's own error(), whatever its level or value, and a print of a value whose
** __tostring fails, are the plan's errors at its line (exit 1), not the engine's (70). */
static void a_plans_own_errors_are_at_its_line(void **state) {
  const refusal cases[] = {
      {"\nerror(\"boom\", 2)\n", 1, "plan.lua:2: boom"},
      {"\nerror(\"boom\", 0)\n", 1, "plan.lua:2: boom"},
      {"\nerror({ code = 1 })\n", 1, "error() was called with a table, not a message"},
      {"\nerror()\n", 1, "error() was called with nothing, not a message"},
      {"\nassert(false)\n", 1, "assertion failed!"},
      {"\nprint(setmetatable({}, { __tostring = function() return {} end }))\nerror(\"after\")\n", 1,
       "plan.lua:3: after"},
      {"\nlocal t = setmetatable({}, { __gc = function() while true do end end })\n", 1,
       "finalizers (__gc) are not available to plans"},
  };
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++)
    assert_refused(&cases[i], i == 5 ? 3 : 2);
  /* an amount is read-only and hides its metatable; so does a caught error; a C stack
     overflow in a function the plan called is at the plan's line; a message handler that
     loops is stopped like any plan code */
  const refusal more[] = {
      {"local a = per_household(1)\na.vnd = 2\n", 1, "an amount cannot be changed (its 'vnd')"},
      {"assert(getmetatable(per_household(1)) == false)\n"
       "assert(getmetatable(select(2, pcall(string.rep, 'x', 2^40))) == false)\nerror('hidden')\n", 1,
       "plan.lua:3: hidden"},
      {"local function f(s) return (s:gsub('.', f)) end\n\nf('ab')\n", 1, "plan.lua:1: C stack overflow"},
      {"\nlocal ok = xpcall(function() while true do end end, function(m) while true do end end)\n", 4,
       "ran too long"},
  };
  const int lines[] = {2, 3, 1, 2};
  for (size_t i = 0; i < sizeof more / sizeof more[0]; i++) assert_refused(&more[i], lines[i]);
}

/* A plan or module file as lua reads one: a byte-order mark and a #! line are skipped;
** a require cycle, a pipe or a device named as a module is a plain error. */
static void plan_files_are_read_as_lua_reads_them(void **state) {
  const refusal bom = {"\xEF\xBB\xBF#!/usr/bin/env kehoach\nlocal x = 1\nerror('third line')\n", 1,
                       "third line"};
  assert_refused(&bom, 3);
  char *dir = kh_tmpdir();
  char *a = kh_path(dir, "moda.lua"), *b = kh_path(dir, "modb.lua"), *plan = kh_path(dir, "plan.lua");
  char *fifo = kh_path(dir, "pipe.lua");
  kh_write_file(a, "return require \"modb\"\n");
  kh_write_file(b, "return require \"moda\"\n");
  kh_write_file(plan, "local m = require \"moda\"\n");
  const char *args[] = {"check", "plan.lua", NULL};
  kh_result r = kh_run_in(dir, args);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.err, "plan.lua:1: require: 'moda' is still being loaded: two modules require each other"));
  kh_result_free(&r);
  assert_int_equal(mkfifo(fifo, 0600), 0);
  kh_write_file(plan, "local m = require \"pipe\"\n");
  r = kh_run_in(dir, args);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "pipe.lua: not a file (a folder, a device or a pipe)"));
  kh_result_free(&r);
  free(fifo), free(plan), free(b), free(a), free(dir);
}

/* A loop whose time goes inside a string function runs few instructions: --max-time stops
** it, exit 4, with a message saying why. */
static void processor_time_is_limited(void **state) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(plan, "local s = string.rep(\"x\", 1e7)\nwhile true do local _ = s:upper() end\n");
  const char *args[] = {"check", "plan.lua", "--max-time", "2", NULL};
  kh_result r = kh_run_in(dir, args);
  assert_int_equal(r.code, 4);
  assert_non_null(strstr(r.err, "stopped after 2 s of processor time (--max-time 2)"));
  assert_non_null(strstr(r.err, "(inside one string function) ends this way\n")); /* whole, not cut */
  kh_result_free(&r);
  const char *bad[] = {"check", "plan.lua", "--max-time", "soon", NULL};
  r = kh_run_in(dir, bad);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "--max-time soon: give a whole number of seconds"));
  kh_result_free(&r);
  free(plan);
  free(dir);
}

/* A district profile is data: its code gets 5 s of processor time unless --max-time says
** otherwise (a pattern that backtracks for ever ran for ever: db commands had no limit). */
static void a_profile_is_limited_in_processor_time(void **state) {
  char *dir = kh_tmpdir();
  char *profile = kh_path(dir, "bomb.lua");
  kh_write_file(profile, "local found = (\"a\"):rep(30):find((\"a*\"):rep(30) .. \"b\")\nreturn {}\n");
  const char *given[] = {"db", "generate", "x.db", "--profile", "bomb.lua", "--max-time", "1", NULL};
  kh_result r = kh_run_in(dir, given);
  assert_int_equal(r.code, 4);
  assert_non_null(strstr(r.err, "stopped after 1 s of processor time (--max-time 1)"));
  kh_result_free(&r);
  char bin[4096];
  snprintf(bin, sizeof bin, "%s", kh_bin());
  if (bin[0] != '/') {
    char here[2048];
    snprintf(bin, sizeof bin, "%s/%s", getcwd(here, sizeof here), kh_bin());
  }
  const char *by_default[] = {bin, "db", "generate", "x.db", "--profile", "bomb.lua", NULL};
  r = kh_exec(dir, by_default, 120); /* killed (137) if nothing stops it */
  assert_int_equal(r.code, 4);
  assert_non_null(strstr(r.err, "the profile bomb.lua was stopped after 5 s of processor time"));
  char *db = kh_path(dir, "x.db");
  assert_false(kh_exists(db));
  free(db);
  kh_result_free(&r);
  const char *help[] = {"--help", NULL};
  r = kh_run(help);
  assert_non_null(strstr(r.out, "by default a command running a plan gets 60 s and 60 s more per 100 MB"));
  kh_result_free(&r);
  free(profile);
  free(dir);
}

static void memory_hogs_are_stopped(void **state) {
  const refusal grow = {"local t = {}\nwhile true do t[#t+1] = string.rep(\"x\", 1e6) end\n", 4,
                        "needed more memory than allowed"};
  assert_refused(&grow, 2);
  const refusal huge = {"local s = string.rep(\"x\", 2^40)\n", 4, "needed more memory than allowed"};
  assert_refused(&huge, 1);
  const refusal method = {"\nlocal s = (\"x\"):rep(2^40)\n", 4, "needed more memory than allowed"};
  assert_refused(&method, 2);
}

static void the_memory_limit_can_be_set(void **state) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  kh_write_file(plan, "local s = string.rep(\"x\", 64 * 1024 * 1024)\n" MINIMAL_PLAN);
  const char *small[] = {"check", "plan.lua", "--max-memory", "32M", NULL};
  kh_result r = kh_run_in(dir, small);
  assert_int_equal(r.code, 4);
  assert_non_null(strstr(r.err, "plan.lua:1: the plan needed more memory than allowed (32 MiB"));
  kh_result_free(&r);
  const char *big[] = {"check", "plan.lua", "--max-memory=256M", NULL};
  r = kh_run_in(dir, big);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  free(plan);
  free(dir);
}

static void a_syntax_error_is_reported_like_lua(void **state) {
  const refusal syntax = {"local a = 1\nlocal b = = 2\n", 1, "unexpected symbol near '='"};
  assert_refused(&syntax, 2);
}

static void a_missing_plan_is_a_usage_error(void **state) {
  const char *args[] = {"check", "/nonexistent/plan.lua", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "/nonexistent/plan.lua: no such plan file"));
  kh_result_free(&r);
  const char *folder[] = {"check", "plans", NULL};
  r = kh_run(folder);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "plans is a folder, not a plan file"));
  kh_result_free(&r);
}

static void verbs_not_built_say_so(void **state) {
  const char *args[] = {"sweep", "plan.lua", "--vary", "x=1:2:1", NULL};
  kh_result r = kh_run(args);
  if (r.code == 7) assert_non_null(strstr(r.err, "not built yet"));
  else assert_int_not_equal(r.code, 0); /* once built, bad input still fails */
  kh_result_free(&r);
}

/* ---- the store, through `kehoach db init` and `kehoach run` --------------------------- */

static void db_init_makes_a_registry_once(void **state) {
  char *dir = kh_tmpdir();
  const char *args[] = {"db", "init", "reg.db", NULL};
  kh_result r = kh_run_in(dir, args);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  r = kh_run_in(dir, args);
  assert_int_equal(r.code, 2);
  assert_non_null(strstr(r.err, "reg.db already exists"));
  kh_result_free(&r);
  free(dir);
}

static void a_file_that_is_not_a_registry_is_refused(void **state) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  char *junk = kh_path(dir, "junk.db");
  kh_write_file(plan, MINIMAL_PLAN);
  kh_write_file(junk, "this is not a database, just some text in a file with a .db name......"
                      "...............................................................\n");
  const char *args[] = {"run", "plan.lua", "--db", "junk.db", NULL};
  kh_result r = kh_run_in(dir, args);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "junk.db: the file is damaged or is not a database"));
  kh_result_free(&r);
  const char *missing[] = {"run", "plan.lua", "--db", "nothere.db", NULL};
  r = kh_run_in(dir, missing);
  assert_int_equal(r.code, 3);
  assert_non_null(strstr(r.err, "nothere.db: cannot open"));
  char *nothere = kh_path(dir, "nothere.db");
  assert_false(kh_exists(nothere));
  kh_result_free(&r);
  free(nothere);
  free(junk);
  free(plan);
  free(dir);
}

/* Counts rows of the runs table through the engine itself would need a verb; read the
** results database with the sqlite3 library instead. */
#include <sqlite3.h>
static int count_runs(const char *path) {
  sqlite3 *db = NULL;
  int n = -1;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
    sqlite3_stmt *st = NULL;
    if (sqlite3_prepare_v2(db, "SELECT count(*) FROM runs", -1, &st, NULL) == SQLITE_OK &&
        sqlite3_step(st) == SQLITE_ROW)
      n = sqlite3_column_int(st, 0);
    sqlite3_finalize(st);
  }
  sqlite3_close(db);
  return n;
}

static void a_run_leaves_the_registry_unchanged_and_records_itself(void **state) {
  char *dir = kh_tmpdir();
  char *plan = kh_path(dir, "plan.lua");
  char *reg = kh_path(dir, "reg.db");
  char *results = kh_path(dir, "out/results.db");
  kh_write_file(plan, MINIMAL_PLAN);
  const char *init[] = {"db", "init", "reg.db", NULL};
  kh_result r = kh_run_in(dir, init);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  sqlite3 *db = NULL;
  assert_int_equal(sqlite3_open(reg, &db), SQLITE_OK);
  assert_int_equal(sqlite3_exec(db, "INSERT INTO units VALUES ('D', 'Huyện Thử', 'district', "
                                    "'huyện', NULL, 0, 0);"
                                    "INSERT INTO units VALUES ('C', 'Xã Thử', 'commune', 'xã', 'D', 0, 0);"
                                    "INSERT INTO households(id, code, unit) VALUES (1, 'H1', 'C');"
                                    "INSERT INTO surveys(household, year, income, status) "
                                    "VALUES (1, 2020, 500000, 'poor')", NULL, NULL, NULL), SQLITE_OK);
  sqlite3_close(db);
  char *before = kh_sha256(reg);
  const char *run[] = {"run", "plan.lua", "--db", "reg.db", NULL};
  r = kh_run_in(dir, run);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  char *after = kh_sha256(reg);
  assert_string_equal(before, after);
  assert_int_equal(count_runs(results), 1);
  /* a failing run adds nothing and keeps the earlier one */
  kh_write_file(plan, MINIMAL_PLAN "error(\"broken plan\")\n");
  r = kh_run_in(dir, run);
  assert_int_equal(r.code, 1);
  assert_non_null(strstr(r.err, "plan.lua:2: broken plan"));
  kh_result_free(&r);
  assert_int_equal(count_runs(results), 1);
  free(before);
  free(after);
  free(results);
  free(reg);
  free(plan);
  free(dir);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(help_lists_every_verb_and_exit_code),
      cmocka_unit_test(every_verb_has_help),
      cmocka_unit_test(unknown_verb_is_a_usage_error_with_a_suggestion),
      cmocka_unit_test(unknown_option_is_a_usage_error),
      cmocka_unit_test(an_option_given_twice_is_a_usage_error),
      cmocka_unit_test(an_option_without_its_value_is_a_usage_error),
      cmocka_unit_test(bad_limit_values_are_usage_errors),
      cmocka_unit_test(plans_cannot_reach_the_system),
      cmocka_unit_test(require_stays_inside_the_plan_folder_and_stdlib),
      cmocka_unit_test(require_follows_no_link_out_of_the_plan_folder),
      cmocka_unit_test(require_loads_a_module_beside_the_plan),
      cmocka_unit_test(a_scenario_base_stays_in_its_folder),
      cmocka_unit_test(an_undeclared_global_is_an_error),
      cmocka_unit_test(endless_loops_are_stopped),
      cmocka_unit_test(a_plans_own_errors_are_at_its_line),
      cmocka_unit_test(a_plan_cannot_pass_its_code_off_as_the_stdlib),
      cmocka_unit_test(processor_time_is_limited),
      cmocka_unit_test(plan_files_are_read_as_lua_reads_them),
      cmocka_unit_test(a_profile_is_limited_in_processor_time),
      cmocka_unit_test(memory_hogs_are_stopped),
      cmocka_unit_test(the_memory_limit_can_be_set),
      cmocka_unit_test(a_syntax_error_is_reported_like_lua),
      cmocka_unit_test(a_missing_plan_is_a_usage_error),
      cmocka_unit_test(verbs_not_built_say_so),
      cmocka_unit_test(db_init_makes_a_registry_once),
      cmocka_unit_test(a_file_that_is_not_a_registry_is_refused),
      cmocka_unit_test(a_run_leaves_the_registry_unchanged_and_records_itself),
  };
  return kh_finish(cmocka_run_group_tests_name("kehoach command line", tests, NULL, NULL));
}
