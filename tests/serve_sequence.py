#!/usr/bin/python3
"""serve_sequence.py — the workbench's staged evaluations give `kehoach run`'s figures.
Called by tests/test_serve.c with the server it started:

    serve_sequence.py URL KEHOACH_BIN PLAN REGISTRY OUT_DIR

Sends a sequence of changes to /api/evaluate, each from the one before (so that each is
evaluated from the stage it reaches: an amount priced again, a quota chosen again, a
budget mode funded again, a priority selected again), and compares the summary the
workbench answers with `kehoach run --json` of the same values, key by key (the
parameters' order of listing aside). Prints one line per step; exits 1 if any differs."""
import http.client
import json
import subprocess
import sys
from urllib.parse import urlparse

url, kehoach, plan, registry, out = sys.argv[1:6]
u = urlparse(url)
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=120)

STEPS = [
    ({"tro_cap.amount": "300000"}, None, "gap"),
    ({"tro_cap.amount": "300.000", "vay_von.quota.Tả Phời": "20"}, None, "gap"),
    ({"tro_cap.amount": "300000", "vay_von.quota.Tả Phời": "20"}, None, "cap"),
    ({"vay_von.quota.Tả Phời": "20"}, None, "prorate"),
    ({"vay_von.quota.Tả Phời": "20", "budget.ngan_sach_thanh_pho": "200000000"}, None, "cap"),
    ({}, None, "gap"),
    ({}, "tang_tro_cap", "gap"),
    ({"vay_von.effect.income": "400000"}, "vay_du_nhu_cau", "gap"),
    ({"vay_von.priority": "most_deprived"}, None, "gap"),
    ({"vay_von.quota.Hợp Thành": "5"}, None, "gap"),
    ({"vay_von.quota.Hợp Thành": "5", "bo_giong.quota.Tả Phời": "3"}, None, "gap"),
    ({"tro_cap.coverage": "50%"}, None, "gap"),
    ({}, None, "gap"),
]

failed = 0
for sets, scenario, budget in STEPS:
    conn.request("POST", "/api/evaluate", json.dumps({"set": sets, "scenario": scenario, "budget": budget,
                                                      "summary": True}), {"Content-Type": "application/json"})
    page = json.loads(conn.getresponse().read()).get("summary")
    args = [kehoach, "run", plan, "--db", registry, "--json", "--out", out, "--results", out + "/results.db"]
    for k, v in sets.items():
        args += ["--set", "%s=%s" % (k, v)]
    if scenario:
        args += ["--scenario", scenario]
    if budget != "gap":
        args += ["--budget", budget]
    r = subprocess.run(args, capture_output=True, text=True, timeout=300)
    run = json.loads(r.stdout) if r.returncode == 0 else None
    differ = ["(no run: %s)" % r.stderr.strip()] if run is None else ["(no figures)"] if page is None else \
        [k for k in run if k != "parameters" and run[k] != page.get(k)]
    print(("ok   " if not differ else "DIFF ") + json.dumps([sets, scenario, budget], ensure_ascii=False) +
          ("" if not differ else " " + ", ".join(differ)))
    failed += bool(differ)
sys.exit(1 if failed else 0)
