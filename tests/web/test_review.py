"""The feasibility and cost review: reviewers give each need a cost and a verdict before ranking opens;
a need found not feasible leaves the ballot and the tally, with its public reason on its page."""
import json
import re
from html import unescape

from app.extensions import db
from app.models import AuditEntry, Need, Round
from tests.conftest import post


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def _review(client, need_id, **data):
    return post(client, f"/rounds/lewisham/review/{need_id}", data)


def test_a_reviewer_costs_a_need_in_the_rounds_money_and_goes_on_to_the_next(
        app, client, make_round, make_need, make_user, sign_in):
    make_round(budget=5_000_000, money_scale=2, currency="PLN")
    first, second = make_need(title="Lights on the path"), make_need(title="Benches by the pond")
    make_user("reviewer@example.org", "reviewer", "lewisham")
    sign_in("reviewer@example.org")
    response = _review(client, first, verdict="feasible", cost="1234.56")
    assert response.status_code == 302 and response.headers["Location"].endswith(f"/review/{second}")
    with app.app_context():
        need = db.session.get(Need, first)
        assert (need.cost, need.feasibility, need.reviewed_at is not None) == (123456, "feasible", True)
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="need-reviewed"))
        assert entry.actor == "reviewer@example.org"
    page = text_of(client.get("/rounds/lewisham/review"))
    assert "PLN" in page and "1,234.56" in page
    assert re.search(r"Needs waiting for review</dt><dd>1<", page)
    assert "Estimated cost" in text_of(client.get(f"/rounds/lewisham/needs/{first}"))


def test_refusals_keep_what_the_reviewer_typed_and_store_nothing(
        app, client, make_round, make_need, make_user, sign_in):
    make_round(budget=10_000, currency="GBP")
    need = make_need()
    make_user("reviewer@example.org", "reviewer", "lewisham")
    sign_in("reviewer@example.org")
    no_reason = _review(client, need, verdict="not-feasible", cost="", reason="   ")
    assert no_reason.status_code == 422 and "Say why it is not feasible" in text_of(no_reason)
    no_cost = _review(client, need, verdict="feasible", cost="")
    assert no_cost.status_code == 422 and "Give a cost estimate" in text_of(no_cost)
    too_dear = _review(client, need, verdict="feasible", cost="12000")
    assert too_dear.status_code == 422 and "more than the round's whole budget" in text_of(too_dear)
    assert 'value="12000"' in text_of(too_dear)
    nonsense = _review(client, need, verdict="maybe", cost="lots")
    assert nonsense.status_code == 422
    with app.app_context():
        stored = db.session.get(Need, need)
        assert (stored.feasibility, stored.cost) == ("unreviewed", None)


def test_a_need_found_not_feasible_is_off_the_ballot_and_the_tally_with_its_reason_public(
        app, client, make_round, make_need, make_user, sign_in, runner):
    make_round()
    kept, dropped = make_need(title="Lights on the path"), make_need(title="A bridge over the railway")
    make_user()
    sign_in()
    reason = "Network Rail owns the land; the council will ask them about a crossing instead."
    assert _review(client, dropped, verdict="not-feasible", reason=reason).status_code == 302
    page = text_of(app.test_client().get(f"/rounds/lewisham/needs/{dropped}"))
    assert "Not feasible, so it is not on the ballot." in page and reason in page
    with app.app_context():
        db.session.scalar(db.select(Round)).phase = "rank"
        db.session.commit()
    ballot = text_of(app.test_client().get("/rounds/lewisham/ballot"))
    assert "Lights on the path" in ballot and "A bridge over the railway" not in ballot
    outcome = json.loads(runner.invoke(args=["rounds", "tally", "lewisham", "--rule", "borda"]).output)
    assert outcome["ranking"] == [str(kept)]


def test_once_ranking_opens_costs_and_verdicts_cannot_change(app, client, make_round, make_need, make_user, sign_in):
    make_round(phase="rank")
    need = make_need()
    make_user()
    sign_in()
    response = _review(client, need, verdict="not-feasible", reason="Too late to say so.")
    assert response.status_code == 422 and "Ranking has opened" in text_of(response)
    with app.app_context():
        assert db.session.get(Need, need).feasibility == "unreviewed"


def test_a_reviewer_of_another_round_or_a_moderator_cannot_review(client, make_round, make_need, make_user, sign_in):
    make_round()
    make_round(slug="brent")
    need = make_need()
    make_user("brent-reviewer@example.org", "reviewer", "brent")
    make_user("moderator@example.org", "moderator", "lewisham")
    for email in ("brent-reviewer@example.org", "moderator@example.org"):
        sign_in(email)
        assert client.get("/rounds/lewisham/review").status_code == 403
        assert _review(client, need, verdict="feasible").status_code == 403


def test_the_demo_shows_a_review_under_way_and_a_second_run_changes_nothing(app, client, runner):
    from app.demo import content

    assert runner.invoke(args=["demo"]).exit_code == 0
    assert "already reviewed" in runner.invoke(args=["demo"]).output
    with app.app_context():
        pitch = db.session.scalar(db.select(Need).filter_by(feasibility="not-feasible"))
    page = text_of(client.get(f"/rounds/tower-hamlets-youth/needs/{pitch.id}"))
    assert "Not feasible, so it is not on the ballot." in page and "housing association" in page
    post(client, "/account/sign-in", {"email": content.FACILITATOR_EMAIL, "password": content.FACILITATOR_PASSWORD})
    review = text_of(client.get("/rounds/tower-hamlets-youth/review"))
    assert re.search(r"Needs waiting for review</dt><dd>1<", review)
    assert re.search(r"Not feasible</dt><dd>1<", review) and "£38,000" in review
