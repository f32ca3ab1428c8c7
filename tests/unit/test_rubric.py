"""Weighted marks on a panel's rubric, and an applicant's feedback against the funded applications, worked by hand."""
from fractions import Fraction

import pytest

from app.voting.rubric import Criterion, criterion_means, feedback, score, weighted_mark, wide_spreads

# Meeting the need counts three times, deliverability twice, value once.
RUBRIC = (Criterion("need", 3), Criterion("deliver", 2), Criterion("value", 1))


def sheet(need, deliver, value):
    return {"need": need, "deliver": deliver, "value": value}


def test_a_sheets_weighted_mark_is_the_weighted_mean_of_its_marks():
    # (3*5 + 2*2 + 1*1) / 6 = 20/6
    assert weighted_mark(sheet(5, 2, 1), RUBRIC) == Fraction(10, 3)
    # Equal weights give the plain mean.
    equal = tuple(Criterion(c.key, 1) for c in RUBRIC)
    assert weighted_mark(sheet(5, 2, 1), equal) == Fraction(8, 3)
    # Doubling every weight changes nothing.
    doubled = tuple(Criterion(c.key, 2 * c.weight) for c in RUBRIC)
    assert weighted_mark(sheet(5, 2, 1), doubled) == Fraction(10, 3)


def test_a_rubric_without_weight_is_refused():
    with pytest.raises(ValueError):
        weighted_mark(sheet(1, 1, 1), (Criterion("need", 0),))


def test_the_score_is_the_mean_of_the_members_weighted_marks():
    # 20/6 and (3*4 + 2*4 + 1*1)/6 = 21/6: mean 41/12
    assert score([sheet(5, 2, 1), sheet(4, 4, 1)], RUBRIC) == Fraction(41, 12)
    assert score([], RUBRIC) is None


def test_the_weights_decide_which_application_the_panel_prefers():
    strong_on_need, cheap = sheet(5, 3, 1), sheet(2, 3, 5)
    # Equal weights: 9/3 against 10/3, the cheap one ahead; with these weights 22/6 against 17/6.
    equal = tuple(Criterion(c.key, 1) for c in RUBRIC)
    assert score([cheap], equal) > score([strong_on_need], equal)
    assert score([strong_on_need], RUBRIC) > score([cheap], RUBRIC)


def test_criterion_means_and_wide_spreads_follow_each_criterion():
    sheets = [sheet(5, 2, 3), sheet(3, 3, 3), sheet(4, 4, 3)]
    assert criterion_means(sheets, RUBRIC) == {"need": 4, "deliver": 3, "value": 3}
    assert wide_spreads(sheets, RUBRIC) == {"need": (3, 5), "deliver": (2, 4)}
    assert wide_spreads([sheet(5, 5, 5), sheet(4, 4, 4)], RUBRIC) == {}


def test_feedback_sets_the_applications_means_against_the_funded_average_one_application_one_voice():
    own = [sheet(2, 3, 4), sheet(4, 3, 4)]  # means 3, 3, 4
    funded = [
        [sheet(5, 5, 5)],  # one member: means 5, 5, 5
        [sheet(4, 3, 1), sheet(4, 5, 3), sheet(4, 4, 2)],  # three members: means 4, 4, 2
        [],  # funded without marks: left out of the average
    ]
    result = feedback(own, funded, RUBRIC)
    assert result.own == {"need": 3, "deliver": 3, "value": 4}
    # (5 + 4) / 2, (5 + 4) / 2, (5 + 2) / 2: each funded application counts once, not once per sheet.
    assert result.funded_average == {"need": Fraction(9, 2), "deliver": Fraction(9, 2), "value": Fraction(7, 2)}
    # Own: (3*2+2*3+4)/6 = 16/6 and (3*4+2*3+4)/6 = 22/6: mean 19/6. Funded: 5 and (3*4+2*4+2)/6 = 22/6: mean 26/6.
    assert result.own_score == Fraction(19, 6) and result.funded_score == Fraction(13, 3)


def test_feedback_when_nothing_was_funded_has_no_average():
    result = feedback([sheet(3, 3, 3)], [], RUBRIC)
    assert result.funded_average == {} and result.funded_score is None and result.own_score == 3
