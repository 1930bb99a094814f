/*
** store.c — opening SQLite databases the way kehoach needs them, creating and checking
** the registry (schema v1, docs/registry.md) and the results database. Plain C, no Lua.
**
** Every function returns an exit code (KH_OK on success) and fills a kh_error; the caller
** owns the sqlite3 handle it opened and closes it with sqlite3_close_v2.
*/
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <time.h>
#include <unistd.h>

#include "store.h"

/* Registry schema v1: registry_schema (the SQL that makes one) and registry_tables (the
** tables one must have), generated at build time from the schema's one declaration,
** stdlib/kehoach/registry/schema.lua (scripts/schema_header.c; see the Makefile). The
** tables and columns are a contract; indexes serve the selectors and the joins a run makes. */
#include "registry_schema.h"

/* Results schema v3: one row in runs per finished run; everything else hangs off it.
** allocations: one row per household per programme, chosen, waitlisted or (under
** --budget cap) unfunded (beneficiary lists); figures: every number a run computed, by
** path ("programmes.tro_cap.cost"), so runs and scenarios can be compared in SQL;
** checks: the messages of the run; projected_households: each poor household an effect
** reaches, its status at the end of each quarter; projected_communes: poor households and
** escapes by commune and quarter. v3 added budget_mode, allocations.need, 'unfunded' and
** the two projected_ tables; v4 unit_allocations. */
static const char results_schema[] =
    "CREATE TABLE runs("
    " id INTEGER PRIMARY KEY,"
    " plan_id TEXT,"
    " plan_path TEXT NOT NULL,"
    " plan_sha256 TEXT NOT NULL,"
    " registry_path TEXT,"
    " registry_year INTEGER,"
    " standard TEXT,"
    " engine_version TEXT NOT NULL,"
    " parameters TEXT NOT NULL DEFAULT '{}',"  /* JSON: --set values and options */
    " scenario TEXT,"
    " budget_mode TEXT NOT NULL DEFAULT 'gap' CHECK (budget_mode IN ('gap','cap','prorate')),"
    " started_at TEXT NOT NULL,"
    " finished_at TEXT NOT NULL,"
    " summary TEXT);"                           /* JSON: summary.json as written */
    "CREATE TABLE checks("
    " run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " level TEXT NOT NULL CHECK (level IN ('error','warning','info')),"
    " code TEXT NOT NULL,"
    " message TEXT NOT NULL,"
    " file TEXT,"
    " line INTEGER);"
    "CREATE TABLE allocations("
    " run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " programme TEXT NOT NULL,"
    " unit TEXT NOT NULL,"                      /* the commune's registry code */
    " commune TEXT NOT NULL,"                   /* its name as the registry spells it */
    " household TEXT NOT NULL,"                 /* the household's code */
    " head TEXT,"
    " persons INTEGER NOT NULL,"
    " income INTEGER,"
    " deprivations INTEGER,"
    " rank INTEGER NOT NULL,"                   /* within the commune, by the priority */
    " status TEXT NOT NULL CHECK (status IN ('chosen','waitlisted','unfunded')),"
    " units INTEGER,"
    " amount INTEGER NOT NULL DEFAULT 0,"       /* VND paid, 0 for the waitlisted */
    " need INTEGER NOT NULL DEFAULT 0,"         /* VND before the budget mode */
    " source TEXT,"
    " period TEXT);"
    "CREATE TABLE figures("
    " run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " path TEXT NOT NULL,"
    " value,"
    " PRIMARY KEY (run, path)) WITHOUT ROWID;"
    "CREATE TABLE projected_households("
    " run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " household TEXT NOT NULL,"
    " unit TEXT NOT NULL,"
    " commune TEXT NOT NULL,"
    " status TEXT NOT NULL,"                    /* as recorded at the review */
    " income INTEGER NOT NULL,"                 /* at the review */
    " deprivations INTEGER NOT NULL,"           /* at the review, under the plan's standard */
    " q1 TEXT, q2 TEXT, q3 TEXT, q4 TEXT,"      /* the standard's status at each quarter's end */
    " income_q4 INTEGER,"                       /* projected, at the end of the year */
    " deprivations_q4 INTEGER,"
    " escaped INTEGER,"                         /* the quarter it leaves poverty, or NULL */
    " PRIMARY KEY (run, household)) WITHOUT ROWID;"
    "CREATE TABLE projected_communes("
    " run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " quarter INTEGER NOT NULL CHECK (quarter BETWEEN 1 AND 4),"
    " unit TEXT NOT NULL,"
    " commune TEXT NOT NULL,"
    " households INTEGER NOT NULL,"
    " poor INTEGER NOT NULL,"                   /* projected at the quarter's end */
    " escapes INTEGER NOT NULL,"                /* in the quarter */
    " PRIMARY KEY (run, quarter, unit)) WITHOUT ROWID;"
    "CREATE TABLE unit_allocations("          /* a fund divided among units by criteria */
    " run INTEGER NOT NULL REFERENCES runs(id) ON DELETE CASCADE,"
    " allocation TEXT NOT NULL,"                /* the allocation's name in the plan */
    " step INTEGER NOT NULL,"                   /* 1: the plan's children; 2: then_to's communes */
    " unit TEXT NOT NULL,"                      /* the unit's registry code */
    " name TEXT NOT NULL,"
    " parent TEXT,"
    " households INTEGER NOT NULL,"             /* the criteria, counted at the review */
    " poor INTEGER NOT NULL,"
    " near_poor INTEGER NOT NULL,"
    " ethnic_minority_poor INTEGER NOT NULL,"
    " difficult INTEGER NOT NULL,"              /* 0/1 for a commune; its difficult communes above */
    " score REAL NOT NULL,"
    " share REAL NOT NULL,"                     /* of the scores at its step and parent */
    " amount INTEGER NOT NULL,"                 /* VND */
    " floored INTEGER NOT NULL DEFAULT 0,"
    " excluded TEXT,"                           /* why it gets nothing: name, urban, parent */
    " PRIMARY KEY (run, allocation, step, unit)) WITHOUT ROWID;"
    "CREATE INDEX checks_run ON checks(run);"
    "CREATE INDEX allocations_run ON allocations(run, programme, unit, rank);"
    "CREATE INDEX allocations_household ON allocations(run, household);";

int store_error_code(int rc) {
  if (rc == SQLITE_READONLY_ROLLBACK) return KH_EDATA; /* a hot journal a reader cannot undo */
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED: return KH_EBUSY;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
    case SQLITE_CANTOPEN:
    case SQLITE_CONSTRAINT:
    case SQLITE_MISMATCH:
    case SQLITE_SCHEMA:
    case SQLITE_FORMAT: return KH_EDATA;
    case SQLITE_FULL:
    case SQLITE_IOERR:
    case SQLITE_READONLY:
    case SQLITE_PERM: return KH_EOUTPUT;
    case SQLITE_NOMEM: return KH_ELIMIT;
    default: return KH_EINTERNAL;
  }
}

/* The file of the first database of db (main or attached) that PRAGMA quick_check finds
** damaged, or NULL. Only on the error path: it reads every page of each database. */
static const char *damaged_file(sqlite3 *db) {
  sqlite3_stmt *list = NULL;
  const char *found = NULL;
  if (sqlite3_prepare_v2(db, "PRAGMA database_list", -1, &list, NULL) != SQLITE_OK) return NULL;
  while (found == NULL && sqlite3_step(list) == SQLITE_ROW) {
    const char *schema = (const char *)sqlite3_column_text(list, 1);
    if (schema == NULL || strcmp(schema, "temp") == 0) continue;
    char *sql = sqlite3_mprintf("PRAGMA \"%w\".quick_check(1)", schema);
    sqlite3_stmt *st = NULL;
    int rc = sql ? sqlite3_prepare_v2(db, sql, -1, &st, NULL) : SQLITE_NOMEM;
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc != SQLITE_NOMEM &&
        (rc != SQLITE_ROW || strcmp((const char *)sqlite3_column_text(st, 0), "ok") != 0))
      found = sqlite3_db_filename(db, schema);
    sqlite3_finalize(st);
    sqlite3_free(sql);
  }
  sqlite3_finalize(list);
  return found;
}

/* The error for a database that cannot be written: its file or its disk is read-only. */
static int read_only(const char *path, kh_error *err) {
  struct statvfs fs;
  int disk = statvfs(path, &fs) == 0 && (fs.f_flag & ST_RDONLY);
  return kh_seterror(err, KH_EOUTPUT, "%s cannot be written (read-only%s)", path,
                     disk ? ": the disk it is on is mounted read-only" : "");
}

/* The folder path is in, into dir (PATH_MAX): "/" for "/x", "." for "x". */
static void folder_of(const char *path, char *dir) {
  snprintf(dir, PATH_MAX, "%s", path);
  char *slash = strrchr(dir, '/');
  if (slash == dir) slash[1] = '\0';
  else if (slash) *slash = '\0';
  else snprintf(dir, PATH_MAX, ".");
}

/* 1 when path and its folder can be written. */
static int writable(const char *path) {
  char dir[PATH_MAX];
  folder_of(path, dir);
  return access(path, W_OK) == 0 && access(dir, W_OK | X_OK) == 0;
}

int store_error(sqlite3 *db, int rc, const char *display, kh_error *err) {
  if (rc == SQLITE_READONLY_ROLLBACK) {
    /* SQLite undoes the change from the journal by writing the file, which a read-only
    ** open may not: only a command that opens it for writing can */
    if (writable(display))
      return kh_seterror(err, KH_EDATA, "%s: the last change to this database was interrupted (the "
                         "program making it was stopped, or the disk was full), and %s-journal "
                         "beside it holds what must be undone first. `kehoach db check --db %s` "
                         "undoes it; then run this again", display, display, display);
    return kh_seterror(err, KH_EDATA, "%s: the last change to this database was interrupted (the "
                       "program making it was stopped, or the disk was full), and %s-journal "
                       "beside it holds what must be undone first; undoing it writes the file, "
                       "which cannot be written here: whoever may write it can undo it with "
                       "`kehoach db check --db %s`", display, display, display);
  }
  const char *msg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  /* sum() past 2^63: a plan's amounts times the households they reach */
  if (rc == SQLITE_ERROR && strcmp(msg, "integer overflow") == 0)
    return kh_seterror(err, KH_EPLAN, "the plan's amounts, times the households they reach, add up to "
                       "more đồng than kehoach can count: check the amounts");
  int code = store_error_code(rc);
  char saved[512];
  if (db && (rc & 0xff) == SQLITE_CORRUPT) {
    /* the damage may be in an attached database (the registry), not in main */
    snprintf(saved, sizeof saved, "%s", msg);
    msg = saved;
    const char *file = damaged_file(db);
    if (file && *file) display = file;
  }
  switch (rc & 0xff) {
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return kh_seterror(err, code, "%s: the database stayed in use by another program (another "
                         "kehoach, or a tool writing to it) for %g s (%s); try again when it has "
                         "finished, or wait longer with KEHOACH_BUSY_TIMEOUT=SECONDS", display,
                         store_busy_ms() / 1000.0, msg);
    case SQLITE_NOTADB:
    case SQLITE_CORRUPT:
      return kh_seterror(err, code, "%s: the file is damaged or is not a database (%s)",
                         display, msg);
    case SQLITE_IOERR:
      /* SQLite calls some writes that found no room an I/O error: the system says which */
      if (db && sqlite3_system_errno(db) != ENOSPC) {
        int e = sqlite3_system_errno(db);
        return kh_seterror(err, code, "%s: %s%s%s%s", display, msg, e ? " (" : "", e ? strerror(e) : "",
                           e ? ")" : "");
      }
      /* fall through */
    case SQLITE_FULL:
      return kh_seterror(err, code, "%s: the disk is full (%s); free some space and run again",
                         display, msg);
    case SQLITE_READONLY: return read_only(display, err);
    default: return kh_seterror(err, code, "%s: %s", display, msg);
  }
}

int store_busy_ms(void) {
  const char *env = getenv("KEHOACH_BUSY_TIMEOUT");
  if (env == NULL || *env == '\0') return STORE_BUSY_MS;
  char *end;
  double seconds = strtod(env, &end);
  if (*end != '\0' || !(seconds >= 0) || seconds > 86400) return STORE_BUSY_MS;
  return (int)(seconds * 1000);
}

/* Says why a database could not be created: most often its folder cannot be written (a
** read-only disk, no permission), which the folder itself tells better than SQLite. */
static void cannot_create(sqlite3 *h, const char *path, kh_error *err) {
  char dir[PATH_MAX];
  folder_of(path, dir);
  if (access(dir, W_OK | X_OK) != 0) {
    kh_seterror(err, KH_EOUTPUT, "%s: cannot create the database: the folder %s cannot be "
                "written (%s)", path, dir, strerror(errno));
    return;
  }
  int e = h ? sqlite3_system_errno(h) : 0;
  kh_seterror(err, KH_EOUTPUT, "%s: cannot create or open the database%s%s", path, e ? ": " : "",
              e ? strerror(e) : "");
}

/* A folder given where a database file belongs: SQLite would only say "unable to open". */
static int is_folder(const char *path) {
  struct stat st;
  return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

int store_open(const char *path, enum store_mode mode, sqlite3 **db, kh_error *err) {
  *db = NULL;
  if (is_folder(path))
    return kh_seterror(err, mode == STORE_CREATE ? KH_EOUTPUT : KH_EDATA,
                       "%s is a folder, not a database file: give the file's name (like %s/%s)", path,
                       path, mode == STORE_CREATE ? "results.db" : "registry.db");
  int flags = SQLITE_OPEN_URI | SQLITE_OPEN_NOMUTEX;
  flags |= mode == STORE_READONLY ? SQLITE_OPEN_READONLY : SQLITE_OPEN_READWRITE;
  if (mode == STORE_CREATE) flags |= SQLITE_OPEN_CREATE;
  *db = NULL;
  sqlite3 *h = NULL;
  int rc = sqlite3_open_v2(path, &h, flags, NULL);
  if (rc != SQLITE_OK) {
    if ((rc & 0xff) == SQLITE_CANTOPEN && mode == STORE_CREATE)
      cannot_create(h, path, err);
    else if ((rc & 0xff) == SQLITE_CANTOPEN)
      kh_seterror(err, KH_EDATA, "%s: cannot open: no such database file, or not readable", path);
    else
      store_error(h, rc, path, err);
    sqlite3_close_v2(h);
    return err ? err->code : KH_EDATA;
  }
  sqlite3_extended_result_codes(h, 1);
  sqlite3_busy_timeout(h, store_busy_ms());
  /* SQLite opens a file it may not write read-only without a word (a read-only disk), and
  ** a database in WAL mode then fails at its first read with "unable to open database
  ** file": a database made to be written (the results) that cannot be is an output error.
  ** ("rw" stays as SQLite has it: db check reads a read-only registry, and writes only to
  ** undo an interrupted change.) */
  if (mode == STORE_CREATE && sqlite3_db_readonly(h, "main") == 1) {
    read_only(path, err);
    sqlite3_close_v2(h);
    return KH_EOUTPUT;
  }
  rc = sqlite3_exec(h, "PRAGMA foreign_keys = ON;", NULL, NULL, NULL);
  /* reading the schema now turns "not a database" into an error here, not later */
  if (rc == SQLITE_OK) rc = sqlite3_exec(h, "SELECT count(*) FROM sqlite_schema;", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    store_error(h, rc, path, err);
    sqlite3_close_v2(h);
    return err ? err->code : KH_EDATA;
  }
  *db = h;
  return KH_OK;
}

int store_registry_hold(const char *path, sqlite3 **db, kh_error *err) {
  *db = NULL;
  for (int tries = 0;; tries++) {
    struct stat before, after;
    if (stat(path, &before) != 0)
      return kh_seterror(err, KH_EDATA, "%s: cannot open: no such database file, or not readable", path);
    sqlite3 *h = NULL;
    int code = store_open(path, STORE_READWRITE, &h, err);
    if (code != KH_OK) return code;
    /* SQLite opens a file it may not write read-only, without a word */
    if (sqlite3_db_readonly(h, "main") == 1) code = read_only(path, err);
    if (code == KH_OK) code = store_registry_check(h, "main", path, err);
    int rc = code == KH_OK ? sqlite3_exec(h, "BEGIN IMMEDIATE;", NULL, NULL, NULL) : SQLITE_OK;
    if (rc != SQLITE_OK) code = store_error(h, rc, path, err);
    if (code != KH_OK) {
      sqlite3_close_v2(h);
      return code;
    }
    /* the lock is on the file we opened: path may name another by now, moved over it by
    ** the kehoach that held the lock while we waited */
    if (stat(path, &after) == 0 && after.st_dev == before.st_dev && after.st_ino == before.st_ino) {
      *db = h;
      return KH_OK;
    }
    sqlite3_close_v2(h);
    if (tries == 100)
      return kh_seterror(err, KH_EBUSY, "%s: the file kept being replaced by another program", path);
  }
}

/* ---- one import at a time ----------------------------------------------------------- */

#define IMPORT_SUFFIX ".tmp-import"
#define IMPORT_POLL_MS 25

static int same_file(const struct stat *a, const struct stat *b) {
  return a->st_dev == b->st_dev && a->st_ino == b->st_ino;
}

/* Says why imp's temporary could not be made or locked (errno e): the folder cannot be
** written, said as the registry's or the new file's problem, since that is what the user
** named. */
static int cannot_claim(const store_import *imp, int e, kh_error *err) {
  char dir[PATH_MAX];
  folder_of(imp->path, dir);
  if (access(imp->path, F_OK) == 0) {
    if (e == EROFS) return read_only(imp->path, err);
    if (e == EACCES || e == EPERM)
      return kh_seterror(err, KH_EOUTPUT, "%s cannot be written: an import works on a copy "
                         "beside it, and the folder %s cannot be written (%s)", imp->path, dir,
                         strerror(e));
  } else if (e == EROFS || e == EACCES || e == EPERM) {
    return kh_seterror(err, KH_EOUTPUT, "%s: cannot create the database: the folder %s cannot "
                       "be written (%s)", imp->path, dir, strerror(e));
  }
  if (e == ENOSPC || e == EDQUOT)
    return kh_seterror(err, KH_EOUTPUT, "%s: the disk is full (%s); free some space and run "
                       "again", imp->path, strerror(e));
  return kh_seterror(err, KH_EOUTPUT, "%s: cannot make the import's temporary %s: %s", imp->path,
                     imp->tmp, strerror(e));
}

int store_import_begin(const char *path, int wait, store_import *imp, kh_error *err) {
  imp->fd = -1;
  imp->existed = imp->placed = 0;
  if (snprintf(imp->path, sizeof imp->path, "%s", path) >= (int)sizeof imp->path ||
      snprintf(imp->tmp, sizeof imp->tmp, "%s" IMPORT_SUFFIX, path) >= (int)sizeof imp->tmp ||
      snprintf(imp->journal, sizeof imp->journal, "%s" IMPORT_SUFFIX "-journal", path) >=
          (int)sizeof imp->journal)
    return kh_seterror(err, KH_EOUTPUT, "%s: the file name is too long", path);
  int limit = wait ? store_busy_ms() : 0, waited = 0;
  for (int tries = 0; imp->fd < 0; tries++) {
    if (tries == 1000)
      return kh_seterror(err, KH_EBUSY, "%s: its import temporary %s kept being replaced by "
                         "another program", path, imp->tmp);
    int fd = open(imp->tmp, O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0644);
    if (fd < 0) return cannot_claim(imp, errno, err);
    if (flock(fd, LOCK_EX | LOCK_NB) != 0) {
      int e = errno;
      close(fd);
      if (e != EWOULDBLOCK) return cannot_claim(imp, e, err);
      if (waited >= limit && limit == 0)
        return kh_seterror(err, KH_EBUSY, "%s: another kehoach is importing into it; nothing was "
                           "imported: try again when it has finished, or let an import wait its "
                           "turn with KEHOACH_BUSY_TIMEOUT=SECONDS", path);
      if (waited >= limit)
        return kh_seterror(err, KH_EBUSY, "%s: another kehoach is importing into it (still, after "
                           "%g s); nothing was imported: try again when it has finished, or wait "
                           "longer with KEHOACH_BUSY_TIMEOUT=SECONDS", path, limit / 1000.0);
      struct timespec pause = {0, IMPORT_POLL_MS * 1000000L};
      nanosleep(&pause, NULL);
      waited += IMPORT_POLL_MS;
      tries = 0;
      continue;
    }
    struct stat mine, named;
    /* locked, but the name may have moved on: the import that held it removed it or moved
    ** it into place while we waited. Try again with the file the name is now. */
    if (fstat(fd, &mine) != 0 || stat(imp->tmp, &named) != 0 || !same_file(&mine, &named)) {
      close(fd);
      continue;
    }
    if (mine.st_size == 0 && access(imp->journal, F_OK) != 0) {
      imp->fd = fd; /* ours, and empty */
      break;
    }
    /* a temporary whose lock was free, with something in it: a dead import's, removed
    ** (with its journal) while we hold its lock, and a new one made */
    int gone = unlink(imp->tmp) == 0 || errno == ENOENT;
    int e = errno;
    if (gone && unlink(imp->journal) != 0 && errno != ENOENT) {
      gone = 0;
      e = errno;
    }
    close(fd);
    if (!gone) return cannot_claim(imp, e, err);
  }
  struct stat st;
  if (stat(path, &st) == 0) {
    imp->existed = 1;
    imp->dev = st.st_dev;
    imp->ino = st.st_ino;
  }
  return KH_OK;
}

/* The error of a registry path that changed under an import, outside the import lock. */
static int changed_meanwhile(const store_import *imp, kh_error *err) {
  return kh_seterror(err, KH_EBUSY, "%s was %s by another program while this import ran (not "
                     "another import); nothing was imported, and the file there now is left as "
                     "it is: run the import again", imp->path,
                     imp->existed ? "replaced or removed" : "created");
}

int store_import_place(store_import *imp, kh_error *err) {
  struct stat st;
  int rc;
  if (imp->existed) {
    /* the registry's write lock is held (store_registry_hold): only a program that ignores
    ** it can have replaced the file */
    if (stat(imp->path, &st) != 0 || st.st_dev != imp->dev || st.st_ino != imp->ino)
      return changed_meanwhile(imp, err);
    rc = rename(imp->tmp, imp->path);
  } else {
    /* never over a registry another program made meanwhile: in one step, where the file
    ** system can (RENAME_NOREPLACE); else as a second name, which fails on a file there */
    rc = renameat2(AT_FDCWD, imp->tmp, AT_FDCWD, imp->path, RENAME_NOREPLACE);
    if (rc != 0 && (errno == EINVAL || errno == ENOSYS)) {
      rc = link(imp->tmp, imp->path);
      if (rc == 0) unlink(imp->tmp); /* if it stays, it is a dead import's: the next removes it */
    }
    if (rc != 0 && errno == EEXIST) return changed_meanwhile(imp, err);
  }
  if (rc != 0) return kh_seterror(err, KH_EOUTPUT, "cannot write %s: %s", imp->path, strerror(errno));
  imp->placed = 1;
  return KH_OK;
}

void store_import_end(store_import *imp) {
  if (imp->fd < 0) return;
  if (!imp->placed) {
    unlink(imp->tmp); /* ours: only the holder of the lock removes it */
    unlink(imp->journal);
  }
  close(imp->fd);
  imp->fd = -1;
}

int store_copy(const char *from, const char *to, kh_error *err) {
  sqlite3 *src = NULL, *dst = NULL;
  struct stat st;
  int code = store_open(from, STORE_READONLY, &src, err);
  if (code == KH_OK) code = store_open(to, STORE_CREATE, &dst, err);
  if (code == KH_OK) {
    sqlite3_backup *b = sqlite3_backup_init(dst, "main", src, "main");
    int rc = b ? sqlite3_backup_step(b, -1) : sqlite3_errcode(dst);
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    if (b && sqlite3_backup_finish(b) != SQLITE_OK && rc == SQLITE_OK) rc = sqlite3_errcode(dst);
    /* a damaged source is named as such; anything else (a full disk) comes from the copy */
    int damaged = (rc & 0xff) == SQLITE_CORRUPT || (rc & 0xff) == SQLITE_NOTADB;
    if (rc != SQLITE_OK) code = store_error(damaged ? NULL : dst, rc, from, err);
  }
  if (code == KH_OK && stat(from, &st) == 0 && chmod(to, st.st_mode & 07777) != 0)
    code = kh_seterror(err, KH_EOUTPUT, "%s: %s", to, strerror(errno));
  sqlite3_close_v2(dst);
  sqlite3_close_v2(src);
  return code;
}

/* Reads one integer pragma into *value. */
static int pragma_int(sqlite3 *db, const char *pragma, int *value) {
  sqlite3_stmt *st = NULL;
  int rc = sqlite3_prepare_v2(db, pragma, -1, &st, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_ROW) {
    *value = sqlite3_column_int(st, 0);
    rc = SQLITE_OK;
  }
  sqlite3_finalize(st);
  return rc;
}

static int count_tables(sqlite3 *db, int *n) {
  return pragma_int(db, "SELECT count(*) FROM sqlite_schema WHERE type = 'table'", n);
}

/* Runs a schema script inside one transaction and stamps the version and application id.
** With if_empty, the script runs only when the database still holds no table once the
** write lock is ours: two kehoach starting on a new file at once make it once. */
static int create_schema(sqlite3 *db, const char *schema, int app_id, int version, int if_empty,
                         const char *display, kh_error *err) {
  char pragmas[128];
  snprintf(pragmas, sizeof pragmas, "PRAGMA application_id = %d; PRAGMA user_version = %d;",
           app_id, version);
  int tables = 0;
  int rc = sqlite3_exec(db, "BEGIN IMMEDIATE;", NULL, NULL, NULL);
  if (rc == SQLITE_OK && if_empty) rc = count_tables(db, &tables);
  if (rc == SQLITE_OK && tables == 0) rc = sqlite3_exec(db, schema, NULL, NULL, NULL);
  if (rc == SQLITE_OK && tables == 0) rc = sqlite3_exec(db, pragmas, NULL, NULL, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT;", NULL, NULL, NULL);
  if (rc != SQLITE_OK) {
    int code = store_error(db, rc, display, err);
    sqlite3_exec(db, "ROLLBACK;", NULL, NULL, NULL);
    return code;
  }
  return KH_OK;
}

int store_registry_init(sqlite3 *db, const char *display, kh_error *err) {
  int tables = 0;
  int rc = count_tables(db, &tables);
  if (rc != SQLITE_OK) return store_error(db, rc, display, err);
  if (tables > 0)
    return kh_seterror(err, KH_EDATA, "%s: the database already holds tables; a new registry "
                       "needs a new file", display);
  return create_schema(db, registry_schema, STORE_REGISTRY_APP_ID, STORE_REGISTRY_VERSION, 0,
                       display, err);
}

int store_registry_check(sqlite3 *db, const char *schema, const char *display, kh_error *err) {
  char sql[160];
  int app = 0, version = 0, rc;
  snprintf(sql, sizeof sql, "PRAGMA \"%s\".application_id", schema);
  rc = pragma_int(db, sql, &app);
  snprintf(sql, sizeof sql, "PRAGMA \"%s\".user_version", schema);
  if (rc == SQLITE_OK) rc = pragma_int(db, sql, &version);
  if (rc != SQLITE_OK) return store_error(db, rc, display, err);
  if (app != STORE_REGISTRY_APP_ID)
    return kh_seterror(err, KH_EDATA, "%s: not a kehoach household registry (make one with "
                       "'kehoach db init' or 'kehoach db generate')", display);
  if (version != STORE_REGISTRY_VERSION)
    return kh_seterror(err, KH_EDATA, "%s: registry schema version %d, but this kehoach reads "
                       "version %d", display, version, STORE_REGISTRY_VERSION);
  for (const char *const *t = registry_tables; *t; t++) {
    int n = 0;
    snprintf(sql, sizeof sql, "SELECT count(*) FROM \"%s\".sqlite_schema "
             "WHERE type='table' AND name='%s'", schema, *t);
    rc = pragma_int(db, sql, &n);
    if (rc != SQLITE_OK) return store_error(db, rc, display, err);
    if (n != 1)
      return kh_seterror(err, KH_EDATA, "%s: the registry has no table '%s'", display, *t);
  }
  return KH_OK;
}

int store_results_init(sqlite3 *db, const char *display, kh_error *err) {
  int tables = 0, app = 0, version = 0;
  int rc = count_tables(db, &tables);
  if (rc != SQLITE_OK) return store_error(db, rc, display, err);
  if (tables == 0) {
    /* WAL lets a reader look at earlier runs while a run writes */
    rc = sqlite3_exec(db, "PRAGMA journal_mode = WAL;", NULL, NULL, NULL);
    if (rc != SQLITE_OK) return store_error(db, rc, display, err);
    rc = create_schema(db, results_schema, STORE_RESULTS_APP_ID, STORE_RESULTS_VERSION, 1,
                       display, err);
    if (rc != KH_OK) return rc;
  }
  rc = pragma_int(db, "PRAGMA application_id", &app);
  if (rc == SQLITE_OK) rc = pragma_int(db, "PRAGMA user_version", &version);
  if (rc != SQLITE_OK) return store_error(db, rc, display, err);
  if (app != STORE_RESULTS_APP_ID)
    return kh_seterror(err, KH_EDATA, "%s: not a kehoach results database", display);
  if (version != STORE_RESULTS_VERSION)
    return kh_seterror(err, KH_EDATA, "%s: results schema version %d, but this kehoach writes "
                       "version %d (move the old file away)", display, version,
                       STORE_RESULTS_VERSION);
  return KH_OK;
}

int store_attach_registry(sqlite3 *db, const char *path, const char *schema, kh_error *err) {
  if (is_folder(path))
    return kh_seterror(err, KH_EDATA, "%s is a folder, not a registry file: give the file's name "
                       "(like %s/registry.db)", path, path);
  /* a URI with mode=ro: the attachment is read-only even on a read-write connection */
  char *uri = sqlite3_mprintf("file:%s?mode=ro", path);
  char *sql = sqlite3_mprintf("ATTACH DATABASE ?1 AS \"%w\"", schema);
  sqlite3_stmt *st = NULL;
  int rc = uri && sql ? SQLITE_OK : SQLITE_NOMEM;
  if (rc == SQLITE_OK && strpbrk(path, "?#%") != NULL) {
    sqlite3_free(uri); /* characters a URI would misread: escape them */
    uri = NULL;
    sqlite3_str *s = sqlite3_str_new(db);
    sqlite3_str_appendall(s, "file:");
    for (const char *p = path; *p; p++) {
      if (*p == '?' || *p == '#' || *p == '%') sqlite3_str_appendf(s, "%%%02X", (unsigned char)*p);
      else sqlite3_str_appendchar(s, 1, *p);
    }
    sqlite3_str_appendall(s, "?mode=ro");
    uri = sqlite3_str_finish(s);
    if (uri == NULL) rc = SQLITE_NOMEM;
  }
  if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, sql, -1, &st, NULL);
  if (rc == SQLITE_OK) rc = sqlite3_bind_text(st, 1, uri, -1, SQLITE_TRANSIENT);
  if (rc == SQLITE_OK) rc = sqlite3_step(st);
  if (rc == SQLITE_DONE) rc = SQLITE_OK;
  sqlite3_finalize(st);
  sqlite3_free(uri);
  sqlite3_free(sql);
  if (rc != SQLITE_OK) {
    if ((rc & 0xff) == SQLITE_CANTOPEN)
      return kh_seterror(err, KH_EDATA, "%s: cannot open: no such registry file, or not readable", path);
    return store_error(db, rc, path, err);
  }
  /* reading the schema turns "not a database" into an error now */
  char *probe = sqlite3_mprintf("SELECT count(*) FROM \"%w\".sqlite_schema", schema);
  rc = probe ? sqlite3_exec(db, probe, NULL, NULL, NULL) : SQLITE_NOMEM;
  sqlite3_free(probe);
  if (rc != SQLITE_OK) return store_error(db, rc, path, err);
  return store_registry_check(db, schema, path, err);
}

/* The results schema version of an open database; 0 when it has no tables. */
static int results_version(sqlite3 *db, int *version) {
  int tables = 0, app = 0;
  int rc = count_tables(db, &tables);
  if (rc == SQLITE_OK) rc = pragma_int(db, "PRAGMA application_id", &app);
  if (rc == SQLITE_OK) rc = pragma_int(db, "PRAGMA user_version", version);
  if (rc == SQLITE_OK && (tables == 0 || app != STORE_RESULTS_APP_ID)) *version = 0;
  return rc;
}

int store_results_open(const char *path, sqlite3 **db, char *moved, size_t size, kh_error *err) {
  int version = 0;
  moved[0] = '\0';
  int code = store_open(path, STORE_CREATE, db, err);
  if (code != KH_OK) return code;
  int rc = results_version(*db, &version);
  if (rc != SQLITE_OK) code = store_error(*db, rc, path, err);
  if (code == KH_OK && version > 0 && version < STORE_RESULTS_VERSION && strcmp(path, ":memory:") != 0) {
    /* closing the last connection checkpoints the WAL, so the file is whole on its own */
    sqlite3_close_v2(*db);
    *db = NULL;
    snprintf(moved, size, "%s.v%d", path, version);
    if (access(moved, F_OK) == 0 || rename(path, moved) != 0) {
      code = kh_seterror(err, KH_EOUTPUT, "%s: written by an older kehoach (results schema %d), "
                         "and it cannot be kept aside as %s; move it away", path, version, moved);
      moved[0] = '\0';
      return code;
    }
    code = store_open(path, STORE_CREATE, db, err);
  }
  if (code == KH_OK) code = store_results_init(*db, path, err);
  if (code != KH_OK && *db) {
    sqlite3_close_v2(*db);
    *db = NULL;
  }
  return code;
}
