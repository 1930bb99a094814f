/*
** lua_fs.c — core.fs: the files kehoach reads and writes. Outputs are written to a
** temporary name beside the target and renamed into place on commit, so a reader (or a
** killed run) never sees a half-written file.
**
**   fs.read(path)            the whole file, or nil and why
**   fs.exists(path)          "file", "directory", "other", or nil
**   fs.mkdir(path)           creates path and its parents; raises an output error
**   fs.open(path)            a Writer (below)
**   fs.write(path, text)     fs.open + write + commit
**   fs.commit(files [, note])   commits each of the list in order (Writers, workbooks);
**                            then, when given, note is added to the message of any error
**                            that ends the command later (sandbox_set_note)
**   fs.sweep(dir)            removes the temporaries of Writers that died before they
**                            committed or abandoned (a killed run); returns how many
**   fs.sha256(path)          hex digest of a file, or nil and why
**   fs.sha256_string(s)      hex digest of a string
**   fs.list(dir)             the names in dir (unsorted), or nil and why
**   fs.remove(path)          removes a file or an empty folder; true, or nil and why
**   fs.rename(from, to)      moves a file into place atomically; true, or nil and why
**   fs.realpath(path)        the absolute path, or nil and why
**   fs.size(path)            bytes, or nil
**
** A Writer writes "<path>.tmp.XXXXXX" and holds an flock on it for as long as it lives,
** which is how fs.sweep tells a dead writer's file from a live one (the kernel lets go
** of the lock when the process dies):
**   w:write(...)     appends strings
**   w:finish()       flushes the file to the disk (fsync): after it, commit only renames,
**                    so what can fail (a full disk) fails before a run is recorded
**   w:commit()       finishes when needed, then renames the file into place
**   w:abort()        removes the temporary file
** A Writer neither committed nor abandoned is removed when closed or collected.
*/
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <sha2.h>

#include <lauxlib.h>

#include "modules.h"
#include "sandbox.h"

#define WRITER_MT "kehoach.Writer"
#define TMP_SUFFIX ".tmp.XXXXXX"  /* mkstemp's template, after the target's name */

typedef struct Writer {
  FILE *f;      /* NULL once committed or aborted; its descriptor holds the flock */
  char *tmp;    /* the temporary file, malloc'ed */
  char *target; /* the final name, malloc'ed */
  int finished; /* flushed to the disk: only the rename is left */
} Writer;

static int fail_errno(lua_State *L, const char *what) {
  luaL_pushfail(L);
  lua_pushfstring(L, "%s: %s", what, strerror(errno));
  return 2;
}

/* Calls f(resource) in protected mode: what Lua allocates while a file or folder is open
** (and may fail for want of memory) never leaves it open. Leaves f's one result, or the
** error; returns the status. Pushes nothing that allocates before the call. */
static int with_open(lua_State *L, lua_CFunction f, void *resource) {
  lua_pushcfunction(L, f);
  lua_pushlightuserdata(L, resource);
  return lua_pcall(L, 1, 1, 0);
}

/* Protected: [FILE] -> its bytes to the end. */
static int read_rest(lua_State *L) {
  FILE *f = lua_touserdata(L, 1);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  size_t n;
  do {
    char *p = luaL_prepbuffer(&b);
    n = fread(p, 1, LUAL_BUFFERSIZE, f);
    luaL_addsize(&b, n);
  } while (n == LUAL_BUFFERSIZE);
  luaL_pushresult(&b);
  return 1;
}

static int l_read(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  FILE *f = fopen(path, "rb");
  if (f == NULL) return fail_errno(L, path);
  int status = with_open(L, read_rest, f);
  int bad = ferror(f);
  int saved = errno;
  fclose(f);
  if (status != LUA_OK) return lua_error(L);
  errno = saved;
  if (bad) return fail_errno(L, path);
  return 1;
}

static int l_exists(lua_State *L) {
  struct stat st;
  if (stat(luaL_checkstring(L, 1), &st) != 0) {
    lua_pushnil(L);
  } else {
    lua_pushstring(L, S_ISREG(st.st_mode) ? "file" : S_ISDIR(st.st_mode) ? "directory" : "other");
  }
  return 1;
}

static int l_size(lua_State *L) {
  struct stat st;
  if (stat(luaL_checkstring(L, 1), &st) != 0) lua_pushnil(L);
  else lua_pushinteger(L, (lua_Integer)st.st_size);
  return 1;
}

static int l_mkdir(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  char buf[PATH_MAX];
  if (strlen(path) >= sizeof buf) return sandbox_raise(L, KH_EOUTPUT, "%s: path too long", path);
  strcpy(buf, path);
  for (char *p = buf + 1;; p++) {
    if (*p == '/' || *p == '\0') {
      char c = *p;
      *p = '\0';
      if (mkdir(buf, 0777) != 0 && errno != EEXIST)
        return sandbox_raise(L, KH_EOUTPUT, "cannot create the folder %s: %s", buf, strerror(errno));
      struct stat st;
      if (stat(buf, &st) != 0 || !S_ISDIR(st.st_mode))
        return sandbox_raise(L, KH_EOUTPUT, "cannot create the folder %s: a file is in the way", buf);
      *p = c;
      if (c == '\0') break;
    }
  }
  return 0;
}

/* ---- Writer ---------------------------------------------------------------------------- */

/* Closes and removes the temporary file, if any, and frees the names. Idempotent. */
static int writer_abort(Writer *w) {
  if (w->f) {
    unlink(w->tmp); /* before fclose lets go of the lock: fs.sweep never races us */
    fclose(w->f);
    w->f = NULL;
  }
  free(w->tmp);
  free(w->target);
  w->tmp = w->target = NULL;
  return 0;
}

static Writer *check_writer(lua_State *L, int i) {
  Writer *w = luaL_checkudata(L, i, WRITER_MT);
  if (w->f == NULL) luaL_error(L, "the file has already been committed or abandoned");
  return w;
}

/* Raises an output error for w's file with errno saved, after abandoning it. */
static int writer_fail(lua_State *L, Writer *w, int saved) {
  char target[PATH_MAX];
  snprintf(target, sizeof target, "%s", w->target);
  writer_abort(w);
  if (saved == ENOSPC || saved == EDQUOT)
    return sandbox_raise(L, KH_EOUTPUT, "cannot write %s: the disk is full (%s); free some space "
                         "and run again", target, strerror(saved));
  return sandbox_raise(L, KH_EOUTPUT, "cannot write %s: %s", target, strerror(saved));
}

/* fs.open(path) -> Writer. The Writer is made closed, then opened, so a failed
** allocation cannot leak the file. Stack: [-1, +1, e]. */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  Writer *w = lua_newuserdatauv(L, sizeof *w, 0);
  w->f = NULL;
  w->tmp = w->target = NULL;
  w->finished = 0;
  luaL_setmetatable(L, WRITER_MT);
  size_t n = strlen(path);
  w->target = strdup(path);
  w->tmp = malloc(n + sizeof TMP_SUFFIX);
  if (w->target == NULL || w->tmp == NULL) return luaL_error(L, "out of memory");
  memcpy(w->tmp, path, n);
  memcpy(w->tmp + n, TMP_SUFFIX, sizeof TMP_SUFFIX);
  int fd = mkstemp(w->tmp);
  if (fd < 0) return sandbox_raise(L, KH_EOUTPUT, "cannot write %s: %s", path, strerror(errno));
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  if (flock(fd, LOCK_EX | LOCK_NB) != 0 || (w->f = fdopen(fd, "wb")) == NULL) {
    int saved = errno;
    unlink(w->tmp);
    close(fd);
    return sandbox_raise(L, KH_EOUTPUT, "cannot write %s: %s", path, strerror(saved));
  }
  return 1;
}

static int l_writer_write(lua_State *L) {
  Writer *w = check_writer(L, 1);
  if (w->finished) return luaL_error(L, "%s: written after finish", w->target);
  int n = lua_gettop(L);
  for (int i = 2; i <= n; i++) {
    size_t len;
    const char *s = luaL_checklstring(L, i, &len);
    if (fwrite(s, 1, len, w->f) != len) return writer_fail(L, w, errno);
  }
  lua_settop(L, 1);
  return 1;
}

/* Flushes w to the disk; 0, or errno (w is then abandoned by the caller). */
static int writer_finish(Writer *w) {
  if (w->finished) return 0;
  if (fflush(w->f) != 0 || ferror(w->f) || fsync(fileno(w->f)) != 0) return errno ? errno : EIO;
  w->finished = 1;
  return 0;
}

static int l_writer_finish(lua_State *L) {
  Writer *w = check_writer(L, 1);
  int e = writer_finish(w);
  if (e) return writer_fail(L, w, e);
  return 0;
}

/* Finishes w when needed and renames it into place; 0, or errno. Allocates nothing. */
static int writer_commit(Writer *w) {
  int e = writer_finish(w);
  if (e == 0 && rename(w->tmp, w->target) != 0) e = errno;
  if (e) return e;
  fclose(w->f); /* the file is in place: its lock goes with it */
  w->f = NULL;
  writer_abort(w); /* frees the names */
  return 0;
}

static int l_writer_commit(lua_State *L) {
  Writer *w = check_writer(L, 1);
  int e = writer_commit(w);
  if (e) return writer_fail(L, w, e);
  return 0;
}

static int l_writer_abort(lua_State *L) {
  return writer_abort(luaL_checkudata(L, 1, WRITER_MT));
}

/* fs.commit(files [, note]): each of the list in order — a Writer, or any object with a
** commit method (a workbook) — then the note. Writers are checked before anything is
** renamed, so a spent one moves no file. */
static int l_commit(lua_State *L) {
  luaL_checktype(L, 1, LUA_TTABLE);
  const char *note = luaL_optstring(L, 2, NULL);
  lua_Integer n = (lua_Integer)lua_rawlen(L, 1);
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, 1, i);
    if (luaL_testudata(L, -1, WRITER_MT)) check_writer(L, -1);
    else if (lua_getfield(L, -1, "commit") != LUA_TFUNCTION)
      return luaL_error(L, "fs.commit: element %d has no commit method", (int)i);
    else lua_pop(L, 1);
    lua_pop(L, 1);
  }
  for (lua_Integer i = 1; i <= n; i++) {
    lua_rawgeti(L, 1, i);
    Writer *w = luaL_testudata(L, -1, WRITER_MT);
    if (w) {
      int e = writer_commit(w);
      if (e) return writer_fail(L, w, e);
    } else {
      lua_getfield(L, -1, "commit");
      lua_insert(L, -2);
      lua_call(L, 1, 0);
      continue;
    }
    lua_pop(L, 1);
  }
  if (note) sandbox_set_note(sandbox_of(L), note);
  return 0;
}

static int l_write(lua_State *L) {
  luaL_checkstring(L, 2);
  lua_settop(L, 2);
  lua_pushcfunction(L, l_open);
  lua_pushvalue(L, 1);
  lua_call(L, 1, 1); /* 3: writer */
  lua_pushcfunction(L, l_writer_write);
  lua_pushvalue(L, 3);
  lua_pushvalue(L, 2);
  lua_call(L, 2, 0);
  lua_pushcfunction(L, l_writer_commit);
  lua_pushvalue(L, 3);
  lua_call(L, 1, 0);
  return 0;
}

/* A name a Writer's temporary could have: anything, ".tmp.", six letters or digits. */
static int is_temporary(const char *name) {
  size_t n = strlen(name), k = sizeof TMP_SUFFIX - 1;
  if (n <= k || strncmp(name + n - k, ".tmp.", 5) != 0) return 0;
  for (const char *p = name + n - 6; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9'))) return 0;
  return 1;
}

/* fs.sweep(dir) -> how many temporaries of dead Writers it removed. A temporary whose
** lock can be taken has no Writer left; one that is locked belongs to a live one (another
** kehoach writing there now) and stays. */
static int l_sweep(lua_State *L) {
  const char *dir = luaL_checkstring(L, 1);
  DIR *d = opendir(dir);
  lua_Integer removed = 0;
  if (d == NULL) {
    lua_pushinteger(L, 0);
    return 1;
  }
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (!is_temporary(e->d_name)) continue;
    char path[PATH_MAX];
    if (snprintf(path, sizeof path, "%s/%s", dir, e->d_name) >= (int)sizeof path) continue;
    int fd = open(path, O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) continue;
    struct stat st;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && flock(fd, LOCK_EX | LOCK_NB) == 0 &&
        unlink(path) == 0)
      removed++;
    close(fd);
  }
  closedir(d);
  lua_pushinteger(L, removed);
  return 1;
}

/* ---- digests, folders ---------------------------------------------------------------------- */

static int l_sha256(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  FILE *f = fopen(path, "rb");
  if (f == NULL) return fail_errno(L, path);
  SHA2_CTX ctx;
  SHA256Init(&ctx);
  unsigned char buf[1 << 16];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, f)) > 0) SHA256Update(&ctx, buf, n);
  int bad = ferror(f);
  fclose(f);
  if (bad) return fail_errno(L, path);
  char hex[SHA256_DIGEST_STRING_LENGTH];
  SHA256End(&ctx, hex);
  lua_pushstring(L, hex);
  return 1;
}

static int l_sha256_string(lua_State *L) {
  size_t len;
  const char *s = luaL_checklstring(L, 1, &len);
  char hex[SHA256_DIGEST_STRING_LENGTH];
  SHA256Data((const unsigned char *)s, len, hex);
  lua_pushstring(L, hex);
  return 1;
}

/* Protected: [DIR] -> its names but . and .. */
static int list_names(lua_State *L) {
  DIR *d = lua_touserdata(L, 1);
  lua_newtable(L);
  int i = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    lua_pushstring(L, e->d_name);
    lua_rawseti(L, -2, ++i);
  }
  return 1;
}

static int l_list(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  DIR *d = opendir(path);
  if (d == NULL) return fail_errno(L, path);
  int status = with_open(L, list_names, d);
  closedir(d);
  if (status != LUA_OK) return lua_error(L);
  return 1;
}

static int l_remove(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  if (remove(path) != 0) return fail_errno(L, path);
  lua_pushboolean(L, 1);
  return 1;
}

/* fs.rename(from, to): moves a file into place in one step (same file system); true, or
** nil and why. For outputs built under a temporary name that are not text (databases). */
static int l_rename(lua_State *L) {
  const char *from = luaL_checkstring(L, 1);
  const char *to = luaL_checkstring(L, 2);
  if (rename(from, to) != 0) return fail_errno(L, to);
  lua_pushboolean(L, 1);
  return 1;
}

static int l_realpath(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  char buf[PATH_MAX];
  if (realpath(path, buf) == NULL) return fail_errno(L, path);
  lua_pushstring(L, buf);
  return 1;
}

static const luaL_Reg writer_methods[] = {
    {"write", l_writer_write},   {"finish", l_writer_finish}, {"commit", l_writer_commit},
    {"abort", l_writer_abort},   {NULL, NULL}};

static const luaL_Reg fs_funcs[] = {
    {"read", l_read},     {"exists", l_exists},           {"mkdir", l_mkdir},
    {"open", l_open},     {"write", l_write},             {"sha256", l_sha256},
    {"sha256_string", l_sha256_string}, {"list", l_list}, {"remove", l_remove},
    {"rename", l_rename}, {"realpath", l_realpath}, {"size", l_size},
    {"commit", l_commit}, {"sweep", l_sweep},       {NULL, NULL}};

int luaopen_kehoach_fs(lua_State *L) {
  modules_new_class(L, WRITER_MT, writer_methods, l_writer_abort);
  luaL_newlib(L, fs_funcs);
  return 1;
}
