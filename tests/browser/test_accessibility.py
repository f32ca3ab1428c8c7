"""Every page built so far passes axe-core's WCAG 2.2 A/AA rules on a phone, in English and Arabic."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser


@pytest.fixture
def busy_round(make_round, make_need, make_comment, make_support, make_user):
    make_round(slug="lewisham", title="Lewisham Local", phase="discuss", area_choices=["Deptford", "Catford"],
               budget=250000, currency="GBP")
    lights = make_need(title="Street lights broken on Sydenham Road", category="safety", area="Deptford")
    make_need(title="বয়স্কদের জন্য একটি বসার জায়গা", language="bn", category="older-people")
    first = make_comment(lights, body="It is very dark there.")
    make_comment(lights, body="Agreed, I reported it twice.", parent_id=first)
    make_support(lights, 3)
    make_user()
    make_user(role="admin")  # the same facilitator, an admin too: the staff accounts pages are checked
    return lights


def sign_in(page, base):
    page.goto(f"{base}/account/sign-in")
    page.locator("#email").fill("facilitator@example.org")
    page.locator("#password").fill(PASSWORD)
    page.locator("main form button[type=submit]").click()
    expect(page.locator(".flash--success")).to_be_visible()


RESIDENT_PAGES = ["/", "/rounds/lewisham", "/rounds/lewisham/needs?sort=supported&category=safety",
                  "/rounds/lewisham/needs/{need}", "/rounds/lewisham/needs/{need}/report",
                  "/rounds/lewisham/needs/{need}/history", "/rounds/nowhere", "/account/sign-in", "/account/reset",
                  "/privacy", "/rounds/lewisham/my-data"]
STAFF_PAGES = ["/rounds/new", "/rounds/lewisham/edit", "/rounds/lewisham/moderation",
               "/rounds/lewisham/needs/{need}", "/rounds/lewisham/moderation/needs/{need}/edit",
               "/rounds/lewisham/moderation/needs/{need}/merge", "/rounds/lewisham/staff", "/rounds/lewisham/codes",
               "/rounds/lewisham/needs/{need}/translations", "/account", "/admin/staff"]


@pytest.mark.parametrize("phone", ["en", "ar", "pl", "es", "pt", "ro", "tr", "bn", "ur", "so"], indirect=True)
def test_resident_pages_pass_axe(phone, live_server, axe_source, busy_round):
    for path in RESIDENT_PAGES:
        response = phone.goto(live_server + path.format(need=busy_round))
        assert response.status == (404 if "nowhere" in path else 200), path
        name = f"{phone.evaluate('document.documentElement.lang')}{path.format(need='N').replace('/', '_').split('?')[0]}"
        assert_accessible(phone, axe_source, name)


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_forms_showing_errors_pass_axe(phone, live_server, axe_source, busy_round):
    phone.goto(f"{live_server}/rounds/lewisham/needs/{busy_round}")
    phone.locator("#comment-form button[type=submit]").click()
    expect(phone.locator("#comment-form .field-error").first).to_be_visible()
    assert_accessible(phone, axe_source, f"{phone.evaluate('document.documentElement.lang')}-comment-errors")
    phone.goto(f"{live_server}/rounds/lewisham/needs/{busy_round}/report")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator(".error-summary")).to_be_visible()
    assert_accessible(phone, axe_source, f"{phone.evaluate('document.documentElement.lang')}-report-errors")


def test_staff_pages_pass_axe(phone, live_server, axe_source, busy_round):
    sign_in(phone, live_server)
    phone.goto(f"{live_server}/rounds/lewisham/needs/{busy_round}/report")
    phone.get_by_label("Spam or advertising").check()
    phone.get_by_role("button", name="Send report").click()
    for path in STAFF_PAGES:
        response = phone.goto(live_server + path.format(need=busy_round))
        assert response.status == 200, path
        assert_accessible(phone, axe_source, "staff" + path.format(need="N").replace("/", "_"))
    phone.goto(f"{live_server}/rounds/new")
    phone.get_by_role("button", name="Save round").click()
    expect(phone.locator(".error-summary")).to_be_visible()
    assert_accessible(phone, axe_source, "staff-new-round-errors")
    phone.goto(f"{live_server}/admin/staff")
    phone.locator("main").get_by_role("link", name="facilitator@example.org").click()
    phone.locator("#org_id").fill("not an identifier")
    phone.get_by_role("button", name="Save").click()
    expect(phone.locator(".error-summary")).to_be_visible()
    assert_accessible(phone, axe_source, "staff-member-organisation-errors")


def test_a_keyboard_user_can_skip_to_the_content_and_support_a_need(phone, live_server, busy_round):
    phone.goto(f"{live_server}/rounds/lewisham/needs/{busy_round}")
    phone.keyboard.press("Tab")
    expect(phone.get_by_role("link", name="Skip to main content")).to_be_focused()
    phone.keyboard.press("Enter")
    support = phone.get_by_role("button", name="This matters to me too")
    for _ in range(20):
        if support.evaluate("el => el === document.activeElement"):
            break
        phone.keyboard.press("Tab")
    expect(support).to_be_focused()
    phone.keyboard.press("Enter")
    expect(phone.get_by_text("You support this need.")).to_be_visible()
    expect(phone.get_by_text("4 people say this matters to them")).to_be_visible()
    expect(phone.get_by_role("button", name="Withdraw my support")).to_be_focused()


@pytest.mark.parametrize("lang", ["en", "ar", "pl", "es", "pt", "ro", "tr", "bn", "ur", "so"])
def test_no_page_is_wider_than_a_320_px_screen(browser, app, live_server, busy_round, make_round, lang, runner):
    from app.extensions import db
    from app.models import Application, Comment, EligibilityQuestion, Round

    make_round(slug="ranking", phase="rank", max_choices=3)
    with app.app_context():
        round_id = db.session.scalar(db.select(Round.id).filter_by(slug="lewisham"))
        application = Application(round_id=round_id, need_id=busy_round, applicant="Sydenham Road Residents' Association",
                                  title="New lamps along the whole of Sydenham Road", amount=12000)
        db.session.add_all([application, EligibilityQuestion(
            round_id=round_id, text="Is your group based in Lewisham?", required=True, language="en",
            reason="This fund is for groups based in the borough.")])
        db.session.commit()
        application = application.id
        comment = db.session.scalar(db.select(Comment.id).filter_by(need_id=busy_round, parent_id=None))
    runner.invoke(args=["codes", "generate", "lewisham", "--count", "3"])  # cards to print
    context = browser.new_context(viewport={"width": 320, "height": 640}, extra_http_headers={"Accept-Language": lang})
    page = context.new_page()
    sign_in(page, live_server)
    paths = [p.format(need=busy_round) for p in RESIDENT_PAGES + STAFF_PAGES] + [
        "/rounds/lewisham/needs/new", "/rounds/ranking/ballot", "/rounds/lewisham/results",
        "/rounds/lewisham/codes/cards", "/rounds/lewisham/join?code=ZZZZZ-ZZZZZ", "/rounds/lewisham/join/email",
        "/rounds/lewisham/eligibility", "/rounds/lewisham/receipts", "/rounds/lewisham/decisions",
        "/rounds/lewisham/panel", "/rounds/lewisham/panel/applications/new", "/rounds/lewisham/panel/funder",
        f"/rounds/lewisham/panel/applications/{application}", f"/rounds/lewisham/panel/applications/{application}/feedback",
        "/rounds/lewisham/panel/eligibility", f"/rounds/lewisham/needs/{busy_round}/comments/{comment}/translations"]
    wide = {}
    for path in paths:
        status = page.goto(live_server + path).status
        assert status < 500 and (status == 200 or "nowhere" in path or "join" in path), (path, status)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        if overflow > 0:
            wide[path] = overflow
    context.close()
    assert wide == {}
