"""The API's rounds, grants, organisations and areas: paged by a cursor, filtered, open to every site,
and every answer valid against the schema /api/openapi.json publishes."""
import csv
import io
from datetime import datetime
from decimal import Decimal

import pytest

from app.extensions import db
from app.models import GrantDecision, GrantShare, Organisation, Pledge, Round, Ward
from tests.web.test_register import register, valid  # noqa: F401


@pytest.fixture
def funded(app, register):
    """Newham's grant co-funded by two funders' pledges; Camden has two wards."""
    with app.app_context():
        newham = db.session.scalar(db.select(Round).filter_by(slug="newham"))
        camden = db.session.scalar(db.select(Round).filter_by(slug="camden"))
        east, city = Organisation(name="East London Fund", org_id="GB-CHC-1000001"), Organisation(name="City Trust")
        db.session.add_all([east, city])
        db.session.flush()
        db.session.add_all([Pledge(round_id=newham.id, organisation_id=east.id, amount=3000),
                            Pledge(round_id=newham.id, organisation_id=city.id, amount=1000)])
        decision = db.session.scalar(db.select(GrantDecision))
        db.session.add_all([GrantShare(decision_id=decision.id, organisation_id=east.id, amount=3000),
                            GrantShare(decision_id=decision.id, organisation_id=city.id, amount=1000)])
        db.session.add_all([Ward(round_id=camden.id, name="Kentish Town", code="E05013660"),
                            Ward(round_id=camden.id, name="Camden Square", code="E05013655")])
        db.session.commit()
    return register


def every_page(client, path):
    pages, url = [], path
    while url:
        response = client.get(url)
        assert response.status_code == 200 and response.headers["Access-Control-Allow-Origin"] == "*"
        pages.append(response)
        url = response.json["next"]
    return pages


def test_rounds_list_area_phase_budget_and_funders_and_filter_by_area_and_phase(app, client, funded):
    rounds = valid(client, client.get("/api/rounds"), "RoundList")["rounds"]
    by_slug = {r["slug"]: r for r in rounds}
    assert set(by_slug) == {"camden", "hackney", "lewisham", "newham"}
    assert by_slug["camden"]["area"] == {"name": "Camden", "code": "E09000007"}
    assert by_slug["hackney"]["phase"] == "rank"
    assert by_slug["newham"]["funders"] == [{"name": "East London Fund", "org_id": "GB-CHC-1000001", "pledged": 3000},
                                            {"name": "City Trust", "org_id": None, "pledged": 1000}]
    assert by_slug["lewisham"]["funders"] == [{"name": "Lewisham Fund", "org_id": None, "pledged": None}]
    assert [r["slug"] for r in valid(client, client.get("/api/rounds?area=E09000007"), "RoundList")["rounds"]] == ["camden"]
    assert [r["slug"] for r in valid(client, client.get("/api/rounds?status=decide"), "RoundList")["rounds"]] == ["lewisham"]
    later = valid(client, client.get("/api/rounds?updated_since=2100-01-01"), "RoundList")["rounds"]
    assert later == []


def test_grants_name_the_need_they_meet_and_each_funders_part(app, client, funded):
    grants = valid(client, client.get("/api/grants"), "GrantList")["grants"]
    assert len(grants) == 1
    grant = grants[0]
    assert grant["funders"] == [{"name": "East London Fund", "amount": 3000}, {"name": "City Trust", "amount": 1000}]
    assert grant["need"] == {"id": str(funded["funded"]), "url": f"http://localhost/rounds/newham/needs/{funded['funded']}"}
    assert grant["amount"] == 4000 and grant["round"] == "newham" and grant["currency"] == "GBP"
    assert valid(client, client.get("/api/grants?round=camden"), "GrantList")["grants"] == []
    assert valid(client, client.get("/api/grants?updated_since=2026-12-01"), "GrantList")["grants"] == []
    assert len(valid(client, client.get("/api/grants?updated_since=2026-10-01"), "GrantList")["grants"]) == 1


def test_organisations_list_their_pledges(client, funded):
    organisations = valid(client, client.get("/api/organisations"), "OrganisationList")["organisations"]
    east = next(o for o in organisations if o["name"] == "East London Fund")
    assert east["org_id"] == "GB-CHC-1000001"
    assert east["pledges"] == [{"round": "newham", "amount": 3000, "currency": "GBP"}]


def test_areas_are_the_london_authorities_then_each_rounds_wards_paged(app, client, funded):
    app.config["API_PER_PAGE"] = 10
    try:
        pages = every_page(client, "/api/areas")
    finally:
        app.config.pop("API_PER_PAGE")
    areas = [a for page in pages for a in valid(client, page, "AreaList")["areas"]]
    assert len(pages) == 4 and len(areas) == 35
    assert areas[0] == {"name": "City of London", "code": "E09000001", "kind": "local-authority", "round": None}
    assert areas[-1] == {"name": "Camden Square", "code": "E05013655", "kind": "ward", "round": "camden"}
    wards = valid(client, client.get("/api/areas?round=camden"), "AreaList")["areas"]
    assert [a["name"] for a in wards] == ["Kentish Town", "Camden Square"]


def test_rounds_page_by_cursor_without_repeats(app, client, funded):
    app.config["API_PER_PAGE"] = 3
    try:
        pages = every_page(client, "/api/rounds")
    finally:
        app.config.pop("API_PER_PAGE")
    slugs = [r["slug"] for page in pages for r in valid(client, page, "RoundList")["rounds"]]
    assert len(pages) == 2 and sorted(slugs) == ["camden", "hackney", "lewisham", "newham"]


@pytest.mark.parametrize("path", ["/api/rounds?status=someday", "/api/rounds?after=x", "/api/grants?updated_since=soon",
                                  "/api/organisations?after=-1", "/api/areas?after=1e3"])
def test_a_filter_that_cannot_be_read_is_refused_with_the_error_schema(client, funded, path):
    response = client.get(path)
    assert response.status_code == 400 and response.headers["Access-Control-Allow-Origin"] == "*"
    valid(client, response, "Error")


def test_the_openapi_document_describes_every_list(client):
    paths = client.get("/api/openapi.json").json["paths"]
    assert set(paths) == {"/needs", "/rounds", "/grants", "/organisations", "/areas"}


def test_the_register_downloads_as_csv_described_by_csvw_metadata(app, client, funded):
    response = client.get("/api/needs.csv")
    assert response.status_code == 200 and response.mimetype == "text/csv"
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    described = response.headers["Link"].split(";")[0].strip("<>")
    assert described == "http://localhost/api/needs.csv-metadata.json"
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    by_id = {int(r["id"]): r for r in rows}
    assert funded["hidden"] not in by_id
    swimming = by_id[funded["funded"]]
    assert swimming["status"] == "funded" and swimming["funded_by"] == "East London Fund; City Trust"
    assert swimming["support"] == "2" and swimming["rounds"] == "newham"

    metadata = client.get(described)
    assert metadata.mimetype == "application/csvm+json"
    document = metadata.json
    assert document["@context"] == "http://www.w3.org/ns/csvw" and document["url"] == "http://localhost/api/needs.csv"
    columns = document["tableSchema"]["columns"]
    assert [c["name"] for c in columns] == list(rows[0].keys())  # one description per column, in order
    assert all(c["titles"] and c["datatype"] in ("string", "integer", "anyURI") for c in columns)


def _cell(value) -> str:
    return "" if value is None else str(value)


def _items(values) -> str:
    return ";".join(_cell(v) for v in values)


# Each list's JSON record as the CSV row the test expects, written here independently of the app's flattening.
FLAT = {
    "needs": lambda n: {"id": n["id"], "url": n["url"], "title": n["title"], "language": n["language"],
                        "status": n["status"], "area": _cell(n["area"]["name"]), "area_code": _cell(n["area"]["code"]),
                        "round": n["rounds"][-1]["round"], "rounds": " ".join(r["round"] for r in n["rounds"]),
                        "support": str(n["rounds"][-1]["support"]),
                        "funded_by": "; ".join(dict.fromkeys(g["funder"] for g in n["grants"])),
                        "evidence": str(len(n["evidence"]))},
    "rounds": lambda r: {"slug": r["slug"], "url": r["url"], "title": r["title"], "area": _cell(r["area"]["name"]),
                         "area_code": _cell(r["area"]["code"]), "phase": r["phase"], "currency": _cell(r["currency"]),
                         "budget": _cell(r["budget"]), "funders": _items(f["name"] for f in r["funders"]),
                         "funder_org_ids": _items(f["org_id"] for f in r["funders"]),
                         "funder_pledges": _items(f["pledged"] for f in r["funders"]), "created_at": r["created_at"],
                         "decisions_published_at": _cell(r["decisions_published_at"])},
    "grants": lambda g: {"id": g["id"], "title": g["title"], "recipient": g["recipient"], "amount": str(g["amount"]),
                         "currency": _cell(g["currency"]), "round": g["round"], "need": g["need"]["id"],
                         "need_url": g["need"]["url"], "funders": _items(f["name"] for f in g["funders"]),
                         "funder_amounts": _items(f["amount"] for f in g["funders"]), "awarded_at": g["awarded_at"]},
    "organisations": lambda o: {"id": o["id"], "name": o["name"], "org_id": _cell(o["org_id"]),
                                "pledge_rounds": _items(p["round"] for p in o["pledges"]),
                                "pledge_amounts": _items(p["amount"] for p in o["pledges"]),
                                "pledge_currencies": _items(p["currency"] for p in o["pledges"])},
    "areas": lambda a: {"name": a["name"], "code": a["code"], "kind": a["kind"], "round": _cell(a["round"])},
}
# A query for each list that narrows it, and what it leaves, read from the CSV's key column.
FILTERED = [("needs", "status=funded", "title", ["Swimming lessons"]),
            ("needs", "area=E09000007", "title", ["Benches on the high street"]),
            ("rounds", "area=E09000007", "slug", ["camden"]), ("rounds", "status=decide", "slug", ["lewisham"]),
            ("rounds", "updated_since=2100-01-01", "slug", []), ("grants", "round=camden", "id", []),
            ("grants", "updated_since=2026-10-01", "title", ["Lessons"]), ("grants", "area=Newham", "title", []),
            ("organisations", "updated_since=2100-01-01", "name", []),
            ("areas", "round=camden", "name", ["Kentish Town", "Camden Square"])]


def csv_rows(client, path):
    response = client.get(path)
    assert response.status_code == 200 and response.mimetype == "text/csv", response.get_data(as_text=True)
    assert response.headers["Access-Control-Allow-Origin"] == "*"
    reader = csv.DictReader(io.StringIO(response.get_data(as_text=True)))
    return response, reader.fieldnames, list(reader)


def json_rows(app, client, name, query=""):
    app.config["API_PER_PAGE"] = 2  # the JSON in several pages, the CSV in one
    try:
        return [record for page in every_page(client, f"/api/{name}?{query}") for record in page.json[name]]
    finally:
        app.config.pop("API_PER_PAGE")


@pytest.mark.parametrize("name", list(FLAT))
def test_each_list_downloads_as_csv_with_the_json_apis_rows_described_by_csvw_metadata(app, client, funded, name):
    response, header, rows = csv_rows(client, f"/api/{name}.csv")
    described = response.headers["Link"].split(";")[0].strip("<>")
    assert described == f"http://localhost/api/{name}.csv-metadata.json"
    assert 'rel="describedby"' in response.headers["Link"]
    assert response.headers["Content-Disposition"] == f'attachment; filename="{name}-register.csv"'
    assert rows == [FLAT[name](record) for record in json_rows(app, client, name)] and rows

    metadata = client.get(described)
    assert metadata.mimetype == "application/csvm+json" and metadata.headers["Access-Control-Allow-Origin"] == "*"
    document = metadata.json
    assert document["@context"] == "http://www.w3.org/ns/csvw" and document["url"] == f"http://localhost/api/{name}.csv"
    assert document["dc:title"] and document["dc:license"]
    columns = document["tableSchema"]["columns"]
    assert [c["name"] for c in columns] == header  # one description per column, in order
    for column in columns:
        assert column["titles"] and column["dc:description"]
        for row in rows:
            cell = row[column["name"]]
            assert cell or not column.get("required")
            for item in (cell.split(column["separator"]) if "separator" in column and cell else [cell]):
                if item:  # every value reads as the datatype the metadata gives it
                    {"integer": int, "decimal": Decimal, "dateTime": datetime.fromisoformat, "string": str,
                     "anyURI": lambda u: u.startswith("http://localhost/") or pytest.fail(u)}[column["datatype"]](item)
    key = document["tableSchema"].get("primaryKey")
    assert key is None or len({row[key] for row in rows}) == len(rows)


def test_list_columns_name_each_co_funder_with_its_part_in_the_same_order(client, funded):
    _, _, rounds = csv_rows(client, "/api/rounds.csv")
    newham = next(r for r in rounds if r["slug"] == "newham")
    assert (newham["funders"], newham["funder_org_ids"], newham["funder_pledges"]) == (
        "East London Fund;City Trust", "GB-CHC-1000001;", "3000;1000")
    _, _, grants = csv_rows(client, "/api/grants.csv")
    assert (grants[0]["funders"], grants[0]["funder_amounts"]) == ("East London Fund;City Trust", "3000;1000")
    assert grants[0]["awarded_at"] == "2026-11-01T00:00:00+00:00"
    _, _, organisations = csv_rows(client, "/api/organisations.csv")
    east = next(o for o in organisations if o["name"] == "East London Fund")
    assert (east["pledge_rounds"], east["pledge_amounts"], east["pledge_currencies"]) == ("newham", "3000", "GBP")


@pytest.mark.parametrize("name, query, column, expected", FILTERED)
def test_the_csv_takes_the_json_apis_filters(app, client, funded, name, query, column, expected):
    _, header, rows = csv_rows(client, f"/api/{name}.csv?{query}")
    assert [row[column] for row in rows] == expected
    assert rows == [FLAT[name](record) for record in json_rows(app, client, name, query)]
    assert header == [c["name"] for c in client.get(f"/api/{name}.csv-metadata.json").json["tableSchema"]["columns"]]


@pytest.mark.parametrize("path", ["/api/needs.csv?status=sleeping", "/api/rounds.csv?status=someday",
                                  "/api/grants.csv?updated_since=soon", "/api/organisations.csv?after=-1",
                                  "/api/areas.csv?after=1e3", "/api/rounds.csv?after=%C2%B2"])
def test_a_csv_filter_that_cannot_be_read_is_refused_as_in_json(client, funded, path):
    response = client.get(path)
    assert response.status_code == 400 and response.headers["Access-Control-Allow-Origin"] == "*"
    valid(client, response, "Error")


def test_the_register_page_links_each_list_as_json_csv_and_csvw_metadata(client, funded):
    page = client.get("/needs").get_data(as_text=True)
    for name in FLAT:
        for path in (f"/api/{name}", f"/api/{name}.csv", f"/api/{name}.csv-metadata.json"):
            assert f'href="{path}"' in page
    assert 'href="/api/openapi.json"' in page
