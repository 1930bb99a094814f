/*
** harness.h — what the cmocka test programs share: a scratch folder, files in and out,
** a file's sha256, and running the built kehoach with its output captured. Scratch
** folders go at the end when every test passed (KEHOACH_KEEP_TMP=1 keeps them).
**
** The Makefile sets KEHOACH_BIN (the program under test) and KEHOACH_REGISTRY (the
** default registry); tests run from the repository's top folder.
*/
#ifndef KEHOACH_TEST_HARNESS_H
#define KEHOACH_TEST_HARNESS_H

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <spawn.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sha2.h>

extern char **environ;

/* The scratch folders kh_tmpdir made, which kh_finish removes when every test passed. */
static char **kh_scratch;
static size_t kh_scratch_n, kh_scratch_cap;

/* A new empty folder under /tmp; the caller frees the name. It is removed at the end when
** every test of the program passed (kh_finish), and left for inspection when one failed. */
static inline char *kh_tmpdir(void) {
  char *dir = strdup("/tmp/kehoach-test-XXXXXX");
  if (dir == NULL || mkdtemp(dir) == NULL) {
    perror("mkdtemp");
    abort();
  }
  if (kh_scratch_n == kh_scratch_cap) {
    kh_scratch_cap = kh_scratch_cap ? 2 * kh_scratch_cap : 16;
    kh_scratch = realloc(kh_scratch, kh_scratch_cap * sizeof *kh_scratch);
    if (kh_scratch == NULL) abort();
  }
  kh_scratch[kh_scratch_n++] = strdup(dir);
  return dir;
}

static inline int kh_remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw) {
  (void)st, (void)flag, (void)ftw;
  remove(path);
  return 0;
}

/* Removes a scratch folder and all in it (only what kh_tmpdir made; never across into a
** file system mounted inside it). */
static inline void kh_remove_tree(const char *dir) {
  if (strncmp(dir, "/tmp/kehoach-test-", 18) != 0) return;
  nftw(dir, kh_remove_entry, 16, FTW_DEPTH | FTW_PHYS | FTW_MOUNT);
}

/* A test program's exit status: the number of tests failed (cmocka's), after removing
** every scratch folder when none failed; with KEHOACH_KEEP_TMP set, they are kept. */
static inline int kh_finish(int failed) {
  int clean = failed == 0 && getenv("KEHOACH_KEEP_TMP") == NULL;
  for (size_t i = 0; i < kh_scratch_n; i++) {
    if (clean) kh_remove_tree(kh_scratch[i]);
    free(kh_scratch[i]);
  }
  free(kh_scratch);
  kh_scratch = NULL, kh_scratch_n = kh_scratch_cap = 0;
  return failed;
}

/* Joins a folder and a name into a malloc'ed path. */
static inline char *kh_path(const char *dir, const char *name) {
  size_t n = strlen(dir) + strlen(name) + 2;
  char *p = malloc(n);
  snprintf(p, n, "%s/%s", dir, name);
  return p;
}

static inline void kh_write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "wb");
  if (f == NULL || fputs(text, f) < 0 || fclose(f) != 0) {
    perror(path);
    abort();
  }
}

/* The whole file, NUL-terminated, malloc'ed; NULL when it cannot be read. */
static inline char *kh_read_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return NULL;
  size_t cap = 4096, n = 0, got;
  char *buf = malloc(cap);
  while ((got = fread(buf + n, 1, cap - n - 1, f)) > 0) {
    n += got;
    if (n + 1 == cap) buf = realloc(buf, cap *= 2);
  }
  fclose(f);
  buf[n] = '\0';
  return buf;
}

static inline int kh_exists(const char *path) {
  struct stat st;
  return stat(path, &st) == 0;
}

/* The sha256 of a file as hex, malloc'ed; NULL when unreadable. */
static inline char *kh_sha256(const char *path) {
  char *hex = malloc(SHA256_DIGEST_STRING_LENGTH);
  if (SHA256File(path, hex) == NULL) {
    free(hex);
    return NULL;
  }
  return hex;
}

/* The program under test. */
static inline const char *kh_bin(void) {
  const char *bin = getenv("KEHOACH_BIN");
  return bin && *bin ? bin : "./kehoach";
}

/* The default registry made by `make`. */
static inline const char *kh_registry(void) {
  const char *r = getenv("KEHOACH_REGISTRY");
  return r && *r ? r : "data/registry.db";
}

typedef struct kh_result {
  int code;  /* exit code, or 128 + signal */
  char *out; /* stdout, malloc'ed */
  char *err; /* stderr, malloc'ed */
} kh_result;

static inline void kh_result_free(kh_result *r) {
  free(r->out);
  free(r->err);
  r->out = r->err = NULL;
}

/* Runs the program argv[0] (a path) with the NULL-terminated argv, in folder cwd (NULL:
** here), and waits for it; with seconds > 0 its whole process group is killed when it
** runs longer (the result's code is then 128 + SIGKILL). */
static inline kh_result kh_exec(const char *cwd, const char *const argv[], int seconds) {
  kh_result r = {0, NULL, NULL};
  char *dir = kh_tmpdir();
  char *out_path = kh_path(dir, "out"), *err_path = kh_path(dir, "err");
  pid_t pid = fork();
  if (pid == 0) {
    int o = open(out_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    int e = open(err_path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
    dup2(o, 1);
    dup2(e, 2);
    if (seconds > 0) setpgid(0, 0);
    if (cwd && chdir(cwd) != 0) _exit(99);
    execv(argv[0], (char *const *)argv);
    _exit(98);
  }
  int status = 0;
  if (seconds > 0) {
    for (int waited = 0; waitpid(pid, &status, WNOHANG) == 0; waited++) {
      if (waited >= seconds * 10) {
        kill(-pid, SIGKILL);
        waitpid(pid, &status, 0);
        break;
      }
      usleep(100000);
    }
  } else {
    waitpid(pid, &status, 0);
  }
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = kh_read_file(out_path);
  r.err = kh_read_file(err_path);
  unlink(out_path);
  unlink(err_path);
  rmdir(dir);
  free(out_path);
  free(err_path);
  free(dir);
  return r;
}

/* Runs kehoach with the NULL-terminated arguments (after the program name), in folder
** cwd (NULL: here), and waits for it. */
static inline kh_result kh_run_in(const char *cwd, const char *const args[]) {
  const char *argv[64];
  int n = 0;
  char bin[4096];
  if (kh_bin()[0] != '/' && cwd) {
    char here[2048];
    snprintf(bin, sizeof bin, "%s/%s", getcwd(here, sizeof here), kh_bin());
  } else {
    snprintf(bin, sizeof bin, "%s", kh_bin());
  }
  argv[n++] = bin;
  for (; args[n - 1] && n < 63; n++) argv[n] = args[n - 1];
  argv[n] = NULL;
  return kh_exec(cwd, argv, 0);
}

static inline kh_result kh_run(const char *const args[]) { return kh_run_in(NULL, args); }

/* For cmocka tests: args runs, exits 0, and prints nothing at all (--quiet). A macro, so
** that this header needs no cmocka. */
#define KH_ASSERT_SILENT(args)                \
  do {                                        \
    kh_result silent_ = kh_run(args);         \
    assert_int_equal(silent_.code, 0);        \
    assert_string_equal(silent_.out, "");     \
    assert_string_equal(silent_.err, "");     \
    kh_result_free(&silent_);                 \
  } while (0)

/* Runs `kehoach run plan` on the default registry with its outputs (dir/<plan-id>/) and
** its results database (dir/results.db) in dir. Returns 0, or -1 after saying why on
** stderr: for the set-up of a group of tests that read what the run wrote. */
static inline int kh_run_plan(const char *plan, const char *dir) {
  char *results = kh_path(dir, "results.db");
  const char *args[] = {"run", plan, "--db", kh_registry(), "--out", dir, "--results", results, NULL};
  kh_result r = kh_run(args);
  free(results);
  if (r.code != 0) fprintf(stderr, "kehoach run %s exited %d:\n%s", plan, r.code, r.err);
  int code = r.code == 0 ? 0 : -1;
  kh_result_free(&r);
  return code;
}

/* The headless browser: $KEHOACH_CHROMIUM, or chromium / chromium-browser / google-chrome
** on PATH, written into out (n bytes). Returns 1 when found, 0 when there is none. */
static inline int kh_find_chromium(char *out, size_t n) {
  const char *env = getenv("KEHOACH_CHROMIUM");
  if (env && *env) {
    snprintf(out, n, "%s", env);
    return access(out, X_OK) == 0;
  }
  const char *names[] = {"chromium", "chromium-browser", "google-chrome", NULL};
  const char *path = getenv("PATH");
  if (path == NULL) return 0;
  for (int i = 0; names[i]; i++) {
    char *dirs = strdup(path), *save = NULL;
    for (char *d = strtok_r(dirs, ":", &save); d; d = strtok_r(NULL, ":", &save)) {
      snprintf(out, n, "%s/%s", d, names[i]);
      if (access(out, X_OK) == 0) {
        free(dirs);
        return 1;
      }
    }
    free(dirs);
  }
  return 0;
}

#endif
