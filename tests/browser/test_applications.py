"""A community group applies for a grant in Bengali on a phone, by keyboard: it saves a draft, comes back by
its emailed link, submits, and sees its status page; the form works without JavaScript too; axe on every page."""
import re

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import EligibilityQuestion, Round
from app.models.base import utcnow
from tests.browser.conftest import PHONE, assert_accessible
from tests.browser.test_accessibility import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def deciding(app, make_round, make_need, monkeypatch):
    make_round(phase="decide", budget=20_000, currency="GBP")
    make_need(title="A community kitchen in Peckham")
    with app.app_context():
        round_id = db.session.scalar(db.select(Round.id))
        db.session.add(EligibilityQuestion(round_id=round_id, text="Is your group based in Lewisham?",
                                           required=True, reason="This fund is for groups in Lewisham.",
                                           language="en"))
        db.session.commit()
    sent = []
    monkeypatch.setattr("app.mail.send", lambda to, subject, body: sent.append(body))
    return sent


def type_into(page, selector: str, text: str) -> None:
    page.locator(selector).focus()
    page.keyboard.type(text)


@pytest.mark.parametrize("phone", ["bn"], indirect=True)
def test_a_group_applies_in_bengali_on_a_phone_by_keyboard(phone, live_server, axe_source, deciding):
    phone.goto(f"{live_server}/rounds/lewisham/apply")
    expect(phone.locator("h1")).to_have_text("অনুদানের জন্য আবেদন করুন")
    assert_accessible(phone, axe_source, "apply-form-bn")
    type_into(phone, "#applicant", "পেকহ্যাম বাংলা মহিলা সমিতি")
    phone.locator("#unregistered").focus()
    phone.keyboard.press("Space")
    type_into(phone, "#contact_email", "samiti@example.org")
    type_into(phone, "#title", "মহিলাদের জন্য রান্নার ক্লাস")
    type_into(phone, "#amount", "6000")
    phone.keyboard.press("Enter")  # the first button: save as a draft
    expect(phone.locator("h1")).to_have_text("আপনার ইমেইল দেখুন")
    expect(phone.locator(".flash--success")).to_contain_text("samiti@example.org")
    assert_accessible(phone, axe_source, "apply-sent-bn")

    link = re.search(r"(/applications/\S+)", deciding[-1]).group(1)
    phone.goto(live_server + link)
    expect(phone.locator("#title")).to_have_value("মহিলাদের জন্য রান্নার ক্লাস")
    expect(phone.locator("#unregistered")).to_be_checked()
    phone.locator("button[value=submit]").focus()
    phone.keyboard.press("Enter")  # incomplete: refused, with what was typed kept
    expect(phone.locator(".error-summary")).to_be_visible()
    expect(phone.locator("#amount")).to_have_value("6000")
    assert_accessible(phone, axe_source, "apply-draft-errors-bn")
    type_into(phone, "#plan", "প্রতি শনিবার চার্চ হলের রান্নাঘরে রান্নার ক্লাস।")
    type_into(phone, "#beneficiaries", "পেকহ্যামের প্রায় ৬০ জন মহিলা।")
    type_into(phone, "#location", "Peckham Rye")
    phone.locator("input[name^=q][value=yes]").focus()
    phone.keyboard.press("Space")
    phone.locator("button[value=submit]").focus()
    phone.keyboard.press("Enter")
    expect(phone.locator(".flash--success")).to_have_text("আপনার আবেদন জমা হয়েছে।")
    expect(phone.locator("#status")).to_contain_text("যোগ্য: প্যানেলের অপেক্ষায়")
    expect(phone.locator("dd[lang=bn]").first).to_have_text("মহিলাদের জন্য রান্নার ক্লাস")
    assert_accessible(phone, axe_source, "apply-status-bn")
    assert [e for e in phone.script_errors if "status of 422" not in e] == []


def test_the_form_works_without_javascript(browser, live_server, axe_source, deciding):
    context = browser.new_context(viewport=PHONE, java_script_enabled=False, locale="en")
    page = context.new_page()
    try:
        page.goto(f"{live_server}/rounds/lewisham/apply")
        page.locator("#applicant").fill("Sydenham Society")
        page.locator("button[value=submit]").click()
        expect(page.locator(".error-summary")).to_be_visible()
        expect(page.locator("#applicant")).to_have_value("Sydenham Society")
        page.locator("#contact_email").fill("lamps@example.org")
        page.locator("button[value=save]").click()
        expect(page.locator("h1")).to_have_text("Check your email")
        assert len(deciding) == 1
    finally:
        context.close()


def test_a_form_sent_after_applications_close_says_so_and_keeps_what_was_typed(phone, live_server, app, deciding):
    phone.goto(f"{live_server}/rounds/lewisham/apply")
    phone.locator("#contact_email").fill("lamps@example.org")
    phone.locator("#title").fill("LED lamps")
    with app.app_context():
        db.session.get(Round, db.session.scalar(db.select(Round.id))).decisions_published_at = utcnow()
        db.session.commit()
    phone.locator("button[value=save]").click()  # boosted by htmx: a 409 is swapped in like a 422
    expect(phone.locator(".flash--error")).to_have_text("Applications to this round are closed.")
    expect(phone.locator("#title")).to_have_value("LED lamps")
    assert deciding == []


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_the_panel_sets_an_eligibility_question_by_keyboard(phone, live_server, axe_source, deciding, make_user):
    make_user()
    sign_in(phone, live_server)
    lang = phone.evaluate("navigator.language")[:2]
    phone.goto(f"{live_server}/rounds/lewisham/panel/eligibility")
    assert_accessible(phone, axe_source, f"eligibility-{lang}")
    type_into(phone, "#text", "Do you make a profit for shareholders?")
    phone.locator("#required-1").focus()  # no
    phone.keyboard.press("Space")
    type_into(phone, "#reason", "The fund gives only to not-for-profit groups.")
    phone.locator("#reason").press("Tab")
    phone.keyboard.press("Enter")
    expect(phone.locator(".flash--success")).to_be_visible()
    expect(phone.locator("main")).to_contain_text("Do you make a profit for shareholders?")
    assert_accessible(phone, axe_source, f"eligibility-added-{lang}")
    phone.goto(f"{live_server}/rounds/lewisham/apply")
    expect(phone.locator("fieldset legend", has_text="Do you make a profit")).to_be_visible()
