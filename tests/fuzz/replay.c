/*
** replay.c — the fuzz targets without libFuzzer: feeds every file of the target's kept
** inputs (tests/fuzz/corpus/<target>/: the seeds, and each input a fuzzer once crashed on,
** kept once the bug was fixed) to LLVMFuzzerTestOneInput, in name order. `make test` runs
** one replay program per target; a bug aborts it with the harness's message, naming the
** input.
**
** Usage: replay_<target> [FILE|DIR...]   (default: tests/fuzz/corpus/<target>, and the
**        folder FUZZ_MORE_SEEDS when the target has one: plans/ for the plan target)
*/
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "harness.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);
extern const char *fuzz_input_name; /* fuzz.c names it when an input is a bug */

static int compare_strings(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Feeds one file; returns 1, or 0 when it cannot be read. */
static int replay_file(const char *path) {
  FILE *f = fopen(path, "rb");
  if (f == NULL) return 0;
  struct stat st;
  if (fstat(fileno(f), &st) != 0) {
    fclose(f);
    return 0;
  }
  size_t size = (size_t)st.st_size;
  uint8_t *data = malloc(size ? size : 1);
  size_t got = fread(data, 1, size, f);
  fclose(f);
  if (got != size) {
    free(data);
    return 0;
  }
  fuzz_input_name = path;
  LLVMFuzzerTestOneInput(data, size);
  fuzz_input_name = NULL;
  free(data);
  return 1;
}

/* Feeds every file of a folder, sorted; returns how many. */
static int replay_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (d == NULL) return -1;
  size_t n = 0, cap = 64;
  char **names = malloc(cap * sizeof *names);
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (e->d_name[0] == '.') continue;
    if (n == cap) names = realloc(names, (cap *= 2) * sizeof *names);
    names[n++] = kh_path(dir, e->d_name);
  }
  closedir(d);
  qsort(names, n, sizeof *names, compare_strings);
  int done = 0;
  for (size_t i = 0; i < n; i++) {
    done += replay_file(names[i]);
    free(names[i]);
  }
  free(names);
  return done;
}

int main(int argc, char **argv) {
#ifdef FUZZ_MORE_SEEDS
  const char *fallback[] = {"tests/fuzz/corpus/" FUZZ_TARGET, FUZZ_MORE_SEEDS};
#else
  const char *fallback[] = {"tests/fuzz/corpus/" FUZZ_TARGET};
#endif
  const char *const *inputs = argc > 1 ? (const char *const *)argv + 1 : fallback;
  int count = argc > 1 ? argc - 1 : (int)(sizeof fallback / sizeof fallback[0]), total = 0;
  for (int i = 0; i < count; i++) {
    struct stat st;
    int done = stat(inputs[i], &st) == 0 && S_ISDIR(st.st_mode) ? replay_dir(inputs[i])
                                                                 : replay_file(inputs[i]);
    if (done <= 0) {
      fprintf(stderr, "replay %s: no input in %s\n", FUZZ_TARGET, inputs[i]);
      return 1;
    }
    total += done;
  }
  printf("fuzz target %s: %d kept inputs replayed, no bug\n", FUZZ_TARGET, total);
  return 0;
}
