"""The projector's countdown and the snapshot every screen shares, tested alone."""
from datetime import datetime, timedelta, timezone

import pytest

from app.workshops import snapshot, timer

NOON = datetime(2026, 12, 1, 12, 0, tzinfo=timezone.utc)


def test_a_countdown_ends_its_minutes_from_now_and_refuses_none_or_a_day():
    assert timer.ends_at(NOON, 5) == NOON + timedelta(minutes=5)
    for minutes in (0, -3, timer.MAX_MINUTES + 1):
        with pytest.raises(ValueError):
            timer.ends_at(NOON, minutes)


@pytest.mark.parametrize("left, shown", [(timedelta(minutes=5), "5:00"), (timedelta(seconds=0.2), "0:01"),
                                         (timedelta(seconds=-30), "0:00"), (timedelta(hours=1, seconds=5), "1:00:05")])
def test_the_clock_counts_down_whole_seconds_and_stops_at_zero(left, shown):
    assert timer.clock(timer.seconds_left(NOON + left, NOON)) == shown


def test_no_countdown_has_no_seconds_left():
    assert timer.seconds_left(None, NOON) is None


def test_results_stay_out_of_the_snapshot_until_revealed_and_allowed_by_the_round():
    ranking = ["3", "1", "2"]
    assert snapshot.build(4, 2, revealed=False, results_allowed=True, ranking=ranking, timer_ends_at=None).ranking == ()
    hidden_by_round = snapshot.build(4, 2, revealed=True, results_allowed=False, ranking=ranking, timer_ends_at=None)
    assert hidden_by_round.results_shown is False and hidden_by_round.ranking == ()
    shown = snapshot.build(4, 2, revealed=True, results_allowed=True, ranking=ranking, timer_ends_at=None)
    assert shown.results_shown is True and shown.ranking == ("3", "1", "2")


def test_the_snapshot_has_exactly_the_contract_keys_and_survives_storage():
    ends = NOON + timedelta(minutes=3)
    shot = snapshot.build(12, 7, revealed=True, results_allowed=True, ranking=["2", "1"], timer_ends_at=ends)
    assert snapshot.as_dict(shot) == {"joined": 12, "ballots": 7, "results_shown": True, "ranking": ["2", "1"],
                                      "timer_ends_at": "2026-12-01T12:03:00+00:00"}
    assert snapshot.loads(snapshot.dumps(shot)) == shot
    assert snapshot.as_dict(snapshot.build(0, 0, False, False, [], None))["timer_ends_at"] is None


def test_a_snapshot_is_fresh_for_under_a_second_and_never_from_the_future():
    assert snapshot.is_fresh(NOON, NOON + timedelta(milliseconds=999))
    assert not snapshot.is_fresh(NOON, NOON + timedelta(seconds=1))
    assert not snapshot.is_fresh(None, NOON)
    assert not snapshot.is_fresh(NOON + timedelta(seconds=5), NOON)  # a clock set back recomputes
