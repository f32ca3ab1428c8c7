"""A resident on a 360 px phone proposes a need, is shown a similar one, supports it instead and comments."""

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


@pytest.fixture
def discussion_round(make_round, make_need):
    make_round(slug="lewisham", title="Lewisham Local", phase="propose", area_choices=["Deptford", "Catford"])
    return make_need(round_slug="lewisham", title="Street lights broken on Sydenham Road",
                     description="Three street lights have been out for months.", category="safety")


def test_a_resident_supports_a_similar_need_instead_of_posting_a_duplicate(phone, live_server, axe_source,
                                                                          discussion_round):
    page = phone
    page.goto(f"{live_server}/rounds/lewisham")
    assert_accessible(page, axe_source, "en-round")
    page.get_by_role("link", name="Propose a need").click()
    expect(page.get_by_role("heading", name="Propose a need", level=1)).to_be_visible()
    assert_accessible(page, axe_source, "en-propose")

    page.get_by_label("The need, in a few words").press_sequentially("broken street lights", delay=30)
    similar = page.locator("#similar-needs")
    expect(similar.get_by_role("link", name="Street lights broken on Sydenham Road")).to_be_visible()
    assert_accessible(page, axe_source, "en-propose-similar")

    similar.get_by_role("button", name="Support this need instead").click()
    expect(page.get_by_role("heading", name="Street lights broken on Sydenham Road", level=1)).to_be_visible()
    expect(page.get_by_text("You support this need.")).to_be_visible()
    expect(page.get_by_text("1 person says this matters to them")).to_be_visible()

    page.get_by_label("Your comment").fill("The one outside number 40 is out too.")
    page.get_by_label("Your name, as others will see it").fill("Ola")
    page.get_by_role("button", name="Post comment").click()
    comments = page.locator("#comments")
    expect(comments.get_by_text("The one outside number 40 is out too.")).to_be_visible()
    expect(comments.get_by_text("Ola")).to_be_visible()
    assert_accessible(page, axe_source, "en-need")
    assert page.script_errors == [], "\n".join(page.script_errors)


def test_without_javascript_a_resident_proposes_a_need_and_fixes_a_mistake(browser, live_server, discussion_round):
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live_server}/rounds/lewisham/needs/new")
    page.get_by_label("The need, in a few words").fill("Benches")
    page.get_by_role("button", name="Check for similar needs").click()
    expect(page.get_by_label("The need, in a few words")).to_have_value("Benches")
    page.get_by_label("What is the need?").fill("Older people have nowhere to sit on the walk to the shops.")
    page.get_by_role("button", name="Post this need").click()
    expect(page.get_by_text("Please choose a category.").first).to_be_visible()
    expect(page.get_by_label("What is the need?")).to_have_value("Older people have nowhere to sit on the walk to the shops.")
    page.get_by_label("Category").select_option("older-people")
    page.get_by_label("Your name, as others will see it").fill("Margaret")
    page.get_by_role("button", name="Post this need").click()
    expect(page.get_by_role("heading", name="Benches", level=1)).to_be_visible()
    expect(page.get_by_text("Thank you: your need is now on the list.")).to_be_visible()
    context.close()


@pytest.mark.parametrize("phone", ["ar"], indirect=True)
def test_the_same_journey_reads_right_to_left_in_arabic(phone, live_server, axe_source, make_round, make_need):
    make_round(slug="lewisham", title="Lewisham Local", phase="propose")
    make_need(round_slug="lewisham", title="إضاءة الشارع قرب المدرسة", language="ar",
              description="الطريق المؤدي إلى المدرسة مظلم جدًا في الشتاء.", category="safety")
    page = phone
    page.goto(f"{live_server}/rounds/lewisham")
    expect(page.locator("html")).to_have_attribute("dir", "rtl")
    expect(page.locator("html")).to_have_attribute("lang", "ar")
    assert_accessible(page, axe_source, "ar-round")
    page.get_by_role("link", name="اقترح احتياجًا").click()
    page.get_by_label("الاحتياج، في كلمات قليلة").press_sequentially("اضاءة الشارع", delay=30)
    similar = page.locator("#similar-needs")
    expect(similar.get_by_role("link", name="إضاءة الشارع قرب المدرسة")).to_be_visible()
    assert_accessible(page, axe_source, "ar-propose-similar")
    similar.get_by_role("button", name="ادعم هذا الاحتياج بدلًا من ذلك").click()
    expect(page.get_by_text("أنت تدعم هذا الاحتياج.")).to_be_visible()
    page.get_by_label("تعليقك").fill("أوافق تمامًا، الطريق خطير.")
    page.get_by_label("اسمك كما سيراه الآخرون").fill("مريم")
    page.get_by_role("button", name="انشر التعليق").click()
    expect(page.locator("#comments").get_by_text("أوافق تمامًا، الطريق خطير.")).to_be_visible()
    assert_accessible(page, axe_source, "ar-need")
    box = page.get_by_role("heading", level=1).bounding_box()
    assert box["x"] + box["width"] > 300, "an Arabic heading starts at the right-hand edge"
    assert page.script_errors == [], "\n".join(page.script_errors)
