"""Paper ballot operators key and run the desk, blind to each other; settling a dispute stays with a
facilitator who did not key that ballot."""
from app.extensions import db
from app.models import PaperResolution
from tests.conftest import csrf_token
from tests.web.test_access import text_of
from tests.web.test_paper import key, paper_ballots, paper_round, ranking, signed_in  # noqa: F401 (fixture)


def test_an_operator_keys_and_runs_the_desk_but_sees_no_batch_dispute_or_audit(app, paper_round, make_user):
    world = paper_round()
    make_user("olu@example.org", "operator", "lewisham")
    olu = signed_in(app, "olu@example.org")
    one, _, three = world["needs"]
    serial = world["serials"][0]
    assert "Key ballots" in text_of(olu.get("/rounds/lewisham"))
    assert olu.get("/rounds/lewisham/paper/key").status_code == 200
    assert olu.get("/rounds/lewisham/paper/desk").status_code == 200
    assert key(olu, serial, f"{three} {one}").status_code == 302
    key(world["ben"], serial, f"{one} {three}")
    for staff_only in ("", "/disputes", f"/disputes/{serial}", "/audit"):
        assert olu.get(f"/rounds/lewisham/paper{staff_only}").status_code == 403, staff_only
    assert olu.get(world["batch_url"]).status_code == 403


def test_an_operator_role_in_one_round_keys_nothing_in_another(app, paper_round, make_round, make_user):
    paper_round()
    make_round(slug="brent", phase="rank")
    make_user("olu@example.org", "operator", "brent")
    olu = signed_in(app, "olu@example.org")
    assert olu.get("/rounds/lewisham/paper/key").status_code == 403


def test_a_facilitator_who_keyed_a_disputed_ballot_cannot_settle_it_another_can(app, paper_round):
    world = paper_round()
    one, two, _ = world["needs"]
    serial = world["serials"][1]
    key(world["ana"], serial, f"{one} {two}")
    key(world["ben"], serial, f"{two} {one}")
    settle = {"serial": serial, "marks": f"{one} {two}", "rejected": ""}
    refused = world["ana"].post(f"/rounds/lewisham/paper/disputes/{serial}",
                                data={"csrf_token": csrf_token(world["ana"]), **settle})
    assert refused.status_code == 409
    assert "You keyed this ballot yourself" in text_of(refused)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(PaperResolution.id))) == 0
    assert paper_ballots(app) == []
    settled = world["sam"].post(f"/rounds/lewisham/paper/disputes/{serial}",
                                data={"csrf_token": csrf_token(world["sam"]), **settle})
    assert settled.status_code == 302
    assert paper_ballots(app)[0][0] == ranking(one, two)
