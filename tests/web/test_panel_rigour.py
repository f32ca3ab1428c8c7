"""Conflicts declared before access, decisions by quorum, publication confirmed by a second member, and
the meeting view."""
import pytest

from app.extensions import db
from app.models import Application, AuditEntry, Round
from tests.conftest import post
from tests.web.test_panel import (application_ids, apply, as_member, decide_all, declare_none, mark,  # noqa: F401
                                  panel_round, text_of)


def settle(app, client, **values):
    """Set the panel's quorum or whether conflicts are published by name, keeping the rubric as it is."""
    from tests.web.test_rubric import rubric_form
    from tests.web.test_panel import criterion_ids
    with app.app_context():
        any_application = db.session.scalar(db.select(Application.id))
    rows = [(c, "", "1", [""] * 5, False) for c in criterion_ids(client, any_application)]
    return rubric_form(client, rows, **values)


def test_a_member_sees_the_application_in_full_only_after_declaring(app, panel_round):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000",
          description="Twelve lamps along the dark stretch by the station.")
    lamps = application_ids(app)["LED lamps"]
    first = text_of(ben.get(f"/rounds/lewisham/panel/applications/{lamps}"))
    assert "LED lamps" in first and "Sydenham Society" in first
    assert "Twelve lamps along the dark stretch" not in first and "I have no conflict of interest" in first
    refused = mark(ben, lamps, 4, 4, 4, declare=False)
    assert "Say whether you have a conflict of interest" in text_of(ben.get(refused.headers["Location"]))
    assert post(ben, f"/rounds/lewisham/panel/applications/{lamps}/no-conflict").status_code == 302
    assert "Twelve lamps along the dark stretch" in text_of(ben.get(f"/rounds/lewisham/panel/applications/{lamps}"))
    assert "Your marks are saved." in text_of(ben.get(mark(ben, lamps, 4, 4, 4, declare=False).headers["Location"]))
    with app.app_context():
        assert db.session.scalar(db.select(AuditEntry.action).filter_by(action="no-conflict-declared"))


def test_a_member_who_has_not_declared_cannot_decide(app, panel_round):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    refused = decide_all(ben, application_ids(app), {"Play kit": ("no", "")}, declare=False)
    assert refused.status_code == 422 and "Say whether you have a conflict of interest" in text_of(refused)


@pytest.mark.parametrize("named", [False, True])
def test_declared_conflicts_are_published_by_role_and_by_name_only_where_the_panel_names_them(
        app, client, panel_round, make_user, named):
    make_user("facilitator@example.org", "facilitator", "lewisham")
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    settle(app, ada, quorum="1", name_conflicts=named)
    kit = application_ids(app)["Play kit"]
    post(ada, f"/rounds/lewisham/panel/applications/{kit}/conflict",
         {"reason": "My daughter plays there.", "name": "Ada Obi"})
    decide_all(ben, application_ids(app), {"Play kit": ("yes", "5000")})
    post(ben, "/rounds/lewisham/panel/publish")
    post(as_member(app, "facilitator@example.org"), "/rounds/lewisham/panel/publish")
    page = text_of(client.get("/rounds/lewisham/decisions"))
    if named:
        assert "Ada Obi, a panel member, declared a conflict of interest and took no part: My daughter plays there." in page
    else:
        assert "A panel member declared a conflict of interest and took no part: My daughter plays there." in page
        assert "Ada Obi" not in page


def test_a_decision_stands_only_when_two_members_agree_and_falls_when_they_no_longer_do(app, panel_round):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    ids = application_ids(app)
    decide_all(ada, ids, {"LED lamps": ("yes", "12000")})
    assert "No decision yet: 1 member has decided, and 2 must agree." in text_of(ada.get("/rounds/lewisham/panel"))
    with app.app_context():
        assert db.session.get(Application, ids["LED lamps"]).decision is None
    decide_all(ben, ids, {"LED lamps": ("yes", "12000")})
    assert "Stands: fund £12,000" in text_of(ada.get("/rounds/lewisham/panel"))
    decide_all(ben, ids, {"LED lamps": ("yes", "11000")})  # no longer the same grant
    assert "No decision yet: 2 members have decided, and 2 must agree." in text_of(ada.get("/rounds/lewisham/panel"))
    with app.app_context():
        assert db.session.get(Application, ids["LED lamps"]).decision is None
    settle(app, ada, quorum="3")
    decide_all(ben, ids, {"LED lamps": ("yes", "12000")})
    assert "Stands:" not in text_of(ada.get("/rounds/lewisham/panel"))


def test_publication_needs_a_second_member_to_confirm(app, client, panel_round):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    ids = application_ids(app)
    for member in (ada, ben):
        decide_all(member, ids, {"Play kit": ("yes", "5000")})
    asked = post(ada, "/rounds/lewisham/panel/publish")
    assert "Another member confirms" in text_of(ada.get(asked.headers["Location"]))
    alone = post(ada, "/rounds/lewisham/panel/publish")
    assert "another member must confirm" in text_of(ada.get(alone.headers["Location"]))
    assert client.get("/rounds/lewisham/grants.json").status_code == 404
    decide_all(ben, ids, {"Play kit": ("yes", "5000")}, rationale="The play kit is what the estate asked for first.")
    lapsed = post(ben, "/rounds/lewisham/panel/publish")  # the decisions changed: Ben's click asks afresh
    assert client.get("/rounds/lewisham/grants.json").status_code == 404
    assert "Another member confirms" in text_of(ben.get(lapsed.headers["Location"]))
    assert post(ada, "/rounds/lewisham/panel/publish").status_code == 302
    assert client.get("/rounds/lewisham/grants.json").status_code == 200
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="grants-published"))
        assert entry is not None


def test_the_meeting_view_sets_rank_marks_spread_suggestion_and_decisions_side_by_side(app, panel_round):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    ids = application_ids(app)
    mark(ada, ids["LED lamps"], 5, 4, 4)
    mark(ben, ids["LED lamps"], 3, 4, 4)
    decide_all(ada, ids, {"LED lamps": ("yes", "12000"), "Play kit": ("no", "")})
    page = text_of(ada.get("/rounds/lewisham/panel/meeting"))
    lamps = page[page.index("LED lamps"):page.index("Play kit")]
    assert "<td>1</td>" in lamps  # lights came first with residents
    assert "4 out of 5, weighted, from 2 members" in lamps
    assert "Members disagree on “How well it meets the need”: marks from 3 to 5." in lamps
    assert "Suggested for funding" in lamps and "No decision yet: 1 member has decided" in lamps
    kit = page[page.index("Play kit"):]
    assert "<td>3</td>" in kit and "Not marked yet" in kit
