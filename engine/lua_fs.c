/*
** lua_fs.c — core.fs: the files kehoach reads and writes. Outputs are written to a
** temporary name beside the target and renamed into place on commit, so a reader (or a
** killed run) never sees a half-written file.
**
**   fs.read(path)            the whole file, or nil and why
**   fs.exists(path)          "file", "directory", "other", or nil
**   fs.mkdir(path)           creates path and its parents; raises an output error
**   fs.open(path)            a Writer: w:write(...), w:commit(), w:abort(); an uncommitted
**                            Writer is removed when closed or collected
**   fs.write(path, text)     fs.open + write + commit
**   fs.sha256(path)          hex digest of a file, or nil and why
**   fs.sha256_string(s)      hex digest of a string
**   fs.list(dir)             the names in dir (unsorted), or nil and why
**   fs.remove(path)          removes a file; true, or nil and why
**   fs.rename(from, to)      moves a file into place atomically; true, or nil and why
**   fs.realpath(path)        the absolute path, or nil and why
**   fs.size(path)            bytes, or nil
*/
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <unistd.h>

#include <sha2.h>

#include <lauxlib.h>

#include "modules.h"
#include "sandbox.h"

#define WRITER_MT "kehoach.Writer"

typedef struct Writer {
  FILE *f;      /* NULL once committed or aborted */
  char *tmp;    /* the temporary file, malloc'ed */
  char *target; /* the final name, malloc'ed */
} Writer;

static int fail_errno(lua_State *L, const char *what) {
  luaL_pushfail(L);
  lua_pushfstring(L, "%s: %s", what, strerror(errno));
  return 2;
}

static int l_read(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  FILE *f = fopen(path, "rb");
  if (f == NULL) return fail_errno(L, path);
  luaL_Buffer b;
  luaL_buffinit(L, &b);
  size_t n;
  do {
    char *p = luaL_prepbuffer(&b);
    n = fread(p, 1, LUAL_BUFFERSIZE, f);
    luaL_addsize(&b, n);
  } while (n == LUAL_BUFFERSIZE);
  int bad = ferror(f);
  fclose(f);
  if (bad) return fail_errno(L, path);
  luaL_pushresult(&b);
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

static int writer_abort(Writer *w) {
  if (w->f) {
    fclose(w->f);
    w->f = NULL;
    unlink(w->tmp);
  }
  free(w->tmp);
  free(w->target);
  w->tmp = w->target = NULL;
  return 0;
}

static Writer *check_writer(lua_State *L) {
  Writer *w = luaL_checkudata(L, 1, WRITER_MT);
  if (w->f == NULL) luaL_error(L, "the file has already been committed or abandoned");
  return w;
}

/* fs.open(path) -> Writer. The Writer is made closed, then opened, so a failed
** allocation cannot leak the file. Stack: [-1, +1, e]. */
static int l_open(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  Writer *w = lua_newuserdatauv(L, sizeof *w, 0);
  w->f = NULL;
  w->tmp = w->target = NULL;
  luaL_setmetatable(L, WRITER_MT);
  size_t n = strlen(path);
  w->target = strdup(path);
  w->tmp = malloc(n + 16);
  if (w->target == NULL || w->tmp == NULL) return luaL_error(L, "out of memory");
  snprintf(w->tmp, n + 16, "%s.tmp.XXXXXX", path);
  int fd = mkstemp(w->tmp);
  if (fd < 0) return sandbox_raise(L, KH_EOUTPUT, "cannot write %s: %s", path, strerror(errno));
  mode_t mask = umask(0);
  umask(mask);
  fchmod(fd, 0666 & ~mask);
  w->f = fdopen(fd, "wb");
  if (w->f == NULL) {
    close(fd);
    unlink(w->tmp);
    return sandbox_raise(L, KH_EOUTPUT, "cannot write %s: %s", path, strerror(errno));
  }
  return 1;
}

static int l_writer_write(lua_State *L) {
  Writer *w = check_writer(L);
  int n = lua_gettop(L);
  for (int i = 2; i <= n; i++) {
    size_t len;
    const char *s = luaL_checklstring(L, i, &len);
    if (fwrite(s, 1, len, w->f) != len)
      return sandbox_raise(L, KH_EOUTPUT, "cannot write %s: %s", w->target, strerror(errno));
  }
  lua_settop(L, 1);
  return 1;
}

static int l_writer_commit(lua_State *L) {
  Writer *w = check_writer(L);
  int bad = fflush(w->f) != 0 || ferror(w->f);
  int saved = errno;
  if (fclose(w->f) != 0 && !bad) {
    bad = 1;
    saved = errno;
  }
  w->f = NULL;
  if (!bad && rename(w->tmp, w->target) != 0) {
    bad = 1;
    saved = errno;
  }
  if (bad) {
    unlink(w->tmp);
    lua_pushfstring(L, "cannot write %s: %s", w->target, strerror(saved));
    writer_abort(w);
    return sandbox_raise(L, KH_EOUTPUT, "%s", lua_tostring(L, -1));
  }
  writer_abort(w); /* frees the names; the file is in place */
  return 0;
}

static int l_writer_abort(lua_State *L) {
  return writer_abort(luaL_checkudata(L, 1, WRITER_MT));
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

static int l_list(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  DIR *d = opendir(path);
  if (d == NULL) return fail_errno(L, path);
  lua_newtable(L);
  int i = 0;
  for (struct dirent *e; (e = readdir(d)) != NULL;) {
    if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0) continue;
    lua_pushstring(L, e->d_name);
    lua_rawseti(L, -2, ++i);
  }
  closedir(d);
  return 1;
}

static int l_remove(lua_State *L) {
  const char *path = luaL_checkstring(L, 1);
  if (unlink(path) != 0) return fail_errno(L, path);
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
    {"write", l_writer_write}, {"commit", l_writer_commit}, {"abort", l_writer_abort}, {NULL, NULL}};

static const luaL_Reg fs_funcs[] = {
    {"read", l_read},     {"exists", l_exists},           {"mkdir", l_mkdir},
    {"open", l_open},     {"write", l_write},             {"sha256", l_sha256},
    {"sha256_string", l_sha256_string}, {"list", l_list}, {"remove", l_remove},
    {"rename", l_rename}, {"realpath", l_realpath}, {"size", l_size},           {NULL, NULL}};

int luaopen_kehoach_fs(lua_State *L) {
  modules_new_class(L, WRITER_MT, writer_methods, l_writer_abort);
  luaL_newlib(L, fs_funcs);
  return 1;
}
