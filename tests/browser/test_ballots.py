"""Each ballot type on a 360 px phone, by tapping, with axe-core on every step."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser


def needs(make_need, *titles):
    return [make_need(title=t) for t in titles]


def test_a_resident_ranks_needs_by_tapping_and_changes_the_order(phone, live_server, axe_source, make_round, make_need):
    make_round(phase="rank", max_choices=3)
    needs(make_need, "Street lights", "Play area", "Benches")
    phone.goto(f"{live_server}/rounds/lewisham/ballot")
    assert_accessible(phone, axe_source, "ballot-ranking-empty")
    phone.get_by_role("button", name="Play area").click()
    expect(phone.locator(".ranked")).to_have_count(1)
    phone.get_by_role("button", name="Street lights").click()
    expect(phone.locator(".ranked")).to_have_count(2)
    phone.get_by_role("button", name="Move Street lights up").click()
    expect(phone.locator(".ranked-title").first).to_have_text("Street lights")
    assert_accessible(phone, axe_source, "ballot-ranking-draft")
    phone.get_by_role("button", name="Cast my ballot").click()
    expect(phone.get_by_text("Your ballot is counted. Your receipt:").first).to_be_visible()
    assert_accessible(phone, axe_source, "ballot-ranking-cast")
    assert phone.script_errors == [], "\n".join(phone.script_errors)


def test_a_resident_approves_needs_and_is_told_when_too_few(phone, live_server, axe_source, make_round, make_need):
    make_round(phase="rank", ballot_kind="approval", min_choices=2, max_choices=3)
    needs(make_need, "Street lights", "Play area", "Benches")
    phone.goto(f"{live_server}/rounds/lewisham/ballot")
    phone.get_by_label("Play area").check()
    phone.get_by_role("button", name="Cast my ballot").click()
    expect(phone.get_by_text("Choose at least 2 needs.")).to_be_visible()
    expect(phone.get_by_label("Play area")).to_be_checked()
    assert_accessible(phone, axe_source, "ballot-approval-error")
    phone.get_by_label("Benches").check()
    phone.get_by_role("button", name="Cast my ballot").click()
    expect(phone.get_by_text("Your ballot is counted.").first).to_be_visible()


def test_points_left_update_as_a_resident_types(phone, live_server, axe_source, make_round, make_need):
    make_round(phase="rank", ballot_kind="points", points_total=10, points_per_need=6)
    needs(make_need, "Street lights", "Play area")
    phone.goto(f"{live_server}/rounds/lewisham/ballot")
    expect(phone.get_by_text("10 points left")).to_be_visible()
    phone.get_by_label("Street lights").fill("4")
    expect(phone.get_by_text("6 points left")).to_be_visible()
    phone.get_by_label("Play area").fill("6")
    expect(phone.get_by_text("0 points left")).to_be_visible()
    assert_accessible(phone, axe_source, "ballot-points")
    phone.get_by_role("button", name="Cast my ballot").click()
    expect(phone.get_by_text("Your ballot is counted.").first).to_be_visible()


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_a_resident_answers_which_matters_more_pair_after_pair(phone, live_server, axe_source, make_round, make_need):
    make_round(phase="rank", ballot_kind="pairwise")
    needs(make_need, "Street lights", "Play area", "Benches")
    phone.goto(f"{live_server}/rounds/lewisham/ballot")
    assert_accessible(phone, axe_source, f"ballot-pairwise-{phone.evaluate('document.documentElement.lang')}")
    pair_now = "() => [...document.querySelectorAll('.pair input[type=hidden][name=first], .pair input[name=second]')]" \
               ".map(i => i.value).join('-') || 'done'"
    answered = set()
    for _ in range(3):
        before = phone.evaluate(pair_now)
        answered.add(before)
        phone.locator("#answer-1").click()
        phone.wait_for_function(f"before => ({pair_now})() !== before", arg=before)
    assert len(answered) == 3
    expect(phone.locator(".notice").last).to_be_visible()
    assert phone.locator("#answer-1").count() == 0


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_results_and_receipts_of_a_real_election_pass_axe(phone, live_server, axe_source, runner, app):
    from pathlib import Path

    from app.extensions import db
    from app.models import Ballot
    from app.readable import display

    debian = Path(__file__).resolve().parents[1] / "data" / "preflib" / "00002-00000001.soi"
    slug = runner.invoke(args=["rounds", "import-preflib", str(debian)]).output.strip().splitlines()[-1]
    lang = "ar" if "ar" in phone.context.pages[0].evaluate("navigator.language") else "en"
    phone.goto(f"{live_server}/rounds/{slug}/results")
    expect(phone.locator(".result-title").first).to_have_text("Bdale Garbee")
    assert_accessible(phone, axe_source, f"results-{lang}")
    phone.goto(f"{live_server}/rounds/{slug}/receipts")
    expect(phone.locator(".receipts li")).to_have_count(200)  # 475 ballots, 200 to a page
    assert_accessible(phone, axe_source, f"receipts-{lang}")
    with app.app_context():
        receipt = display(db.session.scalars(db.select(Ballot.receipt)).first())
    phone.locator("#receipt").fill(receipt.lower())
    phone.locator(".receipt-search button").click()
    expect(phone.locator(".notice")).to_contain_text(receipt)
    assert_accessible(phone, axe_source, f"receipts-found-{lang}")
    # Each click waits for its page, so a slow machine cannot click page 1's link twice.
    phone.locator('.pagination [rel="next"]').click()
    phone.wait_for_url("**page=2**")
    phone.locator('.pagination [rel="next"]').click()
    phone.wait_for_url("**page=3**")
    expect(phone.locator(".receipts li")).to_have_count(75)


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_the_results_of_an_imported_budget_round_explain_each_need_on_a_phone(phone, live_server, axe_source, runner):
    from pathlib import Path

    assen = Path(__file__).resolve().parents[1] / "data" / "pabulib" / "Netherlands_Assen_2024.pb"
    slug = runner.invoke(args=["rounds", "import-pabulib", str(assen)]).output.strip().splitlines()[-1]
    lang = "ar" if "ar" in phone.context.pages[0].evaluate("navigator.language") else "en"
    phone.goto(f"{live_server}/rounds/{slug}/results")
    expect(phone.locator(".budget-results .result")).to_have_count(14)
    from app.voting.pabulib import parse

    city = parse(assen.read_text(encoding="utf-8"))
    funded = sum(row["selected"] == "1" for row in city.projects.values())
    expect(phone.locator(".budget-results .funded")).to_have_count(funded)
    funded_reason = "Funded: its " if lang == "en" else "مُوّلت"
    expect(phone.locator(".funded .result-why").first).to_contain_text(funded_reason)
    assert phone.evaluate("document.documentElement.scrollWidth") <= 360
    assert_accessible(phone, axe_source, f"budget-results-{lang}")
