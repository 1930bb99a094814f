#!/usr/bin/python3
"""report_browser.py — report.html in a real Chromium at the sizes officers read it: a
desktop window, a phone (390 px wide) and A4 print. Driven through chromedriver with
Debian's python3-selenium; called by tests/test_dashboard.c with the page's path:

    report_browser.py REPORT_HTML

What it holds: every chart's text is drawn at 10 px or more at every size (a chart keeps a
readable width on a phone and scrolls sideways instead of shrinking), nothing but a chart
is wider than the phone's screen, and in print the charts fit the page, the tables'
"Bảng số liệu" toggles are hidden and headings are kept with what follows them. Prints one
line per check; exits 0 when every check held, 1 otherwise, 77 when selenium or
chromedriver is missing (the C test then says SKIPPED)."""
import os
import sys

import browser

browser.start()

FONT = 12  # px: the charts' text in their own units (render/svg.lua)
SMALLEST = 10  # px: the smallest text a chart may show on screen

page = os.path.abspath(sys.argv[1])
check = browser.Checks()
driver = browser.chromium("kehoach-report-profile-")
driver.set_page_load_timeout(60)

# Each chart: its drawn width and its own (viewBox) width, so the size its 12-unit text is
# drawn at; and the widest element that is not inside a chart's scrolling box.
MEASURE = """
const out = {charts: [], widest: 0, viewport: document.documentElement.clientWidth};
for (const svg of document.querySelectorAll('svg.chart')) {
  const box = svg.viewBox.baseVal;
  out.charts.push({id: svg.id, drawn: svg.getBoundingClientRect().width, own: box.width});
}
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('.chart-scroll') || el.closest('svg')) continue;
  out.widest = Math.max(out.widest, el.getBoundingClientRect().right);
}
return out;
"""

try:
    driver.get("file://" + page)
    for label, width, height in (("desktop", 1366, 900), ("phone", 390, 844)):
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": label == "phone"})
        m = driver.execute_script(MEASURE)
        check("%s: the page has its charts (%d)" % (label, len(m["charts"])), len(m["charts"]) >= 5)
        small = [c["id"] for c in m["charts"] if FONT * c["drawn"] / c["own"] < SMALLEST]
        check("%s: every chart's text is %d px or more (too small: %s)" % (label, SMALLEST, ", ".join(small) or "none"),
              not small)
        check("%s: nothing but a chart is wider than the screen (widest %.0f of %d px)" % (label, m["widest"], m["viewport"]),
              m["widest"] <= m["viewport"] + 1)
    # print: A4 at 96 px an inch, less the margins Chromium gives a page with none set
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})
    driver.execute_cdp_cmd("Emulation.setEmulatedMedia", {"media": "print"})
    driver.set_window_size(794, 1123)
    printed = driver.execute_script("""
      const css = (sel, prop) => { const e = document.querySelector(sel); return e ? getComputedStyle(e)[prop] : null; };
      const widest = Math.max(...[...document.querySelectorAll('svg.chart')].map(s => s.getBoundingClientRect().width));
      return {summary: css('details > summary', 'display'), h2: css('h2', 'breakAfter'),
              figure: css('figure.chart-figure', 'breakInside'), widest: widest,
              body: document.body.getBoundingClientRect().width};""")
    check("print: the 'Bảng số liệu' toggles are hidden", printed["summary"] == "none")
    check("print: headings stay with what follows them", printed["h2"] == "avoid")
    check("print: a chart is never split across pages", printed["figure"] == "avoid")
    check("print: the charts fit the page (%.0f of %.0f px)" % (printed["widest"], printed["body"]),
          printed["widest"] <= printed["body"] + 1)
    pdf = driver.execute_cdp_cmd("Page.printToPDF", {"paperWidth": 8.27, "paperHeight": 11.69})
    check("print: Chromium prints it to PDF", len(pdf.get("data", "")) > 1000)
finally:
    driver.quit()

sys.exit(check.code())
