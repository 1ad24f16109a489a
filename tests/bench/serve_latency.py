#!/usr/bin/env python3
"""Measures how fast `vejviser serve` follows an edit; run by scripts/bench-serve.

It starts `serve --site SITE --port 0` on a project, opens the event stream
(/__vejviser/events) and then, EDITS times: appends a line with a counter to one Markdown
file, and records from that write (1) when the stream announces `event: reload` and (2) when
the page serves the new line. The two are watched independently: a thread reads the stream
and stamps each event as it arrives, while the main thread polls the page every 2 ms. It
also collects the server's own "rebuilt in N ms" lines, and finally times full `vejviser
build`s of the same project. Python's standard library only.
"""

import argparse
import http.client
import os
import queue
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time

TIMEOUT = 60.0  # seconds any one step may take before the benchmark gives up
POLL = 0.002  # seconds between two requests for the page


def start_server(args):
    server = subprocess.Popen(
        [args.bin, "serve", "--root", args.root, "--site", args.site, "--port", "0",
         "--today", args.today],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env={**os.environ, "NO_COLOR": "1"})
    lines = queue.Queue()
    rebuilds = []  # the server's own timing of each rebuild, in ms

    def read_stdout():
        for line in server.stdout:
            lines.put(line.strip())

    def read_stderr():
        for line in server.stderr:
            found = re.match(r"rebuilt in (\d+) ms", line)
            if found:
                rebuilds.append(float(found.group(1)))

    threading.Thread(target=read_stdout, daemon=True).start()
    threading.Thread(target=read_stderr, daemon=True).start()
    try:
        first = lines.get(timeout=TIMEOUT)
    except queue.Empty:
        server.kill()
        sys.exit(f"bench-serve: `serve` printed no address within {TIMEOUT:.0f} s")
    found = re.search(r"http://127\.0\.0\.1:(\d+)/$", first)
    if not found:
        server.kill()
        sys.exit(f"bench-serve: unexpected first line {first!r}")
    return server, int(found.group(1)), rebuilds


def listen(port, events, connected):
    """Reads the event stream, putting (arrival time, event name) on `events`."""
    connection = http.client.HTTPConnection("127.0.0.1", port)
    connection.request("GET", "/__vejviser/events")
    response = connection.getresponse()
    connected.set()
    while True:
        line = response.readline()
        if not line:
            return
        if line.startswith(b"event:"):
            events.put((time.monotonic(), line[6:].strip().decode()))


def fetch(connection, path):
    connection.request("GET", path)
    response = connection.getresponse()
    return response.status, response.read().decode("utf-8", "replace")


def summary(label, values):
    return (f"{label:<34} {min(values):8.1f} {statistics.median(values):8.1f} "
            f"{max(values):8.1f}")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bin", required=True, help="the vejviser binary")
    parser.add_argument("--root", required=True, help="the project folder")
    parser.add_argument("--site", required=True, help="the municipality to serve")
    parser.add_argument("--file", required=True, help="the Markdown file to edit, in --root")
    parser.add_argument("--page", required=True, help="the URL path of that file's page")
    parser.add_argument("--edits", type=int, default=10)
    parser.add_argument("--builds", type=int, default=3, help="full builds to time")
    parser.add_argument("--today", default="2026-06-01")
    args = parser.parse_args()

    server, port, rebuilds = start_server(args)
    try:
        page = http.client.HTTPConnection("127.0.0.1", port, timeout=TIMEOUT)
        status, _ = fetch(page, args.page)
        if status != 200:
            sys.exit(f"bench-serve: {args.page} answers {status}, not 200")
        events = queue.Queue()
        connected = threading.Event()
        threading.Thread(target=listen, args=(port, events, connected), daemon=True).start()
        if not connected.wait(TIMEOUT):
            sys.exit("bench-serve: the event stream does not answer")

        to_reload, to_page = [], []
        for n in range(1, args.edits + 1):
            while not events.empty():
                events.get_nowait()
            marker = f"benchmark-edit-{n}-of-{args.edits}"
            written = time.monotonic()
            with open(f"{args.root}/{args.file}", "a", encoding="utf-8") as f:
                f.write(f"\n{marker}\n")

            while True:
                status, body = fetch(page, args.page)
                if status == 200 and marker in body:
                    to_page.append((time.monotonic() - written) * 1000)
                    break
                if time.monotonic() - written > TIMEOUT:
                    sys.exit(f"bench-serve: edit {n} not served after {TIMEOUT:.0f} s")
                time.sleep(POLL)
            while True:
                try:
                    at, name = events.get(timeout=max(0.0, written + TIMEOUT - time.monotonic()))
                except queue.Empty:
                    sys.exit(f"bench-serve: no `reload` for edit {n} within {TIMEOUT:.0f} s")
                if name == "errors":
                    sys.exit(f"bench-serve: edit {n} made the build fail")
                if name == "reload" and at >= written:
                    to_reload.append((at - written) * 1000)
                    break
            time.sleep(0.3)  # let the server go quiet before the next edit
    finally:
        server.kill()
        server.wait()

    builds = []
    with tempfile.TemporaryDirectory() as out:
        for _ in range(args.builds):
            started = time.monotonic()
            subprocess.run([args.bin, "build", "--root", args.root, "--out", out,
                            "--today", args.today, "--full"], check=True, stdout=subprocess.DEVNULL,
                           stderr=subprocess.DEVNULL)
            builds.append((time.monotonic() - started) * 1000)

    print(f"{args.edits} edits of {args.file}, served as {args.page}")
    print(f"{'(ms)':<34} {'min':>8} {'median':>8} {'max':>8}")
    print(summary("write → `reload` event", to_reload))
    print(summary("write → page serves the new line", to_page))
    if rebuilds:
        print(summary("rebuild, as the server logs it", rebuilds))
    print(f"full `vejviser build` (median of {args.builds}): "
          f"{statistics.median(builds):.1f} ms  (runs: "
          + ", ".join(f"{b:.0f}" for b in builds) + ")")


if __name__ == "__main__":
    main()
