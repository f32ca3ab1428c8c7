"""Linking a need to the same need raised in another round, without merging: both keep their own pages and
support, each names the other, the register shows it, and the link can be undone by either round."""
import json

import pytest

from app.extensions import db
from app.models import AuditEntry, Need, NeedStatus
from tests.conftest import post
from tests.web.test_access import text_of
from tests.web.test_register import valid


@pytest.fixture
def two_rounds(make_round, make_need, make_support, make_user):
    make_round("spring", phase="results", title="Spring 2026")
    make_round("autumn", phase="propose", title="Autumn 2026")
    make_user("spring@example.org", "facilitator", "spring")
    make_user("autumn@example.org", "facilitator", "autumn")
    lights = make_need("spring", "Street lights on Rye Lane")
    again = make_need("autumn", "Dark streets by Rye Lane")
    make_support(lights, 3)
    make_support(again, 1)
    return lights, again


def link(client, need_id, other_id, slug="autumn"):
    return post(client, f"/rounds/{slug}/needs/{need_id}/same/{other_id}")


def test_a_facilitator_links_the_same_need_across_rounds_and_both_keep_their_pages_and_support(
        app, client, two_rounds, sign_in):
    lights, again = two_rounds
    sign_in("autumn@example.org")
    choices = text_of(client.get(f"/rounds/autumn/needs/{again}/same"))
    assert "Street lights on Rye Lane" in choices and "Spring 2026" in choices
    response = link(client, again, lights)
    assert response.status_code == 302 and response.headers["Location"] == f"/rounds/autumn/needs/{again}#same-need"

    visitor = app.test_client()
    autumn_page = text_of(visitor.get(f"/rounds/autumn/needs/{again}"))
    spring_page = text_of(visitor.get(f"/rounds/spring/needs/{lights}"))
    assert "The same need in Spring 2026" in autumn_page and f"/rounds/spring/needs/{lights}" in autumn_page
    assert "The same need in Autumn 2026" in spring_page and f"/rounds/autumn/needs/{again}" in spring_page
    needs = {n["id"]: n for n in valid(visitor, visitor.get("/api/needs"))["needs"]}
    assert needs[str(lights)]["same_need"] == [{"id": str(again), "round": "autumn",
                                                "url": f"http://localhost/rounds/autumn/needs/{again}"}]
    assert [s["id"] for s in needs[str(again)]["same_need"]] == [str(lights)]
    assert needs[str(lights)]["rounds"] == [{"round": "spring", "rank": 1, "support": 3}]
    assert needs[str(again)]["rounds"] == [{"round": "autumn", "rank": 1, "support": 1}]
    register = text_of(visitor.get("/needs"))
    assert "The same need in Spring 2026" in register and "The same need in Autumn 2026" in register
    with app.app_context():
        assert db.session.get(Need, lights).status == db.session.get(Need, again).status == NeedStatus.OPEN
        entries = db.session.scalars(db.select(AuditEntry).where(AuditEntry.action == "needs-linked")).all()
        assert sorted(e.round_slug for e in entries) == ["autumn", "spring"]
        assert {json.loads(e.detail)["other"] for e in entries} == {lights, again}


def test_the_other_rounds_facilitator_can_undo_the_link(app, client, two_rounds, sign_in):
    lights, again = two_rounds
    sign_in("autumn@example.org")
    link(client, again, lights)
    other = app.test_client()
    post(other, "/account/sign-in", {"email": "spring@example.org", "password": "correct horse battery"})
    assert "Undo the link" in text_of(other.get(f"/rounds/spring/needs/{lights}/same"))
    response = post(other, f"/rounds/spring/needs/{lights}/same/{again}/remove")
    assert response.status_code == 302
    assert "The same need in" not in text_of(app.test_client().get(f"/rounds/autumn/needs/{again}"))
    assert app.test_client().get("/api/needs").json["needs"][0]["same_need"] == []
    with app.app_context():
        assert db.session.scalar(db.select(AuditEntry.actor).where(AuditEntry.action == "needs-unlinked",
                                                                   AuditEntry.round_slug == "spring")) \
            == "spring@example.org"


def test_linking_twice_in_one_round_or_to_a_hidden_need_is_refused_with_a_reason(
        app, client, two_rounds, make_need, sign_in):
    lights, again = two_rounds
    neighbour = make_need("autumn", "Lights on the footpath")
    hidden = make_need("spring", "Spam")
    with app.app_context():
        db.session.get(Need, hidden).status = NeedStatus.HIDDEN
        db.session.commit()
    sign_in("autumn@example.org")
    link(client, again, lights)
    for other, reason in ((lights, "These needs are linked already."),
                          (neighbour, "Both needs are in this round: merge them instead."),
                          (hidden, "Only needs that are shown, not hidden or merged, can be linked."),
                          (999999, "There is no such need.")):
        response = link(client, again, other)
        assert response.status_code == 302
        assert reason in text_of(client.get(response.headers["Location"])), reason
    assert "Spam" not in text_of(client.get(f"/rounds/autumn/needs/{again}/same"))
    assert post(client, f"/rounds/autumn/needs/{again}/same/{neighbour}/remove").status_code == 302


def test_only_a_facilitator_of_the_needs_round_links_it(app, client, two_rounds, sign_in, make_user):
    lights, again = two_rounds
    sign_in("spring@example.org")
    assert client.get(f"/rounds/autumn/needs/{again}/same").status_code == 403
    assert link(client, again, lights).status_code == 403
    assert client.get(f"/rounds/spring/needs/{again}/same").status_code == 404  # not that round's need
    assert app.test_client().get(f"/rounds/autumn/needs/{again}/same").status_code in (302, 401)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(AuditEntry.id)).where(
            AuditEntry.action == "needs-linked")) == 0
