/*
** sandbox.h — one sandboxed lua_State per run: a counting allocator with a memory limit,
** an instruction budget enforced by a count hook that cannot be swallowed by pcall, the
** allow-listed base library, text-only loading, a require that reads only stdlib/, and
** one protected entry point (sandbox_main) with a message handler.
**
** The stdlib runs with a privileged environment holding `core` (the C modules listed in
** modules.c); plans get an environment the stdlib builds, without `core`.
*/
#ifndef KEHOACH_SANDBOX_H
#define KEHOACH_SANDBOX_H

#include <lua.h>

#include "kehoach.h"

#define SANDBOX_DEFAULT_MEMORY ((size_t)512 << 20)
#define SANDBOX_DEFAULT_INSTRUCTIONS 200000000LL

typedef struct sandbox_limits {
  size_t max_memory;          /* bytes Lua may hold at once; 0 means the default */
  long long max_instructions; /* instructions per budget window; 0 means the default */
} sandbox_limits;

typedef struct sandbox sandbox;

/* Creates a sandbox whose stdlib lives in stdlib_dir (copied). Returns NULL with err
** filled when the state cannot be made. The caller frees it with sandbox_free. */
sandbox *sandbox_new(const sandbox_limits *limits, const char *stdlib_dir, kh_error *err);

/* Closes the Lua state (running every __gc) and frees the sandbox. NULL is allowed. */
void sandbox_free(sandbox *sb);

/* Runs require("kehoach.cli").main(args) in one protected call, args being argv[1..].
** Returns the exit code: the integer main returned (0 if none), or the code of the error
** that ended it, with err->msg holding "file:line: message" for the user. */
int sandbox_main(sandbox *sb, int argc, char **argv, kh_error *err);

/* Calls the function below the nargs arguments on top of the stack in protected mode,
** with the message handler; returns an exit code as sandbox_main does, leaving nresults
** values on success and nothing on failure. */
int sandbox_call(sandbox *sb, int nargs, int nresults, kh_error *err);

/* Pushes the stdlib's environment (the one holding `core`). Stack: [-0, +1, -]. */
void sandbox_push_stdlib_env(lua_State *L);

/* The sandbox a state belongs to. */
sandbox *sandbox_of(lua_State *L);

/* The Lua state, for tests and for the modules' own set-up. */
lua_State *sandbox_lua(sandbox *sb);

/* Loads the Lua file at path as text, with chunkname "@<display>" and the table at
** stack index env as its _ENV. The chunk is never trusted as the stdlib's: a display
** starting "stdlib/" is named "@./stdlib/..." (only the stdlib's own require names a chunk
** "@stdlib/..."). Pushes the function, or raises a plan error (syntax) or a
** data error (unreadable file). Stack: [-0, +1, e]. */
void sandbox_loadfile(lua_State *L, const char *path, const char *display, int env);

/* Starts a new instruction budget window of n instructions (0: the configured limit).
** Once the limit has been hit in this sandbox it stays hit: returns 0 and does nothing. */
int sandbox_budget(sandbox *sb, long long n);

/* Bytes Lua holds now, and the limit. */
size_t sandbox_memory_used(sandbox *sb);
size_t sandbox_memory_limit(sandbox *sb);

/* The stdlib folder, as given to sandbox_new. */
const char *sandbox_stdlib_dir(sandbox *sb);

/* Raises an error of the given exit code as a table {kind, message}; message is
** formatted like lua_pushfstring. Never returns. */
int sandbox_raise(lua_State *L, int code, const char *fmt, ...);

/* Raises (as a limit error, exit 4) memory that ran out where C code caught the failure
** itself, after where ("households.csv: row 12"): the sandbox's limit, or the system's
** memory, as sandbox_main would say it. Never returns. */
int sandbox_raise_memory(lua_State *L, const char *where);

/* The message handler of sandbox_call, for other protected calls into Lua (SQL functions):
** turns a string error into {message, traceback}, giving a message without a place the
** plan's line when plan code called what raised it. */
int sandbox_message_handler(lua_State *L);

/* Writes "file:line" of the innermost Lua frame that is not stdlib code (the plan line
** being run) into buf, or "" when there is none. Allocates nothing. */
void sandbox_where(lua_State *L, char *buf, size_t size);

/* Keeps a copy of note (NULL clears it): a sentence saying what had already been done
** for good — a run recorded, files written — which is added to the message of any error
** that ends the command from now on, so a failure late in a command does not read as if
** nothing happened. Allocates nothing: safe right after a COMMIT. */
void sandbox_set_note(sandbox *sb, const char *note);

/* Fault injection for tests: the n-th allocation from now fails, and so does the one after
** it (Lua retries a refused block once after collecting garbage); 0 turns it off. */
void sandbox_fail_allocation(sandbox *sb, long n);

/* Called with the chunk name ("@stdlib/kehoach/plan.lua") and line of every Lua line run;
** the fuzzers turn these into coverage. Must not call into Lua. */
typedef void (*sandbox_line_fn)(void *ud, const char *source, int line);

/* Traces every line run to fn (NULL stops tracing). The instruction budget still holds. */
void sandbox_trace_lines(sandbox *sb, sandbox_line_fn fn, void *ud);

#endif
