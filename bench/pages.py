"""Weight of resident pages and speed of resident requests, against gunicorn on SQLite.

    .venv/bin/python bench/pages.py [--clients 16] [--seconds 10] [--workers 2]

Loads the demo into a fresh SQLite file, starts gunicorn, then reports:
- bytes per resident page (HTML, and with CSS and htmx on a first visit): raw, gzip-compressed, and what
  actually goes over the wire to a phone that accepts Brotli (headers included);
- requests per second and latency (median, 95th percentile) for reading a need page, supporting
  a need and casting a ranking ballot (POSTs that write), with concurrent clients each holding
  its own session;
- raw durable SQLite commits per second on this machine, as the ceiling for writes.
"""
import argparse
import secrets
import gzip
import http.cookiejar
import os
import re
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
RESIDENT_PAGES = ["/", "/rounds/lewisham-2027", "/rounds/lewisham-2027/needs", "/rounds/lewisham-2027/needs/new",
                  "/rounds/lewisham-2027/needs/1", "/rounds/tower-hamlets-youth/needs/7",
                  "/rounds/brent-green-streets/ballot", "/rounds/newham-2026/results", "/rounds/newham-2026/receipts",
                  "/rounds/newham-2026/decisions"]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(env: dict, workers: int) -> tuple[subprocess.Popen, str]:
    for command in (["db", "upgrade"], ["demo"], ["static", "compress"]):
        subprocess.run([BIN / "flask", "--app", "wsgi", *command], cwd=ROOT, env=env, check=True,
                       capture_output=True)
    port = free_port()
    server = subprocess.Popen([BIN / "gunicorn", "--workers", str(workers), "--bind", f"127.0.0.1:{port}",
                               "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return server, base
        except OSError:
            time.sleep(0.1)
    server.kill()
    raise SystemExit("gunicorn did not start")


def fetch(url: str) -> bytes:
    with urllib.request.urlopen(url) as response:
        return response.read()


def on_the_wire(base: str, path: str, accept_encoding: str) -> int:
    """Bytes a browser receives for one GET (status line, headers and body), as the socket sees them."""
    host, port = urllib.parse.urlsplit(base).netloc.split(":")
    with socket.create_connection((host, int(port))) as connection:
        connection.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nAccept-Encoding: {accept_encoding}\r\n"
                           f"Accept-Language: en-GB\r\nConnection: close\r\n\r\n".encode())
        received = 0
        while chunk := connection.recv(65536):
            received += len(chunk)
    return received


PHONE = "gzip, deflate, br"


def page_weights(base: str) -> None:
    print("\nbytes per resident page: raw body / gzip of the body / on the wire to a phone (headers and all)")
    first = fetch(base + "/rounds/lewisham-2027/needs").decode()
    assets = re.findall(r'(?:href|src)="(/static/[^"]+)"', first)
    raw = [fetch(base + a) for a in assets]
    assets_wire = sum(on_the_wire(base, a, PHONE) for a in assets)
    print(f"  {'assets (' + ', '.join(a.split('/')[-1].split('?')[0] for a in assets) + ')':48} "
          f"{sum(map(len, raw)):>7} / {sum(len(gzip.compress(b)) for b in raw):>6} / {assets_wire:>6}")
    wire = {}
    for path in RESIDENT_PAGES:
        html = fetch(base + path)
        wire[path] = on_the_wire(base, path, PHONE)
        print(f"  {path:48} {len(html):>7} / {len(gzip.compress(html)):>6} / {wire[path]:>6}")
    first_visit = assets_wire + max(wire.values())
    print(f"  first visit (assets + the heaviest page) on the wire: {first_visit / 1000:.1f} KB (target 30 KB)")
    print(f"  a later page (assets cached a year) on the wire: at most {max(wire.values()) / 1000:.1f} KB "
          f"(target 5 KB)")
    plain = on_the_wire(base, "/rounds/lewisham-2027/needs", "identity")
    print(f"  the same needs list to a client that accepts no compression: {plain / 1000:.1f} KB")


class Resident:
    """One phone: its own cookie jar and CSRF token."""

    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
        page = self.opener.open(base + "/rounds/tower-hamlets-youth").read().decode()
        self.token = re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)

    def read(self, path: str) -> None:
        self.opener.open(self.base + path).read()

    def cast(self, order: list[int]) -> None:
        """Cast (or change) a ranking ballot: a fresh submission each time, based on the last version."""
        self.version = getattr(self, "version", 0)
        data = urllib.parse.urlencode({"csrf_token": self.token, "nonce": secrets.token_urlsafe(12),
                                       "based_on": self.version, "order": order, "cast": "1"}, doseq=True).encode()
        self.opener.open(f"{self.base}/rounds/brent-green-streets/ballot", data=data).read()
        self.version += 1

    def support(self, need_id: int) -> None:
        data = urllib.parse.urlencode({"csrf_token": self.token}).encode()
        self.opener.open(f"{self.base}/rounds/tower-hamlets-youth/needs/{need_id}/support", data=data).read()


def load(base: str, clients: int, seconds: float, action) -> tuple[int, list[float], int]:
    residents = [Resident(base) for _ in range(clients)]
    latencies, errors, stop = [], [0], time.monotonic() + seconds
    lock = threading.Lock()

    def run(resident: Resident, n: int):
        own, i = [], 0
        while time.monotonic() < stop:
            started = time.perf_counter()
            try:
                action(resident, n, i)
                own.append(time.perf_counter() - started)
            except OSError:
                with lock:
                    errors[0] += 1
            i += 1
        with lock:
            latencies.extend(own)

    threads = [threading.Thread(target=run, args=(r, n)) for n, r in enumerate(residents)]
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies), latencies, errors[0], time.monotonic() - started


def report(name: str, result) -> None:
    count, latencies, errors, elapsed = result
    quantiles = statistics.quantiles(latencies, n=20)
    print(f"  {name:34} {count / elapsed:8.0f} req/s   median {statistics.median(latencies) * 1000:6.1f} ms"
          f"   p95 {quantiles[18] * 1000:6.1f} ms   errors {errors}")


def sqlite_commits_per_second(path: str, seconds: float = 3.0) -> float:
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode=WAL")
    db.execute("PRAGMA synchronous=FULL")
    db.execute("CREATE TABLE t (x INTEGER)")
    count, stop = 0, time.monotonic() + seconds
    while time.monotonic() < stop:
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO t VALUES (1)")
        db.execute("COMMIT")
        count += 1
    db.close()
    return count / seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--weights-only", action="store_true", help="Page weights, no load.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        # Each client here posts far faster than a person; lift the thresholds, keep the limiter's work.
        env = {**os.environ, "DATABASE_URL": f"sqlite:///{folder}/bench.db", "SECRET_KEY": "bench",
               "RESIDENT_DEVICE_LIMIT": "1000000 per minute", "RESIDENT_ADDRESS_LIMIT": "1000000 per minute"}
        server, base = start_server(env, args.workers)
        try:
            page_weights(base)
            if args.weights_only:
                return
            print(f"\n{args.clients} concurrent residents for {args.seconds:.0f} s each, gunicorn --workers {args.workers}")
            report("read a need page (GET)", load(base, args.clients, args.seconds,
                                                  lambda r, n, i: r.read("/rounds/tower-hamlets-youth/needs/7")))
            report("support a need (POST, one write)", load(base, args.clients, args.seconds,
                                                            lambda r, n, i: r.support(7 + (i % 4))))
            casting = load(base, args.clients, args.seconds, lambda r, n, i: r.cast([11 + i % 3, 11 + (i + 1) % 3]))
            report("cast a ballot (POST, then GET)", casting)
        finally:
            server.terminate()
            server.wait()
        commits = sqlite_commits_per_second(f"{folder}/raw.db")
        casts_per_second = casting[0] / casting[3]
        print(f"\nraw SQLite durable commits (WAL, synchronous=FULL) on this machine: {commits:.0f}/s")
        print(f"casting over HTTP reaches {casts_per_second / commits:.1%} of the raw commit rate")


if __name__ == "__main__":
    main()
