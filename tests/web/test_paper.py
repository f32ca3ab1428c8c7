"""Paper ballots at the desk and the keying table: two blind entries, a supervisor where they differ,
corrections that supersede, batches reconciled against their accounts, paper.json and the turnout."""
import pytest
from sqlalchemy import select

from app.extensions import db
from app.models import Ballot, Channel, PaperBallot, PaperEntry, Round
from tests.conftest import PASSWORD, csrf_token, days


@pytest.fixture
def paper_round(app, make_round, make_need, make_user):
    """A ranking round with three needs, two operators and a supervisor, and one batch of four ballots."""
    def make(phase="rank", kind="ranking", **values):
        make_round(phase=phase, ballot_kind=kind, **values)
        needs = [make_need(title=t) for t in ("Play area", "Street lights", "Benches")]
        for email in ("ana@example.org", "ben@example.org", "sam@example.org"):
            make_user(email, "facilitator", "lewisham")
        ana = signed_in(app, "ana@example.org")
        response = ana.post("/rounds/lewisham/paper/batches", data={
            "csrf_token": csrf_token(ana), "name": "Library box 1", "site": "Deptford Lounge", "held_on": "2026-06-01"})
        assert response.status_code == 302
        batch_url = response.headers["Location"]
        assert ana.post(f"{batch_url}/ballots", data={"csrf_token": csrf_token(ana), "count": "4"}).status_code == 302
        with app.app_context():
            serials = list(db.session.scalars(select(PaperBallot.serial).order_by(PaperBallot.id)))
        return {"needs": needs, "serials": serials, "batch_url": batch_url, "ana": ana,
                "ben": signed_in(app, "ben@example.org"), "sam": signed_in(app, "sam@example.org")}
    return make


def signed_in(app, email):
    client = app.test_client()
    response = client.post("/account/sign-in", data={"csrf_token": csrf_token(client), "email": email,
                                                     "password": PASSWORD})
    assert response.status_code == 302
    return client


def key(client, serial, marks="", rejected=""):
    return client.post("/rounds/lewisham/paper/key", data={
        "csrf_token": csrf_token(client), "serial": serial, "marks": marks, "rejected": rejected})


def paper_ballots(app):
    with app.app_context():
        return [(b.content, b.channel) for b in db.session.scalars(select(Ballot).where(Ballot.channel == Channel.PAPER))]


def ranking(*needs):
    return '{"ranking": [' + ", ".join(f"[{n}]" for n in needs) + "]}"


def test_a_ballot_counts_once_two_operators_key_it_alike(app, paper_round):
    world = paper_round()
    one, two, three = world["needs"]
    serial = world["serials"][0]
    assert key(world["ana"], serial.lower(), f"{three} {one}").status_code == 302
    assert paper_ballots(app) == []
    assert key(world["ben"], serial, f"{three}, {one}").status_code == 302
    assert paper_ballots(app) == [(ranking(three, one), Channel.PAPER)]


def test_an_operator_sees_their_own_entries_and_never_the_others(app, paper_round):
    world = paper_round()
    one, two, three = world["needs"]
    key(world["ana"], world["serials"][0], f"{three} {one}")
    page = world["ben"].get("/rounds/lewisham/paper/key").get_data(as_text=True)
    assert world["serials"][0] not in page
    assert world["serials"][0] in world["ana"].get("/rounds/lewisham/paper/key").get_data(as_text=True)


def test_entries_that_differ_wait_for_a_supervisor_whose_decision_counts(app, paper_round):
    world = paper_round()
    one, two, three = world["needs"]
    serial = world["serials"][1]
    key(world["ana"], serial, f"{one} {two}")
    key(world["ben"], serial, f"{two} {one}")
    assert paper_ballots(app) == []
    assert serial in world["sam"].get("/rounds/lewisham/paper/disputes").get_data(as_text=True)
    response = world["sam"].post(f"/rounds/lewisham/paper/disputes/{serial}", data={
        "csrf_token": csrf_token(world["sam"]), "marks": f"{two} {one}", "rejected": ""})
    assert response.status_code == 302
    assert paper_ballots(app) == [(ranking(two, one), Channel.PAPER)]
    page = world["sam"].get(f"/rounds/lewisham/paper/disputes/{serial}").get_data(as_text=True)
    assert "sam@example.org" in page and "decided by a supervisor" in page
    assert serial not in world["sam"].get("/rounds/lewisham/paper/disputes").get_data(as_text=True)


def test_a_correction_is_a_new_entry_that_supersedes_the_old_one(app, paper_round):
    world = paper_round()
    one, two, three = world["needs"]
    serial = world["serials"][2]
    key(world["ana"], serial, f"{one} {two}")
    key(world["ben"], serial, f"{two} {one}")
    key(world["ana"], serial, f"{two} {one}")  # Ana looks at the paper again
    assert paper_ballots(app) == [(ranking(two, one), Channel.PAPER)]
    with app.app_context():
        entries = list(db.session.scalars(select(PaperEntry).order_by(PaperEntry.id)))
        assert [e.content for e in entries] == [ranking(one, two), ranking(two, one), ranking(two, one)]
        assert entries[2].supersedes_id == entries[0].id


def test_a_supervisor_may_overrule_an_agreed_ballot_and_it_leaves_the_count(app, paper_round):
    world = paper_round()
    one, two, three = world["needs"]
    serial = world["serials"][0]
    key(world["ana"], serial, f"{one}")
    key(world["ben"], serial, f"{one}")
    world["sam"].post(f"/rounds/lewisham/paper/disputes/{serial}", data={
        "csrf_token": csrf_token(world["sam"]), "marks": "", "rejected": "identifies"})
    assert paper_ballots(app) == []


def test_wrong_entries_are_refused_with_the_reason_and_keep_what_was_typed(app, paper_round):
    world = paper_round()
    one, two, three = world["needs"]
    response = key(world["ana"], "NOSUCH", f"{one}")
    assert response.status_code == 422 and "No ballot of this round has that serial number" in response.get_data(as_text=True)
    response = key(world["ana"], world["serials"][0], f"{one} {one}")
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Each rank number can be given to one need only." in page
    assert f'value="{one} {one}"' in page
    key(world["ana"], world["serials"][0], f"{one}")
    key(world["ben"], world["serials"][0], f"{one}")
    response = key(world["sam"], world["serials"][0], f"{two}")
    assert response.status_code == 422 and "Two other operators have already keyed this ballot." in response.get_data(as_text=True)


def test_the_reconciliation_flags_what_does_not_add_up_in_plain_words(app, paper_round):
    world = paper_round()
    one, two, three = world["needs"]
    account = {"csrf_token": csrf_token(world["ana"]), "issued": "10", "returned": "3", "spoilt": "1", "unused": "5"}
    assert world["ana"].post(f"{world['batch_url']}/account", data=account).status_code == 302
    key(world["ana"], world["serials"][0], f"{one}")
    key(world["ben"], world["serials"][0], f"{one}")
    key(world["ana"], world["serials"][1], f"{two}")
    page = world["ana"].get("/rounds/lewisham/paper").get_data(as_text=True)
    assert "1 issued ballot is not accounted for" in page
    assert "1 ballot returned in the box has not been keyed yet: every one is keyed, as counted or as rejected." in page
    assert "1 ballot has been keyed by one operator only." in page
    assert world["ana"].get("/rounds/lewisham/paper.json").json["balanced"] is False
    key(world["ben"], world["serials"][1], f"{two}")
    account.update(unused="6")
    world["ana"].post(f"{world['batch_url']}/account", data=account)  # the recount supersedes the first count
    # The paper spoilt at the desk never reached the box: the third paper in it must still be keyed.
    assert "1 ballot returned in the box has not been keyed yet" in world["ana"].get(
        "/rounds/lewisham/paper").get_data(as_text=True)
    key(world["ana"], world["serials"][2], "", rejected="unmarked")
    key(world["ben"], world["serials"][2], "", rejected="unmarked")
    assert "This batch balances." in world["ana"].get("/rounds/lewisham/paper").get_data(as_text=True)
    record = world["ana"].get("/rounds/lewisham/paper.json").json
    assert record == {"batches": [{"name": "Library box 1", "issued": 10, "returned": 3, "spoilt": 1, "unused": 6,
                                   "keyed": 2, "in_dispute": 0, "rejected": 1}], "balanced": True, "audit": None}


def test_the_keying_form_calls_a_paper_from_the_box_that_cannot_be_counted_rejected(app, paper_round):
    world = paper_round()
    page = world["ana"].get("/rounds/lewisham/paper/key").get_data(as_text=True)
    assert "Rejected (it cannot be counted)?" in page and "Rejected: a mark that could identify the voter" in page
    assert "Spoilt" not in page
    key(world["ana"], world["serials"][0], "", rejected="unclear")
    page = world["ana"].get("/rounds/lewisham/paper/key").get_data(as_text=True)
    assert "Rejected: the marks cannot be read" in page  # the operator's last entries
    assert world["ana"].post("/rounds/lewisham/paper/key", data={
        "csrf_token": csrf_token(world["ana"]), "serial": world["serials"][1], "marks": "",
        "rejected": "spoilt"}).status_code == 422


def test_a_bad_account_is_refused_and_keeps_the_figures(app, paper_round):
    world = paper_round()
    response = world["ana"].post(f"{world['batch_url']}/account", data={
        "csrf_token": csrf_token(world["ana"]), "issued": "ten", "returned": "3", "spoilt": "-1", "unused": "5"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Not a valid integer value." in page and 'value="ten"' in page


def test_paper_json_is_for_staff_until_results_are_published(app, client, paper_round):
    world = paper_round(phase="rank")
    assert client.get("/rounds/lewisham/paper.json").status_code == 404
    assert world["ana"].get("/rounds/lewisham/paper.json").status_code == 200
    with app.app_context():
        db.session.scalar(select(Round)).phase = "results"
        db.session.commit()
    assert client.get("/rounds/lewisham/paper.json").json["batches"][0]["name"] == "Library box 1"


def test_keying_stops_when_the_grace_period_after_ranking_has_passed(app, paper_round):
    world = paper_round(phase="rank", decide_starts=days(-8), paper_grace_days=7)
    one = world["needs"][0]
    response = key(world["ana"], world["serials"][0], f"{one}")
    assert response.status_code == 409 and "Keying has closed in this round" in response.get_data(as_text=True)
    world["ana"].post("/rounds/lewisham/paper/settings", data={"csrf_token": csrf_token(world["ana"]), "days": "10"})
    assert key(world["ana"], world["serials"][0], f"{one}").status_code == 302


def test_paper_and_phone_ballots_are_tallied_together_with_turnout_by_channel(app, client, paper_round):
    world = paper_round(phase="decide", kind="approval", rule="approval")
    one, two, three = world["needs"]
    with app.app_context():
        for content in (f'{{"approved": [{one}, {two}]}}', f'{{"approved": [{two}]}}'):
            db.session.add(Ballot(round_id=1, voter_key=content, receipt=content[-12:], content=content))
        db.session.commit()
    # Phones: 1 for need one, 2 for need two. Paper: three, three, and one with three: 2, 2, 3.
    for serial, marks in zip(world["serials"], (f"{three}", f"{three}", f"{one} {three}")):
        key(world["ana"], serial, marks)
        key(world["ben"], serial, marks)
    key(world["ana"], world["serials"][3], "", rejected="unmarked")
    key(world["ben"], world["serials"][3], "", rejected="unclear")
    results = client.get("/rounds/lewisham/results.json").json
    assert results["scores"] == {str(one): 2, str(two): 2, str(three): 3}
    assert results["ranking"] == [str(three), str(one), str(two)]
    assert results["turnout"] == {"total": 5, "by_channel": {"internet": 2, "paper": 3}}
