"""Secret ballots in the database too: storage order links nothing, and the seal at the close cuts the last link."""
import re

import pytest
from sqlalchemy import text

from app.audit import COMMAND_LINE
from app.ballots.keys import voter_key
from app.extensions import db
from app.models import Ballot, Participant, Participation, Round
from tests.conftest import days
from tests.web.test_ballots import cast_rankings, form_state, text_of

VOTERS = 30
RECEIPT = re.compile(r"Your receipt: ([A-Z0-9]{5}-[A-Z0-9]{5})")


@pytest.fixture
def crowd(app, make_round, make_need):
    """VOTERS residents, each casting in turn; returns their receipts in casting order (participants follow it)."""
    make_round(phase="rank", max_choices=2)
    need = make_need(title="Street lights")
    return [r.replace("-", "") for r in cast_rankings(app, [[need]] * VOTERS)]


def stored_order(table: str, column: str) -> list:
    """A table's rows as a database reader sees them: by rowid where the table has one, else as stored
    (`SELECT *` reads the table itself, not an index)."""
    try:
        return list(db.session.execute(text(f"SELECT {column} FROM {table} ORDER BY rowid")).scalars())
    except Exception:
        db.session.rollback()
        return [getattr(row, column) for row in db.session.execute(text(f"SELECT * FROM {table}"))]


def lined_up(app, receipts) -> int:
    """How many ballots a database reader pairs with their voter by reading both tables in stored order."""
    with app.app_context():
        stored = stored_order("ballot", "receipt")
        register = stored_order("participation", "participant_id")
        joined = sorted(register)  # voters joined in casting order, so their ids follow it
    voter_of = {receipt: joined[n] for n, receipt in enumerate(receipts)}
    return sum(voter_of[receipt] == participant for receipt, participant in zip(stored, register))


def seal_by_date(app):
    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        round_.decide_starts = days(0)
        db.session.commit()


def test_during_voting_the_stored_order_of_ballots_and_register_does_not_match_the_voters(app, crowd):
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql"):
        pytest.skip("PostgreSQL stores rows in the order written until the seal rewrites them (README threat model)")
    # Chance alone pairs about one in thirty; casting order would pair all thirty.
    assert lined_up(app, crowd) <= 6
    with app.app_context():
        for table in ("ballot", "participation", "replaced_receipt"):
            with pytest.raises(Exception, match="rowid"):
                db.session.execute(text(f"SELECT rowid FROM {table}"))
            db.session.rollback()
        assert db.session.execute(text("PRAGMA secure_delete")).scalar() == 1


def test_the_seal_rewrites_ballots_shuffled_with_fresh_ids_and_no_key_finds_a_voter(app, client, crowd):
    with app.app_context():
        before = set(db.session.scalars(db.select(Ballot.id)))
    seal_by_date(app)
    assert client.get("/rounds/lewisham").status_code == 200  # the first request after the close seals
    assert lined_up(app, crowd) <= 6
    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        assert round_.sealed
        after = list(db.session.execute(db.select(Ballot.id, Ballot.voter_key, Ballot.receipt)))
        assert not before & {row.id for row in after}
        assert sorted(row.receipt for row in after) == sorted(crowd)  # every ballot kept, every receipt still counts
        keys = {voter_key(app.config["SECRET_KEY"], round_.id, pid) for pid in db.session.scalars(db.select(Participant.id))}
        assert not keys & {row.voter_key for row in after}
        assert db.session.scalar(db.select(db.func.count(Participation.id))) == VOTERS
        if db.engine.dialect.name == "postgresql":
            written = set(db.session.execute(text(
                "SELECT xmin::text FROM ballot UNION SELECT xmin::text FROM participation")).scalars())
            assert len(written) == 1  # one transaction wrote them all: xmin pairs nothing


def test_the_seal_happens_once_whether_by_the_button_the_command_or_the_purge(app, runner, crowd):
    from app.rounds.services import advance_phase

    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        assert runner.invoke(args=["rounds", "seal", "lewisham"]).exit_code != 0  # ranking still open
        advance_phase(round_, days(0), COMMAND_LINE)
        assert round_.sealed
        ids = set(db.session.scalars(db.select(Ballot.id)))
    result = runner.invoke(args=["rounds", "seal", "lewisham"])
    assert result.exit_code == 0 and "already sealed" in result.output
    assert "sealed" not in runner.invoke(args=["privacy", "purge"]).output
    with app.app_context():
        assert set(db.session.scalars(db.select(Ballot.id))) == ids


def test_the_purge_seals_a_round_whose_ranking_closed_by_date(app, runner, crowd):
    seal_by_date(app)
    assert "lewisham: sealed" in runner.invoke(args=["privacy", "purge"]).output
    with app.app_context():
        assert db.session.scalar(db.select(Round.sealed))


def test_changing_works_until_the_close_then_only_the_voters_own_device_shows_their_ballot(app, make_round, make_need):
    make_round(phase="rank", max_choices=2)
    lights, play = make_need(title="Street lights"), make_need(title="Play area")
    mine, other = app.test_client(), app.test_client()
    mine.post("/rounds/lewisham/ballot", data={**form_state(mine), "order": [lights], "cast": "1"})
    other.post("/rounds/lewisham/ballot", data={**form_state(other), "order": [lights], "cast": "1"})
    changed = text_of(mine.post("/rounds/lewisham/ballot", data={**form_state(mine), "order": [play, lights], "cast": "1"},
                                follow_redirects=True))
    receipt = RECEIPT.search(changed).group(1)
    seal_by_date(app)
    page = text_of(mine.get("/rounds/lewisham/ballot"))
    assert f"Your receipt: {receipt}" in page and "Ranking is not open in this round." in page
    assert RECEIPT.search(text_of(other.get("/rounds/lewisham/ballot"))).group(1) != receipt
    assert "Your receipt" not in text_of(app.test_client().get("/rounds/lewisham/ballot"))


def test_after_a_change_one_receipt_is_on_screen_and_the_old_one_looks_up_as_replaced(client, app, make_round, make_need):
    make_round(phase="rank", max_choices=2)
    lights, play = make_need(title="Street lights"), make_need(title="Play area")
    htmx = {"HX-Request": "true"}
    first = RECEIPT.search(text_of(client.post("/rounds/lewisham/ballot", data={
        **form_state(client), "order": [lights], "cast": "1"}, headers=htmx))).group(1)
    for headers in (htmx, {}):
        client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [play], "cast": "1"}, headers=headers)
        page = text_of(client.get("/rounds/lewisham/ballot"))
        shown = re.findall(r"[A-Z0-9]{5}-[A-Z0-9]{5}", page)
        assert len(shown) == 1 and first not in shown
    old = text_of(client.get(f"/rounds/lewisham/receipts?receipt={first}"))
    assert "was replaced by a newer ballot from the same person" in old and "No counted ballot" not in old
    assert "Street lights" not in old and f">{lights}<" not in old
    newest = shown[0]
    assert "is counted." in text_of(client.get(f"/rounds/lewisham/receipts?receipt={newest}"))


def test_opening_another_card_asks_which_to_keep_and_never_switches_by_itself(app, client, runner, make_round, make_need):
    from tests.web.test_access import generate

    make_round(phase="rank", access="codes", max_choices=2)
    mine, theirs = generate(runner, count=2)
    client.get(f"/rounds/lewisham/join?code={mine}")
    asked = client.get(f"/rounds/lewisham/join?code={theirs}")
    page = text_of(asked)
    assert asked.status_code == 200 and "Which card do you keep?" in page
    assert 'value="keep"' in page and 'value="switch"' in page and "<script" not in page.split("<main")[1]

    def holder():
        with client.session_transaction() as session:
            return next(iter(session["participants"].values()))
    held = holder()
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    kept = client.post("/rounds/lewisham/join", data={"csrf_token": token, "code": theirs, "choice": "keep"})
    assert kept.status_code == 302 and holder() == held
    with app.app_context():
        from app.models import AccessCode
        assert db.session.scalar(db.select(AccessCode.first_used_at).filter_by(code=theirs)) is None
    client.post("/rounds/lewisham/join", data={"csrf_token": token, "code": theirs, "choice": "switch"})
    assert holder() != held
    assert "Which card" not in text_of(client.get(f"/rounds/lewisham/join?code={theirs}", follow_redirects=True))
