"""The needs register on a phone, in English and Arabic: axe-clean, no sideways scrolling, and its filters
work with and without JavaScript."""
import pytest
from playwright.sync_api import expect

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
