import json
from decimal import Decimal

import pytest

from app.extensions import db
from app.models import Round
from tests.conftest import post
from tests.web.test_rounds import ROUND, text_of

PLN = {**ROUND, "currency": "PLN"}


def stored_budget(app, slug="lewisham"):
    with app.app_context():
        return db.session.scalar(db.select(Round.budget).filter_by(slug=slug))


@pytest.fixture
def pln_round(make_round, make_user, sign_in):
    make_round(budget=123456, money_scale=2, currency="PLN")
    make_user(round_slug="lewisham")
    sign_in()


def test_the_edit_form_shows_a_budget_in_currency_units_and_saves_what_was_typed(client, app, pln_round):
    assert "PLN 1,234.56" in text_of(client.get("/rounds/lewisham")).replace("\xa0", " ").replace("PLN1", "PLN 1")
    form = text_of(client.get("/rounds/lewisham/edit"))
    assert 'name="budget" type="text" value="1234.56"' in form
    assert post(client, "/rounds/lewisham/edit", {**PLN, "budget": "1300"}).status_code == 302
    assert stored_budget(app) == 130000
    assert post(client, "/rounds/lewisham/edit", {**PLN, "budget": "1300.5"}).status_code == 302
    assert stored_budget(app) == 130050
    assert 'value="1300.50"' in text_of(client.get("/rounds/lewisham/edit"))


@pytest.mark.parametrize("typed, message", [
    ("Infinity", "Write the amount in figures, for example 1250."),
    ("NaN", "Write the amount in figures, for example 1250."),
    ("twelve", "Write the amount in figures, for example 1250."),
    ("1e1000", "Give an amount of at most 1,000,000,000,000."),
    ("-5", "Give an amount above zero."),
    ("0", "Give an amount above zero."),
    ("12.345", "Use at most 2 decimals."),
    ("10000000000000", "Give an amount of at most 1,000,000,000,000."),
])
def test_a_budget_that_cannot_be_money_is_refused_with_the_typed_text_kept(client, app, pln_round, typed, message):
    response = post(client, "/rounds/lewisham/edit", {**PLN, "budget": typed})
    page = text_of(response)
    assert response.status_code == 422
    assert message in page and f'value="{typed}"' in page
    assert stored_budget(app) == 123456


def test_a_round_in_whole_units_refuses_decimals(client, app, make_user, sign_in):
    make_user()
    sign_in()
    response = post(client, "/rounds/new", {**ROUND, "budget": "250000.50"})
    assert response.status_code == 422
    assert "This round counts money in whole units: leave out the decimals." in text_of(response)


def test_a_budget_typed_the_polish_way_is_read_as_written(client, app, pln_round):
    client.set_cookie("lang", "pl")
    assert post(client, "/rounds/lewisham/edit", {**PLN, "budget": "1\xa0234,5"}).status_code == 302
    assert stored_budget(app) == 123450


def test_open_data_writes_money_as_exact_numbers(client, make_round, make_need):
    make_round(budget=1234567890123456789, money_scale=2, currency="PLN", phase="results")
    make_need(cost=1234567890123456701)
    body = client.get("/rounds/lewisham/needs.json").get_data(as_text=True)
    assert '"cost": 12345678901234567.01' in body or '"cost":12345678901234567.01' in body
    assert json.loads(body, parse_float=Decimal)["needs"][0]["cost"] == Decimal("12345678901234567.01")


def test_the_panel_refuses_an_amount_that_is_not_money_without_an_error_page(client, make_round, make_need, make_user,
                                                                              sign_in):
    make_round(budget=123456, money_scale=2, currency="PLN")
    need = make_need()
    make_user(round_slug="lewisham")
    sign_in()
    for typed, message in (("NaN", "Write the amount in figures, for example 1250."),
                           ("12.345", "Use at most 2 decimals.")):
        response = post(client, "/rounds/lewisham/panel/applications/new",
                        {"need": str(need), "applicant": "Deptford Tenants", "title": "Lamps", "amount": typed})
        assert response.status_code == 422 and message in text_of(response)
