"""Privacy: the plain-language page, a resident seeing and deleting their data, and retention."""
import json
from datetime import date, timedelta
from html import unescape

from app.extensions import db
from app.models import AccessCode, AuditEntry, Ballot, Comment, Need, Participant, Participation, Round, Support
from app.ballots.tally import tally
from tests.conftest import post
from tests.web.test_ballots import form_state


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def propose(client, title="Benches on the high street", name="Margaret"):
    response = post(client, "/rounds/lewisham/needs/new", {
        "title": title, "description": "Older people have nowhere to sit.", "category": "older-people",
        "language": "en", "display_name": name})
    assert response.status_code == 302, text_of(response)
    return int(response.headers["Location"].rstrip("/").split("/")[-1])


def test_the_privacy_page_says_what_is_stored_and_is_linked_from_every_page(client, make_round):
    make_round()
    assert 'href="/privacy"' in text_of(client.get("/rounds/lewisham"))
    page = text_of(client.get("/privacy"))
    assert "Your ballot. It is stored apart from you" in page and "not written to the database" in page


def test_a_resident_sees_their_data_then_deletes_it_and_the_ballot_stays_counted_unlinked(app, client, make_round,
                                                                                       make_need):
    make_round(phase="propose")
    other = make_need(title="Street lights")
    mine = propose(client)
    post(client, f"/rounds/lewisham/needs/{other}/comments", {"body": "The lamp by the school is out.",
                                                               "display_name": "Margaret", "language": "en"})
    post(client, f"/rounds/lewisham/needs/{other}/support")
    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        round_.phase = "rank"
        db.session.commit()
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [mine, other], "cast": "1"})

    page = text_of(client.get("/rounds/lewisham/my-data"))
    for seen in ("Margaret", "Benches on the high street", "The lamp by the school is out.", "Street lights",
                 "cast, and stored without your name"):
        assert seen in page, seen
    refused = post(client, "/rounds/lewisham/my-data/forget")
    assert refused.status_code == 422 and "Tick the box to confirm." in text_of(refused)
    done = post(client, "/rounds/lewisham/my-data/forget", {"understood": "y"}, follow_redirects=True)
    assert "Your personal data for this round is deleted." in text_of(done)

    with app.app_context():
        assert db.session.scalar(db.select(Need.participant_id).filter_by(id=mine)) is None
        assert db.session.scalar(db.select(Comment.participant_id)) is None
        forgotten = db.session.scalar(db.select(Participant).filter(Participant.forgotten_at.is_not(None)))
        assert forgotten.display_name == ""
        assert db.session.scalar(db.select(db.func.count(Support.id)).filter_by(need_id=other)) == 1
        assert db.session.scalar(db.select(db.func.count(Participation.id))) == 1
        assert [json.loads(b) for b in db.session.scalars(db.select(Ballot.content))] == [
            {"ranking": [[mine], [other]]}]
        assert tally(db.session.scalar(db.select(Round))).ranking[0] == str(mine)
    assert "Margaret" not in text_of(client.get(f"/rounds/lewisham/needs/{mine}"))
    assert "Proposed by a resident" in text_of(client.get(f"/rounds/lewisham/needs/{mine}"))
    assert "has not taken part in this round" in text_of(client.get("/rounds/lewisham/my-data"))
    assert "Cast my ballot" in text_of(client.get("/rounds/lewisham/ballot"))  # no ballot is theirs any more


def test_a_forgotten_code_cannot_bring_anyone_back(app, client, runner, make_round, make_need):
    make_round(phase="rank", access="codes")
    need = make_need()
    code = runner.invoke(args=["codes", "generate", "lewisham", "--count", "1"]).output.split()[0]
    client.get(f"/rounds/lewisham/join?code={code}")
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [need], "cast": "1"})
    post(client, "/rounds/lewisham/my-data/forget", {"understood": "y"})
    assert app.test_client().get(f"/rounds/lewisham/join?code={code}").status_code == 404
    with app.app_context():
        assert db.session.scalar(db.select(AccessCode.voided_at)) is not None
        assert db.session.scalar(db.select(db.func.count(Ballot.id))) == 1


def test_retention_removes_personal_data_after_the_rounds_results_and_not_before(app, client, runner, make_round):
    make_round(phase="propose", retention_days=30)
    make_round(slug="brent", phase="propose")
    mine = propose(client)

    def results_opened(days_ago):
        with app.app_context():
            db.session.scalar(db.select(Round).filter_by(slug="lewisham")).results_starts = (
                date.today() - timedelta(days=days_ago))
            db.session.commit()

    results_opened(29)
    assert runner.invoke(args=["privacy", "purge"]).output == "lewisham: sealed\n"  # ranking has closed
    assert "Margaret" in text_of(client.get(f"/rounds/lewisham/needs/{mine}"))
    results_opened(30)
    assert runner.invoke(args=["privacy", "purge"]).output == "lewisham: 1 participants forgotten\n"
    with app.app_context():
        assert db.session.scalar(db.select(Need.participant_id).filter_by(id=mine)) is None
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="personal-data-removed"))
        assert json.loads(entry.detail) == {"participants": 1, "retention_days": 30}
    assert "Margaret" not in text_of(client.get(f"/rounds/lewisham/needs/{mine}"))
