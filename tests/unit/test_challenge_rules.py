"""The challenge window, the answer deadline, who may answer and when a decision is final."""
from datetime import datetime, timedelta, timezone

from app.voting.challenges import Outcome, answer_deadline, is_final, may_answer, window

PUBLISHED = datetime(2026, 6, 1, 18, 0, tzinfo=timezone.utc)


def test_the_window_opens_at_publication_and_runs_the_rounds_days():
    window_ = window(PUBLISHED, 14)
    assert not window_.is_open(PUBLISHED - timedelta(seconds=1))
    assert window_.is_open(PUBLISHED)
    assert window_.is_open(PUBLISHED + timedelta(days=14) - timedelta(seconds=1))
    assert not window_.is_open(PUBLISHED + timedelta(days=14))
    assert window(PUBLISHED, None).closes == PUBLISHED + timedelta(days=14)  # the default
    assert window(PUBLISHED, 3).closes == PUBLISHED + timedelta(days=3)
    assert window(None, 14) is None  # nothing published, nothing to challenge


def test_a_challenge_is_answered_within_fourteen_days_of_being_made():
    assert answer_deadline(PUBLISHED + timedelta(days=13)) == PUBLISHED + timedelta(days=27)


def test_only_members_with_no_part_in_the_decision_answer():
    assert may_answer(3, {1, 2})
    assert not may_answer(1, {1, 2})


def test_a_decision_is_final_when_the_window_closes_or_its_challenges_are_answered():
    window_ = window(PUBLISHED, 14)
    during, after = PUBLISHED + timedelta(days=1), PUBLISHED + timedelta(days=15)
    assert not is_final(window_, [], during)
    assert is_final(window_, [], after)
    assert not is_final(window_, [Outcome.OPEN], after)  # a challenge made in time keeps it open
    assert not is_final(window_, [Outcome.DISMISSED, Outcome.OPEN], during)
    assert is_final(window_, [Outcome.DISMISSED, Outcome.UPHELD], during)
    assert not is_final(None, [], after)
