#!/usr/bin/python3
"""bench_serve.py — the workbench's speed and memory (`make bench`, from scripts/bench.sh).

Usage: bench_serve.py KEHOACH REGISTRY CHANGES [RUN_SECONDS]

Starts `kehoach serve` on the 2021 plan against REGISTRY on a free port, then times, from
request to the figures' answer (what the page puts on screen), 20 changes of each kind:
an amount (tro_cap.amount), an effect (vay_von.effect.income) and a quota
(vay_von.quota.Thống Nhất); the floor is the same request with nothing changed since the
last (the plan evaluated from its last stage). With RUN_SECONDS, one `kehoach run`'s time
measured by bench.sh just before, each is also given as a share of it. Then CHANGES
successive amount changes, and the server's resident memory after the first tenth and
after all of them. Prints lines in bench.sh's layout; asserts nothing."""
import http.client
import json
import os
import re
import statistics
import subprocess
import sys
import time

kehoach, registry, changes = sys.argv[1], sys.argv[2], int(sys.argv[3])
run_seconds = float(sys.argv[4]) if len(sys.argv) > 4 and float(sys.argv[4]) > 0 else None

server = subprocess.Popen([kehoach, "serve", "plans/lao-cai-city-2021.lua", "--db", registry, "--port", "0"],
                          stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
try:
    line = server.stdout.readline()
    m = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not m:
        sys.exit("bench: kehoach serve did not start: " + line)
    port = int(m.group(1))
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=600)

    def evaluate(values):
        body = json.dumps(values)
        t0 = time.perf_counter()
        conn.request("POST", "/api/evaluate", body, {"Content-Type": "application/json"})
        answer = json.loads(conn.getresponse().read())
        seconds = time.perf_counter() - t0
        if "html" not in answer:
            sys.exit("bench: the workbench gave no figures: %s" % answer)
        return seconds

    def rss_kib():
        with open("/proc/%d/status" % server.pid) as f:
            for l in f:
                if l.startswith("VmRSS:"):
                    return int(l.split()[1])
        return 0

    def series(kind, values):
        times = [evaluate(v) for v in values]
        return statistics.median(times), max(times)

    evaluate({"set": {}})
    floor, _ = series("floor", [{"set": {}}] * 20)
    rows = [("floor", floor, None)]
    med, top = series("amount", [{"set": {"tro_cap.amount": str(260000 + 1000 * i)}} for i in range(20)])
    rows.append(("amount", med, top))
    med, top = series("effect", [{"set": {"vay_von.effect.income": str(170000 + 1000 * i)}} for i in range(20)])
    rows.append(("effect", med, top))
    med, top = series("quota", [{"set": {"vay_von.quota.Thống Nhất": str(30 + i)}} for i in range(20)])
    rows.append(("quota", med, top))
    for label, med, top in rows:
        extra = "" if top is None else "  max %6.0f ms" % (top * 1000)
        share = "" if not run_seconds else "  %.2f × one run" % (med / run_seconds)
        print("  %-17s %7.0f ms (median of 20)%s%s%s" % ("serve " + label, med * 1000, extra, share,
              "" if label == "floor" else "  %.1f × the floor" % (med / floor if floor > 0 else 0)))

    first = max(1, changes // 10)
    for i in range(changes):
        evaluate({"set": {"tro_cap.amount": str(250001 + i)}})
        if i + 1 == first:
            early = rss_kib()
    late = rss_kib()
    print("  %-17s %d amount changes: RSS %.1f MiB after %d, %.1f MiB after %d (%+.1f MiB)" %
          ("serve memory", changes, early / 1024, first, late / 1024, changes, (late - early) / 1024))
finally:
    server.send_signal(2)
    try:
        server.wait(timeout=60)
    except subprocess.TimeoutExpired:
        server.kill()
