"""What a resident or a facilitator sees on a phone: the staff page at 320 px, the needs list's folded filters,
the approval ballot's tap targets, each need's details on the ballot, and where the focus goes on the ranking."""
import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import NeedTranslation
from tests.browser.conftest import assert_accessible
from tests.browser.test_accessibility import sign_in

pytestmark = pytest.mark.browser


def lang_of(page) -> str:
    return page.evaluate("document.documentElement.lang").split("-")[0]


@pytest.mark.parametrize("locale", ["en", "ar"])
def test_the_staff_page_fits_a_320_px_screen(browser, live_server, axe_source, make_round, make_user, locale):
    make_round(title="Lewisham Local")
    make_user()
    make_user("a.very.long.address.for.the.moderator.of.this.round@lewisham-community-partnership.example.org",
              "moderator", "lewisham")
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale=locale,
                                  extra_http_headers={"Accept-Language": locale}, is_mobile=True, has_touch=True)
    page = context.new_page()
    try:
        sign_in(page, live_server)
        page.goto(f"{live_server}/rounds/lewisham/staff")
        expect(page.locator(".staff-list li")).to_have_count(1)
        assert_accessible(page, axe_source, f"staff-320-{locale}")
    finally:
        context.close()


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_the_needs_list_folds_its_filters_behind_one_button(phone, live_server, axe_source, make_round, make_need):
    make_round(area_choices=["Deptford", "Catford"])
    make_need(title="Street lights broken on Sydenham Road", category="safety")
    phone.goto(f"{live_server}/rounds/lewisham/needs")
    expect(phone.get_by_text("Street lights broken on Sydenham Road")).to_be_in_viewport()
    expect(phone.locator("#needs-q")).to_be_hidden()
    phone.locator(".filter-disclosure > summary").click()
    expect(phone.locator("#needs-q")).to_be_visible()
    assert_accessible(phone, axe_source, f"needs-filters-open-{lang_of(phone)}")
    phone.goto(f"{live_server}/rounds/lewisham/needs?category=safety")
    expect(phone.locator("#needs-category")).to_be_visible()  # a filter in use stays in view


def test_without_javascript_the_folded_filters_still_open_and_search(browser, live_server, make_round, make_need):
    make_round()
    make_need(title="Street lights broken on Sydenham Road")
    make_need(title="Play area")
    context = browser.new_context(viewport={"width": 360, "height": 740}, java_script_enabled=False)
    page = context.new_page()
    try:
        page.goto(f"{live_server}/rounds/lewisham/needs")
        page.get_by_text("Filter", exact=True).click()
        page.locator("#needs-q").fill("lights")
        page.get_by_role("button", name="Show needs").click()
        expect(page.get_by_text("Play area")).to_have_count(0)
        expect(page.get_by_text("Street lights broken on Sydenham Road")).to_be_visible()
    finally:
        context.close()


def test_the_approval_ballots_choices_are_whole_rows_at_least_44_px_high(phone, live_server, axe_source, make_round,
                                                                         make_need):
    make_round(phase="rank", ballot_kind="approval")
    for title in ("Street lights", "Play area", "Benches"):
        make_need(title=title)
    phone.goto(f"{live_server}/rounds/lewisham/ballot")
    rows = phone.locator(".choice--tile")
    expect(rows).to_have_count(3)
    for n in range(3):
        box = rows.nth(n).bounding_box()
        assert box["height"] >= 44 and box["width"] >= 300, box
    phone.get_by_text("Play area", exact=True).click()  # the title, not the box, is tapped
    expect(phone.get_by_label("Play area")).to_be_checked()
    assert_accessible(phone, axe_source, "ballot-approval-targets")


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_each_need_on_the_ballot_opens_to_what_it_is_with_the_original_a_tap_away(phone, live_server, axe_source, app,
                                                                                  make_round, make_need):
    make_round(phase="rank")
    need = make_need(title="Okul önüne bitki kutuları ve bank", language="tr", location="Elm Road",
                     description="Okulun önünde oturacak yer yok.", affected="Veliler ve çocuklar")
    with app.app_context():
        for language, title, description in (
                ("en", "Planters and a bench by the school", "There is nowhere to sit outside the school."),
                ("ar", "أحواض نباتات ومقعد أمام المدرسة", "لا يوجد مكان للجلوس أمام المدرسة.")):
            db.session.add(NeedTranslation(need_id=need, language=language, title=title, description=description,
                                           approved=True))
        db.session.commit()
    phone.goto(f"{live_server}/rounds/lewisham/ballot")
    english = lang_of(phone) == "en"
    about = phone.locator(".ballot-about").first
    expect(about.locator(".prose").first).to_be_hidden()
    about.locator("summary").first.click()
    description = "There is nowhere to sit outside the school." if english else "لا يوجد مكان للجلوس أمام المدرسة."
    expect(about.get_by_text(description)).to_be_visible()
    expect(about.get_by_text("Veliler ve çocuklar")).to_be_visible()
    expect(about.get_by_text("Okulun önünde oturacak yer yok.")).to_be_hidden()
    about.locator(".ballot-original > summary").click()
    expect(about.get_by_text("Okulun önünde oturacak yer yok.")).to_be_visible()
    assert_accessible(phone, axe_source, f"ballot-need-details-{lang_of(phone)}")


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_after_each_tap_the_focus_stays_on_the_moved_need_and_only_the_change_is_announced(phone, live_server,
                                                                                          make_round, make_need):
    make_round(phase="rank")
    lights, play, benches = (make_need(title=t) for t in ("Street lights", "Play area", "Benches"))
    phone.goto(f"{live_server}/rounds/lewisham/ballot")
    assert phone.locator("#ballot").get_attribute("aria-live") is None
    phone.locator(f"#add-{play}").click()
    expect(phone.locator(".ranked")).to_have_count(1)
    expect(phone.locator(f"#add-{benches}")).to_be_focused()  # the next need to add
    phone.keyboard.press("Enter")
    expect(phone.locator(".ranked")).to_have_count(2)
    expect(phone.locator(f"#add-{lights}")).to_be_focused()
    phone.locator(f"#up-{benches}").focus()
    phone.keyboard.press("Enter")
    expect(phone.locator(".ranked-title").first).to_have_text("Benches")
    expect(phone.locator(f"#down-{benches}")).to_be_focused()  # at the top, it can only go down
    status = "Benches moved to place 1." if lang_of(phone) == "en" else "1"
    expect(phone.locator("#ballot-change")).to_contain_text(status)
    phone.keyboard.press("Enter")
    expect(phone.locator(".ranked-title").last).to_have_text("Benches")
    expect(phone.locator(f"#up-{benches}")).to_be_focused()
    phone.locator(f"#remove-{benches}").click()
    expect(phone.locator(f"#add-{benches}")).to_be_focused()
    assert phone.script_errors == [], "\n".join(phone.script_errors)
