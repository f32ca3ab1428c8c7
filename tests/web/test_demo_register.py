"""The demo shows the shared register at work: a co-funded round, needs carried into a later round, and
a panel warned that a need it is asked to fund was funded by other funders last year; a need raised again
linked to the earlier round's, and the panel warned that the need linked to it was funded."""
from app.extensions import db
from app.models import GrantShare, Need, NeedCarry, NeedLink, Pledge
from tests.conftest import post
from tests.web.test_access import text_of
from tests.web.test_register import valid


def test_the_demo_co_funds_carries_and_warns_and_a_second_run_changes_nothing(runner, app, client):
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        counts = [db.session.scalar(db.select(db.func.count()).select_from(m)) for m in (Pledge, GrantShare, NeedCarry, NeedLink)]
        swimming = db.session.scalar(db.select(Need.id).filter_by(title="Free swimming lessons for children"))
    # Two pledges; three funded grants (swimming, the garden, the litter kit) each split between both funders.
    assert counts == [2, 6, 2, 1]
    grants = client.get("/rounds/newham-2026/grants.json").json["grants"]
    assert {o["name"] for o in grants[0]["fundingOrganization"]} == {"East London Community Fund",
                                                                      "Thames Gateway Foundation"}
    old = client.get(f"/rounds/newham-2026/needs/{swimming}")
    assert old.status_code == 301 and old.headers["Location"] == f"/rounds/newham-2027/needs/{swimming}"
    page = text_of(client.get(f"/rounds/newham-2027/needs/{swimming}"))
    assert "Rounds this need was in" in page and "Newham 2026: healthy neighbourhoods" in page
    record = next(n for n in valid(client, client.get("/api/needs"))["needs"] if n["id"] == str(swimming))
    assert [r["round"] for r in record["rounds"]] == ["newham-2026", "newham-2027"]
    assert record["status"] == "funded"

    with app.app_context():
        garden, again = (db.session.scalar(db.select(Need.id).filter_by(title=t)) for t in
                         ("Community garden at Canning Town", "A garden for the Canning Town estate"))
    page = text_of(client.get(f"/rounds/newham-2027/needs/{again}"))
    assert "The same need in Newham 2026: healthy neighbourhoods" in page
    assert f"/rounds/newham-2026/needs/{garden}" in page
    record = next(n for n in client.get("/api/needs").json["needs"] if n["id"] == str(again))
    assert [s["round"] for s in record["same_need"]] == ["newham-2026"]

    post(client, "/account/sign-in", {"email": "priya@demo.commonground.test", "password": "demo-panel-2027"})
    panel = text_of(client.get("/rounds/newham-2027/panel"))
    assert ("East London Community Fund already funded this need with £63,750 in "
            "Newham 2026: healthy neighbourhoods.") in panel
    assert "Thames Gateway Foundation already funded this need with £21,250" in panel
    # The garden raised again is applied for: the panel hears that last year's garden, linked to it, was funded.
    assert ("East London Community Fund already funded the same need in Newham 2026: healthy neighbourhoods, "
            f'“<a href="/rounds/newham-2026/needs/{garden}" lang="en" dir="auto">Community garden at Canning Town</a>”'
            ", with £31,500.") in panel

    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        assert [db.session.scalar(db.select(db.func.count()).select_from(m))
                for m in (Pledge, GrantShare, NeedCarry, NeedLink)] == counts
