"""Latency of the shared needs register and its API at scale: 100,000 needs over 200 rounds on SQLite.

    .venv/bin/python bench/register.py [--needs 100000] [--rounds 200] [--clients 4] [--seconds 10]

Makes a fresh SQLite file, fills it in bulk (needs with supports, wards' codes, carried needs, evidence,
a published co-funded grant in every tenth round), starts gunicorn and measures each address with wrk
(bench/wrk/get.lua): the register's first page, a filtered and a searched page, a page deep in the
cursor, and the API (first page, by area code, by status, deep, updated_since). The target is p95 under
100 ms for each.
"""
import argparse
import os
import random
import re
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from pages import BIN, ROOT, free_port  # noqa: E402

LUA = Path(__file__).resolve().parent / "wrk" / "get.lua"
WORDS = ("street lights benches trees youth club swimming lessons library homework wifi kitchen garden "
         "bins playground lift ramp bus shelter crossing allotment football pitch dance music").split()
BOROUGHS = [("Lewisham", "E09000023"), ("Newham", "E09000025"), ("Southwark", "E09000028"), ("Brent", "E09000005")]


def fill(url: str, needs: int, rounds: int) -> None:
    os.environ["DATABASE_URL"] = url
    sys.path.insert(0, str(ROOT))
    from sqlalchemy import insert

    from app import create_app
    from app.extensions import db
    from app.models import (Application, GrantDecision, Need, NeedCarry, NeedEvidence, Participant, Round,
                            Support)
    from app.models.support_count import recount_statement
    from app.needs.terms import document

    app = create_app({"SQLALCHEMY_DATABASE_URI": url})
    rng = random.Random(2026)
    now, today = datetime.now(timezone.utc), date.today()
    with app.app_context():
        phases = ["propose", "discuss", "rank", "decide", "results"]
        for n in range(rounds):
            name, code = BOROUGHS[n % len(BOROUGHS)]
            phase = phases[n % len(phases)]
            db.session.add(Round(slug=f"round-{n}", title=f"{name} round {n}", area=name, area_code=code,
                                 phase=phase, currency="GBP", funder_name=f"{name} Fund",
                                 decisions_published_at=now if phase == "results" else None))
        db.session.commit()
        round_ids = list(db.session.scalars(db.select(Round.id).order_by(Round.id)))
        db.session.execute(insert(Participant), [{"round_id": r, "display_name": ""} for r in round_ids
                                                 for _ in range(20)])
        participants = {}
        for pid, rid in db.session.execute(db.select(Participant.id, Participant.round_id)):
            participants.setdefault(rid, []).append(pid)
        rows = []
        for n in range(needs):
            rid = round_ids[n % len(round_ids)]
            title = " ".join(rng.sample(WORDS, 4)).capitalize()
            description = f"{title}: residents of the estate have asked for this for a long time. Need {n}."
            name, code = BOROUGHS[(rid - 1) % len(BOROUGHS)]
            rows.append({"round_id": rid, "title": title, "description": description, "affected": "", "location": "",
                         "area": name, "area_code": code, "category": "streets", "language": "en",
                         "search_document": document([("en", f"{title} {description}")]), "created_at": now, "updated_at": now})
        for start in range(0, len(rows), 5000):
            db.session.execute(insert(Need), rows[start:start + 5000])
        ids = list(db.session.execute(db.select(Need.id, Need.round_id)))
        supports = [{"need_id": nid, "participant_id": pid} for nid, rid in ids
                    for pid in rng.sample(participants[rid], rng.randint(0, 3))]
        for start in range(0, len(supports), 10000):
            db.session.execute(insert(Support), supports[start:start + 10000])
        db.session.execute(recount_statement())  # bulk inserts pass by the session's own recounting
        carried = ids[: needs // 100]
        db.session.execute(insert(NeedCarry), [{"need_id": nid, "round_id": round_ids[(rid) % len(round_ids)],
                                                "place": 3, "support": 2, "carried_at": now} for nid, rid in carried])
        db.session.execute(insert(NeedEvidence), [{"need_id": nid, "title": "Needs assessment", "url":
                                                   "https://data.london.gov.uk/dataset/x", "published_on": today,
                                                   "created_at": now} for nid, _ in ids[::50]])
        published = [(nid, rid) for nid, rid in ids[::20] if (rid - 1) % len(phases) == 4]
        for nid, rid in published:
            application = Application(round_id=rid, need_id=nid, applicant="A group", title="A grant", amount=1000)
            db.session.add(application)
            db.session.flush()
            db.session.add(GrantDecision(application_id=application.id, funded=True, amount=1000))
        db.session.commit()


def wrk(url: str, clients: int, seconds: int) -> dict:
    done = subprocess.run(["wrk", f"-t{clients}", f"-c{clients}", f"-d{seconds}s", "--timeout", "10s",
                           "-s", str(LUA), url], capture_output=True, text=True)
    if done.returncode or "RESULT" not in done.stdout:
        raise SystemExit(f"wrk failed: {done.stdout}{done.stderr}")
    result = {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", done.stdout.split("RESULT", 1)[1])}
    result["rate"] = result["requests"] / (result["duration_us"] / 1e6)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--needs", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--seconds", type=int, default=10)
    parser.add_argument("--workers", type=int, default=2)
    options = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="register-bench-")
    url = f"sqlite:///{folder}/register.db"
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "bench", "RESIDENT_ADDRESS_LIMIT": "1000000 per minute"}
    subprocess.run([BIN / "flask", "--app", "wsgi", "db", "upgrade"], cwd=ROOT, env=env, check=True,
                   capture_output=True)
    began = time.perf_counter()
    fill(url, options.needs, options.rounds)
    print(f"filled {options.needs} needs over {options.rounds} rounds in {time.perf_counter() - began:.0f} s")
    port = free_port()
    server = subprocess.Popen([BIN / "gunicorn", "--workers", str(options.workers), "--bind", f"127.0.0.1:{port}",
                               "--log-level", "warning", "wsgi:app"], cwd=ROOT, env=env)
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(200):
            try:
                urllib.request.urlopen(base + "/healthz", timeout=1)
                break
            except OSError:
                time.sleep(0.1)
        since = (datetime.now(timezone.utc) - timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
        deep = options.needs // 2
        for name, path in [("/healthz (yardstick)", "/healthz"), ("register, first page", "/needs"),
                           ("register, area and status", "/needs?area=E09000023&status=open"),
                           ("register, searched", "/needs?q=swimming+lessons"),
                           ("register, deep page", f"/needs?after={deep}"),
                           ("API, first page", "/api/needs"), ("API, by area code", "/api/needs?area=E09000025"),
                           ("API, funded", "/api/needs?status=funded"), ("API, deep page", f"/api/needs?after={deep}"),
                           ("API, updated_since", f"/api/needs?updated_since={since}")]:
            urllib.request.urlopen(base + path, timeout=60).read()  # warm: the first answer fills caches
            result = wrk(base + path, options.clients, options.seconds)
            verdict = "ok" if result["p95_us"] < 100_000 else "OVER 100 ms"
            print(f"  {name:28} {result['rate']:7.1f} req/s   median {result['p50_us'] / 1000:7.1f} ms   "
                  f"p95 {result['p95_us'] / 1000:7.1f} ms   errors {result['errors'] + result['status_errors']}"
                  f"   {verdict}")
    finally:
        server.terminate()
        server.wait()


if __name__ == "__main__":
    main()
