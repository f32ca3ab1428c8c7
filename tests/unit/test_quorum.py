"""Decisions stand by quorum, and publication needs a second member: worked by hand."""
import pytest

from app.voting.quorum import Standing, Vote, may_confirm, standing

ADA, BEN, CHI, DEV = 1, 2, 3, 4


def test_one_member_alone_does_not_make_a_decision_under_the_default_quorum():
    assert standing([Vote(ADA, True, 9000)], 2) is None


def test_two_members_agreeing_on_the_same_amount_make_it_stand():
    votes = [Vote(ADA, True, 9000), Vote(BEN, True, 9000)]
    assert standing(votes, 2) == Standing(True, 9000, (ADA, BEN))


def test_funding_at_different_amounts_is_not_agreement():
    assert standing([Vote(ADA, True, 9000), Vote(BEN, True, 8000)], 2) is None


def test_declining_needs_no_amount_to_agree():
    votes = [Vote(ADA, False, None), Vote(BEN, True, 9000), Vote(CHI, False, None)]
    assert standing(votes, 2) == Standing(False, None, (ADA, CHI))


def test_a_larger_quorum_waits_for_more_members():
    votes = [Vote(ADA, True, 500), Vote(BEN, True, 500)]
    assert standing(votes, 3) is None
    assert standing([*votes, Vote(CHI, True, 500)], 3).members == (ADA, BEN, CHI)


def test_when_two_choices_both_reach_the_quorum_the_larger_stands_and_a_tie_stands_for_nothing():
    split = [Vote(ADA, True, 500), Vote(BEN, True, 500), Vote(CHI, False, None), Vote(DEV, False, None)]
    assert standing(split, 2) is None
    assert standing([*split, Vote(5, False, None)], 2).funded is False
    assert standing([Vote(ADA, True, 500)], 1) == Standing(True, 500, (ADA,))


def test_a_quorum_below_one_is_refused():
    with pytest.raises(ValueError):
        standing([], 0)


def test_the_member_who_asked_to_publish_cannot_confirm_alone():
    assert not may_confirm(ADA, ADA)
    assert may_confirm(ADA, BEN)
    assert not may_confirm(None, BEN)
