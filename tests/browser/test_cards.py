"""Printed access cards scan: every QR code decodes to its card's join link, on screen and on A4 and Letter."""
import io
import re

import pytest
from PIL import Image

from config import Config
from tests.browser.conftest import _missing
from tests.browser.test_accessibility import sign_in

pytestmark = pytest.mark.browser

SLUG = "lewisham-neighbourhood-fund-2026"  # a long link makes a large QR code, as real rounds have
CSS_PX_PER_MM = 96 / 25.4
PAPER = {"A4": {"width": 794, "height": 1123}, "Letter": {"width": 816, "height": 1056}}


@pytest.fixture
def card_links(make_round, make_need, make_user, runner, live_server):
    make_round(slug=SLUG, title="Lewisham Local", phase="rank", access="codes")
    make_need(round_slug=SLUG, title="Street lights")
    make_user(round_slug=SLUG)
    codes = runner.invoke(args=["codes", "generate", SLUG, "--count", "9"]).output.split()
    return {f"{live_server}/rounds/{SLUG}/join?code={code}" for code in codes}


@pytest.fixture
def signed_in_state(browser, live_server, card_links):
    context = browser.new_context()
    page = context.new_page()
    sign_in(page, live_server)
    state = context.storage_state()
    context.close()
    return state


@pytest.fixture(scope="session")
def zbar():
    try:
        from pyzbar import pyzbar
    except ImportError:
        _missing("zbar", "install it (Debian/Ubuntu: sudo apt-get install libzbar0) and the test extras")
    return pyzbar


def decoded(page, pyzbar) -> list[str]:
    shot = Image.open(io.BytesIO(page.screenshot(full_page=True, caret="initial"))).convert("L")
    return sorted(symbol.data.decode() for symbol in pyzbar.decode(shot, symbols=[pyzbar.ZBarSymbol.QRCODE]))


def qr_sizes_mm(page) -> list[float]:
    boxes = page.locator(".card svg").evaluate_all("nodes => nodes.map(n => n.getBoundingClientRect().width)")
    return [width / CSS_PX_PER_MM for width in boxes]


def cards_page(browser, live_server, state, language, viewport):
    context = browser.new_context(storage_state=state, viewport=viewport, device_scale_factor=2, locale=language,
                                  extra_http_headers={"Accept-Language": language})
    page = context.new_page()
    page.goto(f"{live_server}/rounds/{SLUG}/codes/cards")
    assert page.evaluate("document.documentElement.lang").split("-")[0] == language
    return context, page


@pytest.mark.parametrize("language", Config.LANGUAGES)
def test_every_card_on_screen_decodes_to_its_own_join_link(browser, live_server, signed_in_state, card_links,
                                                            language, zbar):
    context, page = cards_page(browser, live_server, signed_in_state, language, {"width": 1280, "height": 900})
    assert decoded(page, zbar) == sorted(card_links)
    context.close()


@pytest.mark.parametrize("language", ["en", "ar", "bn", "ur"])
@pytest.mark.parametrize("paper", PAPER)
def test_printed_cards_decode_are_at_least_2_cm_and_fit_two_sheets_of_a4_and_letter(
        browser, live_server, signed_in_state, card_links, paper, language, zbar):
    context, page = cards_page(browser, live_server, signed_in_state, language, PAPER[paper])
    page.emulate_media(media="print")
    assert decoded(page, zbar) == sorted(card_links)
    assert min(qr_sizes_mm(page)) >= 20
    pdf = page.pdf(format=paper, prefer_css_page_size=False)
    assert len(re.findall(rb"/Type\s*/Page\b", pdf)) == 2  # nine cards: one full sheet and one with a card
    context.close()
