"""A funded group reports progress from a phone, through its emailed link, in Bengali; residents read it on the
need's page; axe on every page."""
from urllib.parse import urlsplit

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("phone", ["bn"], indirect=True)
def test_a_group_reports_progress_on_a_phone_through_its_link(phone, live_server, axe_source, runner):
    loaded = runner.invoke(args=["demo"])
    assert loaded.exit_code == 0, loaded.output
    link = next(line for line in loaded.output.splitlines() if line.startswith("swimming grant progress link: "))
    phone.goto(live_server + urlsplit(link.split()[-1]).path)
    expect(phone.locator("h1")).to_have_text("অগ্রগতি জানান")
    expect(phone.get_by_text("Pool time booked")).to_be_visible()
    assert_accessible(phone, axe_source, "progress-report-bn")
    phone.locator("#percent").fill("আশি")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator(".error-summary")).to_be_visible()
    expect(phone.locator("#percent")).to_have_value("আশি")
    assert_accessible(phone, axe_source, "progress-report-errors-bn")
    phone.locator("#milestone").fill("২৫০ জন শিশু সাঁতার শিখছে")
    phone.locator("#percent").fill("৮০")  # Bengali digits, as a Bengali keyboard types them
    phone.locator("#body").fill("এখন ২৫০ জন শিশু প্রতি সপ্তাহে সাঁতার শিখছে।")
    phone.locator("#language").select_option("bn")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator(".flash--success")).to_be_visible()
    expect(phone.get_by_text("80% সম্পন্ন").first).to_be_visible()
    assert_accessible(phone, axe_source, "progress-reported-bn")
    phone.locator("a", has_text="Free swimming lessons for children").click()
    expect(phone.locator(".story")).to_contain_text("২৫০ জন শিশু সাঁতার শিখছে")
    assert_accessible(phone, axe_source, "need-story-bn")
    assert [e for e in phone.script_errors if "status of 422" not in e] == []
