"""The needs register on the narrowest phone (320 px), in English and Arabic: axe-clean, no sideways
scrolling, and its filters work with and without JavaScript; linking the same need across rounds by keyboard,
and correcting evidence without JavaScript."""
import re
from datetime import date

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Need, NeedCarry, NeedEvidence, NeedLink, Round

from tests.browser.conftest import assert_accessible
from tests.browser.test_accessibility import sign_in
from tests.web.test_api_lists import funded  # noqa: F401
from tests.web.test_register import register  # noqa: F401

pytestmark = pytest.mark.browser


NARROWEST = {"width": 320, "height": 640}  # the smallest phone the app is made for (README)


def fits_the_screen(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_the_register_passes_axe_at_320px_in_english_and_arabic_and_filters_in_place(phone, live_server, axe_source,
                                                                                       funded, app, make_need):
    phone.set_viewport_size(NARROWEST)  # this test only: the other phone tests stay at 360 px
    make_need("camden", "Data: https://data.london.gov.uk/dataset/road-casualties-by-ward-2025", area="Camden",
              area_code="E09000007")  # an address in a title has no space to wrap at
    with app.app_context():  # a need linked to the same need in another round: its card names that round too
        low, high = sorted((funded["ranked"], funded["funded"]))
        db.session.add(NeedLink(need_id=low, other_id=high))
        db.session.commit()
    phone.goto(f"{live_server}/needs")
    lang = phone.evaluate("document.documentElement.lang")
    assert phone.evaluate("document.documentElement.clientWidth") == 320
    assert phone.evaluate("document.documentElement.dir") == ("rtl" if lang == "ar" else "ltr")
    expect(phone.locator("#register-results time").first).to_have_attribute("datetime", "2026-11-01")
    assert fits_the_screen(phone)
    assert_accessible(phone, axe_source, f"{lang}_needs_320")
    phone.locator("#register-theme").select_option("health")
    phone.locator("#register-results").page.locator("form.filters button[type=submit]").click()
    expect(phone.locator("#register-results")).to_contain_text("Swimming lessons")
    expect(phone.locator("#register-results")).not_to_contain_text("Benches on the high street")
    assert "theme=health" in phone.url
    assert fits_the_screen(phone)
    assert_accessible(phone, axe_source, f"{lang}_needs_filtered_320")
    phone.goto(f"{live_server}/needs?area=E09000007")
    expect(phone.locator("#register-results")).to_contain_text("road-casualties-by-ward-2025")
    assert fits_the_screen(phone)
    phone.goto(f"{live_server}/rounds/newham/needs/{funded['funded']}")  # who paid what, and when
    expect(phone.locator(".grant-funders li")).to_have_count(2)
    assert fits_the_screen(phone)
    assert_accessible(phone, axe_source, f"{lang}_funded_need_320")


@pytest.fixture
def carried_need(app, make_round, make_need, make_support):
    """A need carried from a finished round into a later one, with evidence attached."""
    make_round("spring", phase="results", title="Spring 2026")
    make_round("autumn", phase="propose", title="Autumn 2026")
    lights = make_need("spring", "Street lights on Rye Lane")
    make_support(lights, 3)
    with app.app_context():
        spring, autumn = (db.session.scalar(db.select(Round).filter_by(slug=s)) for s in ("spring", "autumn"))
        db.session.add(NeedCarry(need_id=lights, round_id=spring.id, place=1, support=3))
        db.session.get(Need, lights).round_id = autumn.id
        db.session.add(NeedEvidence(need_id=lights, title="Road casualties by ward, 2025",
                                    url="https://data.london.gov.uk/dataset/road-casualties",
                                    published_on=date(2026, 3, 14)))
        db.session.commit()
    return lights


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_a_carried_need_with_evidence_passes_axe_on_a_phone(phone, live_server, axe_source, carried_need):
    phone.goto(f"{live_server}/rounds/spring/needs/{carried_need}")
    assert phone.url.endswith(f"/rounds/autumn/needs/{carried_need}")
    expect(phone.locator("#rounds-heading")).to_be_visible()
    expect(phone.locator("#evidence a")).to_have_attribute("href", "https://data.london.gov.uk/dataset/road-casualties")
    assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_accessible(phone, axe_source, f"{phone.evaluate('document.documentElement.lang')}_carried_need")


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_a_facilitator_links_the_same_need_across_rounds_by_keyboard(phone, live_server, axe_source, app, make_round,
                                                                     make_need, make_user):
    make_round("spring", phase="results", title="Spring 2026")
    make_round("lewisham", phase="propose", title="Autumn 2026")
    make_need("spring", "Street lights on Rye Lane")
    again = make_need("lewisham", "Dark streets by Rye Lane")
    make_user(round_slug="lewisham")
    sign_in(phone, live_server)
    lang = phone.evaluate("document.documentElement.lang")
    phone.goto(f"{live_server}/rounds/lewisham/needs/{again}/same")
    assert phone.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    assert_accessible(phone, axe_source, f"{lang}_same_need_choices")
    phone.locator("main form[method=post] button").first.focus()
    phone.keyboard.press("Enter")
    expect(phone.locator("#same-need a").first).to_have_attribute("href", re.compile(r"/rounds/spring/needs/\d+$"))
    assert_accessible(phone, axe_source, f"{lang}_need_with_same_need")
    phone.goto(f"{live_server}/needs")
    expect(phone.locator("#register-results")).to_contain_text("Spring 2026")
    assert_accessible(phone, axe_source, f"{lang}_needs_with_same_need")


def test_without_javascript_a_facilitator_corrects_and_removes_evidence(browser, live_server, carried_need, make_user):
    make_user(round_slug="autumn")
    context = browser.new_context(viewport={"width": 320, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    try:
        sign_in(page, live_server)
        page.goto(f"{live_server}/rounds/autumn/needs/{carried_need}")
        page.locator("#evidence .evidence-tools a").click()
        page.locator("#title").fill("Road casualties by ward, 2025 (revised)")
        page.locator("main form button[type=submit]").click()
        expect(page.locator("#evidence")).to_contain_text("(revised)")
        assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
        page.locator("#evidence .evidence-tools button").click()
        expect(page.locator("#evidence")).not_to_contain_text("Road casualties")
    finally:
        context.close()
