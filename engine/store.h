/*
** store.h — the SQLite side of kehoach, in plain C: the household registry (schema v1, a
** contract: see docs/registry.md) and the results database (runs and what they computed).
** Nothing here knows about Lua.
*/
#ifndef KEHOACH_STORE_H
#define KEHOACH_STORE_H

#include <limits.h>
#include <sys/types.h>

#include <sqlite3.h>

#include "kehoach.h"

#define STORE_REGISTRY_VERSION 1
#define STORE_RESULTS_VERSION 4
#define STORE_REGISTRY_APP_ID 0x4b485247 /* "KHRG" */
#define STORE_RESULTS_APP_ID 0x4b485253  /* "KHRS" */
#define STORE_BUSY_MS 10000              /* how long to wait for another process's lock */

enum store_mode {
  STORE_READONLY,  /* the file must exist; nothing can be written */
  STORE_READWRITE, /* the file must exist */
  STORE_CREATE     /* created when missing */
};

/* How long to wait for a lock another process holds, in milliseconds: STORE_BUSY_MS, or
** $KEHOACH_BUSY_TIMEOUT seconds. */
int store_busy_ms(void);

/* Opens path (a file name, or ":memory:") in the given mode, with foreign keys on and a
** busy timeout. On success *db is set and the caller closes it with sqlite3_close_v2; on
** failure *db is NULL and err says why (a data error for a missing or unreadable file). */
int store_open(const char *path, enum store_mode mode, sqlite3 **db, kh_error *err);

/* Opens the registry at path read-write, checks it, and takes its write lock (BEGIN
** IMMEDIATE, which writes nothing), waiting as long as store_busy_ms says: until db is
** closed no other kehoach can change the file, while readers go on reading. When the file
** was replaced (renamed over) while we waited, the new one is opened instead. A file that
** cannot be written is an output error "PATH cannot be written (read-only)". On success the
** caller closes *db (which ends the transaction: nothing was written). */
int store_registry_hold(const char *path, sqlite3 **db, kh_error *err);

/* An import's claim on a registry path, new or existing: its temporary "<path>.tmp-import",
** which it made and holds an flock on for as long as the import lives. One import at a time
** works on a path; a temporary whose lock is free was left by a dead import. */
typedef struct store_import {
  int fd;           /* the temporary, holding the lock; -1 once let go */
  int existed;      /* path existed when the lock was taken */
  int placed;       /* the temporary was moved into place */
  dev_t dev;        /* when it existed: path's file then */
  ino_t ino;
  char path[PATH_MAX];
  char tmp[PATH_MAX];
  char journal[PATH_MAX]; /* SQLite's, beside the temporary */
} store_import;

/* Claims path for an import: creates its temporary (empty) and locks it. A dead import's
** temporary is removed first; one a live import holds is waited for, up to store_busy_ms
** when wait is set, not at all otherwise. Returns KH_OK, KH_EBUSY when another import still
** holds the path (err says so), or an output error (the folder cannot be written). On
** success the caller lets go with store_import_end, whatever happens. */
int store_import_begin(const char *path, int wait, store_import *imp, kh_error *err);

/* Moves imp's temporary (written and closed) over its path, in one step. A path that did
** not exist when the lock was taken must still not exist: a registry another program made
** meanwhile is never replaced (a busy error, the file left as it is); one that existed must
** still be the same file. */
int store_import_place(store_import *imp, kh_error *err);

/* Removes imp's temporary and its journal unless it was placed, and lets go of the lock.
** Idempotent. */
void store_import_end(store_import *imp);

/* Copies the database at from into `to`, created (empty, or not there yet), with
** from's permissions, through SQLite's backup API on connections of its own: a consistent
** copy whatever else holds from. Errors name from (the file the user knows): damaged, or
** the disk full. */
int store_copy(const char *from, const char *to, kh_error *err);

/* Creates registry schema v1 in an empty database. Refuses a database that already holds
** tables (a data error). One transaction: nothing is left half-made. */
int store_registry_init(sqlite3 *db, const char *display, kh_error *err);

/* Checks that the database `schema` ("main", or an attached name) of db is a kehoach
** registry of the version this engine reads; a data error naming display (the file name
** the user gave) otherwise. */
int store_registry_check(sqlite3 *db, const char *schema, const char *display, kh_error *err);

/* Attaches the registry at path to db as `schema`, read-only whatever db's own mode, and
** checks it. The registry is never written through this attachment. */
int store_attach_registry(sqlite3 *db, const char *path, const char *schema, kh_error *err);

/* Creates the results schema when the database is empty, checks it otherwise. */
int store_results_init(sqlite3 *db, const char *display, kh_error *err);

/* Opens the results database at path, created with its schema when missing. One of an
** older schema is kept as it is under "<path>.v<N>" and a new one started: results are
** derived data, so the old runs stay readable and nothing is converted. `moved` (of
** `size` bytes) receives the name the old file was given, or "" when none was moved.
** On success *db is open and the caller closes it. */
int store_results_open(const char *path, sqlite3 **db, char *moved, size_t size, kh_error *err);

/* The exit code for an SQLite result code: busy, data (corrupt, not a database, constraint),
** output (full, I/O, read-only), or internal. */
int store_error_code(int rc);

/* Fills err from db's last error, prefixed with display; returns the exit code. */
int store_error(sqlite3 *db, int rc, const char *display, kh_error *err);

#endif
