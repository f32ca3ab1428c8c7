"""Keying paper ballots by keyboard only: one operator at 1280x720, the second on a tablet, axe-core clean
on the keying form, the reconciliation page and the disputes list."""
import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import Need, PaperBallot, PaperBatch, Round
from tests.browser.conftest import assert_accessible
from tests.conftest import PASSWORD

pytestmark = pytest.mark.browser

HD = {"width": 1280, "height": 720}
TABLET = {"width": 768, "height": 1024}
SERIALS = ("K7M2QX", "P4R8TW", "H3N6VY")


@pytest.fixture
def keying_round(app, make_round, make_need, make_user):
    make_round(slug="lewisham", title="Lewisham Local", phase="rank")
    for title in ("Street lights", "Play area", "Benches"):
        make_need(title=title)
    make_user("ana@example.org", "facilitator", "lewisham")
    make_user("ben@example.org", "facilitator", "lewisham")
    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        batch = PaperBatch(round_id=round_.id, name="Library box 1", site="Deptford Lounge")
        db.session.add(batch)
        db.session.flush()
        db.session.add_all(PaperBallot(round_id=round_.id, batch_id=batch.id, serial=s) for s in SERIALS)
        db.session.commit()
        return [str(n) for n in db.session.scalars(db.select(Need.id).order_by(Need.id))]


def operator(browser, base, viewport, email):
    context = browser.new_context(viewport=viewport, locale="en", extra_http_headers={"Accept-Language": "en"})
    page = context.new_page()
    page.goto(f"{base}/account/sign-in")
    page.locator("#email").focus()
    page.keyboard.type(email)
    page.keyboard.press("Tab")
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page.locator(".flash--success")).to_be_visible()
    page.goto(f"{base}/rounds/lewisham/paper/key")
    return page


def key_by_keyboard(page, serial, marks):
    expect(page.locator("#serial")).to_be_focused()  # the form opens, and comes back, ready to type
    page.keyboard.type(serial)
    page.keyboard.press("Tab")
    page.keyboard.type(marks)
    page.keyboard.press("Enter")
    expect(page.locator(".flash--success")).to_contain_text(serial)


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
