/*
** test_serve.c — `kehoach serve`, the what-if workbench: the server started on a free
** port on a copy of the 2021 plan, asked as a browser and as another site would ask it,
** then driven in a real Chromium (tests/serve_browser.py, with Debian's chromium-driver
** and python3-selenium; SKIPPED without them), and stopped with Ctrl-C (SIGINT).
**
** Every wait is bounded: the server is killed (its process group) at the end whatever
** happened, and no test asserts a time.
*/
#include <limits.h>
#include <poll.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/time.h>

#include <cmocka.h>

#include "harness.h"

#define WAIT_SECONDS 60

typedef struct Server {
  char *dir;   /* the plan's copy, the outputs */
  pid_t pid;
  int port;
  int out;     /* the server's stdout */
  int stopped;
} Server;

static Server srv;

static char *plan_path(void) { return kh_path(srv.dir, "lao-cai-city-2021.lua"); }

/* Reads the server's first line ("... on http://127.0.0.1:PORT/ ...") within WAIT_SECONDS. */
static int read_port(int fd) {
  char buf[1024];
  size_t n = 0;
  for (int waited = 0; waited < WAIT_SECONDS * 10 && n < sizeof buf - 1; waited++) {
    struct pollfd p = {fd, POLLIN, 0};
    if (poll(&p, 1, 100) <= 0) continue;
    ssize_t got = read(fd, buf + n, sizeof buf - 1 - n);
    if (got <= 0) break;
    n += (size_t)got;
    buf[n] = '\0';
    const char *at = strstr(buf, "http://127.0.0.1:");
    if (at && strchr(at, '/') && strchr(at + 17, '/')) return atoi(at + 17);
  }
  return -1;
}

static int start(void **state) {
  (void)state;
  srv.dir = kh_tmpdir();
  const char *cp[] = {"/bin/sh", "-c", "cp plans/*.lua \"$0\"/", srv.dir, NULL};
  kh_result c = kh_exec(NULL, cp, 30);
  kh_result_free(&c);
  char *plan = plan_path(), *out = kh_path(srv.dir, "out");
  int fds[2];
  if (pipe(fds) != 0) return -1;
  srv.pid = fork();
  if (srv.pid == 0) {
    setpgid(0, 0);
    prctl(PR_SET_PDEATHSIG, SIGKILL); /* a test killed half-way leaves no server behind */
    dup2(fds[1], 1);
    close(fds[0]);
    const char *argv[] = {kh_bin(), "serve", plan, "--db", kh_registry(), "--port", "0", "--out", out, NULL};
    execv(argv[0], (char *const *)argv);
    _exit(98);
  }
  close(fds[1]);
  srv.out = fds[0];
  srv.port = read_port(srv.out);
  free(plan);
  free(out);
  if (srv.port <= 0) {
    fprintf(stderr, "kehoach serve did not say its address\n");
    return -1;
  }
  return 0;
}

/* Waits for the server to end, at most seconds; returns its exit code, or -1. */
static int wait_exit(int seconds) {
  int status;
  for (int waited = 0; waited < seconds * 10; waited++) {
    if (waitpid(srv.pid, &status, WNOHANG) == srv.pid) {
      srv.stopped = 1;
      return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
    }
    usleep(100000);
  }
  return -1;
}

static int stop(void **state) {
  (void)state;
  if (srv.pid > 0 && !srv.stopped) {
    kill(-srv.pid, SIGKILL);
    waitpid(srv.pid, NULL, 0);
  }
  if (srv.out >= 0) close(srv.out);
  free(srv.dir);
  return 0;
}

static int connect_local(void) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons((uint16_t)srv.port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  struct timeval tv = {WAIT_SECONDS, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
  setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
  assert_int_equal(connect(fd, (struct sockaddr *)&a, sizeof a), 0);
  return fd;
}

static void send_all(int fd, const char *data, size_t n) {
  while (n > 0) {
    ssize_t w = send(fd, data, n, MSG_NOSIGNAL);
    if (w <= 0) return; /* the server may answer and close before a large body is sent */
    data += w;
    n -= (size_t)w;
  }
}

/* The whole answer on fd (the server closes: Connection: close), malloc'ed. */
static char *read_all(int fd) {
  size_t cap = 1 << 16, n = 0;
  char *buf = malloc(cap);
  for (;;) {
    if (n + 4096 > cap) buf = realloc(buf, cap *= 2);
    ssize_t got = recv(fd, buf + n, cap - n - 1, 0);
    if (got <= 0) break;
    n += (size_t)got;
  }
  buf[n] = '\0';
  return buf;
}

/* Sends one request (extra: more header lines, each ending in \r\n) and returns the
** answer; *status is its status code. */
static char *request(const char *method, const char *path, const char *host, const char *extra,
                     const char *type, const char *body, size_t body_len, int *status) {
  int fd = connect_local();
  char head[2048];
  char own[64];
  snprintf(own, sizeof own, "127.0.0.1:%d", srv.port);
  int n = snprintf(head, sizeof head, "%s %s HTTP/1.1\r\nHost: %s\r\nConnection: close\r\n%s", method, path,
                   host ? host : own, extra ? extra : "");
  if (body) n += snprintf(head + n, sizeof head - n, "Content-Type: %s\r\nContent-Length: %zu\r\n", type, body_len);
  n += snprintf(head + n, sizeof head - n, "\r\n");
  send_all(fd, head, (size_t)n);
  if (body) send_all(fd, body, body_len);
  char *answer = read_all(fd);
  close(fd);
  *status = strncmp(answer, "HTTP/1.", 7) == 0 ? atoi(answer + 9) : -1;
  return answer;
}

static char *post_json(const char *path, const char *json, const char *extra, int *status) {
  return request("POST", path, NULL, extra, "application/json", json, strlen(json), status);
}

/* The page: every value --set can change has an input named by its path. */
static void test_page_names_every_path(void **state) {
  (void)state;
  int status;
  char *page = request("GET", "/", NULL, NULL, NULL, NULL, 0, &status);
  assert_int_equal(status, 200);
  assert_non_null(strstr(page, "data-path=\"tro_cap.amount\""));
  assert_non_null(strstr(page, "data-path=\"vay_von.quota.Thống Nhất\""));
  assert_non_null(strstr(page, "data-path=\"budget.ngan_sach_thanh_pho\""));
  assert_non_null(strstr(page, "data-scenario=\"tang_tro_cap\""));
  /* nothing fetched from elsewhere: no script, style, font or image by address */
  assert_null(strstr(page, "src=\"http"));
  assert_null(strstr(page, "href=\"http"));
  assert_null(strstr(page, "url(http"));
  assert_null(strstr(page, "@import"));
  free(page);
}

/* Another site's page (Origin) or a rebound name (Host) is refused: 403. */
static void test_foreign_origin_refused(void **state) {
  (void)state;
  int status;
  char *a = post_json("/api/evaluate", "{\"set\":{}}", "Origin: http://evil.example\r\n", &status);
  assert_int_equal(status, 403);
  assert_null(strstr(a, "Kinh phí"));
  free(a);
  a = request("GET", "/", "evil.example:80", NULL, NULL, NULL, 0, &status);
  assert_int_equal(status, 403);
  free(a);
  char origin[96];
  snprintf(origin, sizeof origin, "Origin: http://127.0.0.1:%d\r\n", srv.port);
  a = post_json("/api/evaluate", "{\"set\":{}}", origin, &status);
  assert_int_equal(status, 200);
  free(a);
  /* a form of another site cannot post JSON without asking first: other types are refused */
  a = request("POST", "/api/evaluate", NULL, NULL, "text/plain", "{}", 2, &status);
  assert_int_equal(status, 415);
  free(a);
}

/* The allowance at 300.000: 378.000.000 from the city budget, 63.000.000 short. */
static void test_amount_change(void **state) {
  (void)state;
  int status;
  char *a = post_json("/api/evaluate", "{\"seq\":7,\"set\":{\"tro_cap.amount\":\"300000\"}}", NULL, &status);
  assert_int_equal(status, 200);
  assert_non_null(strstr(a, "\"seq\":7"));
  assert_non_null(strstr(a, "378.000.000"));
  assert_non_null(strstr(a, "63.000.000"));
  free(a);
}

/* A wrong value gets --set's own message, for its path. */
static void test_bad_value_message(void **state) {
  (void)state;
  int status;
  char *a = post_json("/api/evaluate", "{\"set\":{\"tro_cap.amount\":\"abc\"}}", NULL, &status);
  assert_int_equal(status, 200);
  assert_non_null(strstr(a, "--set tro_cap.amount=abc: 'abc' is not a sum of money"));
  free(a);
  a = post_json("/api/save", "{\"set\":{},\"id\":\"../x\"}", NULL, &status);
  assert_int_equal(status, 200);
  assert_non_null(strstr(a, "\"error\""));
  free(a);
}

/* A body over the limit is refused before it reaches the plan. */
static void test_body_limit(void **state) {
  (void)state;
  size_t n = 2u << 20;
  char *big = malloc(n + 1);
  memset(big, ' ', n);
  big[0] = '{';
  big[n - 1] = '}';
  big[n] = '\0';
  int status;
  char *a = post_json("/api/evaluate", big, NULL, &status);
  assert_int_equal(status, 413);
  free(a);
  free(big);
}

/* Two tabs: a connection that has sent half a request does not hold up another. */
static void test_two_connections(void **state) {
  (void)state;
  int slow = connect_local();
  char half[128];
  int n = snprintf(half, sizeof half, "GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n", srv.port);
  send_all(slow, half, (size_t)n);
  int status;
  char *a = post_json("/api/evaluate", "{\"set\":{\"vay_von.quota.Tả Phời\":\"20\"}}", NULL, &status);
  assert_int_equal(status, 200);
  assert_non_null(strstr(a, "\"html\""));
  free(a);
  send_all(slow, "Connection: close\r\n\r\n", 21);
  char *page = read_all(slow);
  close(slow);
  assert_non_null(strstr(page, "200 OK"));
  free(page);
}

/* Runs a Python test script against the server: SCRIPT URL KEHOACH PLACE REGISTRY OUT,
** OUT a new folder under the fixture's (out_name); killed after seconds. */
static kh_result run_script(const char *script, const char *place, const char *out_name, int seconds) {
  char url[64], bin[PATH_MAX], here[PATH_MAX - 64];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/", srv.port);
  if (kh_bin()[0] == '/') snprintf(bin, sizeof bin, "%s", kh_bin());
  else snprintf(bin, sizeof bin, "%s/%s", getcwd(here, sizeof here), kh_bin());
  char *out = kh_path(srv.dir, out_name);
  const char *argv[] = {"/usr/bin/python3", script, url, bin, place, kh_registry(), out, NULL};
  kh_result r = kh_exec(NULL, argv, seconds);
  free(out);
  return r;
}

/* Each change evaluated from the stage it reaches gives `kehoach run`'s figures for the
** same values (tests/serve_sequence.py: amounts, quotas, budget modes, scenarios, a
** priority, a commune added to a quota, one after the other). */
static void test_changes_give_the_runs_figures(void **state) {
  (void)state;
  if (access("/usr/bin/python3", X_OK) != 0) {
    fprintf(stderr, "SKIPPED: no /usr/bin/python3\n");
    skip();
  }
  char *plan = plan_path();
  kh_result r = run_script("tests/serve_sequence.py", plan, "sequence-out", 600);
  if (r.code != 0) fprintf(stderr, "%s%s", r.out, r.err);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
  free(plan);
}

/* In a real browser (tests/serve_browser.py): the allowance, a quota, a wrong value,
** two changes in flight, a household, a scenario saved and run, the documents. */
static void test_in_chromium(void **state) {
  (void)state;
  if (access("/usr/bin/python3", X_OK) != 0 || access("/usr/bin/chromium", X_OK) != 0) {
    fprintf(stderr, "SKIPPED: no /usr/bin/python3 or /usr/bin/chromium\n");
    skip();
  }
  kh_result r = run_script("tests/serve_browser.py", srv.dir, "browser-out", 300);
  fputs(r.out, stderr);
  if (r.code == 77) {
    kh_result_free(&r);
    skip();
  }
  if (r.code != 0) fputs(r.err, stderr);
  assert_int_equal(r.code, 0);
  kh_result_free(&r);
}

/* Ctrl-C: the server stops cleanly (exit 0), between requests, a tab's connection still
** open. */
static void test_ctrl_c_stops(void **state) {
  (void)state;
  int tab = connect_local();
  char get[128];
  int n = snprintf(get, sizeof get, "GET / HTTP/1.1\r\nHost: 127.0.0.1:%d\r\n\r\n", srv.port);
  send_all(tab, get, (size_t)n);
  char some[64];
  assert_true(recv(tab, some, sizeof some, 0) > 0); /* answered; the connection stays */
  assert_int_equal(kill(srv.pid, SIGINT), 0);
  assert_int_equal(wait_exit(WAIT_SECONDS), 0);
  close(tab);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(test_page_names_every_path), cmocka_unit_test(test_foreign_origin_refused),
      cmocka_unit_test(test_amount_change),         cmocka_unit_test(test_bad_value_message),
      cmocka_unit_test(test_body_limit),            cmocka_unit_test(test_two_connections),
      cmocka_unit_test(test_changes_give_the_runs_figures),
      cmocka_unit_test(test_in_chromium),           cmocka_unit_test(test_ctrl_c_stops),
  };
  return kh_finish(cmocka_run_group_tests_name("kehoach serve", tests, start, stop));
}
