"""Departures from the suggested grants, and marks spread wide enough to talk over."""
from app.voting.departures import Departure, departure, departures, unexplained
from app.voting.rubric import Criterion, wide_spreads

STANDARD = tuple(Criterion(key, 1) for key in ("fit", "deliverability", "value"))


def marks(fit, deliverability, value):
    return {"fit": fit, "deliverability": deliverability, "value": value}


def test_funding_outside_the_suggestion_or_declining_inside_it_is_a_departure():
    assert departure(funded=True, suggested=False) == Departure.FUNDED_OUTSIDE
    assert departure(funded=False, suggested=True) == Departure.DECLINED_INSIDE
    assert departure(funded=True, suggested=True) is None
    assert departure(funded=False, suggested=False) is None


def test_each_departure_needs_its_own_reason():
    found = departures({"1": True, "2": True, "3": False, "4": False}, suggested={"1", "3"})
    assert found == {"2": Departure.FUNDED_OUTSIDE, "3": Departure.DECLINED_INSIDE}
    assert unexplained(found, {"2": "It serves the estate residents put first.", "3": "  "}) == ["3"]
    assert unexplained(found, {"1": "A reason on a decision that follows the suggestion explains nothing."}) == [
        "2", "3"]


def test_without_a_suggestion_nothing_departs():
    assert departures({"1": True, "2": False}, suggested=None) == {}
    assert departures({"1": False}, suggested=set()) == {}


def test_marks_two_or_more_apart_on_a_criterion_are_flagged_with_their_range():
    assert wide_spreads((marks(5, 4, 3), marks(3, 4, 4), marks(4, 5, 3)), STANDARD) == {"fit": (3, 5)}
    assert wide_spreads((marks(1, 2, 5), marks(5, 2, 1)), STANDARD) == {"fit": (1, 5), "value": (1, 5)}
    assert wide_spreads((marks(4, 4, 4), marks(5, 3, 5)), STANDARD) == {}
    assert wide_spreads((marks(1, 1, 1),), STANDARD) == {} and wide_spreads((), STANDARD) == {}
