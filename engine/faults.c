/*
** faults.c — the allocation counter of the fault-injection build (see faults.h). SQLite's
** default memory methods are kept and wrapped: a failing call returns NULL as the system
** allocator would, without calling them.
*/
#include "faults.h"

#ifdef KEHOACH_FAULTS

#include <stdio.h>
#include <stdlib.h>

#include <sqlite3.h>

static long long counted;   /* allocations so far, Lua's and SQLite's */
static long long fail_at;   /* the first to fail; 0: none */
static int once;            /* fail only fail_at itself */
static int stopped;
static int reached;         /* an allocation was made to fail */
static sqlite3_mem_methods sqlite_default;

int faults_fail(void) {
  counted++;
  if (stopped || fail_at <= 0 || counted < fail_at || (once && counted > fail_at)) return 0;
  reached = 1;
  return 1;
}

static void *fault_malloc(int n) { return faults_fail() ? NULL : sqlite_default.xMalloc(n); }

static void *fault_realloc(void *p, int n) {
  return faults_fail() ? NULL : sqlite_default.xRealloc(p, n);
}

void faults_setup(void) {
  const char *at = getenv("KEHOACH_FAIL_AT");
  const char *one = getenv("KEHOACH_FAIL_ONCE");
  fail_at = at ? atoll(at) : 0;
  once = one && *one == '1';
  sqlite3_mem_methods m;
  if (sqlite3_config(SQLITE_CONFIG_GETMALLOC, &sqlite_default) != SQLITE_OK) abort();
  m = sqlite_default;
  m.xMalloc = fault_malloc;
  m.xRealloc = fault_realloc;
  if (sqlite3_config(SQLITE_CONFIG_MALLOC, &m) != SQLITE_OK) abort();
}

void faults_stop(void) { stopped = 1; }

void faults_report(void) {
  fprintf(stderr, "kehoach-faults: %lld allocations; failing from %lld: %s\n", counted, fail_at,
          reached ? "reached" : "not reached");
}

#else
typedef int faults_not_built; /* ISO C wants something in a translation unit */
#endif
