"""What makes a ballot valid, checked without a request or a database."""
from app.ballots.validation import BallotRules, Limits, approval_errors, points_errors, points_left, ranking_errors

NEEDS = frozenset({1, 2, 3, 4})


def test_a_ranking_within_the_limits_is_valid():
    assert ranking_errors([3, 1], Limits(NEEDS, max_choices=2)) == []


def test_a_ranking_says_what_is_wrong_with_it():
    assert ranking_errors([], Limits(NEEDS)) == ["empty"]
    assert ranking_errors([1, 1], Limits(NEEDS)) == ["duplicate"]
    assert ranking_errors([9], Limits(NEEDS)) == ["unknown-need"]
    assert ranking_errors([1, 2, 3], Limits(NEEDS, max_choices=2)) == ["too-many"]


def test_an_approval_ballot_needs_between_the_minimum_and_the_maximum():
    limits = Limits(NEEDS, min_choices=2, max_choices=3)
    assert approval_errors([1, 2], limits) == []
    assert approval_errors([1, 1], limits) == ["too-few"]
    assert approval_errors([1, 2, 3, 4], limits) == ["too-many"]
    assert approval_errors([], Limits(NEEDS, min_choices=0)) == ["too-few"]
    assert approval_errors([1, 7], Limits(NEEDS)) == ["unknown-need"]


def test_points_errors_point_at_the_need_or_at_the_whole_ballot():
    limits = Limits(NEEDS, points_total=100, points_per_need=50)
    assert points_errors({1: 50, 2: 50}, limits) == {}
    assert points_errors({1: 60, 2: -1}, limits) == {1: ["over-need-limit"], 2: ["negative"]}
    assert points_errors({1: 50, 2: 40, 3: 30}, limits) == {None: ["over-total"]}
    assert points_errors({9: 10}, limits) == {None: ["unknown-need"]}
    assert points_errors({1: 0}, limits) == {None: ["empty"]}


def test_the_points_left_count_down_and_only_when_there_is_a_total():
    assert points_left({1: 30, 2: -5}, Limits(NEEDS, points_total=100)) == 70
    assert points_left({1: 30}, Limits(NEEDS)) is None


def test_a_rounds_ballot_rules_apply_to_the_needs_on_its_ballot():
    limits = BallotRules(max_choices=2, points_total=10).limits(NEEDS)
    assert limits == Limits(NEEDS, max_choices=2, points_total=10)
    assert ranking_errors([1, 2, 3], limits) == ["too-many"]
