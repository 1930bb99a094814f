/*
** runs.h — what the hardening tests (kill, concurrency, failures, faults walk) check after
** a run was failed, killed or raced, and how they start runs in the background:
**
**   kh_spawn         kehoach started in a folder, with extra environment, stderr to a file
**   kh_wait          its exit code (128 + signal when killed)
**   kh_copy          a file copied; kh_remove_tree: a scratch folder removed
**   kh_mount_or_skip a small tmpfs (a disk that fills up, or is read-only), where allowed
**   kh_results_look  the results database: integrity_check, runs, runs that are not whole
**   kh_outputs_look  out/<plan-id>/: files missing, files that differ from a complete
**                    run's, temporaries left by killed runs, anything else
**
** A run is whole when its row has a summary and it has as many allocations, figures and
** checks as a complete run of the same plan (kh_shape, read from a database holding one).
*/
#ifndef KEHOACH_TEST_RUNS_H
#define KEHOACH_TEST_RUNS_H

#include <dirent.h>
#include <sys/mount.h>

#include <sqlite3.h>

#include "harness.h"

/* Starts the kehoach under test in cwd with args (NULL-terminated, after the program
** name); env: NULL or NULL-terminated "NAME=value" strings added to the environment;
** stdout goes to /dev/null and stderr to err_path (a path relative to cwd, or absolute). */
static inline pid_t kh_spawn(const char *cwd, const char *const args[], const char *const env[],
                             const char *err_path) {
  char bin[4096];
  if (kh_bin()[0] != '/') {
    char here[2048];
    snprintf(bin, sizeof bin, "%s/%s", getcwd(here, sizeof here), kh_bin());
  } else {
    snprintf(bin, sizeof bin, "%s", kh_bin());
  }
  const char *argv[64];
  int n = 0;
  argv[n++] = bin;
  while (n < 63 && args[n - 1]) {
    argv[n] = args[n - 1];
    n++;
  }
  argv[n] = NULL;
  pid_t pid = fork();
  if (pid == 0) {
    for (int i = 0; env && env[i]; i++) putenv((char *)env[i]);
    if (cwd && chdir(cwd) != 0) _exit(97);
    int o = open("/dev/null", O_WRONLY);
    int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(o, 1);
    dup2(e, 2);
    execv(bin, (char *const *)argv);
    _exit(98);
  }
  if (pid < 0) {
    perror("fork");
    abort();
  }
  return pid;
}

static inline int kh_wait(pid_t pid) {
  int status = 0;
  while (waitpid(pid, &status, 0) < 0 && errno == EINTR) {}
  return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Copies a file; 0, or -1 when it cannot be read or written. */
static inline int kh_copy(const char *from, const char *to) {
  FILE *in = fopen(from, "rb");
  if (in == NULL) return -1;
  FILE *out = fopen(to, "wb");
  if (out == NULL) {
    fclose(in);
    return -1;
  }
  char buf[1 << 16];
  size_t n;
  int bad = 0;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0) bad |= fwrite(buf, 1, n, out) != n;
  bad |= ferror(in);
  fclose(in);
  bad |= fclose(out) != 0;
  return bad ? -1 : 0;
}

/* Mounts a tmpfs of the given options on dir; 0, or -1 after a notice that the test is
** skipped, and why (mounting needs root, and a container may not allow it). The caller
** unmounts it (umount2(dir, MNT_DETACH)) before any assertion can fail. */
static inline int kh_mount_or_skip(const char *dir, unsigned long flags, const char *options) {
  mkdir(dir, 0777);
  if (mount("tmpfs", dir, "tmpfs", flags, options) == 0) return 0;
  printf("[  NOTICE  ] cannot mount a tmpfs on %s (%s): skipped; run as root where mounting "
         "is allowed to test it\n", dir, strerror(errno));
  return -1;
}

/* One integer from a query; -1 when it fails. */
static inline long long kh_query(sqlite3 *db, const char *sql) {
  sqlite3_stmt *st = NULL;
  long long v = -1;
  if (sqlite3_prepare_v2(db, sql, -1, &st, NULL) == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW)
    v = sqlite3_column_int64(st, 0);
  sqlite3_finalize(st);
  return v;
}

typedef struct kh_shape {
  long long allocations, figures, checks; /* rows of one complete run */
} kh_shape;

typedef struct kh_results {
  char integrity[128]; /* what PRAGMA integrity_check said ("ok") */
  long long runs;      /* rows in runs */
  long long broken;    /* runs that are not whole, and rows that belong to no run */
} kh_results;

/* The shape of run id `run` in the results database at path. */
static inline kh_shape kh_shape_of(const char *path, long long run) {
  kh_shape s = {-1, -1, -1};
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READONLY, NULL) == SQLITE_OK) {
    char sql[160];
    snprintf(sql, sizeof sql, "SELECT count(*) FROM allocations WHERE run = %lld", run);
    s.allocations = kh_query(db, sql);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM figures WHERE run = %lld", run);
    s.figures = kh_query(db, sql);
    snprintf(sql, sizeof sql, "SELECT count(*) FROM checks WHERE run = %lld", run);
    s.checks = kh_query(db, sql);
  }
  sqlite3_close(db);
  return s;
}

/* Looks at the results database at path, opened read-write as kehoach would (so a
** killed writer's WAL is recovered), every run held against shape. */
static inline kh_results kh_results_look(const char *path, const kh_shape *shape) {
  kh_results r = {"cannot open", -1, -1};
  sqlite3 *db = NULL;
  if (sqlite3_open_v2(path, &db, SQLITE_OPEN_READWRITE, NULL) != SQLITE_OK) {
    sqlite3_close(db);
    return r;
  }
  sqlite3_busy_timeout(db, 10000);
  sqlite3_stmt *st = NULL;
  snprintf(r.integrity, sizeof r.integrity, "%s", "no answer");
  if (sqlite3_prepare_v2(db, "PRAGMA integrity_check", -1, &st, NULL) == SQLITE_OK &&
      sqlite3_step(st) == SQLITE_ROW)
    snprintf(r.integrity, sizeof r.integrity, "%s", (const char *)sqlite3_column_text(st, 0));
  sqlite3_finalize(st);
  r.runs = kh_query(db, "SELECT count(*) FROM runs");
  char sql[1024];
  snprintf(sql, sizeof sql,
           "SELECT (SELECT count(*) FROM runs r WHERE r.summary IS NULL"
           "  OR (SELECT count(*) FROM allocations a WHERE a.run = r.id) <> %lld"
           "  OR (SELECT count(*) FROM figures f WHERE f.run = r.id) <> %lld"
           "  OR (SELECT count(*) FROM checks c WHERE c.run = r.id) <> %lld)"
           " + (SELECT count(*) FROM allocations WHERE run NOT IN (SELECT id FROM runs))"
           " + (SELECT count(*) FROM figures WHERE run NOT IN (SELECT id FROM runs))"
           " + (SELECT count(*) FROM checks WHERE run NOT IN (SELECT id FROM runs))",
           shape->allocations, shape->figures, shape->checks);
  r.broken = kh_query(db, sql);
  sqlite3_close(db);
  return r;
}

typedef struct kh_outputs {
  int missing;     /* outputs not there */
  int different;   /* outputs there but not as a complete run wrote them */
  int temporaries; /* NAME.tmp.XXXXXX files a killed run left */
  int unknown;     /* anything else */
  char first_odd[512]; /* the first different or unknown name, for messages */
} kh_outputs;

/* A Writer's temporary name: anything, ".tmp.", six letters or digits. */
static inline int kh_is_temporary(const char *name) {
  size_t n = strlen(name);
  if (n <= 11 || strncmp(name + n - 11, ".tmp.", 5) != 0) return 0;
  for (const char *p = name + n - 6; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) return 0;
  return 1;
}

/* Looks at dir against the NULL-terminated output names and their sha256s. */
static inline kh_outputs kh_outputs_look(const char *dir, const char *const names[],
                                         char *const shas[]) {
  kh_outputs o = {0, 0, 0, 0, ""};
  for (int i = 0; names[i]; i++) {
    char *path = kh_path(dir, names[i]);
    char *sha = kh_sha256(path);
    if (sha == NULL) o.missing++;
    else if (strcmp(sha, shas[i]) != 0 && o.different++ == 0)
      snprintf(o.first_odd, sizeof o.first_odd, "%s", names[i]);
    free(sha);
    free(path);
  }
  DIR *d = opendir(dir);
  for (struct dirent *e; d && (e = readdir(d)) != NULL;) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    int known = 0;
    for (int i = 0; names[i]; i++) known |= strcmp(e->d_name, names[i]) == 0;
    if (known) continue;
    if (kh_is_temporary(e->d_name)) o.temporaries++;
    else if (o.unknown++ == 0 && o.different == 0)
      snprintf(o.first_odd, sizeof o.first_odd, "%s", e->d_name);
  }
  if (d) closedir(d);
  return o;
}

#define KH_MAX_OUTPUTS 32

/* The files a complete run wrote into a folder: their names (sorted, temporaries left
** out), a NULL-terminated list of them for kh_outputs_look, and their sha256s. */
typedef struct kh_files {
  int n;
  char *names[KH_MAX_OUTPUTS];
  const char *list[KH_MAX_OUTPUTS + 1];
  char *shas[KH_MAX_OUTPUTS];
} kh_files;

static inline kh_files kh_files_of(const char *dir) {
  kh_files f = {0};
  DIR *d = opendir(dir);
  for (struct dirent *e; d && (e = readdir(d)) != NULL && f.n < KH_MAX_OUTPUTS;) {
    if (e->d_name[0] == '.' || kh_is_temporary(e->d_name)) continue;
    f.names[f.n++] = strdup(e->d_name);
  }
  if (d) closedir(d);
  for (int i = 1; i < f.n; i++)
    for (int j = i; j > 0 && strcmp(f.names[j - 1], f.names[j]) > 0; j--) {
      char *t = f.names[j];
      f.names[j] = f.names[j - 1];
      f.names[j - 1] = t;
    }
  for (int i = 0; i < f.n; i++) {
    char *path = kh_path(dir, f.names[i]);
    f.shas[i] = kh_sha256(path);
    f.list[i] = f.names[i];
    free(path);
  }
  f.list[f.n] = NULL;
  return f;
}

static inline void kh_files_free(kh_files *f) {
  for (int i = 0; i < f->n; i++) {
    free(f->names[i]);
    free(f->shas[i]);
  }
  f->n = 0;
}

#endif
