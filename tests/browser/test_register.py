"""The needs register on a phone, in English and Arabic: axe-clean, no sideways scrolling, and its filters
work with and without JavaScript."""
from datetime import date

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Need, NeedCarry, NeedEvidence, Round

from tests.browser.conftest import assert_accessible
from tests.web.test_register import register  # noqa: F401

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_the_register_passes_axe_on_a_phone_and_filters_in_place(phone, live_server, axe_source, register):
    phone.goto(f"{live_server}/needs")
    assert_accessible(phone, axe_source, f"{phone.evaluate('document.documentElement.lang')}_needs")
    phone.locator("#register-theme").select_option("health")
    phone.locator("#register-results").page.locator("form.filters button[type=submit]").click()
    expect(phone.locator("#register-results")).to_contain_text("Swimming lessons")
    expect(phone.locator("#register-results")).not_to_contain_text("Benches on the high street")
    assert "theme=health" in phone.url
    assert_accessible(phone, axe_source, f"{phone.evaluate('document.documentElement.lang')}_needs_filtered")


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
