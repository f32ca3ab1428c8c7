"""A grant split between co-funders by their pledges adds up exactly, with the remainder rule stated."""
import pytest

from app.voting.cofunding import payers, split


def test_a_grant_is_split_in_proportion_to_the_pledges():
    assert split(900, [("council", 2000), ("trust", 1000)]) == {"council": 600, "trust": 300}


def test_left_over_units_go_to_the_largest_rounding_losses_then_the_first_pledge():
    # 100 over three equal pledges: 33⅓ each; the one spare unit goes to the first funder.
    assert split(100, [("a", 5), ("b", 5), ("c", 5)]) == {"a": 34, "b": 33, "c": 33}
    # 10 over 1:2:4 is 1.43, 2.86, 5.71: floors 1, 2, 5 leave 2 units, for b (.86) then c (.71).
    assert split(10, [("a", 1), ("b", 2), ("c", 4)]) == {"a": 1, "b": 3, "c": 6}


@pytest.mark.parametrize("amount", [0, 1, 7, 999_999_999_999, 123_456_789_012_345])
def test_shares_always_add_up_and_stay_within_a_unit_of_the_exact_share(amount):
    pledges = [("a", 3), ("b", 7), ("c", 11), ("d", 1)]
    shares = split(amount, pledges)
    assert sum(shares.values()) == amount
    for funder, pledged in pledges:
        assert abs(shares[funder] * 22 - amount * pledged) < 22


def test_nothing_pledged_cannot_be_split():
    with pytest.raises(ValueError):
        split(100, [("a", 0)])


def test_a_grant_no_co_funder_shares_is_paid_whole_by_the_rounds_sole_funder():
    assert payers([], "Lewisham Council", 500) == [("Lewisham Council", 500)]
    assert payers([("City Trust", 300), ("East London Fund", 200)], "Lewisham Council", 500) == [
        ("City Trust", 300), ("East London Fund", 200)]
