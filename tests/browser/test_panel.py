"""The funder panel on a phone: a member marks an application, declares a conflict, and the public reads
the published grants; axe on every page, in English and Arabic."""
import pytest
from playwright.sync_api import expect

from tests.browser.conftest import assert_accessible
from tests.browser.steps import decide, mark_application, sign_in_as

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_a_panel_member_marks_and_steps_back_and_residents_read_the_grants(phone, live_server, axe_source, runner):
    from app.demo import content

    assert runner.invoke(args=["demo"]).exit_code == 0
    lang = phone.evaluate("navigator.language")[:2]
    sign_in_as(phone, live_server, "joe@demo.commonground.test", content.PANEL_PASSWORD)
    phone.goto(f"{live_server}/rounds/southwark-community-spaces/panel/rubric")
    assert_accessible(phone, axe_source, f"panel-rubric-{lang}")
    phone.goto(f"{live_server}/rounds/southwark-community-spaces/panel")
    assert_accessible(phone, axe_source, f"panel-{lang}")
    phone.locator("a", has_text="Dance and music room at the Walworth centre").click()
    assert_accessible(phone, axe_source, f"panel-declare-{lang}")
    phone.locator("form[action$='/no-conflict'] button[type=submit]").click()
    assert_accessible(phone, axe_source, f"panel-application-{lang}")
    expect(phone.get_by_text("3: meets the need for some of the people affected")).to_be_visible()
    phone.locator("#entries-0-mark-4").check()  # marks 5, 4 and 5, the first without its comment
    phone.locator("#entries-1-mark-3").check()
    phone.locator("#entries-2-mark-4").check()
    phone.locator("#entries-1-comment").fill("Walworth has run the centre for ten years.")
    phone.locator("#entries-2-comment").fill("The instruments come second-hand.")
    phone.locator("form[action$='/marks'] button[type=submit]").click()
    expect(phone.locator(".error-summary")).to_be_visible()
    assert_accessible(phone, axe_source, f"panel-marks-errors-{lang}")
    expect(phone.locator("#entries-1-comment")).to_have_value("Walworth has run the centre for ten years.")
    phone.locator("#entries-0-comment").fill("Dancers asked for this room in every workshop.")
    phone.locator("form[action$='/marks'] button[type=submit]").click()
    expect(phone.locator(".flash--success")).to_be_visible()
    phone.locator("a", has_text="Pop-up kitchen in the market").click()
    phone.locator("form[action$='/conflict'] button[type=submit]").click()
    expect(phone.locator(".error-summary")).to_be_visible()
    assert_accessible(phone, axe_source, f"panel-conflict-errors-{lang}")
    phone.locator("#reason").fill("I trade in Rye Lane market.")
    phone.locator("form[action$='/conflict'] button[type=submit]").click()
    expect(phone.get_by_text("I trade in Rye Lane market.")).to_be_visible()
    phone.goto(f"{live_server}/rounds/newham-2026/decisions")
    expect(phone.locator("h3", has_text="Swimming lessons for 400 children")).to_be_visible()
    assert_accessible(phone, axe_source, f"grant-decisions-{lang}")
    # The refused form answers 422, which the console reports; nothing else may go wrong.
    assert [e for e in phone.script_errors if "status of 422" not in e] == []


@pytest.mark.parametrize("phone", ["en"], indirect=True)
def test_two_members_mark_and_decide_and_the_decision_stands_once_both_agree(phone, live_server, axe_source, runner):
    from app.demo import content

    assert runner.invoke(args=["demo"]).exit_code == 0
    dance = "Dance and music room at the Walworth centre"
    sign_in_as(phone, live_server, "joe@demo.commonground.test", content.PANEL_PASSWORD)
    mark_application(phone, live_server, "southwark-community-spaces", dance, (4, 3, 4),
                     "Walworth's dancers asked for this room at every workshop.")
    decide(phone, "We funded down the residents' ranking, as far as the budget went.")
    expect(phone.get_by_text("No decision yet: 1 member has decided, and 2 must agree.").first).to_be_visible()
    phone.context.clear_cookies()
    sign_in_as(phone, live_server, "amara@demo.commonground.test", content.PANEL_PASSWORD)
    phone.goto(f"{live_server}/rounds/southwark-community-spaces/panel")
    decide(phone)
    line = phone.locator("ol.panel-needs li", has_text=dance).last
    expect(line.get_by_text("Stands:")).to_be_visible()
    assert_accessible(phone, axe_source, "panel-decided")
    phone.goto(f"{live_server}/rounds/southwark-community-spaces/panel/meeting")
    expect(phone.locator("caption")).to_be_visible()
    assert_accessible(phone, axe_source, "panel-meeting")
    assert [e for e in phone.script_errors if "status of 422" not in e] == []
