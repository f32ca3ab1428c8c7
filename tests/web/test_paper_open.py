"""One person, one vote across channels at the paper desk; the sample audit; the paper count in the open
once results are out (report, keyed ballots, Pabulib's voting_method); and the demo's paper round."""
import csv
import io

from sqlalchemy import select

from app.extensions import db
from app.demo.paper import OPERATORS
from app.models import AccessCode, Ballot, PaperBallot, Role, Round, StaffRole, User
from tests.conftest import csrf_token, post
from tests.web.test_paper import key, paper_round, signed_in  # noqa: F401 (the fixture)


def codes(app, runner, count=2):
    runner.invoke(args=["codes", "generate", "lewisham", "--count", str(count)])
    with app.app_context():
        return list(db.session.scalars(select(AccessCode.code).order_by(AccessCode.id)))


def desk(client, code):
    return client.post("/rounds/lewisham/paper/desk", data={"csrf_token": csrf_token(client), "code": code})


def test_a_code_given_a_paper_ballot_cannot_vote_online(app, client, runner, paper_round):
    world = paper_round(access="codes")
    one = world["needs"][0]
    code = codes(app, runner)[0]
    assert desk(world["ana"], code.lower()).status_code == 302
    client.get(f"/rounds/lewisham/join?code={code}")
    response = post(client, "/rounds/lewisham/ballot", {f"rank-{one}": "1"}, follow_redirects=True)
    assert "This access code was given a paper ballot, so it cannot vote online too." in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Ballot.id))) == 0
    again = desk(world["ana"], code)
    assert again.status_code == 409 and "already been given a paper ballot" in again.get_data(as_text=True)


def test_a_code_that_voted_online_is_refused_at_the_desk(app, client, runner, paper_round):
    world = paper_round(access="codes")
    one = world["needs"][0]
    code = codes(app, runner)[1]
    client.get(f"/rounds/lewisham/join?code={code}")
    post(client, "/rounds/lewisham/ballot", {f"rank-{one}": "1"})
    with app.app_context():
        assert db.session.scalar(select(db.func.count(Ballot.id))) == 1
    response = desk(world["ana"], code)
    assert response.status_code == 409
    assert "This access code has already voted online, so it cannot have a paper ballot." in response.get_data(as_text=True)
    assert desk(world["ana"], "NOT-A-CODE-AT-ALL").status_code == 422


def test_the_sample_audit_checks_papers_drawn_from_the_published_seed(app, client, paper_round):
    world = paper_round(phase="decide")
    one, two, three = world["needs"]
    for serial in world["serials"]:
        key(world["ana"], serial, f"{one} {two}")
        key(world["ben"], serial, f"{one} {two}")
    response = world["sam"].post("/rounds/lewisham/paper/audit", data={
        "csrf_token": csrf_token(world["sam"]), "seed": "6 2 5 1", "size": "2"})
    assert response.status_code == 302
    page = world["sam"].get("/rounds/lewisham/paper/audit").get_data(as_text=True)
    with app.app_context():
        from app.paper.reconcile import draw_sample
        sample = draw_sample("6 2 5 1", world["serials"], 2)
    assert all(serial in page for serial in sample) and "0 of 2 checked, 0 matched." in page
    for serial, matched in zip(sample, ("yes", "no")):
        world["sam"].post("/rounds/lewisham/paper/audit/check", data={
            "csrf_token": csrf_token(world["sam"]), "serial": serial, "matched": matched})
    assert client.get("/rounds/lewisham/paper.json").json["audit"] == {"seed": "6 2 5 1", "sampled": 2, "matched": 1}
    outside = [s for s in world["serials"] if s not in sample][0]
    assert world["sam"].post("/rounds/lewisham/paper/audit/check", data={
        "csrf_token": csrf_token(world["sam"]), "serial": outside, "matched": "yes"}).status_code == 400


def test_after_results_the_keyed_ballots_are_open_data_without_operators(app, client, paper_round):
    world = paper_round(phase="decide")
    one, two, three = world["needs"]
    key(world["ana"], world["serials"][0], f"{three} {one}")
    key(world["ben"], world["serials"][0], f"{three} {one}")
    key(world["ana"], world["serials"][1], "", rejected="unclear")
    key(world["ben"], world["serials"][1], "", rejected="unclear")
    rows = list(csv.DictReader(io.StringIO(client.get("/rounds/lewisham/paper/ballots.csv").get_data(as_text=True))))
    assert sorted((r["serial"], r["ballot"], r["rejected"]) for r in rows) == sorted(
        [(world["serials"][0], f"{three} > {one}", ""), (world["serials"][1], "", "unclear")])
    assert all(r["spoilt"] == r["rejected"] for r in rows)  # the column's first name, kept for older readers
    text = client.get("/rounds/lewisham/paper/report").get_data(as_text=True)
    assert "Library box 1" in text and "ana@example.org" not in text
    pabulib = client.get("/rounds/lewisham/export.pb").get_data(as_text=True)
    assert "voting_method" in pabulib and ";paper" in pabulib


def test_the_open_paper_pages_wait_for_results(app, client, paper_round):
    paper_round(phase="rank")
    assert client.get("/rounds/lewisham/paper/report").status_code == 404
    assert client.get("/rounds/lewisham/paper/ballots.csv").status_code == 404


def test_the_demo_has_two_paper_batches_reconciled_with_a_dispute_settled_and_an_audit(app, client, runner):
    runner.invoke(args=["demo"])
    record = client.get("/rounds/newham-2026/paper.json").json
    assert [b["name"] for b in record["batches"]] == ["Forest Gate community centre box", "Stratford Library box"]
    assert record["balanced"] is True and record["audit"] == {"seed": "3 1 4 1 5 9", "sampled": 4, "matched": 4}
    # Stratford: one paper spoilt at the desk and replaced, one from the box rejected (no marks).
    assert [(b["spoilt"], b["rejected"]) for b in record["batches"]] == [(0, 0), (1, 1)]
    assert client.get("/rounds/newham-2026/results.json").json["turnout"]["by_channel"]["paper"] == 9
    runner.invoke(args=["demo"])
    with app.app_context():
        newham = db.session.scalar(select(Round.id).filter_by(slug="newham-2026"))
        assert db.session.scalar(select(db.func.count(PaperBallot.id)).filter_by(round_id=newham)) == 14
        operators = db.session.scalars(select(User.email).join(StaffRole, StaffRole.user_id == User.id)
                                       .where(StaffRole.role == Role.OPERATOR, StaffRole.round_id == newham))
        assert sorted(operators) == sorted(OPERATORS)
    text = client.get("/rounds/newham-2026/paper/report").get_data(as_text=True)
    assert "This batch balances." in text
