/*
** test_docs_cli.c — the documents officers send, made by the built kehoach from the 2021
** plan and the default registry: the plan document (kehoach doc) with the seed's figures,
** each computed; the half-year report (kehoach progress) to send; the same bytes on every
** run. And the terminal: run --quiet and --json for
** scripts, the progress bar on a terminal only.
*/
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include "harness.h"

#define PLAN_2021 "plans/lao-cai-city-2021.lua"

/* Fails naming the first of the NULL-terminated parts missing from text. */
static void assert_contains_all(const char *text, const char *const parts[]) {
  for (int i = 0; parts[i]; i++) {
    if (strstr(text, parts[i]) == NULL) fail_msg("missing \"%s\"", parts[i]);
  }
}

typedef struct doc_fixture {
  char *dir;
  char *md;
  char *html;
} doc_fixture;

/* Runs kehoach doc on the 2021 plan into a fresh folder, once for the group. */
static int doc_setup(void **state) {
  doc_fixture *f = calloc(1, sizeof *f);
  f->dir = kh_tmpdir();
  const char *args[] = {"doc", PLAN_2021, "--db", kh_registry(), "--out", f->dir, NULL};
  kh_result r = kh_run(args);
  if (r.code != 0) {
    fprintf(stderr, "kehoach doc exited %d:\n%s", r.code, r.err);
    kh_result_free(&r);
    return -1;
  }
  kh_result_free(&r);
  char *md = kh_path(f->dir, "lao-cai-city-2021/plan.md");
  char *html = kh_path(f->dir, "lao-cai-city-2021/plan.html");
  f->md = kh_read_file(md);
  f->html = kh_read_file(html);
  free(md);
  free(html);
  *state = f;
  return f->md && f->html ? 0 : -1;
}

static int doc_teardown(void **state) {
  doc_fixture *f = *state;
  free(f->dir);
  free(f->md);
  free(f->html);
  free(f);
  return 0;
}

static void the_plan_document_states_the_seeds_figures_computed_from_the_registry(void **state) {
  doc_fixture *f = *state;
  const char *parts[] = {
      "Số: /KH-UBND",
      "TP. Lào Cai, ngày       tháng 4 năm 2021",
      "# KẾ HOẠCH",
      "Giảm 90 hộ nghèo trên toàn địa bàn thành phố theo chuẩn nghèo tiếp cận đa chiều, tỷ lệ hộ "
      "nghèo giảm 0,24%.",
      "Hỗ trợ 100% số khẩu hộ nghèo không có khả năng thoát nghèo",
      "Đối với 90 hộ dự kiến thoát nghèo tại các xã, phường: Tả Phời 30 hộ, Thống Nhất 40 hộ, Hợp "
      "Thành 15 hộ, Cốc San 02 hộ, Nam Cường 01 hộ, Pom Hán 01 hộ, Vạn Hòa 01 hộ, dự kiến như sau:",
      "Quý I/2021: Giảm 04 hộ nghèo tại các xã (Hợp Thành 03 hộ, Thống Nhất 01 hộ).",
      "Quý III/2021: Giảm 17 hộ nghèo tại các xã (Thống Nhất 06 hộ, Tả Phời 07 hộ, Hợp Thành 03 "
      "hộ, Cốc San 01 hộ).",
      "Tổng số hộ: 57 hộ, số khẩu được hỗ trợ 105 nhân khẩu.",
      "Mức hỗ trợ: 250.000 đồng/khẩu/tháng.",
      "Thời gian hưởng: Từ tháng 01 năm 2021 đến hết tháng 12 năm 2021 (12 tháng).",
      "Kinh phí hỗ trợ: 315 triệu đồng, từ nguồn ngân sách thành phố.",
      /* III: the seed's sentences, the plan's text, with the figures counted in the registry;
         no persons, no amount the seed does not state */
      "Chỉ đạo Trung tâm GDNN và GDTX thành phố phối hợp với Ủy ban nhân dân các xã, phường tổ "
      "chức lập danh sách tập huấn, đào tạo nghề nông nghiệp ngắn hạn dưới 3 tháng cho 16 hộ, lồng "
      "ghép từ nguồn vốn chương trình mục tiêu Quốc gia xây dựng nông thôn mới (xã Tả Phời 14 hộ, "
      "Thống Nhất 01 hộ, Nam Cường 01 hộ) chủ yếu về Trồng trọt",
      "Ngân hàng chính sách triển khai cho 48 hộ nghèo tại các xã: Thống Nhất 39 hộ, Tả Phời 09 hộ "
      "được tiếp cận các nguồn vốn vay tín dụng ưu đãi, đáp ứng nhu cầu vay vốn",
      "Thời gian thực hiện dự kiến trong quý I - quý II/2021.",
      /* III.3: the 10 households and the 80 cows are two figures (the plan states no number a
         household), then the scope */
      "Phòng Kinh tế thành phố hỗ trợ giống vật nuôi (giống bò) sinh sản cho 10 hộ tại các xã (Hợp "
      "Thành 06 hộ, Cốc San 02 hộ, Tả Phời 01 hộ, Vạn Hòa 01 hộ) và các hộ nghèo khác theo nguồn vốn "
      "thuộc chương trình mục tiêu Quốc gia xây dựng nông thôn mới cho hộ nghèo tại thôn đặc biệt "
      "khó khăn, phạm vi thực hiện 04 xã Tả Phời, Hợp Thành, Thống Nhất, Cốc San.\n\nTriển khai "
      "chính sách khác",
      "Kinh phí: 2.000 triệu đồng cho 80 con bò, từ nguồn ngân sách tỉnh",
      /* III.5: cards are per person: no households; the seed's 100% in its own sentence */
      "đặc biệt đối hộ nghèo còn thiếu hụt về y tế, đảm bảo 100% các đối tượng được cấp thẻ BHYT "
      "khám chữa bệnh.",
      "Triển khai hỗ trợ làm nhà ở cho 32 hộ nghèo còn khó khăn về nhà ở (xã Tả Phời 07 hộ, Cốc San "
      "04 hộ, Thống Nhất 14 hộ, Hợp Thành 07 hộ).",
      "Thời gian thực hiện dự kiến trong quý III - quý IV/2021 (có Kế hoạch riêng).",
      "Dự kiến nhu cầu kinh phí thực hiện: 5.723 triệu đồng, trong đó:",
      "- Ngân sách tỉnh thuộc nguồn vốn Chương trình MTQG xây dựng nông thôn mới: **2.048 triệu "
      "đồng** (Hỗ trợ đào tạo nghề 48 triệu đồng; hỗ trợ 80 con giống bò sinh sản 2.000 triệu đồng).",
      "- Ngân sách thành phố: **315 triệu đồng** (Hỗ trợ hàng tháng cho hộ nghèo không có khả năng "
      "thoát nghèo).",
      "- Nguồn xã hội hoá: **960 triệu đồng** (Hỗ trợ làm nhà ở).",
      "- Nguồn vốn vay tín dụng: **2.400 triệu đồng** (Vay vốn phát triển kinh tế).",
      /* II.2: the agency once */
      "Cơ quan hỗ trợ: Ủy ban nhân dân các xã, phường thực hiện hỗ trợ cho các hộ nghèo không có "
      "khả năng thoát nghèo theo kế hoạch.",
      "- Nguồn xã hội hoá: **960 triệu đồng**",
      "- Nguồn vốn vay tín dụng: **2.400 triệu đồng**",
      "báo cáo 6 tháng gửi **trước ngày 05/6/2021**, báo cáo năm gửi **trước ngày 05/12/2021** và "
      "báo cáo đột xuất theo chỉ đạo",
      "### 11. Đề nghị Ngân hàng Chính sách xã hội chi nhánh tỉnh Lào Cai",
      "**Nơi nhận:**",
      "**Ngô Vũ Quốc**",
      NULL};
  assert_contains_all(f->md, parts);
  assert_null(strstr(f->md, "80 con bò cho 10 hộ")); /* not 8 a household: the plan does not say so */
  assert_null(strstr(f->md, "mỗi hộ"));
  assert_null(strstr(f->md, "\n\nVà ")); /* no paragraph begins with a conjunction */
  /* the coverages are stated by the objectives and III.5's own words: not again */
  assert_null(strstr(f->md, "đảm bảo 100% hộ đủ điều kiện"));
  /* figures the seed does not state: persons beside households, amounts worked out by
     division, a loan's amount as a grant, a household count for cards issued per person */
  assert_null(strstr(f->md, "nhân khẩu)"));
  assert_null(strstr(f->md, "3.000.000 đồng/hộ"));
  assert_null(strstr(f->md, "25.000.000 đồng/con bò"));
  assert_null(strstr(f->md, "50.000.000 đồng/hộ"));
  assert_null(strstr(f->md, "2.572 hộ"));
  /* III.5 "carried out in quý II, completed in quý I" (check warns): the period only */
  assert_null(strstr(f->md, "hoàn thành trong quý I/2021"));
  assert_null(strstr(f->md, "Cơ quan thực hiện: Ủy ban nhân dân các xã, phường."));
}

static void the_html_is_the_same_document_printable_on_a4(void **state) {
  doc_fixture *f = *state;
  const char *parts[] = {"@page { size: A4;",
                         "<h1>KẾ HOẠCH</h1>",
                         "<h2>III. CÁC GIẢI PHÁP THỰC HIỆN</h2>",
                         "Tổng số hộ: 57 hộ, số khẩu được hỗ trợ 105 nhân khẩu.",
                         "<strong>trước ngày 05/6/2021</strong>",
                         "<div class=\"name\">Ngô Vũ Quốc</div>",
                         NULL};
  assert_contains_all(f->html, parts);
  assert_null(strstr(f->html, "<script"));
}

/* plan.docx read back with python-docx (tests/docx/check_plan.py): the layout of Nghị
** định 30/2020 and the plan's words and figures, as Word would see them. */
static void the_word_document_reads_back_in_python_docx(void **state) {
  doc_fixture *f = *state;
  const char *probe[] = {"/usr/bin/python3", "-c", "import docx", NULL};
  kh_result have = kh_exec(NULL, probe, 30);
  int found = have.code == 0;
  kh_result_free(&have);
  if (!found) {
    fprintf(stderr, "SKIPPED: no python3-docx to read plan.docx back (make test installs it as root)\n");
    skip();
  }
  char *docx = kh_path(f->dir, "lao-cai-city-2021/plan.docx");
  const char *argv[] = {"/usr/bin/python3", "tests/docx/check_plan.py", docx, NULL};
  kh_result r = kh_exec(NULL, argv, 120);
  if (r.code != 0) fail_msg("check_plan.py:\n%s%s", r.out, r.err);
  assert_string_equal(r.out, "ok\n");
  kh_result_free(&r);
  free(docx);
}

/* The 2022 plan issues the cards in quý I and completes them in quý I: said once. */
static void the_2022_plan_says_a_quarter_once(void **state) {
  (void)state;
  char *dir = kh_tmpdir();
  const char *args[] = {"doc", "plans/lao-cai-city-2022.lua", "--db", kh_registry(), "--out", dir, "--quiet", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  char *path = kh_path(dir, "lao-cai-city-2022/plan.md");
  char *md = kh_read_file(path);
  assert_non_null(md);
  assert_non_null(strstr(md, "Thời gian thực hiện dự kiến trong quý I/2022."));
  assert_null(strstr(md, "hoàn thành trong quý I/2022"));
  free(md);
  free(path);
  free(dir);
  kh_result_free(&r);
}

/* The half-year report of the 2021 plan (kehoach progress --as-of 2021-06-30): progress.docx
** read back with python-docx and progress.xlsx with openpyxl (tests/docx/check_report.py);
** the same bytes on a second run. */
static void the_half_year_report_is_a_document_to_send(void **state) {
  (void)state;
  char *dirs[2] = {kh_tmpdir(), kh_tmpdir()};
  for (int i = 0; i < 2; i++) {
    const char *args[] = {"progress", PLAN_2021, "--as-of", "2021-06-30", "--db", kh_registry(), "--out", dirs[i],
                          "--quiet", NULL};
    kh_result r = kh_run(args);
    if (r.code != 0) fail_msg("kehoach progress exited %d:\n%s", r.code, r.err);
    kh_result_free(&r);
  }
  const char *names[] = {"progress.md", "progress.html", "progress.docx", "progress.xlsx"};
  for (int i = 0; i < 4; i++) {
    char name[64];
    snprintf(name, sizeof name, "lao-cai-city-2021/%s", names[i]);
    char *a = kh_path(dirs[0], name), *b = kh_path(dirs[1], name);
    char *sa = kh_sha256(a), *sb = kh_sha256(b);
    assert_non_null(sa);
    assert_string_equal(sa, sb);
    free(sa);
    free(sb);
    free(a);
    free(b);
  }
  char *html_path = kh_path(dirs[0], "lao-cai-city-2021/progress.html");
  char *html = kh_read_file(html_path);
  const char *parts[] = {"<h1>BÁO CÁO</h1>", "<td class=\"number\">Số:          /BC-UBND</td>", "6 tháng đầu năm 2021</p>",
                         "<table class=\"data\">", "<div class=\"name\">Ngô Vũ Quốc</div>", NULL};
  assert_contains_all(html, parts);
  free(html);
  free(html_path);
  const char *probe[] = {"/usr/bin/python3", "-c", "import docx, openpyxl", NULL};
  kh_result have = kh_exec(NULL, probe, 30);
  int found = have.code == 0;
  kh_result_free(&have);
  if (found) {
    char *docx = kh_path(dirs[0], "lao-cai-city-2021/progress.docx");
    char *xlsx = kh_path(dirs[0], "lao-cai-city-2021/progress.xlsx");
    const char *argv[] = {"/usr/bin/python3", "tests/docx/check_report.py", docx, xlsx, NULL};
    kh_result r = kh_exec(NULL, argv, 120);
    if (r.code != 0) fail_msg("check_report.py:\n%s%s", r.out, r.err);
    assert_string_equal(r.out, "ok\n");
    kh_result_free(&r);
    free(docx);
    free(xlsx);
  }
  free(dirs[0]);
  free(dirs[1]);
  if (!found) {
    fprintf(stderr, "SKIPPED: no python3-docx or python3-openpyxl to read the report back (make test installs them as root)\n");
    skip();
  }
}

/* plan.html printed to PDF in headless Chromium, as an officer prints it: every font in
** the PDF (pdffonts, from poppler-utils) is of one serif family — Noto Serif, which the page
** names first — so no letter (ể ổ ẩ ỉ ở ử, which Debian's Liberation Serif 1.07 lacks)
** falls back to another font. */
static void the_printed_plan_uses_one_serif_family_and_numbers_its_pages(void **state) {
  doc_fixture *f = *state;
  char chromium[PATH_MAX];
  if (!kh_find_chromium(chromium, sizeof chromium) || access("/usr/bin/pdffonts", X_OK) != 0 ||
      access("/usr/share/fonts/truetype/noto/NotoSerif-Regular.ttf", R_OK) != 0) {
    fprintf(stderr, "SKIPPED: no chromium, pdffonts (poppler-utils) or Noto Serif (fonts-noto-core) to print "
                    "plan.html (make test installs them as root)\n");
    skip();
  }
  char *dir = kh_tmpdir();
  char *html = kh_path(f->dir, "lao-cai-city-2021/plan.html"), *pdf = kh_path(dir, "plan.pdf");
  char url[PATH_MAX + 16], profile[PATH_MAX + 32], print[PATH_MAX + 32];
  snprintf(url, sizeof url, "file://%s", html);
  snprintf(profile, sizeof profile, "--user-data-dir=%s/profile", dir);
  snprintf(print, sizeof print, "--print-to-pdf=%s", pdf);
  const char *argv[] = {chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                        "--disable-extensions", "--disable-background-networking", "--disable-component-update",
                        "--proxy-server=127.0.0.1:9", profile, "--no-pdf-header-footer", print, url, NULL};
  kh_result r = kh_exec(NULL, argv, 120);
  kh_result_free(&r);
  if (!kh_exists(pdf)) fail_msg("chromium printed no %s", pdf);
  const char *fonts[] = {"/usr/bin/pdffonts", pdf, NULL};
  r = kh_exec(NULL, fonts, 60);
  assert_int_equal(r.code, 0);
  /* after the two header lines, one font a line: "ABCDEF+NotoSerif-Bold  CID TrueType ..." */
  int n = 0;
  const char *line = strchr(r.out, '\n');
  line = line ? strchr(line + 1, '\n') : NULL;
  while (line && line[1]) {
    line++;
    const char *plus = strchr(line, '+'), *end = strchr(line, '\n');
    const char *name = plus && (!end || plus < end) ? plus + 1 : line;
    if (strncmp(name, "NotoSerif-", 10) != 0) fail_msg("a font of another family in the printed plan:\n%s", r.out);
    n++;
    line = end;
  }
  assert_true(n >= 2); /* regular and bold at least */
  kh_result_free(&r);
  /* numbered from page 2 on, at the top (Nghị định 30/2020): page 2 opens with "2", page 1
  ** with the letterhead */
  const char *page2[] = {"/usr/bin/pdftotext", "-f", "2", "-l", "2", pdf, "-", NULL};
  r = kh_exec(NULL, page2, 60);
  if (strncmp(r.out, "2\n", 2) != 0) fail_msg("page 2 does not open with its number:\n%.200s", r.out);
  kh_result_free(&r);
  const char *page1[] = {"/usr/bin/pdftotext", "-f", "1", "-l", "1", pdf, "-", NULL};
  r = kh_exec(NULL, page1, 60);
  if (strncmp(r.out, "ỦY BAN NHÂN DÂN", strlen("ỦY BAN NHÂN DÂN")) != 0)
    fail_msg("page 1 does not open with the letterhead:\n%.200s", r.out);
  kh_result_free(&r);
  free(html);
  free(pdf);
  free(dir);
}

static void the_document_is_the_same_on_every_run(void **state) {
  doc_fixture *f = *state;
  char *dir = kh_tmpdir();
  const char *args[] = {"doc", PLAN_2021, "--db", kh_registry(), "--out", dir, "--quiet", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_string_equal(r.out, "");
  assert_string_equal(r.err, "");
  char *again = kh_path(dir, "lao-cai-city-2021/plan.md");
  char *text = kh_read_file(again);
  assert_non_null(text);
  assert_string_equal(text, f->md);
  free(text);
  free(again);
  char *docx = kh_path(dir, "lao-cai-city-2021/plan.docx"), *first = kh_path(f->dir, "lao-cai-city-2021/plan.docx");
  char *sum = kh_sha256(docx), *first_sum = kh_sha256(first);
  assert_string_equal(sum, first_sum);
  free(sum);
  free(first_sum);
  free(docx);
  free(first);
  free(dir);
  kh_result_free(&r);
}

static void a_changed_value_changes_the_document(void **state) {
  char *dir = kh_tmpdir();
  const char *args[] = {"doc", PLAN_2021, "--db", kh_registry(), "--out", dir,
                        "--set", "tro_cap.amount=300000", NULL};
  kh_result r = kh_run(args);
  assert_int_equal(r.code, 0);
  assert_non_null(strstr(r.err, "--set tro_cap.amount = 300000 (was 250000)"));
  char *path = kh_path(dir, "lao-cai-city-2021/set/plan.md");
  char *md = kh_read_file(path);
  assert_non_null(md);
  /* 105 persons × 300.000 đồng × 12 months */
  const char *parts[] = {"Mức hỗ trợ: 300.000 đồng/khẩu/tháng.",
                         "Kinh phí hỗ trợ: 378 triệu đồng, từ nguồn ngân sách thành phố.",
                         "- Ngân sách thành phố: **378 triệu đồng** (Hỗ trợ hàng tháng cho hộ nghèo không có "
                         "khả năng thoát nghèo) *(kế hoạch ghi 315 triệu đồng)*.",
                         "Dự kiến nhu cầu kinh phí thực hiện: 5.786 triệu đồng, trong đó:",
                         /* under the title: not the plan as issued, and what changed */
                         "**Số liệu tính theo các thay đổi dưới đây, không phải theo kế hoạch như đã ban hành.**",
                         "*Các giá trị đã thay đổi: Mức hỗ trợ của “Hỗ trợ hộ nghèo không có khả năng thoát nghèo”: "
                         "300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng).*", NULL};
  assert_contains_all(md, parts);
  free(md);
  free(path);
  free(dir);
  kh_result_free(&r);
}

static void run_quiet_prints_nothing_and_json_prints_the_summary(void **state) {
  char *dir = kh_tmpdir();
  char *results = kh_path(dir, "results.db");
  const char *quiet[] = {"run", PLAN_2021, "--db", kh_registry(), "--out", dir, "--results", results, "--quiet", NULL};
  KH_ASSERT_SILENT(quiet);
  const char *json[] = {"run", PLAN_2021, "--db", kh_registry(), "--out", dir, "--results", results, "--json", NULL};
  kh_result r = kh_run(json);
  assert_int_equal(r.code, 0);
  char *path = kh_path(dir, "lao-cai-city-2021/summary.json");
  char *summary = kh_read_file(path);
  assert_non_null(summary);
  assert_string_equal(r.out, summary); /* stdout is summary.json, nothing else */
  assert_non_null(strstr(r.err, "warning: support 'bo_giong'")); /* warnings stay on stderr */
  assert_null(strstr(r.err, "\r"));                            /* and no progress bar off a terminal */
  free(summary);
  free(path);
  free(results);
  free(dir);
  kh_result_free(&r);
}

/* `script` (util-linux) runs the command on a pseudo-terminal: the bar is drawn there. */
static void the_progress_bar_is_drawn_on_a_terminal(void **state) {
  const char *script = "/usr/bin/script";
  if (access(script, X_OK) != 0) {
    fprintf(stderr, "SKIPPED: no %s to run kehoach on a terminal\n", script);
    skip();
  }
  char *dir = kh_tmpdir();
  char cmd[8192];
  snprintf(cmd, sizeof cmd, "KEHOACH_PROGRESS_DELAY=0 '%s' run " PLAN_2021 " --db '%s' --out '%s' --results '%s/r.db'",
           kh_bin(), kh_registry(), dir, dir);
  const char *argv[] = {script, "-qec", cmd, "/dev/null", NULL};
  kh_result r = kh_exec(NULL, argv, 120);
  assert_int_equal(r.code, 0);
  if (strstr(r.out, "\r\033[2Kkehoach run [") == NULL) fail_msg("no bar on the terminal:\n%s", r.out);
  assert_non_null(strstr(r.out, "allocations.csv"));
  free(dir);
  kh_result_free(&r);
}

int main(void) {
  const struct CMUnitTest doc_tests[] = {
      cmocka_unit_test(the_plan_document_states_the_seeds_figures_computed_from_the_registry),
      cmocka_unit_test(the_html_is_the_same_document_printable_on_a4),
      cmocka_unit_test(the_word_document_reads_back_in_python_docx),
      cmocka_unit_test(the_printed_plan_uses_one_serif_family_and_numbers_its_pages),
      cmocka_unit_test(the_document_is_the_same_on_every_run),
      cmocka_unit_test(a_changed_value_changes_the_document),
      cmocka_unit_test(the_half_year_report_is_a_document_to_send),
      cmocka_unit_test(the_2022_plan_says_a_quarter_once),
  };
  const struct CMUnitTest terminal_tests[] = {
      cmocka_unit_test(run_quiet_prints_nothing_and_json_prints_the_summary),
      cmocka_unit_test(the_progress_bar_is_drawn_on_a_terminal),
  };
  int failed = cmocka_run_group_tests_name("kehoach doc", doc_tests, doc_setup, doc_teardown);
  return kh_finish(failed + cmocka_run_group_tests_name("the terminal", terminal_tests, NULL, NULL));
}
