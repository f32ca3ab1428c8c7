"""A facilitator compares budget rules on a phone, and results tables fit it, in English and Arabic."""
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_accessibility import sign_in

pytestmark = pytest.mark.browser
DATA = Path(__file__).resolve().parents[1] / "data"
COMPARED = ("greedy", "greedy-exclusive", "equalshares", "equalshares/add1", "phragmen")


def imported(runner, kind: str, path: Path) -> str:
    return runner.invoke(args=["rounds", f"import-{kind}", str(path)]).output.split()[-1]


def fits_or_scrolls_in_its_box(page, region) -> None:
    """The table scrolls inside its labelled box, which the keyboard can reach, and its first column stays."""
    expect(region).to_have_attribute("tabindex", "0")
    box = region.evaluate("el => [el.getBoundingClientRect().left, el.getBoundingClientRect().right]")
    assert box[0] >= 0 and box[1] <= page.viewport_size["width"]
    assert region.locator("th").first.evaluate("el => getComputedStyle(el).position") == "sticky"


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_a_facilitator_compares_budget_rules_on_a_phone(phone, live_server, axe_source, runner, make_user):
    slug = imported(runner, "pabulib", DATA / "pabulib" / "Netherlands_Assen_2024.pb")
    make_user(role="admin")
    sign_in(phone, live_server)
    phone.goto(f"{live_server}/rounds/{slug}/results/compare?" + "&".join(f"rule={r}" for r in COMPARED))
    lang = phone.evaluate("document.documentElement.lang")
    heads = phone.locator("#needs-heading + thead th[scope=col] .rule-name").all_inner_texts()
    assert len(heads) == len(COMPARED) and len(set(heads)) == len(heads)
    compare = phone.locator("form.rule-picker button[type=submit]")
    assert "button" in (compare.get_attribute("class") or "")
    assert compare.evaluate("el => el.getBoundingClientRect().height") >= 44
    for region in phone.locator(".table-scroll[role=region]").all():
        fits_or_scrolls_in_its_box(phone, region)
    assert_accessible(phone, axe_source, f"{lang}-budget-compare")


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_every_method_of_the_results_table_can_be_read_on_a_phone(phone, live_server, axe_source, runner):
    slug = imported(runner, "preflib", DATA / "preflib" / "00004-00000006.soc")
    phone.goto(f"{live_server}/rounds/{slug}/results")
    lang = phone.evaluate("document.documentElement.lang")
    region = phone.locator(".table-scroll[role=region]").first
    fits_or_scrolls_in_its_box(phone, region)
    last = region.locator("thead th").last
    last.scroll_into_view_if_needed()
    edge = last.evaluate("el => [el.getBoundingClientRect().left, el.getBoundingClientRect().right]")
    assert edge[0] >= 0 and edge[1] <= phone.viewport_size["width"], edge
    assert_accessible(phone, axe_source, f"{lang}-ranking-results")
