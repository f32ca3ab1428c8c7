"""Co-funded rounds: funders' pledges shown on the round's page, each grant split between them, and the
360Giving data naming every co-funder and the needs each grant meets."""
from app.extensions import db
from app.models import Application, GrantShare
from tests.conftest import post
from tests.web.test_panel import (apply, application_ids, decide_by_two, panel_round, publish_by_two,  # noqa: F401
                                  text_of, validator)

FUNDER = "/rounds/lewisham/panel/funder"


def pledge(client, *lines, **extra):
    data = {"funder_name": "Lewisham Fund", **extra}
    for n, (name, org_id, amount) in enumerate(lines):
        data |= {f"co_funders-{n}-name": name, f"co_funders-{n}-org_id": org_id, f"co_funders-{n}-amount": amount}
    return post(client, FUNDER, data)


def test_co_funders_pledges_are_public_and_each_grant_is_split_by_them(app, client, panel_round, make_user, sign_in):
    make_user("facilitator@example.org", "facilitator", "lewisham")
    sign_in()
    assert pledge(client, ("Lewisham Council", "GB-LAE-LEW", "10000"), ("Sydenham Trust", "GB-CHC-1112223", "5000"),
                  ("Small Grants Fund", "", "5000")).status_code == 302
    page = text_of(client.get("/rounds/lewisham"))
    assert "Lewisham Council pledges £10,000" in page and "Sydenham Trust pledges £5,000" in page
    apply(client, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    apply(client, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    # 7,001 over pledges of 2:1:1 is 3,500.5, 1,750.25 and 1,750.25: the spare pound goes to the council.
    decide_by_two(app, client, application_ids(app), {"LED lamps": ("yes", "7001"), "Play kit": ("no", "")})
    with app.app_context():
        shares = {s.organisation.name: s.amount for s in db.session.scalars(db.select(GrantShare))}
    assert shares == {"Lewisham Council": 3501, "Sydenham Trust": 1750, "Small Grants Fund": 1750}
    publish_by_two(app, client)
    grants = client.get("/rounds/lewisham/grants.json").json
    assert list(validator().iter_errors(grants)) == []
    [grant] = grants["grants"]
    assert [f["name"] for f in grant["fundingOrganization"]] == ["Lewisham Council", "Sydenham Trust", "Small Grants Fund"]
    assert grant["fundingOrganization"][1]["id"] == "GB-CHC-1112223"
    assert sum(s["amount"] for s in grant["fundingShares"]) == grant["amountAwarded"] == 7001
    assert grant["meetsNeeds"] == [f"http://localhost/rounds/lewisham/needs/{panel_round['lights']}"]
    assert client.get(grant["meetsNeeds"][0].removeprefix("http://localhost")).status_code == 200


def test_a_changed_decision_is_split_again_and_a_declined_one_costs_nobody(app, client, panel_round, make_user, sign_in):
    make_user("facilitator@example.org", "facilitator", "lewisham")
    sign_in()
    pledge(client, ("Lewisham Council", "", "3000"), ("Sydenham Trust", "", "1000"))
    apply(client, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    ids = application_ids(app)
    decide_by_two(app, client, ids, {"LED lamps": ("yes", "4000")})
    decide_by_two(app, client, ids, {"LED lamps": ("yes", "10")})
    with app.app_context():
        assert sorted(s.amount for s in db.session.scalars(db.select(GrantShare))) == [2, 8]  # 7.5 and 2.5: the spare unit to the first pledge
    decide_by_two(app, client, ids, {"LED lamps": ("no", "")})
    with app.app_context():
        assert db.session.scalars(db.select(GrantShare)).all() == []
        assert db.session.scalar(db.select(Application)).decision.funded is False


def test_a_co_funder_line_must_be_whole_and_named_once(client, panel_round, make_user, sign_in):
    make_user("facilitator@example.org", "facilitator", "lewisham")
    sign_in()
    no_amount = pledge(client, ("Lewisham Council", "", ""))
    assert no_amount.status_code == 422 and "Give the amount this funder pledges." in text_of(no_amount)
    assert 'value="Lewisham Council"' in no_amount.get_data(as_text=True)
    no_name = pledge(client, ("", "", "500"))
    assert no_name.status_code == 422 and "Give the funder&#39;s name." in no_name.get_data(as_text=True)
    bad_id = pledge(client, ("Lewisham Council", "charity 123", "500"))
    assert bad_id.status_code == 422 and "for example GB-CHC-1234567" in text_of(bad_id)
    twice = pledge(client, ("Lewisham Council", "", "500"), ("lewisham council", "", "200"))
    assert twice.status_code == 422 and "Name each co-funder once." in text_of(twice)
    assert "pledges" not in text_of(client.get("/rounds/lewisham"))
