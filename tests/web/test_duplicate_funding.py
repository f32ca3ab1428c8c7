"""A panel about to fund a need hears, on its decision page, of another funder's grant for it or of
another round's panel still deciding it: funder, amount and round named."""
from datetime import datetime, timezone

import pytest

from app.extensions import db
from app.models import Application, GrantDecision, GrantShare, Need, NeedLink, Organisation, Round
from tests.conftest import post
from tests.web.test_access import text_of
from tests.web.test_panel import as_member


@pytest.fixture
def carried(app, client, make_round, make_need, make_user, sign_in):
    """Street lights, applied for in Hackney (its panel deciding), carried on into Lewisham and applied
    for there too; Lewisham's panel now decides."""
    make_round("hackney", phase="decide", title="Hackney 2026", funder_name="Hackney Giving", currency="GBP")
    make_round("lewisham", phase="propose", title="Lewisham 2027", funder_name="Lewisham Fund", currency="GBP")
    lights = make_need("hackney", "Street lights on Rye Lane")
    quiet = make_need("lewisham", "A quiet room in the library")
    make_user("lewisham@example.org", "facilitator", "lewisham")
    make_user("panel@example.org", "panel", "lewisham")
    with app.app_context():
        hackney = db.session.scalar(db.select(Round).filter_by(slug="hackney"))
        db.session.add(Application(round_id=hackney.id, need_id=lights, applicant="Rye Lane Traders",
                                   title="Lights for Rye Lane", amount=3000))
        db.session.commit()
    sign_in("lewisham@example.org")
    assert post(client, f"/rounds/lewisham/carry/{lights}").status_code == 302
    with app.app_context():
        lewisham = db.session.scalar(db.select(Round).filter_by(slug="lewisham"))
        lewisham.phase = "decide"
        db.session.add_all([
            Application(round_id=lewisham.id, need_id=lights, applicant="Peckham Lights", title="Lamps", amount=2500),
            Application(round_id=lewisham.id, need_id=quiet, applicant="Library Friends", title="Room", amount=1000),
        ])
        db.session.commit()
    return lights


def decisions_section(app):
    page = text_of(as_member(app, "panel@example.org").get("/rounds/lewisham/panel"))
    return page.split('id="decisions"')[1]


def publish_hackney(app, shares=()):
    with app.app_context():
        hackney = db.session.scalar(db.select(Round).filter_by(slug="hackney"))
        application = db.session.scalar(db.select(Application).filter_by(round_id=hackney.id))
        decision = GrantDecision(application_id=application.id, funded=True, amount=3000)
        db.session.add(decision)
        db.session.flush()
        for name, amount in shares:
            organisation = Organisation(name=name)
            db.session.add(organisation)
            db.session.flush()
            db.session.add(GrantShare(decision_id=decision.id, organisation_id=organisation.id, amount=amount))
        hackney.decisions_published_at = datetime(2026, 11, 1, tzinfo=timezone.utc)
        db.session.commit()


def test_the_panel_hears_that_another_rounds_panel_is_still_deciding_the_need(app, carried):
    section = decisions_section(app)
    lamps = section.split("Lamps · Peckham Lights")[1].split("</fieldset>")[0]
    assert "Hackney 2026 is also deciding an application for this need: Hackney Giving, £3,000 asked for." in lamps
    room = section.split("Room · Library Friends")[1].split("</fieldset>")[0]
    assert "also deciding" not in room and "already funded" not in room


def test_the_panel_hears_of_each_funder_of_a_grant_already_made_for_the_need(app, carried):
    publish_hackney(app, shares=[("Hackney Giving", 2000), ("City Bridge Trust", 1000)])
    lamps = decisions_section(app).split("Lamps · Peckham Lights")[1].split("</fieldset>")[0]
    assert "Hackney Giving already funded this need with £2,000 in Hackney 2026." in lamps
    assert "City Bridge Trust already funded this need with £1,000 in Hackney 2026." in lamps
    assert "also deciding" not in lamps


def test_a_refusal_published_elsewhere_is_no_warning(app, carried):
    with app.app_context():
        hackney = db.session.scalar(db.select(Round).filter_by(slug="hackney"))
        application = db.session.scalar(db.select(Application).filter_by(round_id=hackney.id))
        db.session.add(GrantDecision(application_id=application.id, funded=False, amount=None))
        hackney.decisions_published_at = datetime(2026, 11, 1, tzinfo=timezone.utc)
        db.session.commit()
    lamps = decisions_section(app).split("Lamps · Peckham Lights")[1].split("</fieldset>")[0]
    assert "already funded" not in lamps and "also deciding" not in lamps


def test_a_grant_for_a_need_merged_into_this_one_is_news_too(app, carried, make_need):
    with app.app_context():
        hackney = db.session.scalar(db.select(Round).filter_by(slug="hackney"))
    duplicate = make_need("hackney", "Dark street by the station")
    with app.app_context():
        db.session.get(Need, duplicate).status, db.session.get(Need, duplicate).merged_into_id = "merged", carried
        db.session.add(Application(round_id=hackney.id, need_id=duplicate, applicant="Station Friends",
                                   title="Station lamps", amount=500))
        db.session.commit()
    lamps = decisions_section(app).split("Lamps · Peckham Lights")[1].split("</fieldset>")[0]
    assert "Hackney Giving, £500 asked for." in lamps


@pytest.fixture
def linked(app, make_round, make_need, make_user):
    """Street lights raised in Hackney, applied for there (its panel deciding), and raised again in Lewisham as
    "Dark streets by Rye Lane", linked to Hackney's as the same need without merging; Lewisham's panel decides."""
    make_round("hackney", phase="decide", title="Hackney 2026", funder_name="Hackney Giving", currency="GBP")
    make_round("lewisham", phase="decide", title="Lewisham 2027", funder_name="Lewisham Fund", currency="GBP")
    lights = make_need("hackney", "Street lights on Rye Lane")
    again = make_need("lewisham", "Dark streets by Rye Lane")
    quiet = make_need("lewisham", "A quiet room in the library")
    make_user("panel@example.org", "panel", "lewisham")
    with app.app_context():
        hackney, lewisham = (db.session.scalar(db.select(Round).filter_by(slug=s)) for s in ("hackney", "lewisham"))
        db.session.add(NeedLink(need_id=min(lights, again), other_id=max(lights, again)))
        db.session.add_all([
            Application(round_id=hackney.id, need_id=lights, applicant="Rye Lane Traders", title="Lights for Rye Lane",
                        amount=3000),
            Application(round_id=lewisham.id, need_id=again, applicant="Peckham Lights", title="Lamps", amount=2500),
            Application(round_id=lewisham.id, need_id=quiet, applicant="Library Friends", title="Room", amount=1000),
        ])
        db.session.commit()
    return lights, again


def lamps_warnings(app):
    return decisions_section(app).split("Lamps · Peckham Lights")[1].split("</fieldset>")[0]


def test_the_panel_hears_that_another_panel_is_deciding_the_same_need_linked_to_this_one(app, linked):
    lights, _ = linked
    lamps = lamps_warnings(app)
    assert ("Hackney 2026 is also deciding an application for the same need there, "
            f'“<a href="/rounds/hackney/needs/{lights}" lang="en" dir="auto">Street lights on Rye Lane</a>”: '
            "Hackney Giving, £3,000 asked for.") in lamps
    room = decisions_section(app).split("Room · Library Friends")[1].split("</fieldset>")[0]
    assert "also deciding" not in room and "already funded" not in room


def test_the_panel_hears_that_another_funder_already_funded_the_same_need_linked_to_this_one(app, linked):
    lights, _ = linked
    publish_hackney(app, shares=[("Hackney Giving", 2000), ("City Bridge Trust", 1000)])
    lamps = lamps_warnings(app)
    for funder, amount in (("Hackney Giving", "£2,000"), ("City Bridge Trust", "£1,000")):
        assert (f"{funder} already funded the same need in Hackney 2026, "
                f'“<a href="/rounds/hackney/needs/{lights}" lang="en" dir="auto">Street lights on Rye Lane</a>”, '
                f"with {amount}.") in lamps
    assert "also deciding" not in lamps


def test_needs_merged_into_the_linked_need_and_needs_linked_to_that_one_are_news_too(app, linked, make_round,
                                                                                    make_need):
    lights, _ = linked
    make_round("camden", phase="decide", title="Camden 2025", funder_name="Camden Giving", currency="GBP")
    duplicate = make_need("hackney", "Dark street by the station")
    older = make_need("camden", "Lights near Rye Lane")
    with app.app_context():
        hackney, camden = (db.session.scalar(db.select(Round).filter_by(slug=s)) for s in ("hackney", "camden"))
        db.session.get(Need, duplicate).status, db.session.get(Need, duplicate).merged_into_id = "merged", lights
        db.session.add(NeedLink(need_id=min(lights, older), other_id=max(lights, older)))
        db.session.add_all([
            Application(round_id=hackney.id, need_id=duplicate, applicant="Station Friends", title="Station lamps",
                        amount=500),
            Application(round_id=camden.id, need_id=older, applicant="Camden Lamps", title="Lamps", amount=700)])
        db.session.commit()
    lamps = lamps_warnings(app)
    # Merged into the need linked to Lewisham's: the warning names the need it was asked for, whose page leads on.
    assert (f'“<a href="/rounds/hackney/needs/{duplicate}" lang="en" dir="auto">Dark street by the station</a>”: '
            "Hackney Giving, £500 asked for.") in lamps
    # Linked to the need linked to Lewisham's.
    assert (f'/rounds/camden/needs/{older}" lang="en" dir="auto">Lights near Rye Lane</a>”: '
            "Camden Giving, £700") in lamps
