/*
** lua_http.c — core.http: a minimal local HTTP server for `kehoach serve`, on
** libmicrohttpd (Debian's libmicrohttpd-dev).
**
**   http.listen(port [, opts]) -> Server   listening on 127.0.0.1:port (0: a free port);
**                              opts.max_body: the largest request body in bytes (default
**                              1 MiB; a larger one is answered 413 without reaching Lua)
**   server:port()              the port it listens on
**   server:serve_once(ms, handler) -> true | false, why
**                              waits up to ms milliseconds for requests and answers those
**                              that are complete: handler(req) gets { method, path, host,
**                              origin, content_type, body } and returns status, headers
**                              (a table of name -> text), body. An error in the handler
**                              answers 500 and is returned (false, message) after the
**                              round; false, "interrupted" when SIGINT (Ctrl-C) came.
**   server:close()             stops listening (also __gc and __close; idempotent)
**
** Why no threads: Lua is not thread-safe, and every request is an evaluation in the one
** sandboxed lua_State. MHD runs here without a thread of its own (no
** MHD_USE_INTERNAL_POLLING_THREAD): serve_once asks MHD for its sockets, select()s on
** them, and calls MHD_run_from_select, which calls the access handler below on this same
** thread, inside this Lua C function. So there is no queue and no lock to get wrong;
** requests from several tabs are answered one after the other, which is what a single
** Lua state could do anyway. The handler calls Lua only through lua_pcall, so no Lua error
** (a plan's, a memory error) ever unwinds through libmicrohttpd's frames.
**
** SIGINT is caught while a server is open (restored when it closes): the handler only sets
** a flag, so an evaluation in progress finishes and the server stops between requests.
*/
#include <errno.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>
#include <netinet/in.h>
#include <arpa/inet.h>

#include <microhttpd.h>

#include <lauxlib.h>

#include "modules.h"
#include "sandbox.h"

#define SERVER_MT "kehoach.HttpServer"
#define DEFAULT_MAX_BODY (1 << 20)

static volatile sig_atomic_t interrupted;
static struct sigaction old_sigint;
static int sigint_held; /* servers open: the handler is ours while it is above 0 */

static void on_sigint(int sig) {
  (void)sig;
  interrupted = 1;
}

typedef struct Server {
  struct MHD_Daemon *d;
  lua_State *L;      /* the state serve_once runs in, for the access handler */
  int handler;       /* during serve_once: the stack index of dispatch (closing over the Lua
                        handler), with traceback just above it */
  size_t max_body;
  int failed;        /* a handler error this round: its message is in `error` */
  char error[512];
} Server;

/* One request's body, gathered across calls of the access handler; malloc'ed outside the
** sandbox (MHD owns the connection's life), freed by request_done. */
typedef struct Request {
  char *body;
  size_t len, cap;
  int too_large;
} Request;

static void request_done(void *cls, struct MHD_Connection *c, void **con_cls,
                         enum MHD_RequestTerminationCode toe) {
  (void)cls; (void)c; (void)toe;
  Request *r = *con_cls;
  if (r) {
    free(r->body);
    free(r);
  }
  *con_cls = NULL;
}

static enum MHD_Result answer_text(struct MHD_Connection *c, unsigned status, const char *text) {
  struct MHD_Response *resp = MHD_create_response_from_buffer(strlen(text), (void *)text, MHD_RESPMEM_PERSISTENT);
  if (!resp) return MHD_NO;
  MHD_add_response_header(resp, "Content-Type", "text/plain; charset=utf-8");
  enum MHD_Result ret = MHD_queue_response(c, status, resp);
  MHD_destroy_response(resp);
  return ret;
}

/* What dispatch needs, handed to it as a light userdata under lua_pcall. */
typedef struct Call {
  Server *s;
  struct MHD_Connection *c;
  const char *method, *url;
  Request *r;
} Call;

static void set_header_field(lua_State *L, struct MHD_Connection *c, const char *header, const char *field) {
  const char *v = MHD_lookup_connection_value(c, MHD_HEADER_KIND, header);
  if (v) {
    lua_pushstring(L, v);
    lua_setfield(L, -2, field);
  }
}

/* Protected: builds the request table, calls the handler, and leaves status, headers,
** body checked on the stack. Stack: [-1, +3, e]. */
static int dispatch(lua_State *L) {
  Call *call = lua_touserdata(L, 1);
  lua_settop(L, 0);
  lua_pushvalue(L, lua_upvalueindex(1));
  lua_createtable(L, 0, 6);
  lua_pushstring(L, call->method);
  lua_setfield(L, -2, "method");
  lua_pushstring(L, call->url);
  lua_setfield(L, -2, "path");
  set_header_field(L, call->c, MHD_HTTP_HEADER_HOST, "host");
  set_header_field(L, call->c, "Origin", "origin");
  set_header_field(L, call->c, MHD_HTTP_HEADER_CONTENT_TYPE, "content_type");
  lua_pushlstring(L, call->r->body ? call->r->body : "", call->r->len);
  lua_setfield(L, -2, "body");
  lua_call(L, 1, 3);
  luaL_checkinteger(L, 1);
  luaL_checktype(L, 2, LUA_TTABLE);
  luaL_checkstring(L, 3);
  lua_pushnil(L);
  while (lua_next(L, 2)) { /* every header a string, so that the copy below cannot raise */
    if (lua_type(L, -2) != LUA_TSTRING || lua_type(L, -1) != LUA_TSTRING)
      return luaL_error(L, "http handler: headers must be strings");
    lua_pop(L, 1);
  }
  return 3;
}

static int traceback(lua_State *L) {
  const char *msg = lua_tostring(L, 1);
  luaL_traceback(L, L, msg ? msg : "(error object)", 1);
  return 1;
}

/* Calls the Lua handler for a complete request and queues its answer. Nothing Lua raises
** leaves this function. */
static enum MHD_Result answer(Server *s, struct MHD_Connection *c, const char *method, const char *url, Request *r) {
  lua_State *L = s->L;
  int top = lua_gettop(L);
  if (!lua_checkstack(L, 8)) return answer_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "server busy\n");
  Call call = {s, c, method, url, r};
  /* nothing here allocates: the closures were made by serve_once */
  lua_pushvalue(L, s->handler + 1); /* traceback */
  lua_pushvalue(L, s->handler);     /* dispatch, with the Lua handler as its upvalue */
  lua_pushlightuserdata(L, &call);
  enum MHD_Result ret;
  if (lua_pcall(L, 1, 3, top + 1) != LUA_OK) {
    const char *msg = lua_tostring(L, -1);
    snprintf(s->error, sizeof s->error, "%s", msg ? msg : "(error object)");
    s->failed = 1;
    ret = answer_text(c, MHD_HTTP_INTERNAL_SERVER_ERROR, "Lỗi máy chủ: xem cửa sổ dòng lệnh\n");
  } else {
    size_t len;
    const char *body = lua_tolstring(L, -1, &len);
    struct MHD_Response *resp = MHD_create_response_from_buffer(len, (void *)body, MHD_RESPMEM_MUST_COPY);
    if (!resp) {
      ret = MHD_NO;
    } else {
      lua_pushnil(L);
      while (lua_next(L, -3)) {
        MHD_add_response_header(resp, lua_tostring(L, -2), lua_tostring(L, -1));
        lua_pop(L, 1);
      }
      ret = MHD_queue_response(c, (unsigned)lua_tointeger(L, -3), resp);
      MHD_destroy_response(resp);
    }
  }
  lua_settop(L, top);
  return ret;
}

/* MHD's access handler: gathers the body (at most max_body bytes), then answers. */
static enum MHD_Result on_request(void *cls, struct MHD_Connection *c, const char *url, const char *method,
                                  const char *version, const char *upload, size_t *upload_size, void **con_cls) {
  (void)version;
  Server *s = cls;
  Request *r = *con_cls;
  if (r == NULL) {
    r = calloc(1, sizeof *r);
    if (!r) return MHD_NO;
    *con_cls = r;
    return MHD_YES;
  }
  if (*upload_size > 0) {
    size_t n = *upload_size;
    *upload_size = 0;
    if (r->too_large || r->len + n > s->max_body) {
      r->too_large = 1;
      return MHD_YES;
    }
    if (r->len + n > r->cap) {
      size_t cap = r->cap ? r->cap : 4096;
      while (cap < r->len + n) cap *= 2;
      char *b = realloc(r->body, cap);
      if (!b) return MHD_NO;
      r->body = b;
      r->cap = cap;
    }
    memcpy(r->body + r->len, upload, n);
    r->len += n;
    return MHD_YES;
  }
  if (r->too_large) return answer_text(c, 413, "Yêu cầu quá lớn\n");
  return answer(s, c, method, url, r);
}

static Server *check_server(lua_State *L) {
  Server *s = luaL_checkudata(L, 1, SERVER_MT);
  if (!s->d) luaL_error(L, "http server is closed");
  return s;
}

/* server:close(): stops the daemon, closing its sockets; idempotent. Stack: [-1, +0, -]. */
static int l_close(lua_State *L) {
  Server *s = luaL_checkudata(L, 1, SERVER_MT);
  if (s->d) {
    MHD_stop_daemon(s->d);
    s->d = NULL;
    if (--sigint_held == 0) sigaction(SIGINT, &old_sigint, NULL);
  }
  return 0;
}

/* http.listen(port [, opts]) -> Server. Stack: [-1|2, +1, e]. */
static int l_listen(lua_State *L) {
  lua_Integer port = luaL_checkinteger(L, 1);
  luaL_argcheck(L, port >= 0 && port <= 65535, 1, "a port from 0 to 65535");
  size_t max_body = DEFAULT_MAX_BODY;
  if (lua_istable(L, 2)) {
    lua_getfield(L, 2, "max_body");
    if (!lua_isnil(L, -1)) max_body = (size_t)luaL_checkinteger(L, -1);
    lua_pop(L, 1);
  }
  Server *s = lua_newuserdatauv(L, sizeof *s, 0); /* created closed, then opened */
  memset(s, 0, sizeof *s);
  luaL_setmetatable(L, SERVER_MT);
  s->max_body = max_body;
  struct sockaddr_in addr;
  memset(&addr, 0, sizeof addr);
  addr.sin_family = AF_INET;
  addr.sin_port = htons((uint16_t)port);
  addr.sin_addr.s_addr = htonl(INADDR_LOOPBACK); /* 127.0.0.1 only */
  s->d = MHD_start_daemon(0, (uint16_t)port, NULL, NULL, on_request, s,
                          MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
                          MHD_OPTION_NOTIFY_COMPLETED, request_done, NULL,
                          MHD_OPTION_CONNECTION_LIMIT, (unsigned)64,
                          MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)60,
                          MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)(64 * 1024),
                          MHD_OPTION_END);
  if (!s->d)
    return sandbox_raise(L, KH_EUSAGE, "cannot listen on 127.0.0.1:%d (%s): give another --port",
                         (int)port, strerror(errno));
  if (sigint_held++ == 0) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_sigint; /* no SA_RESTART: select() returns at once */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_sigint);
  }
  interrupted = 0;
  return 1;
}

/* server:port() -> the port. Stack: [-1, +1, e]. */
static int l_port(lua_State *L) {
  Server *s = check_server(L);
  const union MHD_DaemonInfo *info = MHD_get_daemon_info(s->d, MHD_DAEMON_INFO_BIND_PORT);
  lua_pushinteger(L, info ? info->port : 0);
  return 1;
}

/* server:serve_once(ms, handler): see the file's comment. Stack: [-3, +1|2, e]. */
static int l_serve_once(lua_State *L) {
  Server *s = check_server(L);
  lua_Integer ms = luaL_checkinteger(L, 2);
  luaL_checktype(L, 3, LUA_TFUNCTION);
  if (interrupted) goto stop;
  fd_set rs, ws, es;
  FD_ZERO(&rs);
  FD_ZERO(&ws);
  FD_ZERO(&es);
  MHD_socket max = 0;
  if (MHD_get_fdset2(s->d, &rs, &ws, &es, &max, FD_SETSIZE) != MHD_YES)
    return luaL_error(L, "http: cannot get the server's sockets");
  MHD_UNSIGNED_LONG_LONG mhd_ms;
  if (MHD_get_timeout(s->d, &mhd_ms) == MHD_YES && (lua_Integer)mhd_ms < ms) ms = (lua_Integer)mhd_ms;
  struct timeval tv = {(time_t)(ms / 1000), (suseconds_t)((ms % 1000) * 1000)};
  int n = select((int)max + 1, &rs, &ws, &es, &tv);
  if (n < 0 && errno != EINTR) return luaL_error(L, "http: select: %s", strerror(errno));
  if (interrupted) goto stop;
  lua_settop(L, 3);
  lua_pushvalue(L, 3);
  lua_pushcclosure(L, dispatch, 1);
  lua_pushcfunction(L, traceback);
  s->L = L;
  s->handler = 4;
  s->failed = 0;
  MHD_run_from_select(s->d, &rs, &ws, &es);
  s->L = NULL;
  if (s->failed) {
    lua_pushboolean(L, 0);
    lua_pushstring(L, s->error);
    return 2;
  }
  lua_pushboolean(L, 1);
  return 1;
stop:
  lua_pushboolean(L, 0);
  lua_pushliteral(L, "interrupted");
  return 2;
}

static const luaL_Reg server_methods[] = {
    {"port", l_port}, {"serve_once", l_serve_once}, {"close", l_close}, {NULL, NULL}};

static const luaL_Reg http_funcs[] = {{"listen", l_listen}, {NULL, NULL}};

int luaopen_kehoach_http(lua_State *L) {
  modules_new_class(L, SERVER_MT, server_methods, l_close);
  luaL_newlib(L, http_funcs);
  return 1;
}
