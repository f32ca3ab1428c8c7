"""The demo's marking round shows a weighted rubric with its anchors, and a second run changes nothing."""
from app.extensions import db
from app.models import Criterion, PanelMark
from app.demo import content
from tests.conftest import csrf_token
from tests.web.test_panel import text_of


def test_the_demo_marks_on_a_weighted_rubric_with_anchors(app, client, runner):
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        before = [db.session.scalar(db.select(db.func.count()).select_from(m)) for m in (Criterion, PanelMark)]
    client.post("/account/sign-in", data={"csrf_token": csrf_token(client), "email": content.PANEL[0][1],
                                          "password": content.PANEL_PASSWORD})
    rubric = text_of(client.get("/rounds/southwark-community-spaces/panel/rubric"))
    assert "3: meets the need for some of the people affected" in rubric and 'value="3"' in rubric
    table = text_of(client.get("/rounds/southwark-community-spaces/panel"))
    assert "out of 5, weighted, from" in table
    runner.invoke(args=["demo"])
    with app.app_context():
        assert [db.session.scalar(db.select(db.func.count()).select_from(m)) for m in (Criterion, PanelMark)] == before
        assert all(m.comment for m in db.session.scalars(db.select(PanelMark).join(Criterion)
                                                         .filter(Criterion.anchor_3 != "")))

