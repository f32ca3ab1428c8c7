"""You said, we did: a funded group reports progress through its emailed link, the funder marks the grant
complete, and the need's page, the decisions page, the register and the open data all follow it."""
import re
from datetime import timedelta

import pytest

from app.extensions import db
from app.models import Application, GrantDecision
from app.models.base import utcnow
from app.progress import links
from app.voting.progress import LINK_LIFETIME
from tests.conftest import csrf_token, post
from tests.web.test_challenges import published  # noqa: F401
from tests.web.test_panel import (application_ids, apply, as_member, decide_by_two, panel_round, text_of,  # noqa: F401
                                  validator)

REPORT = {"milestone": "Lamps ordered", "percent": "40", "language": "en",
          "body": "Twelve LED lamps are on order for Sydenham Road; fitting starts in March."}


@pytest.fixture
def outbox(monkeypatch):
    sent = []
    monkeypatch.setattr("app.mail.send", lambda to, subject, body: sent.append((to, subject, body)))
    return sent


def send_link(client, application, email="lamps@sydenham.example"):
    return post(client, f"/rounds/lewisham/panel/applications/{application}/progress-link", {"email": email})


def link_from(outbox) -> str:
    [(_, _, body)] = outbox[-1:]
    return re.search(r"http://localhost(/progress/\S+)", body).group(1)


def report(client, link, **changes):
    client.get(link)
    return client.post(link, data={"csrf_token": csrf_token(client, link), **REPORT, **changes})


def lights_need(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(Application.need_id).filter_by(title="LED lamps"))


def test_the_group_reports_progress_through_its_emailed_link_and_everyone_sees_it(app, client, published, outbox):
    ada = as_member(app, "ada@example.org")
    refused = send_link(ada, published["LED lamps"], email="not an address")
    assert "Please give an email address" in text_of(ada.get(refused.headers["Location"])) and outbox == []
    assert send_link(ada, published["LED lamps"]).status_code == 302
    [(to, subject, _)] = outbox
    assert to == "lamps@sydenham.example" and "LED lamps" in subject
    link = link_from(outbox)

    group = app.test_client()  # no account, no password: the link is the key
    page = text_of(group.get(link))
    assert "Report progress" in page and "LED lamps" in page and "no progress reported yet" in page
    wrong = report(group, link, milestone=" ", percent="fifty", body="")
    page = text_of(wrong)
    assert wrong.status_code == 422 and "Please name the milestone." in page
    assert "Please give a whole number from 0 to 100." in page and 'value="fifty"' in page
    assert report(group, link, percent="101").status_code == 422
    assert report(group, link).status_code == 302
    assert "your progress is published" in text_of(group.get(link))
    report(group, link, milestone="Half the lamps in", percent="70", language="pl",
           body="Sześć lamp już świeci na Sydenham Road.")

    need = text_of(client.get(f"/rounds/lewisham/needs/{lights_need(app)}"))
    assert "What happened to this need" in need and "Funded: <bdi>Sydenham Society</bdi>, “<bdi>LED lamps</bdi>”, £12,000." in need
    assert "Half the lamps in" in need and "70% done" in need and REPORT["body"] in need
    assert '<p class="prose" lang="pl" dir="auto">Sześć lamp' in need
    assert "Not funded" not in need  # the play kit met another need
    decisions = text_of(client.get("/rounds/lewisham/decisions"))
    assert "Under way" in decisions and "Lamps ordered" in decisions
    grants = client.get("/rounds/lewisham/grants.json").json
    assert list(validator().iter_errors(grants)) == []
    [grant] = grants["grants"]
    assert grant["progress"]["status"] == "under-way" and grant["progress"]["percentDone"] == 70
    assert [(u["milestone"], u["percentDone"], u["language"]) for u in grant["progress"]["updates"]] == [
        ("Lamps ordered", 40, "en"), ("Half the lamps in", 70, "pl")]
    [entry] = [n for n in client.get("/api/needs").json["needs"] if n["grants"]]
    assert entry["status"] == "funded" and entry["grants"][0]["percent_done"] == 70
    assert "70% done" in text_of(client.get("/needs"))


def test_a_changed_or_expired_link_opens_nothing_and_says_why(app, published, outbox):
    group = app.test_client()
    with app.app_context():
        decision = db.session.scalar(db.select(GrantDecision).filter_by(funded=True))
        old = links.make_token(decision, now=utcnow() - LINK_LIFETIME - timedelta(minutes=1))
        fresh = links.make_token(decision)
        declined = links.make_token(db.session.scalar(db.select(GrantDecision).filter_by(funded=False)))
    expired = group.get(f"/progress/{old}")
    assert expired.status_code == 410 and "too old. Ask the funder to send a new one." in text_of(expired)
    assert report(group, f"/progress/{old}").status_code == 410
    changed = group.get(f"/progress/{fresh[:-2]}xx")
    assert changed.status_code == 404 and "Copy the whole link from the email." in text_of(changed)
    assert group.get(f"/progress/{declined}").status_code == 404  # a declined application has no grant to follow
    assert group.get(f"/progress/{fresh}").status_code == 200
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(db.text("grant_update"))) == 0


def test_the_funder_marks_the_grant_complete_and_the_need_is_met(app, client, published, outbox):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    send_link(ada, published["LED lamps"])
    link = link_from(outbox)
    group = app.test_client()
    report(group, link)
    refused = send_link(ada, published["Play kit"])
    assert "Only a published, funded grant" in text_of(ada.get(refused.headers["Location"]))
    done = post(ben, f"/rounds/lewisham/panel/applications/{published['LED lamps']}/complete")
    assert done.status_code == 302 and "The grant is marked complete." in text_of(ben.get(done.headers["Location"]))
    again = post(ada, f"/rounds/lewisham/panel/applications/{published['LED lamps']}/complete")
    assert "no more progress can be reported" in text_of(ada.get(again.headers["Location"]))

    late = report(group, link, milestone="One more lamp")
    assert late.status_code == 409 and "no more progress can be reported" in text_of(late)
    assert "Your next report" not in text_of(group.get(link))
    need = text_of(client.get(f"/rounds/lewisham/needs/{lights_need(app)}"))
    assert "Complete" in need and "100% done" in need and "One more lamp" not in need
    [grant] = client.get("/rounds/lewisham/grants.json").json["grants"]
    assert list(validator().iter_errors({"version": "1.4", "grants": [grant]})) == []
    assert grant["progress"]["status"] == "complete" and grant["progress"]["percentDone"] == 100
    assert grant["progress"]["completedAt"]
    met = client.get("/api/needs?status=met").json["needs"]
    assert [n["id"] for n in met] == [str(lights_need(app))] and met[0]["grants"][0]["complete"] is True
    assert client.get("/api/needs?status=funded").json["needs"] == []
    register = text_of(client.get("/needs?status=met"))
    assert 'status--met">Met</span>' in register and "Street lights" in register and "· complete" in register


def test_nothing_is_followed_before_the_decisions_are_published(app, panel_round, outbox):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    ids = application_ids(app)
    decide_by_two(app, ada, ids, {"LED lamps": ("yes", "12000")})
    refused = send_link(ada, ids["LED lamps"])
    assert "Only a published, funded grant" in text_of(ada.get(refused.headers["Location"])) and outbox == []
    post(ada, f"/rounds/lewisham/panel/applications/{ids['LED lamps']}/complete")
    with app.app_context():
        assert db.session.scalar(db.select(GrantDecision.completed_at)) is None
