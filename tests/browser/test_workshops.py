"""A workshop in a room: the projector at 1920x1080, the facilitator's console and two phones at 360x740, and
a resident voting at the helper's station; axe-core on every page, the projector in English and Arabic."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import PHONE, assert_accessible
from tests.browser.test_accessibility import sign_in

pytestmark = pytest.mark.browser

FULL_HD = {"width": 1920, "height": 1080}
HD = {"width": 1280, "height": 720}


@pytest.fixture
def room_round(make_round, make_need, make_user):
    make_round(slug="lewisham", title="Lewisham Local", phase="rank", results_live=True, max_choices=2)
    for title in ("Street lights", "Play area", "Benches"):
        make_need(title=title)
    make_user(round_slug="lewisham")


def tab(browser, viewport, errors):
    context = browser.new_context(viewport=viewport, locale="en", extra_http_headers={"Accept-Language": "en"})
    page = context.new_page()
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    return context, page


def vote(page, need):
    page.get_by_role("button", name=need).click()
    expect(page.locator(".ranked")).to_have_count(1)
    page.get_by_role("button", name="Cast my ballot").click()


def test_a_session_runs_from_start_to_results_on_every_screen(browser, live_server, axe_source, room_round):
    errors = []
    _, console = tab(browser, PHONE, errors)
    sign_in(console, live_server)
    console.goto(f"{live_server}/rounds/lewisham/workshops")
    assert_accessible(console, axe_source, "workshop-sessions")
    console.get_by_label("Name of the session").fill("Evening at the library")
    console.get_by_label("Place").fill("Lewisham Library")
    console.get_by_role("button", name="Start the session").click()
    expect(console.get_by_role("heading", name="Evening at the library")).to_be_visible()
    assert_accessible(console, axe_source, "workshop-console")
    link = console.locator(".copyable a").get_attribute("href")

    _, projector = tab(browser, FULL_HD, errors)
    projector.goto(link)
    expect(projector.get_by_role("heading", name="Lewisham Local", level=1)).to_be_visible()
    assert projector.locator(".projector-qr-box").bounding_box()["width"] >= 400  # readable from the back
    assert_accessible(projector, axe_source, "projector-1920")
    address = projector.locator(".projector-address").inner_text()
    ballots = projector.locator(".projector-number").nth(1)
    expect(ballots).to_have_text("0")

    for name, need in (("Amira", "Play area"), ("Bogdan", "Street lights")):
        _, phone = tab(browser, PHONE, errors)
        phone.goto(f"{live_server.split('://')[0]}://{address}")
        assert_accessible(phone, axe_source, "workshop-join")
        phone.get_by_label("Your name (optional)").fill(name)
        phone.get_by_role("button", name="Join and vote").click()
        vote(phone, need)
        expect(phone.get_by_text("Your ballot is counted. Your receipt:").first).to_be_visible()
    expect(ballots).to_have_text("2", timeout=2500)  # a new ballot reaches the big screen within two seconds

    station_context, station = tab(browser, {"width": 800, "height": 1280}, errors)
    sign_in(station, live_server)
    console_url = console.url
    station.goto(console_url)
    station.get_by_role("link", name="Open a helper's station on this device").click()
    assert_accessible(station, axe_source, "helper-station")
    station.get_by_role("button", name="Start a ballot for someone without a card").click()
    vote(station, "Benches")
    expect(station.get_by_text("Thank you: the ballot is counted.")).to_be_visible()
    expect(station.get_by_text("Your receipt")).to_have_count(0)
    expect(station.locator(".ranked-title")).to_have_count(0)
    station.go_back()
    expect(station.locator(".ranked")).to_have_count(0)  # not the last voter's ballot, from the cache or anywhere
    expect(ballots).to_have_text("3", timeout=2500)
    expect(projector.locator(".projector-number").first).to_have_text("3")

    console.get_by_label("Minutes").fill("5")
    console.get_by_role("button", name="Start the countdown").click()
    expect(projector.locator(".projector-timer")).to_contain_text("4:5", timeout=5000)
    expect(projector.get_by_text("Results are hidden until the facilitator shows them.")).to_be_visible()
    console.get_by_role("button", name="Show the results").click()
    expect(projector.locator(".projector-results li")).to_have_count(3, timeout=2500)
    console.get_by_label("Need on the big screen").select_option(label="Play area")
    console.get_by_role("button", name="Show on the big screen").click()
    expect(projector.locator(".projector-need h2")).to_have_text("Play area", timeout=2500)
    assert_accessible(projector, axe_source, "projector-1920-results")
    projector.set_viewport_size(HD)
    assert_accessible(projector, axe_source, "projector-1280-results")

    console.get_by_label("Language of the big screen").select_option("ar")
    console.get_by_role("button", name="Change the big screen's language").click()
    projector.set_viewport_size(FULL_HD)
    projector.reload()
    expect(projector.locator("html")).to_have_attribute("dir", "rtl")
    expect(projector.get_by_text("انضم من هاتفك")).to_be_visible()
    assert_accessible(projector, axe_source, "projector-1920-ar")
    assert errors == [], "\n".join(errors)
    station_context.close()
