"""The demo follows a grant after it is made: two progress reports, a link to report more, an answered challenge,
and a grant made outside the suggested set with its reason."""
import re
from urllib.parse import urlsplit

from app.extensions import db
from app.models import Challenge, GrantUpdate, Need, User
from tests.web.test_panel import text_of, validator


def test_the_demo_grant_has_two_progress_reports_and_a_challenge_was_answered(app, client, runner):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    link = next(line for line in first.output.splitlines() if line.startswith("swimming grant progress link: "))
    assert "Pool time booked" in text_of(client.get(urlsplit(link.split()[-1]).path))
    runner.invoke(args=["demo"])
    with app.app_context():
        counts = [db.session.scalar(db.select(db.func.count()).select_from(m)) for m in (GrantUpdate, Challenge, User)]
    assert counts[:2] == [2, 1]
    grants = client.get("/rounds/newham-2026/grants.json").json
    assert list(validator().iter_errors(grants)) == []
    swim = next(g for g in grants["grants"] if g["recipientOrganization"][0]["name"] == "Newham Swim Club")
    assert swim["progress"]["percentDone"] == 55 and [u["language"] for u in swim["progress"]["updates"]] == ["en", "bn"]
    [challenge] = client.get("/rounds/newham-2026/challenges.json").json
    assert challenge["status"] == "dismissed" and challenge["answer"]
    decisions = text_of(client.get("/rounds/newham-2026/decisions"))
    assert "Pool time booked" in decisions and "Dismissed" in decisions
    assert "Departure from the suggested grants: funded, though the suggestion left it out." in decisions
    assert "This kit costs little" in decisions
    runner.invoke(args=["demo"])
    with app.app_context():
        assert [db.session.scalar(db.select(db.func.count()).select_from(m))
                for m in (GrantUpdate, Challenge, User)] == counts


def test_a_need_carried_on_after_its_grant_still_tells_of_the_grant_and_its_progress(app, client, runner):
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        swimming = db.session.scalar(db.select(Need).filter_by(title="Free swimming lessons for children"))
        now_in = swimming.round.slug
    assert now_in == "newham-2027"  # carried on by the register's demo
    page = re.sub(r"</?bdi>", "", text_of(client.get(f"/rounds/{now_in}/needs/{swimming.id}")))
    assert "In Newham 2026: healthy neighbourhoods:" in page
    assert "Funded: Newham Swim Club, “Swimming lessons for 400 children”" in page and "Pool time booked" in page
