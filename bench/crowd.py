"""A crowd at the door: phones scanning their cards and voting at once, against gunicorn.

    .venv/bin/python bench/crowd.py [--phones 60] [--workers 2] [--seconds 60] [--database URL]

Makes a ranking round with one access code per phone in a fresh database (a new SQLite file, or the
empty PostgreSQL database given with --database, whose tables it replaces), starts gunicorn, then lets
every phone, each with its own cookies, start within the first `--seconds`/10 seconds and:
scan its card (GET /join?code=), open the ballot, cast it twice at once (a double tap) and open
the receipts page. Reports every request that failed (5xx, a refused right code, a lost or doubled
ballot; target 0) and the latency of each step (median, 95th percentile).
"""
import argparse
import http.cookiejar
import os
import random
import re
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench.pages import BIN, ROOT, free_port  # noqa: E402

SETUP = """
import sys
from sqlalchemy import text
from flask_migrate import upgrade
from app import create_app
from app.extensions import db
from app.models import Need, Participant, Round
app = create_app()
with app.app_context():
    if db.engine.dialect.name == "postgresql":
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    upgrade()
    round_ = Round(slug="crowd", title="Crowd", phase="rank", access="codes", max_choices=3)
    db.session.add(round_)
    db.session.flush()
    author = Participant(round_id=round_.id, display_name="Organiser")
    db.session.add(author)
    db.session.flush()
    for title in ("Street lights", "Play area", "Benches", "Bins", "Trees"):
        db.session.add(Need(round_id=round_.id, title=title, description=title, participant_id=author.id,
                            category="other", language="en", search_document=title.lower()))
    db.session.commit()
"""
COUNT = """
from app import create_app
from app.extensions import db
from app.models import Ballot
with create_app().app_context():
    print(db.session.scalar(db.select(db.func.count(Ballot.id))))
"""
STEPS = ("scan card", "open ballot", "cast (double tap)", "receipts")


class Phone:
    def __init__(self, base: str):
        self.base = base
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))

    def request(self, path: str, data: dict | None = None) -> tuple[int, str, float]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        started = time.perf_counter()
        try:
            with self.opener.open(self.base + path, data=body, timeout=60) as response:
                status, text = response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            status, text = error.code, error.read().decode(errors="replace")
        except OSError as error:
            status, text = 0, repr(error)
        return status, text, time.perf_counter() - started


def run_phone(phone: Phone, code: str, needs: list[str], delay: float, timings: dict, errors: list) -> None:
    time.sleep(delay)

    def step(name, path, data=None, expect=200):
        status, text, took = phone.request(path, data)
        timings[name].append(took)
        if status != expect:
            errors.append(f"{name}: {status} {text[:120]!r}")
        return text

    step("scan card", f"/rounds/crowd/join?code={code}")
    page = step("open ballot", "/rounds/crowd/ballot")
    try:
        form = {"csrf_token": re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1),
                "nonce": re.search(r'name="nonce" value="([^"]+)"', page).group(1),
                "based_on": re.search(r'name="based_on" value="(\d+)"', page).group(1),
                "order": random.sample(needs, 3), "cast": "1"}
    except AttributeError:
        errors.append("open ballot: no ballot form")
        return
    taps = [threading.Thread(target=step, args=("cast (double tap)", "/rounds/crowd/ballot", form))
            for _ in range(2)]
    for tap in taps:
        tap.start()
    for tap in taps:
        tap.join()
    step("receipts", "/rounds/crowd/receipts")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--phones", type=int, default=60)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--seconds", type=float, default=60.0, help="the minute the crowd arrives in")
    parser.add_argument("--database", help="an empty PostgreSQL URL; a fresh SQLite file without it")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        url = args.database or f"sqlite:///{Path(tmp) / 'crowd.db'}"
        env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench-" + os.urandom(8).hex()}
        subprocess.run([sys.executable, "-c", SETUP], cwd=ROOT, env=env, check=True)
        made = subprocess.run([BIN / "flask", "--app", "wsgi", "codes", "generate", "crowd", "--count",
                               str(args.phones)], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
        codes = made.stdout.split()
        port = free_port()
        server = subprocess.Popen([BIN / "gunicorn", "--workers", str(args.workers), "--bind", f"127.0.0.1:{port}",
                                   "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=env)
        base = f"http://127.0.0.1:{port}"
        try:
            wait_for(base)
            needs_page = Phone(base).request("/rounds/crowd/needs.json")[1]
            needs = re.findall(r'"id":\s*"(\d+)"', needs_page)
            timings, errors = {name: [] for name in STEPS}, []
            phones = [threading.Thread(target=run_phone, args=(Phone(base), code, needs,
                                                               random.uniform(0, args.seconds / 10), timings, errors))
                      for code in codes]
            started = time.perf_counter()
            for phone in phones:
                phone.start()
            for phone in phones:
                phone.join()
            took = time.perf_counter() - started
        finally:
            server.terminate()
            server.wait(timeout=30)
        ballots = int(subprocess.run([sys.executable, "-c", COUNT], cwd=ROOT, env=env, check=True,
                                     capture_output=True, text=True).stdout)
    if ballots != len(codes):
        errors.append(f"{ballots} ballots stored for {len(codes)} phones")
    report(args, url, took, timings, errors)


def wait_for(base: str) -> None:
    for _ in range(600):
        try:
            urllib.request.urlopen(base + "/healthz", timeout=1)
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit("gunicorn did not start")


def report(args, url: str, took: float, timings: dict, errors: list) -> None:
    database = url.split(":", 1)[0]
    requests = sum(len(t) for t in timings.values())
    print(f"{args.phones} phones, gunicorn --workers {args.workers}, {database}: {requests} requests in {took:.1f} s, "
          f"{len(errors)} errors")
    for name in STEPS:
        values = sorted(timings[name])
        if values:
            p95 = values[min(len(values) - 1, int(0.95 * len(values)))]
            print(f"  {name:20} n={len(values):4}  p50 {statistics.median(values) * 1000:7.0f} ms"
                  f"  p95 {p95 * 1000:7.0f} ms")
    for error in errors[:20]:
        print("  error:", error)
    sys.exit(1 if errors else 0)


if __name__ == "__main__":
    main()
