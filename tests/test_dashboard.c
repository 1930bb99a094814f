/*
** test_dashboard.c — report.html as a browser shows it: `kehoach run` on the 2021 plan,
** then headless Chromium loads the page from disk with the network off, dumps the DOM it
** built and takes a screenshot. The page must load without console messages, and its
** charts (SVG with a title and a description) and their tables must be in the DOM.
**
** Chromium is found as $KEHOACH_CHROMIUM, or chromium / chromium-browser / google-chrome
** on PATH (`make test` installs Debian's chromium when run as root). Without it, the
** tests say SKIPPED on stderr and are reported skipped.
*/
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

#define PLAN_2021 "plans/lao-cai-city-2021.lua"
#define BROWSER_SECONDS 90

static char chromium[PATH_MAX];

/* Finds the browser; returns 0 when there is none. */
static int find_chromium(void) { return kh_find_chromium(chromium, sizeof chromium); }

/* Runs headless Chromium on url with one more flag (--dump-dom or --screenshot=...), a
** fresh profile, the network and background services off, and its log on stderr (where
** console messages go). Killed after BROWSER_SECONDS. */
static kh_result browse(const char *url, const char *flag) {
  char *dir = kh_tmpdir();
  char profile_flag[PATH_MAX + 32];
  snprintf(profile_flag, sizeof profile_flag, "--user-data-dir=%s/profile", dir);
  const char *argv[] = {chromium, "--headless", "--no-sandbox", "--disable-gpu",
                        "--disable-background-networking", "--disable-component-update",
                        "--disable-sync", "--no-first-run", "--disable-extensions",
                        "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                        profile_flag, "--enable-logging=stderr", "--v=0",
                        "--window-size=1000,3000", flag, url, NULL};
  kh_result r = kh_exec(NULL, argv, BROWSER_SECONDS);
  free(dir);
  return r;
}

/* The first line of Chromium's log that is a console message from the page (a script
** error, a resource that failed to load, a blocked request), malloc'ed; NULL when none. */
static char *console_message(const char *log) {
  const char *needles[] = {":CONSOLE", "Uncaught", "net::ERR_", "Failed to load resource",
                           "Refused to", NULL};
  for (int i = 0; needles[i]; i++) {
    const char *at = log ? strstr(log, needles[i]) : NULL;
    if (at) {
      const char *start = at, *end = strchr(at, '\n');
      while (start > log && start[-1] != '\n') start--;
      size_t n = end ? (size_t)(end - start) : strlen(start);
      char *line = malloc(n + 1);
      memcpy(line, start, n);
      line[n] = '\0';
      return line;
    }
  }
  return NULL;
}

static int count(const char *text, const char *needle) {
  int n = 0;
  for (const char *p = text; (p = strstr(p, needle)) != NULL; p += strlen(needle)) n++;
  return n;
}

typedef struct page {
  char *dir;
  char url[PATH_MAX + 16];
} page;

static int page_setup(void **state) {
  if (!find_chromium()) {
    fprintf(stderr, "SKIPPED: no chromium on PATH (nor $KEHOACH_CHROMIUM); report.html was not "
                    "opened in a browser. Install it with: apt-get install chromium\n");
    *state = NULL;
    return 0;
  }
  page *pg = calloc(1, sizeof *pg);
  pg->dir = kh_tmpdir();
  *state = pg;
  if (kh_run_plan(PLAN_2021, pg->dir) != 0) return -1;
  snprintf(pg->url, sizeof pg->url, "file://%s/lao-cai-city-2021/report.html", pg->dir);
  return 0;
}

static int page_teardown(void **state) {
  page *pg = *state;
  if (pg) {
    free(pg->dir);
    free(pg);
  }
  return 0;
}

#define NEED_BROWSER(pg) \
  do {                   \
    if ((pg) == NULL) skip(); \
  } while (0)

/* The check must be able to fail: pages that log an error, or throw, are caught. */
static void the_detector_sees_a_page_that_logs_to_the_console(void **state) {
  page *pg = *state;
  NEED_BROWSER(pg);
  const char *pages[] = {"<script>console.error('broken chart');</script>",
                         "<script>draw_chart();</script>", NULL};
  for (int i = 0; pages[i]; i++) {
    char *bad = kh_path(pg->dir, "bad.html");
    char html[256];
    snprintf(html, sizeof html, "<!DOCTYPE html><html><body>%s</body></html>", pages[i]);
    kh_write_file(bad, html);
    char url[PATH_MAX + 16];
    snprintf(url, sizeof url, "file://%s", bad);
    kh_result r = browse(url, "--dump-dom");
    char *line = console_message(r.err);
    if (line == NULL) fail_msg("the error of %s went unseen; Chromium's log:\n%s", pages[i], r.err);
    free(line);
    kh_result_free(&r);
    free(bad);
  }
}

static void the_report_loads_without_console_messages_and_has_its_charts(void **state) {
  page *pg = *state;
  NEED_BROWSER(pg);
  kh_result r = browse(pg->url, "--dump-dom");
  assert_int_equal(r.code, 0);
  char *line = console_message(r.err);
  if (line) fail_msg("the browser logged: %s", line);
  assert_non_null(r.out);
  /* the charts the page promises, each an accessible SVG with its numbers in a table */
  const char *charts[] = {"chart-targets-1", "chart-projection-quarters-1", "chart-projection-communes-1",
                          "chart-budget", "chart-programmes", "chart-programme-tro_cap",
                          "chart-programme-nha_o", NULL};
  for (int i = 0; charts[i]; i++) {
    char needle[128];
    snprintf(needle, sizeof needle, "id=\"%s\" role=\"img\"", charts[i]);
    if (strstr(r.out, needle) == NULL) fail_msg("no chart %s in the DOM", charts[i]);
    snprintf(needle, sizeof needle, "<title id=\"%s-title\">", charts[i]);
    if (strstr(r.out, needle) == NULL) fail_msg("chart %s has no title", charts[i]);
    snprintf(needle, sizeof needle, "id=\"data-%s\"", charts[i] + strlen("chart-"));
    if (strstr(r.out, needle) == NULL) fail_msg("chart %s has no table", charts[i]);
  }
  assert_true(count(r.out, "<svg") >= 5);
  assert_int_equal(count(r.out, "<svg"), count(r.out, "<table class=\"data\""));
  /* the targets: 7 communes, and every quarter of Thống Nhất a mark (1 + 3 + 6 + 30) */
  assert_non_null(strstr(r.out, "<title>Thống Nhất — Quý IV: 30 hộ</title>"));
  assert_non_null(strstr(r.out, "<title>Ngân sách thành phố — Tính từ sổ hộ: 315 triệu đồng</title>"));
  /* self-contained: nothing to fetch, nothing to run */
  assert_null(strstr(r.out, "<script"));
  assert_null(strstr(r.out, "<link"));
  assert_null(strstr(r.out, " src="));
  assert_null(strstr(r.out, "url("));
  kh_result_free(&r);
}

static void the_report_draws_a_screenshot(void **state) {
  page *pg = *state;
  NEED_BROWSER(pg);
  char *png = kh_path(pg->dir, "report.png");
  char flag[PATH_MAX + 16];
  snprintf(flag, sizeof flag, "--screenshot=%s", png);
  kh_result r = browse(pg->url, flag);
  assert_int_equal(r.code, 0);
  char *line = console_message(r.err);
  if (line) fail_msg("the browser logged: %s", line);
  struct stat st;
  assert_int_equal(stat(png, &st), 0);
  assert_true(st.st_size > 20000); /* a blank 1000×3000 page compresses to far less */
  FILE *f = fopen(png, "rb");
  unsigned char magic[8] = {0};
  assert_int_equal(fread(magic, 1, 8, f), 8);
  fclose(f);
  assert_memory_equal(magic, "\x89PNG\r\n\x1a\n", 8);
  free(png);
  kh_result_free(&r);
}

/* report.html at the sizes officers read it, measured in Chromium through chromedriver
** (tests/report_browser.py): every chart's text 10 px or more on a desktop and on a 390 px
** phone (a chart scrolls sideways instead of shrinking), nothing else wider than the
** phone, and in print the charts fit the page, headings stay with what follows, the
** tables' toggles are hidden. SKIPPED without python3-selenium and chromium-driver. */
static void the_report_reads_on_a_desktop_a_phone_and_paper(void **state) {
  page *pg = *state;
  NEED_BROWSER(pg);
  char *html = kh_path(pg->dir, "lao-cai-city-2021/report.html");
  const char *argv[] = {"/usr/bin/python3", "tests/report_browser.py", html, NULL};
  kh_result r = kh_exec(NULL, argv, 180);
  free(html);
  if (r.code == 77) {
    fprintf(stderr, "%s", r.out);
    kh_result_free(&r);
    skip();
  }
  if (r.code != 0) fail_msg("report_browser.py exited %d:\n%s%s", r.code, r.out, r.err);
  kh_result_free(&r);
}

int main(void) {
  const struct CMUnitTest tests[] = {
      cmocka_unit_test(the_detector_sees_a_page_that_logs_to_the_console),
      cmocka_unit_test(the_report_loads_without_console_messages_and_has_its_charts),
      cmocka_unit_test(the_report_draws_a_screenshot),
      cmocka_unit_test(the_report_reads_on_a_desktop_a_phone_and_paper),
  };
  return kh_finish(cmocka_run_group_tests_name("report.html in Chromium", tests, page_setup, page_teardown));
}
