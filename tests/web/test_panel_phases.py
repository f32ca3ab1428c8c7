"""The panel works to the round's phases: applications and conflicts until results are out; marks, decisions
and publication in Decide only. Each refusal says why, in the member's language, and stores nothing."""
import pytest

from app.extensions import db
from app.models import Application, Round
from tests.conftest import post
from tests.web.test_panel import (apply, application_ids, as_member, decide_all, decide_by_two, declare_none,  # noqa: F401
                                  mark, panel_round, text_of)

MARKS_WAIT = "Applications are marked only while the round is in its Decide phase."
DECISIONS_WAIT = "The panel records its decisions only while the round is in its Decide phase."
PUBLISHING_WAITS = "The panel publishes its decisions only while the round is in its Decide phase."


def move_to(app, phase):
    with app.app_context():
        db.session.scalar(db.select(Round).filter_by(slug="lewisham")).phase = phase
        db.session.commit()


def flashed(client, response) -> str:
    assert response.status_code == 302
    return text_of(client.get(response.headers["Location"]))


@pytest.fixture
def ada(app, panel_round):
    return as_member(app, "ada@example.org")


def test_during_propose_applications_come_in_and_marks_wait_for_decide(app, ada, panel_round):
    move_to(app, "propose")
    assert apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000").status_code == 302
    kit = application_ids(app)["Play kit"]
    declare_none(ada, kit)
    page = text_of(ada.get(f"/rounds/lewisham/panel/applications/{kit}"))
    assert MARKS_WAIT in page and "Save my marks" not in page and "Declare a conflict of interest" in page
    assert MARKS_WAIT in flashed(ada, mark(ada, kit, 4, 4, 4))
    with app.app_context():
        assert db.session.get(Application, kit).scores == []
    move_to(app, "decide")
    assert "Your marks are saved." in flashed(ada, mark(ada, kit, 4, 4, 4))


def test_a_decision_recorded_during_propose_is_refused_and_nothing_is_stored(app, ada, panel_round):
    move_to(app, "propose")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    page = text_of(ada.get("/rounds/lewisham/panel"))
    assert DECISIONS_WAIT in page and "Record the decisions" not in page
    refused = decide_all(ada, application_ids(app), {"Play kit": ("yes", "5000")})
    assert refused.status_code == 422 and DECISIONS_WAIT in text_of(refused)
    with app.app_context():
        assert db.session.scalar(db.select(Application)).decision is None


def test_decisions_recorded_in_decide_are_not_published_outside_it(app, ada, panel_round):
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    decide_by_two(app, ada, application_ids(app), {"Play kit": ("yes", "5000")})
    assert "Ask to publish the decisions" in text_of(ada.get("/rounds/lewisham/panel"))
    move_to(app, "results")
    assert "Ask to publish the decisions" not in text_of(ada.get("/rounds/lewisham/panel"))
    assert PUBLISHING_WAITS in flashed(ada, post(ada, "/rounds/lewisham/panel/publish"))
    with app.app_context():
        assert db.session.scalar(db.select(Round)).decisions_published_at is None


def test_once_results_are_out_the_panel_takes_no_more_applications_or_conflicts(app, ada, panel_round):
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    kit = application_ids(app)["Play kit"]
    move_to(app, "results")
    assert "Add an application" not in text_of(ada.get("/rounds/lewisham/panel"))
    late = apply(ada, panel_round["lights"], "Late Group", "Late lamps", "100")
    assert "the panel takes no more applications" in flashed(ada, late)
    conflict = post(ada, f"/rounds/lewisham/panel/applications/{kit}/conflict", {"reason": "My sister runs it."})
    assert "the panel's work on it is over" in flashed(ada, conflict)
    with app.app_context():
        assert [a.title for a in db.session.scalars(db.select(Application))] == ["Play kit"]
        assert db.session.get(Application, kit).conflicts == []


def test_a_refusal_is_in_the_members_language(app, ada, panel_round):
    move_to(app, "propose")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    post(ada, "/language", {"lang": "pl", "next": "/rounds/lewisham/panel"})
    refused = decide_all(ada, application_ids(app), {"Play kit": ("yes", "5000")})
    assert refused.status_code == 422
    assert "Panel zapisuje swoje decyzje tylko na etapie „Decyzja”." in text_of(refused)
