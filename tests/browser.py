"""browser.py — what the Python browser tests share (tests/report_browser.py,
tests/serve_browser.py): Debian's Chromium through chromedriver and python3-selenium, with
the flags that work headless here and a fresh profile (removed when the script ends), and
the checks' bookkeeping.

    driver = browser.chromium("kehoach-report-", ["--window-size=1366,900"])
    check = browser.Checks(); check("what", ok); sys.exit(check.code())

browser.start() exits 77 (the C test then says SKIPPED) when selenium or chromedriver is
missing; call it before anything else."""
import atexit
import os
import shutil
import sys
import tempfile

DRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def start():
    try:
        import selenium  # noqa: F401
    except ImportError:
        print("SKIPPED: no python3-selenium")
        sys.exit(77)
    if not os.access(DRIVER, os.X_OK):
        print("SKIPPED: no chromedriver")
        sys.exit(77)


def chromium(profile_prefix, more=()):
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    profile = tempfile.mkdtemp(prefix=profile_prefix)
    # the browser's profile goes when the script ends (after the driver has quit)
    atexit.register(shutil.rmtree, profile, ignore_errors=True)
    for flag in FLAGS + ["--user-data-dir=" + profile] + list(more):
        opts.add_argument(flag)
    opts.binary_location = "/usr/bin/chromium"
    return webdriver.Chrome(service=Service(DRIVER), options=opts)


class Checks:
    """Prints one line per check; code() is 0 when every check held, else 1."""

    def __init__(self):
        self.failures = []

    def __call__(self, what, ok):
        print(("ok   " if ok else "FAIL ") + what)
        if not ok:
            self.failures.append(what)

    def code(self):
        return 1 if self.failures else 0
