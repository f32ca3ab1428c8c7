"""A resident reading Bengali on a 360 px phone: a Polish need in Bengali, its original a tap away, a ballot cast."""
import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import NeedTranslation
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("phone", ["bn"], indirect=True)
def test_a_bengali_reader_sees_a_polish_need_in_bengali_and_ranks_it(phone, app, live_server, axe_source,
                                                                  make_round, make_need):
    make_round(title="Lewisham Local", phase="rank", max_choices=2)
    benches = make_need(title="Ławki przy przystanku", description="Starsi ludzie nie mają gdzie usiąść.",
                        language="pl")
    make_need(title="বয়স্কদের জন্য একটি বসার জায়গা", description="দুপুরে বসার কোনো জায়গা নেই।", language="bn")
    make_need(title="Street lights on Sydenham Road")
    with app.app_context():
        db.session.add(NeedTranslation(need_id=benches, language="bn", title="বাস স্টপে বেঞ্চ",
                                       description="বয়স্ক মানুষদের বসার কোনো জায়গা নেই।", approved=True))
        db.session.commit()
    page = phone
    page.goto(f"{live_server}/rounds/lewisham/needs/{benches}")
    expect(page.locator("html")).to_have_attribute("lang", "bn")
    expect(page.get_by_role("heading", level=1)).to_have_text("বাস স্টপে বেঞ্চ")
    expect(page.locator("article.need")).to_have_attribute("lang", "bn")
    expect(page.get_by_text("পোলিশ থেকে অনুবাদ")).to_be_visible()
    expect(page.get_by_text("পোলিশ ভাষায় লেখা")).to_be_visible()
    assert_accessible(page, axe_source, "bn-need-translated")
    page.get_by_role("link", name="মূল লেখা দেখুন").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Ławki przy przystanku")
    expect(page.locator("article.need")).to_have_attribute("lang", "pl")

    page.goto(f"{live_server}/rounds/lewisham/ballot")
    page.get_by_role("button", name="বাস স্টপে বেঞ্চ").click()
    expect(page.locator(".ranked")).to_have_count(1)
    page.get_by_role("button", name="বয়স্কদের জন্য একটি বসার জায়গা").click()
    expect(page.locator(".ranked-title")).to_have_text(["বাস স্টপে বেঞ্চ", "বয়স্কদের জন্য একটি বসার জায়গা"])
    assert_accessible(page, axe_source, "bn-ballot-draft")
    page.get_by_role("button", name="আমার ব্যালট জমা দিন").click()
    expect(page.get_by_text("আপনার ব্যালট গোনা হয়েছে।").first).to_be_visible()
    assert_accessible(page, axe_source, "bn-ballot-cast")
    assert page.script_errors == [], "\n".join(page.script_errors)


@pytest.mark.parametrize("phone", ["ar"], indirect=True)
def test_arrows_point_the_way_arabic_reads(phone, live_server, make_round, make_need):
    make_round(phase="discuss")
    for n in range(7):  # five needs to a page in tests: two pages
        make_need(title=f"حاجة {n}", language="ar")
    phone.goto(f"{live_server}/rounds/lewisham/needs")
    next_link = phone.locator('.pagination [rel="next"]')
    arrow = next_link.evaluate("link => getComputedStyle(link, '::after').content")
    assert "←" in arrow
    next_link.click()
    previous = phone.locator('.pagination [rel="prev"]')
    assert "→" in previous.evaluate("link => getComputedStyle(link, '::before').content")
