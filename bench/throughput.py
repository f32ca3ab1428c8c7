"""Requests per second and latency of resident pages and ballot casts, with wrk as the client.

    .venv/bin/python bench/throughput.py [--clients 16] [--seconds 10] [--workers 2]
    .venv/bin/python bench/throughput.py --database postgresql://user:pass@host/empty_db --workers 4

wrk is a C load generator (Debian: apt-get install wrk), so the client takes little of the
server's CPU. Loads the demo into a fresh SQLite file (or resets the public schema of the given,
empty PostgreSQL database), starts gunicorn, then measures in one run:
- /healthz (one query, no template), the yardstick for a page;
- the resident pages (round, needs list, need, ballot, results), each a third of /healthz or more, as
  a visitor who has not taken part sees them (served as stored, app/page_cache.py), and the need page
  for a resident who has (rendered for them);
- casting a ranking ballot (POST, CSRF token and session per connection, bench/wrk/resident.lua);
- the database's raw durable commit rate on this machine, the yardstick for a cast (a quarter or more);
- pages read while a crowd casts (two connections casting beside the others reading): a page of another
  round, which a cast leaves stored, and the casting round's own ballot page, which each cast renews.
Last, what one server holds: residents a minute (six pages and a ballot each) and ballots a second.
"""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import sqlite_commits_per_second, start_server  # noqa: E402

LUA = Path(__file__).resolve().parent / "wrk" / "resident.lua"
PAGES = {"round": "/rounds/lewisham-2027", "needs list": "/rounds/lewisham-2027/needs",
         "need": "/rounds/tower-hamlets-youth/needs/7", "ballot": "/rounds/brent-green-streets/ballot",
         "results": "/rounds/newham-2026/results"}
CAST = ("/rounds/brent-green-streets/ballot", "11,12,13", "/rounds/brent-green-streets/ballot")
START = "/rounds/tower-hamlets-youth"
# A resident who has taken part (supported a need) sees pages of their own, rendered for them.
SUPPORT = "/rounds/tower-hamlets-youth/needs/7/support"


def wrk(base: str, clients: int, seconds: float, *args: str) -> dict:
    command = ["wrk", f"-t{clients}", f"-c{clients}", f"-d{int(seconds)}s", "--timeout", "10s", "-s", str(LUA),
               base, "--", *args]
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode or "RESULT" not in done.stdout:
        raise SystemExit(f"wrk failed: {done.stdout}{done.stderr}")
    output = done.stdout
    found = dict(re.findall(r"(\w+)=(\d+)", output.split("RESULT", 1)[1]))
    result = {key: int(value) for key, value in found.items()}
    result["rate"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def beside_casts(base: str, clients: int, seconds: float, path: str) -> tuple[dict, dict]:
    """A page read by all connections but two, while those two cast ballots, at the same time."""
    casts = {}
    casting = threading.Thread(target=lambda: casts.update(wrk(base, 2, seconds, "cast", *CAST)))
    casting.start()
    read = wrk(base, clients - 2, seconds, "get", path, "", START)
    casting.join()
    return read, casts


def line(name: str, result: dict, yardstick: float | None = None, target: float | None = None) -> str:
    text = (f"  {name:34} {result['rate']:8.0f} req/s   median {result['p50_us'] / 1000:6.1f} ms"
            f"   p95 {result['p95_us'] / 1000:6.1f} ms   errors {result['errors'] + result['status_errors']}")
    if yardstick:
        ratio = result["rate"] / yardstick
        text += f"   {ratio:6.1%}" + (f" {'ok' if ratio >= target else 'BELOW'} (target {target:.0%})" if target else "")
    return text


def postgres_commits(url: str, seconds: float = 3.0) -> float:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://")) as db:
        db.execute("CREATE TEMPORARY TABLE raw_commits (x integer)")
        db.commit()
        count, stop = 0, time.monotonic() + seconds
        while time.monotonic() < stop:
            db.execute("INSERT INTO raw_commits VALUES (1)")
            db.commit()
            count += 1
    return count / seconds


def reset_postgres(url: str) -> None:
    import psycopg

    with psycopg.connect(url.replace("postgresql+psycopg://", "postgresql://"), autocommit=True) as db:
        db.execute("DROP SCHEMA IF EXISTS public CASCADE")
        db.execute("CREATE SCHEMA public")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=16)
    parser.add_argument("--seconds", type=float, default=10)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--database", help="An empty PostgreSQL database (its tables are dropped); SQLite otherwise.")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        url = args.database or f"sqlite:///{folder}/bench.db"
        if args.database:
            reset_postgres(url)
        # Each client here posts far faster than a person; lift the thresholds, keep the limiter's work.
        env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench",
               "RESIDENT_DEVICE_LIMIT": "1000000 per minute", "RESIDENT_ADDRESS_LIMIT": "1000000 per minute"}
        server, base = start_server(env, args.workers)
        database = "PostgreSQL" if args.database else "SQLite"
        print(f"{args.clients} connections (one resident each) for {args.seconds:.0f} s per line, "
              f"gunicorn --workers {args.workers}, {database}")
        try:
            for path in ["/healthz", *PAGES.values()]:  # every worker up, templates compiled, caches filled
                wrk(base, args.clients, 2, "get", path, "", START)
            health = wrk(base, args.clients, args.seconds, "get", "/healthz", "", START)
            print(line("/healthz", health))
            pages = {}
            for name, path in PAGES.items():
                pages[name] = wrk(base, args.clients, args.seconds, "get", path, "", START)
                print(line(f"{name} ({path})", pages[name], health["rate"], 1 / 3), flush=True)
            own = wrk(base, args.clients, args.seconds, "took-part", PAGES["need"], "", START, SUPPORT)
            print(line("need, for a resident who took part", own, health["rate"]), flush=True)
            casting = wrk(base, args.clients, args.seconds, "cast", *CAST)
            beside = {name: beside_casts(base, args.clients, args.seconds, path)
                      for name, path in (("need, another round", PAGES["need"]), ("ballot, the casting round", CAST[0]))}
        finally:
            server.terminate()
            server.wait()
        commits = postgres_commits(url) if args.database else sqlite_commits_per_second(f"{folder}/raw.db")
        print(f"  raw durable commits ({database}, one connection): {commits:8.0f} /s")
        print(line("cast a ranking ballot (POST)", casting, commits, 1 / 4))
        print(f"  p95 of a cast {'under' if casting['p95_us'] < 50_000 else 'OVER'} 50 ms")
        for name, (read, cast) in beside.items():
            print(line(f"{name}, beside casts", read, health["rate"]))
            print(line("  the casts beside it", cast))
        # A resident's visit: six pages (one of each, the need page twice) and one ballot, in server-seconds.
        visit = sum(1 / r["rate"] for r in pages.values()) + 1 / pages["need"]["rate"] + 1 / casting["rate"]
        print(f"  one server holds about {60 / visit:.0f} residents a minute (six pages and a ballot each), "
              f"or {casting['rate']:.0f} ballots a second")


if __name__ == "__main__":
    main()
