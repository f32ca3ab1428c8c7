"""The demo's published round decided by quorum: two members agreed on every decision and a second member
confirmed publication; a second run changes nothing."""
from app.extensions import db
from app.models import DecisionVote, NoConflict
from tests.web.test_panel import text_of


def test_the_demo_decisions_stood_by_quorum_and_a_second_member_confirmed_them(app, client, runner):
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        counts = [db.session.scalar(db.select(db.func.count()).select_from(m)) for m in (DecisionVote, NoConflict)]
    page = text_of(client.get("/rounds/newham-2026/decisions"))
    assert "Each decision stood once 2 members agreed on it; one member asked to publish them and another confirmed." in page
    assert "A panel member declared a conflict of interest and took no part: My sister runs East Ham Clean Streets." in page
    assert counts[0] >= 8  # two members on each of the four decisions
    runner.invoke(args=["demo"])
    with app.app_context():
        assert [db.session.scalar(db.select(db.func.count()).select_from(m))
                for m in (DecisionVote, NoConflict)] == counts
