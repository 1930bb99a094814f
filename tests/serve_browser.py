#!/usr/bin/python3
"""serve_browser.py — the workbench (kehoach serve) in a real Chromium, driven through
chromedriver with Debian's python3-selenium. Called by tests/test_serve.c, which starts
the server on a free port and stops it after:

    serve_browser.py URL KEHOACH_BIN PLAN_DIR REGISTRY OUT_DIR

PLAN_DIR holds a copy of the 2021 plan (lao-cai-city-2021.lua), where the scenario is
saved. Prints one line per check, and exits 0 when every check held, 1 otherwise, 77
when selenium or chromedriver is missing (the C test then says SKIPPED)."""
import json
import os
import sqlite3
import subprocess
import sys

import browser

browser.start()
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

WAIT = 30  # seconds for one update of the page: far above the budget, never a timing test

url, kehoach, plan_dir, registry, out_dir = sys.argv[1:6]
check = browser.Checks()
driver = browser.chromium("kehoach-serve-profile-", ["--window-size=1366,900"])
driver.set_page_load_timeout(WAIT)
wait = WebDriverWait(driver, WAIT)


def path_input(path):
    for el in driver.find_elements(By.CSS_SELECTOR, "[data-path]"):
        if el.get_attribute("data-path") == path:
            return el
    raise AssertionError("no input for " + path)


def seq():
    return int(driver.find_element(By.TAG_NAME, "body").get_attribute("data-seq") or "0")


def change(path, value):
    """Types value into the input of path and waits for the page to show the answer."""
    before = seq()
    el = path_input(path)
    el.clear()
    el.send_keys(value)
    driver.execute_script("arguments[0].dispatchEvent(new Event('change'))", el)
    settled(before)


def settled(before):
    """Waits until the page shows the answer to its latest change (after seq before)."""
    wait.until(lambda d: seq() > before and d.find_element(By.TAG_NAME, "body").get_attribute("data-busy") == "0")


def figures():
    return driver.find_element(By.ID, "figures").text


def cell(table_id, row_attr, row_value, col):
    """The text of a table's cell, read in one go (the figures are replaced whole)."""
    return driver.execute_script("""
      var rows = document.querySelectorAll('#' + arguments[0] + ' tr[' + arguments[1] + ']');
      for (var i = 0; i < rows.length; i++)
        if (rows[i].getAttribute(arguments[1]) === arguments[2])
          return rows[i].querySelectorAll('td')[arguments[3]].textContent;
      return null;""", table_id, row_attr, row_value, col)


try:
    driver.get(url)
    wait.until(lambda d: d.find_element(By.TAG_NAME, "body").get_attribute("data-ready") == "1")
    check("the page is in Vietnamese, with the plan's title", "Kế hoạch" in driver.title)
    check("the plan's figures are shown before any change", "Kinh phí theo nguồn" in figures())
    check("the city budget line has an input named by its --set path",
          path_input("budget.ngan_sach_thanh_pho") is not None)

    # the allowance at 300.000 đồng: 378.000.000 from the city budget, 63.000.000 short
    change("tro_cap.amount", "300000")
    city = cell("wb-sources", "data-source", "ngan_sach_thanh_pho", 2)
    gap = cell("wb-sources", "data-source", "ngan_sach_thanh_pho", 3)
    check("allowance 300000: the city budget needs 378.000.000 (page: %s)" % city, city == "378.000.000")
    check("allowance 300000: the city budget's gap is 63.000.000 (page: %s)" % gap, gap == "63.000.000")
    check("the change is listed against the plan's value",
          "300.000 đồng/khẩu/tháng (kế hoạch: 250.000 đồng/khẩu/tháng)" in
          driver.find_element(By.ID, "wb-changes").text)

    # a quota raised: the projection follows
    before = cell("wb-communes-giam_ho_ngheo", "data-commune", "Tả Phời", 2)
    change("vay_von.quota.Tả Phời", "20")
    after = cell("wb-communes-giam_ho_ngheo", "data-commune", "Tả Phời", 2)
    check("a loan quota raised in Tả Phời: projected escapes there move (%s -> %s)" % (before, after),
          before is not None and after is not None and int(after) > int(before))

    # a wrong value: --set's message beside the input, the figures as they were
    change("tro_cap.amount", "ba trăm")
    err = driver.find_element(By.CSS_SELECTOR, "[data-error-for='tro_cap.amount']").text
    check("a wrong value shows --set's message beside its input (%s)" % err,
          "is not a sum of money" in err and "ba trăm" in err)
    change("tro_cap.amount", "300.000")
    err = driver.find_element(By.CSS_SELECTOR, "[data-error-for='tro_cap.amount']").text
    check("the message goes once the value is right", err == "")

    # two changes in flight: the later wins
    el = path_input("tro_cap.amount")
    before = seq()  # read before the changes go out: their answers may be back before the next call
    driver.execute_script("""
      var el = arguments[0];
      el.value = '260000'; el.dispatchEvent(new Event('change'));
      el.value = '300000'; el.dispatchEvent(new Event('change'));""", el)
    settled(before)
    city = cell("wb-sources", "data-source", "ngan_sach_thanh_pho", 2)
    check("two changes in flight: the page shows the later (%s)" % city, city == "378.000.000")

    # a household explained under the current values
    con = sqlite3.connect("file:%s?mode=ro" % registry, uri=True)
    row = con.execute("SELECT h.code FROM households h JOIN surveys s ON s.household = h.id "
                      "WHERE s.status = 'poor' AND s.unable_to_escape = 1 LIMIT 1").fetchone()
    con.close()
    code = row[0] if row else None
    if code:
        driver.find_element(By.ID, "household").send_keys(code)
        driver.find_element(By.CSS_SELECTOR, "#explain-form button").click()
        wait.until(lambda d: d.find_element(By.ID, "explain-out").text != "")
        text = driver.find_element(By.ID, "explain-out").text
        check("a household's explanation shows under the current values (300.000)", "300.000" in text)

    # save as a scenario: kehoach run on the file gives the workbench's figures
    driver.find_element(By.ID, "scenario-id").send_keys("thu_tren_trang")
    driver.find_element(By.ID, "scenario-label").send_keys("Trợ cấp 300.000 đồng, thêm vay ở Tả Phời")
    driver.find_element(By.CSS_SELECTOR, "#save-form button").click()
    wait.until(lambda d: d.find_element(By.ID, "save-out").text != "")
    saved = os.path.join(plan_dir, "lao-cai-city-2021-thu-tren-trang.lua")
    check("the scenario file is written beside the plan (%s)" % driver.find_element(By.ID, "save-out").text,
          os.path.exists(saved))
    r = subprocess.run([kehoach, "run", saved, "--db", registry, "--out", out_dir, "--json"],
                       capture_output=True, text=True, timeout=120)
    check("kehoach run on the saved scenario succeeds (%d)" % r.returncode, r.returncode == 0)
    run_summary = json.loads(r.stdout) if r.returncode == 0 else {}
    driver.set_script_timeout(WAIT)
    page_summary = driver.execute_async_script("""
      var done = arguments[arguments.length - 1];
      fetch('/api/evaluate', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ seq: 0, summary: true, budget: 'gap',
          set: { 'tro_cap.amount': '300.000', 'vay_von.quota.Tả Phời': '20' } }) })
        .then(function (r) { return r.json(); }).then(function (a) { done(a.summary); });""")
    for key in ["budget", "programmes", "projection", "targets", "reached", "checks"]:
        check("the saved scenario's run has the workbench's %s" % key,
              page_summary is not None and run_summary.get(key) == page_summary.get(key))

    # documents of the variant
    driver.find_element(By.ID, "docs").click()
    wait.until(lambda d: len(d.find_elements(By.CSS_SELECTOR, "#docs-out a")) > 0)
    names = [a.get_attribute("download") for a in driver.find_elements(By.CSS_SELECTOR, "#docs-out a")]
    check("Tải tài liệu offers report.xlsx, plan.docx and report.html (%s)" % ", ".join(names),
          all(n in names for n in ["report.xlsx", "plan.docx", "report.html"]))

    logs = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
    check("no errors in the browser's console (%s)" % logs, not logs)
finally:
    driver.quit()

sys.exit(check.code())
