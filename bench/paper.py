"""Paper ballots through the service layer: 1,000 ballots each keyed by two operators, then the round
reconciled and tallied together with phone ballots.

    .venv/bin/python bench/paper.py [--paper 1000] [--phone 5000] [--needs 20] [--database URL]

Builds a fresh SQLite file (or replaces the tables of the empty PostgreSQL database named), a ranking round
with two batches, and phone ballots written as casting writes them. Every paper ballot is keyed twice, each
entry one transaction as at the keying table (one in fifty keyed differently by the second operator and
settled by a supervisor). Reports the time per entry, the time to reconcile every batch (paper.json) and the
time to tally paper and phone ballots together, with the turnout by channel.
"""
import argparse
import random
import secrets
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flask_migrate import upgrade  # noqa: E402
from sqlalchemy import text  # noqa: E402

from app import create_app  # noqa: E402
from app.ballots.casting import turnout_by_channel  # noqa: E402
from app.ballots.keys import new_receipt  # noqa: E402
from app.ballots.tally import tally  # noqa: E402
from app.extensions import db  # noqa: E402
from app.models import Ballot, Need, PaperBatch, Round, User  # noqa: E402
from app.paper import report, services  # noqa: E402
from app.voting.ballot_content import RankingBallot  # noqa: E402


def build(needs: int, phone: int, rng: random.Random):
    round_ = Round(slug="paper-bench", title="Paper bench", phase="decide", ballot_kind="ranking", max_choices=5)
    db.session.add(round_)
    db.session.flush()
    db.session.add_all(Need(round_id=round_.id, title=f"Need {n}", description="", category="other", language="en")
                       for n in range(needs))
    people = [User(email=f"{name}@bench.test") for name in ("first", "second", "supervisor")]
    db.session.add_all(people)
    db.session.flush()
    ids = list(db.session.scalars(db.select(Need.id).filter_by(round_id=round_.id)))
    rows = [{"id": secrets.randbits(52), "round_id": round_.id, "voter_key": secrets.token_hex(32), "version": 1,
             "submission_key": "", "receipt": new_receipt(), "channel": "internet",
             "content": RankingBallot.of_order(rng.sample(ids, 5)).to_json()} for _ in range(phone)]
    db.session.execute(db.insert(Ballot.__table__), rows)
    db.session.commit()
    return round_, ids, people


def key_all(round_, ids, people, paper: int, rng: random.Random) -> tuple[float, int]:
    first, second, supervisor = people
    batches = [services.create_batch(round_, f"Box {n}", "Library", None, supervisor) for n in (1, 2)]
    papers = [p for batch in batches for p in services.print_ballots(batch, paper // 2, supervisor)]
    serials, disputes = [p.serial for p in papers], 0
    started = time.perf_counter()
    today = date.today()
    for number, serial in enumerate(serials):
        order = rng.sample(ids, rng.randint(2, 5))
        ballot = RankingBallot.of_order(order)
        services.key(round_, serial, first, ballot, None, today)
        if number % 50 == 0:
            disputes += 1
            services.key(round_, serial, second, RankingBallot.of_order(reversed(order)), None, today)
            services.resolve(round_, services.find_paper(round_, serial), supervisor, ballot, None, today)
        else:
            services.key(round_, serial, second, ballot, None, today)
    for batch in db.session.scalars(db.select(PaperBatch).filter_by(round_id=round_.id)):
        services.record_account(batch, services.reconcile.Account(paper // 2, paper // 2, 0, 0), supervisor)
    return time.perf_counter() - started, disputes


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--paper", type=int, default=1000)
    parser.add_argument("--phone", type=int, default=5000)
    parser.add_argument("--needs", type=int, default=20)
    parser.add_argument("--database")
    args = parser.parse_args()
    url = args.database or f"sqlite:///{tempfile.mkdtemp()}/paper-bench.db"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "bench"})
    rng = random.Random(2026)
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text("DROP SCHEMA public CASCADE"))
                connection.execute(text("CREATE SCHEMA public"))
        upgrade()
        round_, ids, people = build(args.needs, args.phone, rng)
        keyed, disputes = key_all(round_, ids, people, args.paper, rng)
        started = time.perf_counter()
        record = report.paper_record(round_)
        reconciled = time.perf_counter() - started
        started = time.perf_counter()
        outcome = tally(round_)
        counted = time.perf_counter() - started
        print(f"database: {db.engine.dialect.name}; {args.paper} paper ballots, {args.phone} phone ballots, "
              f"{args.needs} needs")
        print(f"keying: {2 * args.paper} entries and {disputes} supervisor decisions in {keyed:.1f} s "
              f"({1000 * keyed / (2 * args.paper + disputes):.1f} ms each, one transaction each)")
        print(f"reconcile (paper.json): {1000 * reconciled:.0f} ms, balanced={record['balanced']}, "
              f"keyed={sum(b['keyed'] for b in record['batches'])}")
        print(f"tally ({outcome.rule}, paper and phone together): {1000 * counted:.0f} ms; "
              f"turnout {turnout_by_channel(round_)}")


if __name__ == "__main__":
    main()
