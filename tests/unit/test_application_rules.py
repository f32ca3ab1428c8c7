"""The rules of groups' own applications: when the form is open, what a complete one holds, eligibility,
the status an applicant sees, and the 360Giving identifiers a group may give."""
from datetime import datetime, timedelta, timezone

import pytest

from app.rounds.phases import Phase
from app.voting.applications import (LINK_LIFETIME, ApplicationStatus as S, Draft, IdRefusal, Question, Window,
                                     accepting, failed, id_refusal, link_expired, missing, normal_id, on_submission,
                                     over_budget, shown, unanswered)


@pytest.mark.parametrize("window, phase, published, expected", [
    (Window.DECIDE, Phase.DECIDE, False, True),
    (Window.DECIDE, Phase.RANK, False, False),
    (Window.OPEN, Phase.PROPOSE, False, True),
    (Window.OPEN, Phase.RESULTS, False, False),  # the panel's work is over
    (Window.CLOSED, Phase.DECIDE, False, False),
    (Window.OPEN, Phase.DECIDE, True, False),  # decisions published: final
])
def test_the_form_takes_applications_in_decide_or_once_the_panel_opens_it(window, phase, published, expected):
    assert accepting(window, phase, published) is expected


QUESTIONS = [Question(1, True), Question(2, False), Question(3, True)]


def test_eligibility_is_decided_on_submission_by_the_answers_the_panel_requires():
    assert on_submission([], {}) == S.SUBMITTED
    assert on_submission(QUESTIONS, {1: True, 2: False, 3: True}) == S.ELIGIBLE
    assert on_submission(QUESTIONS, {1: True, 2: True, 3: False}) == S.INELIGIBLE
    assert failed(QUESTIONS, {1: True, 2: True, 3: False}) == [2, 3]
    assert failed(QUESTIONS, {1: False}) == [1] and unanswered(QUESTIONS, {1: False}) == [2, 3]


@pytest.mark.parametrize("stored, marked, funded, published, expected", [
    (S.DRAFT, False, None, False, S.DRAFT),
    (S.INELIGIBLE, False, None, True, S.INELIGIBLE),
    (S.ELIGIBLE, False, None, False, S.ELIGIBLE),
    (S.SUBMITTED, True, None, False, S.UNDER_REVIEW),
    (S.ELIGIBLE, False, True, False, S.UNDER_REVIEW),  # decided, not published: nobody outside knows yet
    (S.ELIGIBLE, True, True, True, S.FUNDED),
    (S.SUBMITTED, True, False, True, S.DECLINED),
    (S.SUBMITTED, False, None, True, S.SUBMITTED),
])
def test_the_status_an_applicant_sees_follows_marks_and_published_decisions(stored, marked, funded, published,
                                                                              expected):
    assert shown(stored, marked, funded, published) == expected


def test_a_submitted_application_needs_every_field_and_a_register_number_or_unregistered():
    full = Draft("Sydenham Society", False, "GB-CHC-1234567", "a@b.example", "Lamps", 12000, "Plan", "All", "SE26")
    assert missing(full) == []
    assert missing(Draft(contact_email="a@b.example")) == [
        "applicant", "applicant_id", "title", "plan", "beneficiaries", "location", "amount"]
    assert "applicant_id" not in missing(Draft(unregistered=True))
    assert missing(Draft("  ", True, "", "a@b.example", "Lamps", 0, "Plan", "All", "SE26")) == ["applicant"]


def test_no_group_may_ask_for_more_than_the_whole_budget():
    assert over_budget(20001, 20000) and not over_budget(20000, 20000)
    assert not over_budget(None, 20000) and not over_budget(5, None)


@pytest.mark.parametrize("text, expected", [
    ("GB-CHC-1234567", None), ("gb-chc-123456", None), ("GB-CHC-12", IdRefusal.CHARITY),
    ("GB-COH-01234567", None), ("GB-COH-SC123456", None), ("GB-COH-1234567", IdRefusal.COMPANY),
    ("GB-SC-SC012345", None), ("GB-SC-012345", IdRefusal.SCOTTISH),
    ("GB-NIC-100123", None), ("GB-NIC-12", IdRefusal.NORTHERN_IRISH),
    ("360G-lewishamfund-grp42", None), ("360G-", IdRefusal.THREE_SIXTY), ("360G-a--b", IdRefusal.THREE_SIXTY),
    ("charity 1234567", IdRefusal.UNKNOWN), ("US-EIN-12345", IdRefusal.UNKNOWN),
])
def test_organisation_identifiers_are_checked_as_360giving_reads_them(text, expected):
    assert id_refusal(text) == expected


def test_identifiers_are_written_as_360giving_writes_them():
    assert normal_id(" gb-chc- 1234567 ") == "GB-CHC-1234567"
    assert normal_id("360g-lewishamFund-7") == "360G-lewishamFund-7"


def test_an_applicants_link_lasts_its_lifetime_and_no_longer():
    issued = datetime(2026, 12, 1, tzinfo=timezone.utc)
    assert not link_expired(issued, issued + LINK_LIFETIME)
    assert link_expired(issued, issued + LINK_LIFETIME + timedelta(seconds=1))
    assert link_expired(issued + timedelta(minutes=1), issued)  # from the future: forged or a clock gone wrong
