"""The register's cost does not grow with the register: a page reads the same statements with many rounds
as with one, and on SQLite does no more work for a page of needs when their rounds hold hundreds more."""
from contextlib import contextmanager
from datetime import date, datetime, timezone

import pytest
from sqlalchemy import event, insert

from app.extensions import db
from app.models import Application, GrantDecision, Need, NeedCarry, NeedEvidence, Round
from tests.web.test_request_reads import statements

PAGES = ("/needs", "/api/needs", "/api/needs?status=in-round", "/api/needs?area=E09000025",
         "/needs?q=lessons")


def _read(app, client, path) -> list[str]:
    client.get(path)  # caches settle first
    with statements(app) as seen:
        assert client.get(path).status_code == 200
    return list(seen)


@pytest.fixture
def grow(app, make_round, make_need, make_support):
    """Rounds in several phases, each with supported needs, a carried need, evidence and a co-funded grant."""
    made = []

    def add(rounds: int, needs: int):
        for _ in range(rounds):
            n = len(made)
            slug = f"scale-{n}"
            phase = ("rank", "results", "propose")[n % 3]
            make_round(slug, phase=phase, area="Newham", area_code="E09000025", currency="GBP",
                       funder_name=f"Fund {n}")
            ids = [make_need(slug, f"Swimming lessons {n}.{k}", area="Newham", area_code="E09000025")
                   for k in range(needs)]
            for k, need in enumerate(ids):
                make_support(need, k + 1)
            with app.app_context():
                round_ = db.session.scalar(db.select(Round).filter_by(slug=slug))
                if made:
                    db.session.add(NeedCarry(need_id=ids[0], round_id=made[-1], place=2, support=1))
                db.session.add(NeedEvidence(need_id=ids[-1], title="Needs assessment", url="https://example.org/a",
                                            published_on=date(2026, 1, 1)))
                if phase == "results":
                    round_.decisions_published_at = datetime(2026, 11, 1, tzinfo=timezone.utc)
                    application = Application(round_id=round_.id, need_id=ids[-1], applicant="Club", title="Grant",
                                              amount=500)
                    db.session.add(application)
                    db.session.flush()
                    db.session.add(GrantDecision(application_id=application.id, funded=True, amount=500))
                db.session.commit()
                made.append(round_.id)
    return add


def test_the_register_and_its_api_read_as_many_statements_over_nine_rounds_as_over_three(app, client, grow):
    grow(3, 1)  # one round of each kind: ranking, funded and published, taking needs
    few = {path: _read(app, client, path) for path in PAGES}
    grow(6, 3)
    many = {path: _read(app, client, path) for path in PAGES}
    assert {p: len(s) for p, s in many.items()} == {p: len(s) for p, s in few.items()}, (few, many)
    assert len(client.get("/api/needs").json["needs"]) == 21  # the page really did grow


@contextmanager
def sqlite_steps(app):
    """How many SQLite virtual-machine steps the statements run inside the block take (in hundreds)."""
    steps = [0]

    def tick():
        steps[0] += 1

    def watch(conn, *_args):
        conn.connection.driver_connection.set_progress_handler(tick, 100)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", watch)
    try:
        yield steps
    finally:
        event.remove(engine, "before_cursor_execute", watch)
        with app.app_context():
            db.session.connection().connection.driver_connection.set_progress_handler(None, 0)


def test_a_page_of_needs_costs_no_more_when_their_round_has_four_hundred_more_behind_them(app, client, grow):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("counts SQLite's own steps; PostgreSQL reads the same statements")
    grow(2, 2)
    app.config["API_PER_PAGE"] = 4
    try:
        def cost(path):
            client.get(path)
            with sqlite_steps(app) as steps:
                assert client.get(path).status_code == 200
            return steps[0]
        before = {path: cost(path) for path in ("/api/needs", "/needs")}
        with app.app_context():
            round_id = db.session.scalar(db.select(Round.id).filter_by(slug="scale-0"))
            db.session.execute(insert(Need), [
                {"round_id": round_id, "title": f"Later need {n}", "description": "More", "category": "streets",
                 "language": "en", "search_document": f"later need {n}"} for n in range(400)])
            db.session.commit()
        after = {path: cost(path) for path in before}
    finally:
        app.config.pop("API_PER_PAGE")
    # Counting every need's support in the round again on each page took about 390 hundred steps more here:
    # what is left is a small fixed cost, not one that grows with each need behind the page.
    assert all(after[path] - before[path] < 40 for path in before), (before, after)


def test_each_needs_kept_support_follows_supports_withdrawals_merges_and_carrying(app, grow, make_round, make_user):
    from app.models import Participant, User
    from app.models.support_count import recount_statement
    from app.moderation.services import merge_needs
    from app.needs.services import support_need, withdraw_support
    from app.register.carrying import carry
    from app.rounds.phases import Phase

    grow(2, 3)  # scale-0 ranking, scale-1 published
    make_round("scale-later", phase="propose")
    make_user("kept@example.org", role="admin")

    def kept_and_counted():
        kept = dict(db.session.execute(db.select(Need.id, Need.support)).all())
        db.session.execute(recount_statement())
        return kept, dict(db.session.execute(db.select(Need.id, Need.support)).all())

    with app.app_context():
        actor = db.session.scalar(db.select(User).filter_by(email="kept@example.org"))
        first, second, third = db.session.scalars(db.select(Need).join(Round).filter(Round.slug == "scale-0")
                                                  .order_by(Need.id)).all()
        resident = Participant(round_id=first.round_id, display_name="R")
        db.session.add(resident)
        db.session.commit()
        support_need(first, resident, Phase.DISCUSS)
        support_need(second, resident, Phase.DISCUSS)
        withdraw_support(second, resident, Phase.DISCUSS)
        merge_needs(third, first, "the same", actor)
        funded_round = db.session.scalar(db.select(Round).filter_by(slug="scale-1"))
        unfunded = db.session.scalars(db.select(Need).filter_by(round_id=funded_round.id).order_by(Need.id)).first()
        carry(unfunded, db.session.scalar(db.select(Round).filter_by(slug="scale-later")), actor)
        kept, counted = kept_and_counted()
        first_id, carried_id = first.id, unfunded.id
        db.session.rollback()
    assert kept == counted
    assert kept[first_id] == 1 + 1 + 3  # its own, the resident's, and the merged need's three
    assert kept[carried_id] == 0  # no one in the later round has supported it yet
