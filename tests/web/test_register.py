"""The shared needs register: every need in every round, on a page and as JSON, filtered, paged, with
an honest status, the rounds it was in and the grants that met it; every API answer fits the schema."""
import re
from datetime import date, datetime, timezone

import pytest
from babel.dates import format_date
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from app.extensions import db
from app.models import (Application, GrantDecision, GrantShare, NeedStatus, NeedTranslation, Organisation,
                        Round)
from tests.web.test_cofunding import text_of
from tests.web.test_request_reads import statements


def api_validator(client, name):
    document = client.get("/api/openapi.json").json
    assert document["openapi"] == "3.1.0"
    registry = Registry().with_resource("urn:api", DRAFT202012.create_resource(document))
    return Draft202012Validator({"$ref": f"urn:api#/components/schemas/{name}"}, registry=registry)


def valid(client, response, name="NeedList"):
    errors = list(api_validator(client, name).iter_errors(response.json))
    assert errors == []
    return response.json


@pytest.fixture
def register(app, make_round, make_need, make_support):
    """Four rounds, one need in each stage: open, being ranked, ranked, funded (co-funded), closed."""
    make_round("camden", phase="propose", area="Camden", area_code="E09000007")
    make_round("hackney", phase="rank")
    make_round("lewisham", phase="decide", currency="GBP", funder_name="Lewisham Fund")
    make_round("newham", phase="results", currency="GBP", funder_name="East London Fund")
    ids = {
        "open": make_need("camden", "Benches on the high street", area="Camden", area_code="E09000007",
                          category="streets"),
        "in-round": make_need("hackney", "Youth club evenings", language="tr"),
        "ranked": make_need("lewisham", "Street lights"),
        "funded": make_need("newham", "Swimming lessons", category="health"),
        "closed": make_need("newham", "A skate park"),
        "merged": make_need("camden", "More benches please", category="streets"),
        "hidden": make_need("camden", "Spam spam"),
    }
    make_support(ids["ranked"], 3)
    make_support(ids["funded"], 2)
    with app.app_context():
        newham = db.session.scalar(db.select(Round).filter_by(slug="newham"))
        newham.decisions_published_at = datetime(2026, 11, 1, tzinfo=timezone.utc)
        application = Application(round_id=newham.id, need_id=ids["funded"], applicant="Swim Club", title="Lessons",
                                  amount=5000)
        db.session.add(application)
        db.session.flush()
        db.session.add(GrantDecision(application_id=application.id, funded=True, amount=4000))
        db.session.get(type(application.need), ids["merged"]).status = NeedStatus.MERGED
        db.session.get(type(application.need), ids["hidden"]).status = NeedStatus.HIDDEN
        db.session.add(NeedTranslation(need_id=ids["ranked"], language="ar", title="إنارة الشوارع",
                                       description="...", approved=True))
        db.session.commit()
    return ids


def test_every_need_shows_where_it_stands_derived_from_its_round_and_grants(client, register):
    needs = valid(client, client.get("/api/needs"))["needs"]
    by_id = {int(n["id"]): n for n in needs}
    assert register["hidden"] not in by_id  # a moderator took it down
    statuses = {name: by_id[register[name]]["status"] for name in ("open", "in-round", "ranked", "funded", "closed")}
    assert statuses == {"open": "open", "in-round": "in-round", "ranked": "ranked", "funded": "funded",
                        "closed": "closed"}
    assert by_id[register["merged"]]["status"] == "closed"
    funded = by_id[register["funded"]]
    assert funded["grants"] == [{"id": f"360G-commonground-newham-{funded['grants'][0]['id'].split('-')[-1]}",
                                 "funder": "East London Fund", "amount": 4000, "currency": "GBP", "round": "newham",
                                 "percent_done": 0, "complete": False, "awarded": "2026-11-01"}]
    assert funded["rounds"] == [{"round": "newham", "rank": 1, "support": 2}]
    assert funded["url"] == f"http://localhost/rounds/newham/needs/{register['funded']}"
    assert by_id[register["open"]]["area"] == {"name": "Camden", "code": "E09000007"}


def test_the_api_filters_by_area_status_and_date_and_pages_with_a_next_link(app, client, register):
    assert [n["title"] for n in valid(client, client.get("/api/needs?area=E09000007"))["needs"]] == [
        "Benches on the high street"]
    assert [n["title"] for n in valid(client, client.get("/api/needs?status=funded"))["needs"]] == ["Swimming lessons"]
    assert {n["title"] for n in valid(client, client.get("/api/needs?status=closed"))["needs"]} == {
        "A skate park", "More benches please"}
    assert valid(client, client.get("/api/needs?updated_since=2999-01-01"))["needs"] == []
    app.config["API_PER_PAGE"] = 4
    try:
        first = valid(client, client.get("/api/needs?status=&area="))
        assert len(first["needs"]) == 4 and first["next"]
        second = valid(client, client.get(first["next"].removeprefix("http://localhost")))
        assert second["next"] is None
        assert len({n["id"] for n in first["needs"] + second["needs"]}) == 6
    finally:
        app.config.pop("API_PER_PAGE")


@pytest.mark.parametrize("query", ["status=sleeping", "updated_since=yesterday", "after=-1", "after=x", "after=%C2%B2"])
def test_a_filter_that_cannot_be_read_is_a_clear_400_not_a_guess(client, register, query):
    response = client.get(f"/api/needs?{query}")
    assert response.status_code == 400 and response.headers["Access-Control-Allow-Origin"] == "*"
    assert valid(client, response, "Error")["error"]


@pytest.mark.parametrize("after", ["%C2%B2", "x", "99999999999999999999"])
def test_a_cursor_that_cannot_be_read_shows_the_registers_first_page(client, register, after):
    """A superscript two is a digit to Python's str.isdigit but not to int(): it was a 500."""
    needs = lambda response: re.findall(r'href="(/rounds/[^"]+/needs/\d+)"', response.get_data(as_text=True))
    response = client.get(f"/needs?after={after}")
    assert response.status_code == 200 and needs(response) == needs(client.get("/needs")) != []


def test_the_api_is_open_to_every_site_without_a_key(client, register):
    for url in ("/api/needs", "/api/openapi.json"):
        response = client.get(url)
        assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "*"
    assert "Access-Control-Allow-Origin" not in client.get("/needs").headers  # the page is not the API


def test_the_register_page_filters_in_its_address_and_reads_in_the_visitors_language(client, register):
    page = text_of(client.get("/needs"))
    assert "Benches on the high street" in page and "Spam spam" not in page
    assert ('Funded by <bdi>East London Fund</bdi>: £4,000, awarded on <time datetime="2026-11-01">1 November 2026'
            '</time>') in page
    streets = text_of(client.get("/needs?theme=streets&status=open"))
    assert "Benches on the high street" in streets and "More benches please" not in streets
    assert "Swimming lessons" not in streets
    assert "Youth club" in text_of(client.get("/needs?language=tr")) and "Street lights" not in text_of(
        client.get("/needs?language=tr"))
    assert "Swimming lessons" in text_of(client.get("/needs?q=swimming"))
    arabic = text_of(client.get("/needs", headers={"Accept-Language": "ar"}))
    assert "إنارة الشوارع" in arabic and 'dir="rtl"' in arabic
    assert f'<time datetime="2026-11-01">{format_date(date(2026, 11, 1), "long", locale="ar")}</time>' in arabic
    fragment = client.get("/needs?theme=health", headers={"HX-Request": "true"})
    assert "<form" not in fragment.get_data(as_text=True) and "Swimming lessons" in text_of(fragment)


def test_the_register_pages_with_links_a_plain_browser_follows(client, register):
    first = client.get("/needs").get_data(as_text=True)  # five a page in the tests
    assert 'rel="next"' in first
    following = first.split('rel="next" href="')[1].split('"')[0].replace("&amp;", "&")
    second = text_of(client.get(following))
    assert "First page" in second and 'rel="next"' not in second


def test_the_page_and_the_api_read_in_the_same_few_queries_however_many_needs(app, client, register, make_need,
                                                                              make_support):
    def counted(url):
        with statements(app) as seen:
            assert client.get(url).status_code == 200
        return len(seen)
    few = counted("/api/needs"), counted("/needs")
    for n in range(12):
        make_support(make_need("lewisham", f"Another need {n}"), 1)
    app.config["API_PER_PAGE"] = 50
    try:
        assert (counted("/api/needs"), counted("/needs")) == few
    finally:
        app.config.pop("API_PER_PAGE")


def test_the_need_page_names_each_funder_that_paid_with_its_part_and_the_day_it_was_awarded(app, client, register):
    page = text_of(client.get(f"/rounds/newham/needs/{register['funded']}"))
    assert ('Funded by <bdi>East London Fund</bdi>: £4,000, awarded on <time datetime="2026-11-01">1 November 2026'
            '</time>') in page
    with app.app_context():
        decision = db.session.scalar(db.select(GrantDecision))
        east, city = Organisation(name="East London Fund"), Organisation(name="City Trust")
        db.session.add_all([east, city])
        db.session.flush()
        db.session.add_all([GrantShare(decision_id=decision.id, organisation_id=east.id, amount=3000),
                            GrantShare(decision_id=decision.id, organisation_id=city.id, amount=1000)])
        db.session.commit()
    page = text_of(client.get(f"/rounds/newham/needs/{register['funded']}"))
    assert "Funded by <bdi>East London Fund</bdi>: £3,000, awarded on" in page
    assert "Funded by <bdi>City Trust</bdi>: £1,000, awarded on" in page
    grants = client.get("/api/needs?status=funded").json["needs"][0]["grants"]
    assert [(g["funder"], g["amount"], g["awarded"]) for g in grants] == [("East London Fund", 3000, "2026-11-01"),
                                                                         ("City Trust", 1000, "2026-11-01")]
