"""A whole participatory budget, in the browser only: a facilitator creates a budget round counted by Equal
Shares, residents propose needs on their phones, the facilitator reviews their costs, residents vote, and the
results page explains which needs Equal Shares funded, matching the command line's tally of the same round."""
import json

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.test_accessibility import sign_in

pytestmark = pytest.mark.browser
# (title, what it is, cost in pounds)
NEEDS = [("Lights on the towpath", "The canal path is dark from four in winter.", "600"),
         ("Benches by the lock", "Older people have nowhere to rest on the walk to the market.", "500"),
         ("A reading corner in the library", "Children on the estate have no quiet place to read.", "400")]
# Each resident's approval ballot: three back the towpath and the benches, two the reading corner.
BALLOTS = [(0, 1), (0, 1), (0, 1), (2,), (2,)]


def resident(browser, phone):
    return browser.new_context(viewport=phone.viewport_size, is_mobile=True, has_touch=True).new_page()


def open_next_phase(page, base, slug, name):
    page.goto(f"{base}/rounds/{slug}")
    page.get_by_role("button", name=f"Open the {name} phase now").click()
    expect(page.get_by_text(f"The {name} phase is now open.")).to_be_visible()


def create_round(page, base) -> str:
    page.goto(f"{base}/rounds/new")
    page.get_by_label("Title").fill("Hackney canal fund")
    page.get_by_label("Budget (optional)").fill("1000")
    page.get_by_label("Currency").select_option("GBP")
    page.get_by_label("How residents rank the needs").select_option("approval")
    page.locator("input[name=rule][value=equalshares]").check()
    page.get_by_role("button", name="Save round").click()
    expect(page.get_by_role("heading", name="Hackney canal fund", level=1)).to_be_visible()
    return page.url.rstrip("/").rsplit("/", 1)[-1]


def propose(page, base, slug, title, description):
    page.goto(f"{base}/rounds/{slug}/needs/new")
    page.get_by_label("The need, in a few words").fill(title)
    page.get_by_label("What is the need?").fill(description)
    page.get_by_label("Category").select_option(index=1)
    page.get_by_label("Your name, as others will see it").fill("Kemi")
    page.get_by_role("button", name="Post this need").click()
    expect(page.get_by_text("Thank you: your need is now on the list.")).to_be_visible()


def review_costs(page, base, slug):
    for title, _, cost in NEEDS:
        page.goto(f"{base}/rounds/{slug}/review")
        page.locator(".review-item").filter(has_text=title).locator("a").first.click()
        expect(page.locator("article.need h2")).to_have_text(title)
        page.locator("input[name=verdict]").first.check()  # feasible
        page.locator("#cost").fill(cost)
        page.get_by_role("button", name="Save and go to the next need").click()
        expect(page.locator(".flash--success")).to_be_visible()


def vote(page, base, slug, chosen):
    page.goto(f"{base}/rounds/{slug}/ballot")
    for n in chosen:
        page.get_by_label(NEEDS[n][0]).check()
    page.get_by_role("button", name="Cast my ballot").click()
    expect(page.get_by_text("Your ballot is counted.").first).to_be_visible()


def test_a_budget_round_from_creation_to_explained_results_with_no_command_line(
        phone, browser, live_server, axe_source, runner, make_user):
    phone.on("dialog", lambda dialog: dialog.accept())  # "Open the next phase now?"
    make_user()
    sign_in(phone, live_server)
    slug = create_round(phone, live_server)

    proposer = resident(browser, phone)
    for title, description, _ in NEEDS:
        propose(proposer, live_server, slug, title, description)
    proposer.context.close()

    open_next_phase(phone, live_server, slug, "Discuss")
    review_costs(phone, live_server, slug)
    expect(phone.get_by_text("The ballot is ready")).to_be_visible()
    open_next_phase(phone, live_server, slug, "Rank")
    for chosen in BALLOTS:
        voter = resident(browser, phone)
        vote(voter, live_server, slug, chosen)
        voter.context.close()
    open_next_phase(phone, live_server, slug, "Decide")
    open_next_phase(phone, live_server, slug, "Results")

    visitor = resident(browser, phone)
    visitor.goto(f"{live_server}/rounds/{slug}/results")
    counted = visitor.locator("#how-counted").locator("xpath=..")
    expect(counted).to_contain_text("Equal Shares: every voter gets an equal share of the budget.")
    expect(visitor.get_by_text("5 ballots counted.")).to_be_visible()
    funded = set(visitor.locator(".result.funded .result-title").all_inner_texts())
    assert_accessible(visitor, axe_source, "budget-journey-results")
    titles = {need["id"]: need["title"] for need in visitor.request.get(
        f"{live_server}/rounds/{slug}/needs.json").json()["needs"]}
    visitor.context.close()

    tally = json.loads(runner.invoke(args=["rounds", "tally", slug]).output)
    assert tally["rule"] == "equalshares" and funded == {titles[n] for n in tally["selected"]}
    # Worked by hand (and by pabutools' method_of_equal_shares with cost satisfaction): each of the five voters
    # holds £200; the towpath and the benches ask the same of their three backers per pound, the tie goes to
    # the towpath, which spends all they hold; the two backing the reading corner hold exactly its £400.
    assert funded == {"Lights on the towpath", "A reading corner in the library"}
    assert phone.script_errors == [], "\n".join(phone.script_errors)
