"""Keying paper ballots by keyboard only: one operator at 1280x720, the second on a tablet, axe-core clean
on the keying form, the reconciliation page and the disputes list."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import HD, TABLET, assert_accessible
from tests.browser.steps import key_by_keyboard, operator

pytestmark = pytest.mark.browser

SERIALS = ("K7M2QX", "P4R8TW", "H3N6VY")


@pytest.fixture
def keying_round(paper_round):
    return [str(need) for need in paper_round(SERIALS)[1]]


def test_two_operators_key_by_keyboard_and_a_difference_reaches_the_supervisor(browser, live_server, axe_source,
                                                                               keying_round):
    lights, play, benches = keying_round
    ana = operator(browser, live_server, HD, "ana@example.org")
    assert_accessible(ana, axe_source, "paper-key-1280")
    for serial, marks in zip(SERIALS, (f"{play} {lights}", f"{benches}", f"{lights} {play} {benches}")):
        key_by_keyboard(ana, serial, marks)
    expect(ana.locator(".paper-recent tbody tr")).to_have_count(3)
    assert_accessible(ana, axe_source, "paper-key-after-1280")

    ben = operator(browser, live_server, TABLET, "ben@example.org")
    expect(ben.locator(".paper-recent")).to_have_count(0)  # blind: nothing of Ana's entries shows
    assert_accessible(ben, axe_source, "paper-key-tablet")
    for serial, marks in zip(SERIALS, (f"{play} {lights}", f"{benches}", f"{play} {lights} {benches}")):
        key_by_keyboard(ben, serial, marks)

    ben.keyboard.type(SERIALS[0])  # a typing mistake is refused and keeps what was typed
    ben.keyboard.press("Tab")
    ben.keyboard.type(f"{play} {play}")
    ben.keyboard.press("Enter")
    expect(ben.locator(".field-error")).to_contain_text("Each rank number can be given to one need only.")
    expect(ben.locator("#marks")).to_have_value(f"{play} {play}")
    assert_accessible(ben, axe_source, "paper-key-error-tablet")

    ana.goto(f"{live_server}/rounds/lewisham/paper/disputes")
    expect(ana.get_by_role("link", name=SERIALS[2])).to_be_visible()
    assert_accessible(ana, axe_source, "paper-disputes-1280")
    ana.goto(f"{live_server}/rounds/lewisham/paper")
    expect(ana.get_by_text("1 ballot waits for a supervisor: its two entries differ.")).to_be_visible()
    assert_accessible(ana, axe_source, "paper-reconciliation-1280")
