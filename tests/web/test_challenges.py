"""Challenges to published decisions: the public form, its window, who answers, moderation and the open data."""
from datetime import timedelta

import pytest

from app.extensions import db
from app.models import Challenge, Round
from app.models.base import utcnow
from tests.conftest import csrf_token, post
from tests.web.test_panel import (application_ids, apply, as_member, decide_by_two, mark, panel_round,  # noqa: F401
                                  publish_by_two, text_of)


@pytest.fixture
def published(app, panel_round, make_user):
    """Ada marked and decided, and Cy agreed: LED lamps funded, the play kit not; Ben took no part."""
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    ids = application_ids(app)
    mark(ada, ids["Play kit"], 2, 3, 2)
    make_user("cy@example.org", "panel", "lewisham")  # agrees with Ada, so her decisions stand
    decide_by_two(app, ada, ids, {"LED lamps": ("yes", "12000"), "Play kit": ("no", "")}, second="cy@example.org")
    publish_by_two(app, ada, second="cy@example.org")
    make_user("mo@example.org", "moderator", "lewisham")
    return ids


GROUNDS = "Play came third, but the kit costs little and serves forty children on the estate."


def challenge(client, decision, ground="fit", grounds=GROUNDS, name="Amina"):
    client.get("/rounds/lewisham/decisions")
    return client.post("/rounds/lewisham/decisions/challenges", data={
        "csrf_token": csrf_token(client, "/rounds/lewisham/decisions"), "decision": decision, "ground": ground,
        "grounds": grounds, "language": "en", "display_name": name})


def only_challenge(app) -> Challenge:
    with app.app_context():
        [item] = db.session.scalars(db.select(Challenge)).all()
        db.session.expunge(item)
        return item


def test_a_resident_challenges_a_decision_and_a_member_who_took_no_part_answers_it(app, client, published):
    refused = challenge(client, published["Play kit"], ground="", grounds="too short")
    page = text_of(refused)
    assert refused.status_code == 422 and "Please choose the criterion your challenge is about." in page
    assert "Please write at least 20 characters." in page and 'value="Amina"' in page
    assert challenge(client, published["Play kit"]).status_code == 302
    item = only_challenge(app)
    assert item.deadline - item.created_at == timedelta(days=14)
    page = text_of(client.get("/rounds/lewisham/decisions"))
    assert GROUNDS in page and "Challenge on: How well it meets the need" in page
    assert "Waiting for the panel's answer" in page and "This decision is final." not in page
    [record] = client.get("/rounds/lewisham/challenges.json").json
    assert record == {"decision": str(published["Play kit"]), "grounds": GROUNDS, "status": "open", "answer": None,
                      "answered_at": None, "deadline": item.deadline.isoformat(timespec="seconds")}

    answer = {"outcome": "dismissed", "answer": "The kit was judged unsafe for under-fives by the play officer."}
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    url = f"/rounds/lewisham/panel/challenges/{item.id}"
    assert "You took part in this decision" in text_of(ada.get(url))
    assert post(ada, url, answer).status_code == 302
    assert only_challenge(app).outcome == "open"  # Ada marked and decided it: not hers to answer
    blank = post(ben, url, {"outcome": "", "answer": ""})
    assert blank.status_code == 422 and "Please choose the outcome." in text_of(blank)
    assert post(ben, url, answer).status_code == 302
    page = text_of(client.get("/rounds/lewisham/decisions"))
    assert "Dismissed" in page and answer["answer"] in page and "This decision is final." in page
    [record] = client.get("/rounds/lewisham/challenges.json").json
    assert record["status"] == "dismissed" and record["answer"] == answer["answer"] and record["answered_at"]
    again = post(ben, url, {"outcome": "upheld", "answer": "On second thoughts the challenge is right."})
    assert "This challenge has already been answered." in text_of(ben.get(again.headers["Location"]))
    refused = challenge(client, published["Play kit"], name="Bo")
    assert refused.status_code == 409 and "This decision is final" in text_of(refused)


def test_the_window_closes_after_the_days_the_round_sets(app, client, published):
    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        round_.challenge_days = 3
        round_.decisions_published_at = utcnow() - timedelta(days=3, minutes=1)
        db.session.commit()
    page = text_of(client.get("/rounds/lewisham/decisions"))
    assert "The challenge window closed on" in page and "Send the challenge" not in page
    assert "This decision is final." in page
    refused = challenge(client, published["LED lamps"])
    assert refused.status_code == 409 and "only while the challenge window is open" in text_of(refused)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Challenge.id))) == 0


def test_nothing_to_challenge_before_publication(app, client, panel_round):
    assert client.get("/rounds/lewisham/challenges.json").status_code == 404
    assert client.post("/rounds/lewisham/decisions/challenges", data={}).status_code in (400, 404)


def test_staff_outside_the_panel_cannot_answer_and_moderators_hide_a_challenge(app, client, published):
    challenge(client, published["Play kit"])
    item = only_challenge(app)
    url = f"/rounds/lewisham/panel/challenges/{item.id}"
    assert client.get(url).status_code == 302  # not signed in: to the sign-in page
    mo = as_member(app, "mo@example.org")
    assert mo.get(url).status_code == 403
    assert post(mo, url, {"outcome": "upheld", "answer": "Moderators do not answer for the panel."}).status_code == 403
    assert post(as_member(app, "ben@example.org"), url + "/hide", {"reason": "x"}).status_code == 403
    assert "Why hide it?" in text_of(mo.get("/rounds/lewisham/decisions"))
    assert post(mo, url + "/hide", {"reason": "Names a child."}).status_code == 302
    assert GROUNDS not in text_of(client.get("/rounds/lewisham/decisions"))
    assert client.get("/rounds/lewisham/challenges.json").json == []


def test_challenges_are_rate_limited_like_residents_posts(app, client, published):
    client.get("/rounds/lewisham/decisions")
    token = csrf_token(client, "/rounds/lewisham/decisions")
    statuses = [client.post("/rounds/lewisham/decisions/challenges", data={"csrf_token": token}).status_code
                for _ in range(31)]
    assert statuses[:30] == [422] * 30 and statuses[30] == 429
