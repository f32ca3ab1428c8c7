"""What a grant's progress reports add up to, and which reports a group may post."""
from datetime import datetime, timedelta, timezone

import pytest

from app.voting.progress import (LINK_LIFETIME, GrantState, ProgressRefusal, Report, link_expired, percent_done,
                                 refusals, state)

DAY = datetime(2026, 12, 1, 9, tzinfo=timezone.utc)


def test_a_grant_is_awarded_then_under_way_then_complete():
    assert state([], None) == GrantState.AWARDED
    assert state([Report(DAY, 10)], None) == GrantState.UNDER_WAY
    assert state([Report(DAY, 10)], DAY) == GrantState.COMPLETE
    assert state([], DAY) == GrantState.COMPLETE  # a funder may close a grant the group never reported on


def test_the_latest_report_says_how_much_is_done_even_when_it_corrects_an_estimate_down():
    reports = [Report(DAY, 60), Report(DAY + timedelta(days=30), 45), Report(DAY + timedelta(days=2), 70)]
    assert percent_done(reports, None) == 45
    assert percent_done([], None) == 0
    assert percent_done(reports, DAY + timedelta(days=40)) == 100


@pytest.mark.parametrize("milestone,percent,text,expected", [
    ("Benches ordered", 40, "Three benches are on order.", []),
    ("Benches ordered", 0, "We signed the contract.", []),
    ("Benches ordered", 100, "All three are in.", []),
    (" ", 40, "Three benches are on order.", [ProgressRefusal.MILESTONE]),
    ("x" * 141, 40, "Three benches are on order.", [ProgressRefusal.MILESTONE]),
    ("Benches ordered", 101, "Three benches are on order.", [ProgressRefusal.PERCENT]),
    ("Benches ordered", -1, "Three benches are on order.", [ProgressRefusal.PERCENT]),
    ("Benches ordered", "40", "Three benches are on order.", [ProgressRefusal.PERCENT]),
    ("Benches ordered", True, "Three benches are on order.", [ProgressRefusal.PERCENT]),
    ("", 200, "", [ProgressRefusal.MILESTONE, ProgressRefusal.PERCENT, ProgressRefusal.TEXT]),
])
def test_a_report_needs_a_milestone_a_whole_percent_and_a_few_words(milestone, percent, text, expected):
    assert refusals(milestone, percent, text, None) == expected


def test_once_the_grant_is_complete_no_report_is_taken():
    assert refusals("Benches ordered", 40, "Three benches are on order.", DAY) == [ProgressRefusal.COMPLETE]


def test_a_link_works_for_its_lifetime_and_not_a_second_longer_nor_before_it_was_made():
    assert not link_expired(DAY, DAY + LINK_LIFETIME)
    assert link_expired(DAY, DAY + LINK_LIFETIME + timedelta(seconds=1))
    assert link_expired(DAY, DAY - timedelta(seconds=1))
