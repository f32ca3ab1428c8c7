"""A resident scans a card, votes, leaves, comes back with the same code on a fresh phone and changes the ballot."""
import json
import re

import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Ballot
from tests.browser.conftest import PHONE, assert_accessible
from tests.browser.test_accessibility import sign_in

pytestmark = pytest.mark.browser


@pytest.fixture
def coded_round(make_round, make_need, runner):
    make_round(slug="lewisham", title="Lewisham Local", phase="rank", access="codes", max_choices=2)
    for title in ("Street lights", "Play area", "Benches"):
        make_need(title=title)
    result = runner.invoke(args=["codes", "generate", "lewisham", "--count", "9"])
    return result.output.split()


def fresh_phone(browser):
    context = browser.new_context(viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.script_errors = []
    page.on("pageerror", lambda error: page.script_errors.append(str(error)))
    return context, page


def counted(app):
    with app.app_context():
        return [json.loads(content) for content in db.session.scalars(db.select(Ballot.content))]


def test_a_card_brings_its_resident_back_to_change_the_ballot_and_one_ballot_counts(browser, app, live_server,
                                                                                   axe_source, coded_round):
    code = coded_round[0]
    context, phone = fresh_phone(browser)
    phone.goto(f"{live_server}/rounds/lewisham/join?code={code}")  # what the card's QR code opens
    expect(phone.get_by_text("You are in.")).to_be_visible()
    phone.get_by_role("link", name="Rank the needs").click()
    phone.get_by_role("button", name="Play area").click()
    expect(phone.locator(".ranked")).to_have_count(1)
    phone.get_by_role("button", name="Cast my ballot").click()
    expect(phone.get_by_text("Your ballot is counted. Your receipt:").first).to_be_visible()
    context.close()

    # Later, on a phone that has never seen the round, the resident types the code from the card.
    context, phone = fresh_phone(browser)
    phone.goto(f"{live_server}/rounds/lewisham/ballot")
    expect(phone.get_by_role("heading", name="Enter your access code", level=1)).to_be_visible()
    assert_accessible(phone, axe_source, "join")
    phone.get_by_label("Your access code").fill("nothing-like-it")
    phone.get_by_role("button", name="Continue").click()
    expect(phone.locator(".field-error")).to_contain_text("That is not an access code")
    expect(phone.get_by_label("Your access code")).to_have_value("nothing-like-it")
    assert_accessible(phone, axe_source, "join-error")
    phone.get_by_label("Your access code").fill(f"{code[:5].lower()} {code[5:].lower()}")
    phone.get_by_role("button", name="Continue").click()
    expect(phone.get_by_role("heading", name="Your ballot", level=1)).to_be_visible()
    expect(phone.locator(".ranked-title")).to_have_text(["Play area"])
    phone.get_by_role("button", name="Street lights").click()
    phone.get_by_role("button", name="Move Street lights up").click()
    expect(phone.locator(".ranked-title").first).to_have_text("Street lights")
    phone.get_by_role("button", name="Change my ballot").click()
    # The page already shows the first ballot's receipt; the live region says when the change is counted.
    expect(phone.locator("#ballot-change")).to_contain_text("Your ballot is counted. Your receipt:")
    assert phone.script_errors == [], "\n".join(phone.script_errors)
    context.close()

    ballots = counted(app)
    assert len(ballots) == 1 and len(ballots[0]["ranking"]) == 2


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_the_codes_page_and_the_printed_cards_pass_axe_on_a_phone(phone, live_server, axe_source, coded_round,
                                                                   make_user):
    make_user(round_slug="lewisham")
    sign_in(phone, live_server)
    language = phone.evaluate("document.documentElement.lang")
    phone.goto(f"{live_server}/rounds/lewisham/codes")
    assert_accessible(phone, axe_source, f"{language}-codes")
    phone.goto(f"{live_server}/rounds/lewisham/codes/cards")
    expect(phone.locator(".card")).to_have_count(9)
    expect(phone.locator(".card svg")).to_have_count(9)
    assert_accessible(phone, axe_source, f"{language}-cards")


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_joining_by_email_and_answering_eligibility_pass_axe(phone, app, live_server, axe_source, make_round, caplog):
    caplog.set_level("INFO")
    make_round(slug="lewisham", title="Lewisham Local", phase="propose", access="email",
               eligibility=["I live, work or study in Lewisham"], postcode_prefixes=["SE4", "SE13"])
    phone.goto(f"{live_server}/rounds/lewisham/needs/new")
    language = phone.evaluate("document.documentElement.lang")
    assert_accessible(phone, axe_source, f"{language}-join-email")
    phone.locator("#email").fill("ola@example.org")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator("h1")).to_have_count(1)
    assert_accessible(phone, axe_source, f"{language}-email-sent")
    link = re.findall(r"http://127\.0\.0\.1:\d+(/rounds/\S+)", caplog.text)[-1]
    phone.goto(live_server + link)
    assert_accessible(phone, axe_source, f"{language}-email-confirm")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator("#postcode")).to_be_visible()  # sent on to the round's questions
    phone.locator("#postcode").fill("SE1 7PB")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator(".error-summary")).to_be_visible()
    assert_accessible(phone, axe_source, f"{language}-eligibility-errors")
    phone.locator("input[type=checkbox]").check()
    phone.locator("#postcode").fill("SE13 6AB")
    phone.locator("main form button[type=submit]").click()
    expect(phone.locator("#title")).to_be_visible()  # and back to proposing a need
