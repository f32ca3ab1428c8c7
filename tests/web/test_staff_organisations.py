"""Staff accounts belong to organisations; a round is run by one (its creator's unless they choose another),
said on its page, in the API and in grants.json; and a round's area carries its code: a London local
authority's from the shipped list, another place's as the facilitator gives it."""
from datetime import datetime, timezone
from html import unescape
from pathlib import Path

import pytest
from babel.support import Translations

from app.extensions import db
from app.models import Application, AuditEntry, GrantDecision, Organisation, Round, User
from tests.conftest import post
from tests.web.test_panel import validator
from tests.web.test_register import valid
from tests.web.test_rounds import ROUND

TRANSLATIONS = Path(__file__).resolve().parents[2] / "translations"
BAD_CODE = "Give the area's ONS code: a capital letter and eight figures, for example E05013725."


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def organisation_id(app, name: str) -> int:
    with app.app_context():
        return db.session.scalar(db.select(Organisation.id).filter_by(name=name))


def round_of(app, slug: str) -> Round:
    with app.app_context():
        round_ = db.session.scalar(db.select(Round).filter_by(slug=slug))
        db.session.expunge(round_)
        return round_


@pytest.fixture
def staff(app, make_round, make_user, sign_in, client):
    """An admin, signed in, and a facilitator (who moderates Lewisham's round too) of no organisation yet."""
    make_round()
    make_user("admin@example.org", "admin")
    facilitator = make_user("facilitator@example.org", "facilitator")
    make_user("facilitator@example.org", "moderator", "lewisham")
    sign_in("admin@example.org")
    return facilitator


def test_an_admin_names_a_staff_members_organisation_shown_on_the_staff_lists_and_their_account(
        app, client, staff, sign_in):
    listed = text_of(client.get("/admin/staff"))
    assert "facilitator@example.org" in listed and "No organisation named" in listed
    assert "Facilitator in every round" in listed and "Moderator in Round lewisham" in listed and "Admin" in listed
    page = f"/admin/staff/{staff}"
    bad = post(client, page, {"organisation": "", "name": "Lewisham Council", "org_id": "council 7"})
    assert bad.status_code == 422 and "for example GB-CHC-1234567" in text_of(bad)
    assert 'value="Lewisham Council"' in bad.get_data(as_text=True)
    nameless = post(client, page, {"organisation": "", "name": "", "org_id": "GB-LAE-LEW"})
    assert nameless.status_code == 422 and "Give the new organisation's name." in text_of(nameless)
    assert post(client, page, {"organisation": "", "name": "Lewisham Council", "org_id": "GB-LAE-LEW"}).status_code == 302
    assert "Lewisham Council (GB-LAE-LEW)" in text_of(client.get("/admin/staff"))
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="staff-organisation-set"))
        assert entry.actor == "admin@example.org" and '"after": "Lewisham Council"' in entry.detail
    # The organisation is now one to choose from, as is one that pledged to a round.
    with app.app_context():
        db.session.add(Organisation(name="Sydenham Trust"))
        db.session.commit()
    chosen = post(client, page, {"organisation": str(organisation_id(app, "Sydenham Trust")), "name": "", "org_id": ""})
    assert chosen.status_code == 302
    unknown = post(client, page, {"organisation": "999999", "name": "", "org_id": ""})
    assert unknown.status_code == 422 and "Not a valid choice." in text_of(unknown)
    assert post(client, page, {"organisation": str(organisation_id(app, "Lewisham Council"))}).status_code == 302

    sign_in("facilitator@example.org")
    own = text_of(client.get("/account"))
    assert "Lewisham Council (GB-LAE-LEW)" in own and "Facilitator in every round" in own
    assert "Moderator in Round lewisham" in own
    assert "Rounds you create are run by Lewisham Council" in own
    assert 'href="/account"' in client.get("/").get_data(as_text=True)
    assert "facilitator@example.org: Moderator, Lewisham Council (GB-LAE-LEW)" in text_of(
        client.get("/rounds/lewisham/staff"))
    assert client.get("/admin/staff").status_code == 403
    assert client.get(page).status_code == 403


def test_the_command_line_creates_an_account_of_an_organisation(app, runner):
    made = runner.invoke(args=["users", "create", "ada@example.org", "--role", "facilitator", "--invite",
                               "--organisation", "Hackney Council", "--org-id", "GB-LAE-HCK"])
    assert made.exit_code == 0, made.output
    assert "ada@example.org: facilitator, of Hackney Council" in made.output
    with app.app_context():
        ada = db.session.scalar(db.select(User).filter_by(email="ada@example.org"))
        assert (ada.organisation.name, ada.organisation.org_id) == ("Hackney Council", "GB-LAE-HCK")
    refused = runner.invoke(args=["users", "create", "ben@example.org", "--role", "panel", "--invite",
                                  "--organisation", "Hackney Council", "--org-id", "not an id"])
    assert refused.exit_code != 0 and "not an organisation name and identifier" in refused.output
    with app.app_context():
        assert db.session.scalar(db.select(User).filter_by(email="ben@example.org")) is None


@pytest.fixture
def council(app, client, staff):
    """The facilitator works for Lewisham Council (GB-LAE-LEW), and signs in."""
    post(client, f"/admin/staff/{staff}", {"organisation": "", "name": "Lewisham Council", "org_id": "GB-LAE-LEW"})
    post(client, "/account/sign-out")
    return organisation_id(app, "Lewisham Council")


def test_a_round_a_staff_member_creates_is_run_by_their_organisation_and_says_so(app, client, council, sign_in):
    sign_in("facilitator@example.org")
    form = client.get("/rounds/new").get_data(as_text=True)
    assert f'<option selected value="{council}">Lewisham Council (GB-LAE-LEW)</option>' in form
    created = post(client, "/rounds/new", {**ROUND, "area": "lewisham"})  # the form's choice left as it was
    assert created.status_code == 302
    round_ = round_of(app, "lewisham-local-2027")
    assert (round_.organisation_id, round_.area_code) == (council, "E09000023")
    page = text_of(client.get("/rounds/lewisham-local-2027"))
    assert "Run by Lewisham Council (360Giving identifier GB-LAE-LEW)" in page and "lewisham (E09000023)" in page
    # Another organisation is not the facilitator's to name as the funder; none is.
    with app.app_context():
        db.session.add(Organisation(name="Sydenham Trust"))
        db.session.commit()
    trust = organisation_id(app, "Sydenham Trust")
    assert "Sydenham Trust" not in client.get("/rounds/lewisham-local-2027/edit").get_data(as_text=True)
    refused = post(client, "/rounds/lewisham-local-2027/edit", {**ROUND, "organisation_id": str(trust)})
    assert refused.status_code == 422 and round_of(app, "lewisham-local-2027").organisation_id == council
    post(client, "/rounds/new", {**ROUND, "title": "Nobody's round", "slug": "nobodys-round", "organisation_id": ""})
    assert round_of(app, "nobodys-round").organisation_id is None
    assert "Run by" not in text_of(client.get("/rounds/nobodys-round"))


def test_an_admin_may_name_any_organisation_as_running_a_round(app, client, make_round, make_user, sign_in):
    make_round()
    make_user("admin@example.org", "admin")
    with app.app_context():
        db.session.add(Organisation(name="Sydenham Trust"))
        db.session.commit()
    trust = organisation_id(app, "Sydenham Trust")
    sign_in("admin@example.org")
    assert post(client, "/rounds/lewisham/edit", {**ROUND, "slug": "lewisham",
                                                  "organisation_id": str(trust)}).status_code == 302
    assert round_of(app, "lewisham").organisation_id == trust


def test_the_api_gives_each_rounds_running_organisation_and_area_code_as_its_schema_says(app, client, council, sign_in):
    sign_in("facilitator@example.org")
    post(client, "/rounds/new", {**ROUND, "area": "Lewisham"})
    post(client, "/rounds/new", {**ROUND, "title": "Kingsmead", "area": "Kingsmead estate", "area_code": "e05013725",
                                 "organisation_id": ""})
    rounds = {r["slug"]: r for r in valid(client, client.get("/api/rounds"), "RoundList")["rounds"]}
    local = rounds["lewisham-local-2027"]
    assert local["area"] == {"name": "Lewisham", "code": "E09000023"}
    assert local["organisation"] == {"id": str(council), "name": "Lewisham Council", "org_id": "GB-LAE-LEW"}
    assert local["funders"] == [{"name": "Lewisham Council", "org_id": "GB-LAE-LEW", "pledged": None}]
    assert rounds["kingsmead"]["area"] == {"name": "Kingsmead estate", "code": "E05013725"}
    assert rounds["kingsmead"]["organisation"] is None and rounds["lewisham"]["organisation"] is None
    assert [r["slug"] for r in valid(client, client.get("/api/rounds?area=E09000023"), "RoundList")["rounds"]] == [
        "lewisham-local-2027"]
    # Renamed from the borough to a place of no known code, the round drops the borough's code with it.
    post(client, "/rounds/lewisham-local-2027/edit", {**ROUND, "area": "Kingsmead estate",
                                                      "area_code": "E09000023", "organisation_id": str(council)})
    assert round_of(app, "lewisham-local-2027").area_code == ""


@pytest.mark.parametrize("code", ["KINGS-1", "E0501372", "E050137251", "X05013725", "E05 013725"])
def test_a_code_that_is_not_an_ons_code_is_refused_keeping_what_was_typed(app, client, council, sign_in, code):
    sign_in("facilitator@example.org")
    refused = post(client, "/rounds/new", {**ROUND, "area": "Kingsmead estate", "area_code": code})
    assert refused.status_code == 422 and BAD_CODE in text_of(refused)
    assert f'value="{code}"' in refused.get_data(as_text=True) and 'value="Kingsmead estate"' in text_of(refused)
    assert "What does your street need?" in text_of(refused)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Round.id))) == 1  # only the fixture's round


def test_the_refusal_is_in_the_visitors_language_and_a_code_needs_its_area(app, client, council, sign_in):
    sign_in("facilitator@example.org")
    polish = Translations.load(str(TRANSLATIONS), ["pl"]).gettext(BAD_CODE)
    assert polish != BAD_CODE
    refused = post(client, "/rounds/new", {**ROUND, "area": "Kingsmead", "area_code": "nope"},
                   headers={"Accept-Language": "pl"})
    assert refused.status_code == 422 and polish in text_of(refused)
    nowhere = post(client, "/rounds/new", {**ROUND, "area": "", "area_code": "E05013725"})
    assert nowhere.status_code == 422 and "Name the area this code is for." in text_of(nowhere)


@pytest.fixture
def published(app, make_round, make_need):
    """Lewisham's round (its code from the borough list), run by Lewisham Council, with no co-funders; a grant
    for a need in Deptford (ward E05013714), one in Lewisham itself and one in a place without a code."""
    make_round(phase="results", currency="GBP", area="Lewisham", area_code="E09000023")
    needs = [make_need(title="Street lights", area="Deptford", area_code="E05013714"),
             make_need(title="Benches", area="Lewisham", area_code=""),
             make_need(title="Play kit", area="The Kingsmead estate")]
    with app.app_context():
        council = Organisation(name="Lewisham Council", org_id="GB-LAE-LEW")
        db.session.add(council)
        round_ = db.session.scalar(db.select(Round))
        round_.organisation = council
        round_.decisions_published_at = datetime(2026, 11, 1, tzinfo=timezone.utc)
        for need in needs:
            application = Application(round_id=round_.id, need_id=need, applicant="Sydenham Society",
                                      title=f"Grant {need}", amount=500)
            db.session.add(application)
            db.session.flush()
            db.session.add(GrantDecision(application_id=application.id, funded=True, amount=500))
        db.session.commit()
    return needs


def test_grants_json_names_the_running_organisation_and_each_places_code(client, published):
    grants = client.get("/rounds/lewisham/grants.json").json
    assert list(validator().iter_errors(grants)) == []
    lights, benches, play = grants["grants"]
    assert lights["beneficiaryLocation"] == [
        {"name": "Deptford", "geoCode": "E05013714", "geoCodeType": "WD"},
        {"name": "Lewisham", "geoCode": "E09000023", "geoCodeType": "LONB"}]
    assert benches["beneficiaryLocation"] == [{"name": "Lewisham", "geoCode": "E09000023", "geoCodeType": "LONB"}]
    assert play["beneficiaryLocation"] == [{"name": "The Kingsmead estate"},
                                           {"name": "Lewisham", "geoCode": "E09000023", "geoCodeType": "LONB"}]
    assert all(g["fundingOrganization"] == [{"id": "GB-LAE-LEW", "name": "Lewisham Council"}] for g in grants["grants"])
    [grant, *_] = valid(client, client.get("/api/grants"), "GrantList")["grants"]
    assert grant["funders"] == [{"name": "Lewisham Council", "amount": 500}]
    need = next(n for n in valid(client, client.get("/api/needs"))["needs"] if n["title"] == "Street lights")
    assert need["grants"][0]["funder"] == "Lewisham Council"


def test_the_need_page_names_the_running_organisation_as_the_funder_as_the_open_data_does(client, published):
    lights = published[0]
    page = text_of(client.get(f"/rounds/lewisham/needs/{lights}"))
    assert "Lewisham Council" in page and "Round lewisham" not in page.split("<main", 1)[1].split("</h1>", 1)[1]


def test_the_demo_rounds_are_run_by_organisations_and_carry_their_boroughs_codes(runner, app, client):
    assert runner.invoke(args=["demo"]).exit_code == 0
    rounds = {r["slug"]: r for r in valid(client, client.get("/api/rounds"), "RoundList")["rounds"]}
    assert rounds["lewisham-2027"]["area"] == {"name": "Lewisham", "code": "E09000023"}
    assert rounds["newham-2027"]["area"] == {"name": "Newham", "code": "E09000025"}
    assert all(r["area"]["code"] and r["organisation"] for slug, r in rounds.items())
    assert rounds["southwark-community-spaces"]["organisation"]["org_id"] == "360G-demo-snt"
    assert rounds["newham-2027"]["funders"] == [{"name": "Newham Neighbourhood Fund", "org_id": "360G-demo-nnf",
                                                 "pledged": None}]
    page = text_of(client.get("/rounds/newham-2026"))
    assert "Run by East London Community Fund (360Giving identifier 360G-demo-elcf)" in page
    assert "Newham (E09000025)" in page
    grants = client.get("/rounds/newham-2026/grants.json").json
    assert list(validator().iter_errors(grants)) == []
    assert all({"name": "Newham", "geoCode": "E09000025", "geoCodeType": "LONB"} in g["beneficiaryLocation"]
               for g in grants["grants"])
    post(client, "/account/sign-in", {"email": "facilitator@demo.commonground.test", "password": "demo-facilitator-2027"})
    assert "Lewisham Local Partnership (360G-demo-llp)" in text_of(client.get("/account"))
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count(Organisation.id)))
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Organisation.id))) == before
