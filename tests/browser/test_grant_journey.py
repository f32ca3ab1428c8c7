"""Participatory grant-making from end to end, in browsers only: a group applies in Bengali on a phone, two
panel members mark and decide, publication is asked and confirmed, a resident challenges the decision, a
member who took no part answers, and the funded group posts progress in Bengali; axe on every step."""
import re

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Challenge
from tests.browser.conftest import PHONE, assert_accessible
from tests.browser.steps import decide, mark_application, sign_in_as
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser
TITLE = "মহিলাদের জন্য রান্নার ক্লাস"


@pytest.fixture
def deciding(make_round, make_need, make_user, monkeypatch):
    make_round(phase="decide", budget=20_000, currency="GBP", area="Lewisham")
    make_need(title="A community kitchen in Peckham")
    for who in ("ada", "ben", "cy"):
        make_user(f"{who}@example.org", "panel", "lewisham")
    sent = []
    monkeypatch.setattr("app.mail.send", lambda to, subject, body: sent.append((to, body)))
    return sent


def browser_tab(browser, locale="en"):
    """A phone-sized tab of its own (its own cookies), which keeps the page's script errors."""
    context = browser.new_context(viewport=PHONE, locale=locale, extra_http_headers={"Accept-Language": locale})
    page = context.new_page()
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    page.on("console", lambda msg: page.script_errors.append(msg.text) if msg.type == "error" else None)
    return page


def apply_in_bengali(page, base, axe_source):
    page.goto(f"{base}/rounds/lewisham/apply")
    page.locator("#applicant").fill("পেকহ্যাম বাংলা মহিলা সমিতি")
    page.locator("#unregistered").check()
    page.locator("#contact_email").fill("samiti@example.org")
    page.locator("#title").fill(TITLE)
    page.locator("#amount").fill("6000")
    page.locator("#plan").fill("প্রতি শনিবার চার্চ হলের রান্নাঘরে রান্নার ক্লাস।")
    page.locator("#beneficiaries").fill("পেকহ্যামের প্রায় ৬০ জন মহিলা।")
    page.locator("#location").fill("Peckham Rye")
    page.locator("button[value=submit]").click()
    expect(page.locator(".flash--success")).to_contain_text("আপনার আবেদন জমা হয়েছে।")
    assert_accessible(page, axe_source, "journey-applied-bn")


def mark_and_decide(page, base, email, axe_source, first=False):
    sign_in_as(page, base, email, PASSWORD)
    mark_application(page, base, "lewisham", TITLE, (4, 4, 3), "Women in Peckham asked for this at every workshop.")
    decide(page, "The kitchen was the residents' first need, and this plan meets it." if first else "")
    assert_accessible(page, axe_source, f"journey-decided-{email[:3]}")


def publish(page, base):
    page.goto(f"{base}/rounds/lewisham/panel")
    page.locator("form[action$='/publish'] button[type=submit]").click()
    expect(page.locator(".flash--success")).to_be_visible()


def test_a_grant_from_a_bengali_application_to_progress_with_a_challenge_answered(
        browser, live_server, axe_source, app, deciding):
    group = browser_tab(browser, "bn")
    apply_in_bengali(group, live_server, axe_source)

    ada, ben = browser_tab(browser), browser_tab(browser)
    mark_and_decide(ada, live_server, "ada@example.org", axe_source, first=True)
    mark_and_decide(ben, live_server, "ben@example.org", axe_source)
    publish(ada, live_server)  # asks
    publish(ben, live_server)  # confirms: published, and the group is mailed
    expect(ben.locator(".flash--success")).to_contain_text("The decisions are published.")
    to, mail = deciding[-1]
    assert to == "samiti@example.org" and "/applications/" in mail

    resident = browser_tab(browser)
    resident.goto(f"{live_server}/rounds/lewisham/decisions")
    resident.locator("#decision").select_option(index=0)
    resident.locator("input[name=ground]").first.check()
    resident.locator("#grounds").fill("The kitchen needs a cook's wage too, and six thousand pounds will not cover it.")
    resident.locator("#display_name").fill("Amina")
    resident.get_by_role("button", name="Send the challenge").click()
    expect(resident.locator(".flash--success")).to_be_visible()
    assert_accessible(resident, axe_source, "journey-challenged")
    with app.app_context():
        challenge = db.session.scalar(db.select(Challenge.id))

    cy = browser_tab(browser)
    sign_in_as(cy, live_server, "cy@example.org", PASSWORD)
    cy.goto(f"{live_server}/rounds/lewisham/panel/challenges/{challenge}")
    assert_accessible(cy, axe_source, "journey-answer")
    cy.locator("input[name=outcome]").first.check()
    cy.locator("#answer").fill("The plan's budget includes the cook for the first year; we asked the group.")
    cy.locator("main form button[type=submit]").click()
    expect(cy.locator(".flash--success")).to_be_visible()
    resident.goto(f"{live_server}/rounds/lewisham/decisions")
    expect(resident.get_by_text("The plan's budget includes the cook for the first year")).to_be_visible()

    ada.goto(f"{live_server}/rounds/lewisham/panel")
    ada.locator("a", has_text=TITLE).first.click()
    ada.locator("form[action$='/progress-link'] button[type=submit]").click()
    expect(ada.locator(".flash--success")).to_be_visible()
    link = re.search(r"(/progress/\S+)", deciding[-1][1]).group(1)
    group.goto(live_server + link)
    group.locator("#milestone").fill("প্রথম ক্লাস হয়েছে")
    group.locator("#percent").fill("২৫")
    group.locator("#body").fill("প্রথম শনিবারে ১৮ জন মহিলা এসেছিলেন।")
    group.locator("#language").select_option("bn")
    group.locator("main form button[type=submit]").click()
    expect(group.locator(".flash--success")).to_be_visible()
    expect(group.get_by_text("25% সম্পন্ন").first).to_be_visible()
    assert_accessible(group, axe_source, "journey-progress-bn")
    for page in (group, ada, ben, resident, cy):
        assert page.script_errors == [], "\n".join(page.script_errors)
        page.context.close()
