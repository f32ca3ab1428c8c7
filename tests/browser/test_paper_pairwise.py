"""Keying a pairwise paper by keyboard only: one key per printed pair, by two operators (1280x720 and a
tablet), the paper counted once they agree; axe-core clean on the printed papers and the keying form."""
import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Ballot, Channel
from app.voting.ballot_content import PairwiseBallot
from tests.browser.conftest import HD, TABLET, assert_accessible
from tests.browser.steps import key_by_keyboard, operator

pytestmark = pytest.mark.browser

SERIAL = "W4X7PB"


@pytest.fixture
def pairwise_round(paper_round):
    batch, _, printed = paper_round([SERIAL], ballot_kind="pairwise", rule="bradley-terry")
    return batch, printed[SERIAL]


def test_two_operators_key_a_pairwise_paper_by_keyboard_and_it_counts(app, browser, live_server, axe_source,
                                                                       pairwise_round):
    batch_id, printed = pairwise_round
    ana = operator(browser, live_server, HD, "ana@example.org")
    ana.goto(f"{live_server}/rounds/lewisham/paper/batches/{batch_id}/print?language=en")
    expect(ana.locator(".paper-pair")).to_have_count(3)
    assert_accessible(ana, axe_source, "paper-print-pairwise-1280")
    ana.goto(f"{live_server}/rounds/lewisham/paper/key")
    expect(ana.locator("#marks-numbers")).to_contain_text("1 for A, 2 for B, 0 for")
    assert_accessible(ana, axe_source, "paper-key-pairwise-1280")
    key_by_keyboard(ana, SERIAL, "1 2 0")

    ben = operator(browser, live_server, TABLET, "ben@example.org")
    ben.keyboard.type(SERIAL)  # a key too few is refused with the paper's count and keeps what was typed
    ben.keyboard.press("Tab")
    ben.keyboard.type("12")
    ben.keyboard.press("Enter")
    expect(ben.locator(".field-error")).to_contain_text("This paper prints 3 pairs")
    expect(ben.locator("#marks")).to_have_value("12")
    assert_accessible(ben, axe_source, "paper-key-pairwise-error-tablet")
    expect(ben.locator("#marks")).to_be_focused()  # the marks field has the focus after an error
    ben.keyboard.press("End")
    ben.keyboard.type("0")
    ben.keyboard.press("Enter")
    expect(ben.locator(".flash--success")).to_contain_text(SERIAL)

    (a1, b1), (a2, b2), (a3, b3) = printed
    with app.app_context():
        stored = [PairwiseBallot.from_json(b.content) for b in db.session.scalars(
            db.select(Ballot).where(Ballot.channel == Channel.PAPER))]
    assert stored == [PairwiseBallot().with_answer(a1, b1, a1).with_answer(a2, b2, b2).with_answer(a3, b3, None)]
