"""A facilitator reviews costs and feasibility on a phone, by keyboard, before ranking opens; the ballot
then holds only the feasible needs."""
import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Round
from tests.browser.conftest import assert_accessible
from tests.browser.test_accessibility import sign_in

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_a_facilitator_reviews_needs_by_keyboard_and_the_ballot_follows(
        phone, live_server, axe_source, app, make_round, make_need, make_user):
    make_round(phase="discuss", budget=20_000, currency="GBP")
    make_need(title="Lights on the path")
    make_need(title="A bridge over the railway")
    make_user()
    sign_in(phone, live_server)
    lang = phone.context.pages[0].evaluate("navigator.language")[:2]
    phone.goto(f"{live_server}/rounds/lewisham/review")
    assert_accessible(phone, axe_source, f"review-list-{lang}")
    phone.locator(".review-item a").first.click()
    phone.locator("input[name=verdict]").first.focus()
    phone.keyboard.press("Space")
    phone.keyboard.press("Tab")
    phone.keyboard.type("30000")  # more than the whole budget: refused, and kept as typed
    phone.keyboard.press("Enter")
    expect(phone.locator("#cost-error")).to_be_visible()
    expect(phone.locator("#cost")).to_have_value("30000")
    assert_accessible(phone, axe_source, f"review-refused-{lang}")
    phone.locator("#cost").fill("")
    phone.locator("#cost").focus()
    phone.keyboard.type("12500")
    phone.keyboard.press("Enter")
    expect(phone.locator("article.need h2")).to_have_text("A bridge over the railway")
    phone.locator("input[name=verdict]").nth(1).focus()
    phone.keyboard.press("Space")
    phone.locator("#reason").focus()
    phone.keyboard.type("Network Rail owns the land.")
    phone.locator("main form button[type=submit]").press("Enter")
    expect(phone.locator(".review-progress dd").first).to_have_text("0")
    assert_accessible(phone, axe_source, f"review-done-{lang}")
    with app.app_context():
        db.session.scalar(db.select(Round)).phase = "rank"
        db.session.commit()
    resident = phone.context.browser.new_context(viewport=phone.viewport_size, locale=lang).new_page()
    resident.goto(f"{live_server}/rounds/lewisham/ballot")
    expect(resident.get_by_text("Lights on the path").first).to_be_visible()
    expect(resident.get_by_text("A bridge over the railway")).to_have_count(0)
    resident.context.close()
