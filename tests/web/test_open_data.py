import csv
import io

from tests.conftest import post


def test_needs_json_lists_every_need_with_its_support(client, make_round, make_need, make_support):
    make_round(currency="GBP", budget=1000)
    lights = make_need(title="Street lights", cost=1200, language="pl")
    make_support(lights, 2)
    data = client.get("/rounds/lewisham/needs.json").get_json()
    assert data["round"] == "lewisham" and data["currency"] == "GBP"
    (record,) = data["needs"]
    assert {k: record[k] for k in ("id", "title", "language", "cost", "support", "status")} == {
        "id": str(lights), "title": "Street lights", "language": "pl", "cost": 1200, "support": 2, "status": "open"}
    assert record["description"].startswith("The estate")


def test_a_hidden_need_stays_in_the_data_without_its_words(client, make_round, make_need, make_user, sign_in):
    make_round()
    need_id = make_need(title="Call Dave on 07700 900123")
    make_user()
    sign_in()
    client.get("/")
    post(client, f"/rounds/lewisham/moderation/needs/{need_id}/hide", {"reason": "Personal information"})
    body = client.get("/rounds/lewisham/needs.json").get_data(as_text=True)
    assert "07700" not in body and '"status":"hidden"' in body.replace(" ", "")
    assert "07700" not in client.get("/rounds/lewisham/needs.csv").get_data(as_text=True)


def test_needs_csv_opens_in_a_spreadsheet_with_every_field(client, make_round, make_need):
    make_round()
    make_need(title="=HYPERLINK(\"http://evil\")")
    make_need(title="বয়স্কদের জন্য বসার জায়গা", language="bn")
    response = client.get("/rounds/lewisham/needs.csv")
    assert response.mimetype == "text/csv" and "attachment" in response.headers["Content-Disposition"]
    rows = list(csv.DictReader(io.StringIO(response.get_data(as_text=True))))
    assert {"id", "title", "description", "language", "cost", "support", "status"} <= set(rows[0])
    assert rows[0]["title"].startswith("'=") and rows[1]["title"] == "বয়স্কদের জন্য বসার জায়গা"


def test_open_data_for_an_unknown_round_is_a_json_404(client):
    response = client.get("/rounds/nowhere/needs.json")
    assert response.status_code == 404 and response.get_json() == {"error": "Not Found"}
