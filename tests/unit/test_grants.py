"""Suggested grants from the community's ranking and the panel's marks, worked by hand."""
from fractions import Fraction

from app.voting.grants import Proposal, best_per_need, chosen_by_rule, in_ranking_order
from app.voting.rubric import Criterion, score

RUBRIC = (Criterion("fit", 1), Criterion("deliverability", 1), Criterion("value", 1))
GOOD, FAIR, POOR = ({"fit": f, "deliverability": d, "value": v} for f, d, v in ((5, 4, 5), (3, 3, 3), (1, 2, 1)))


def proposal(id, need, amount, *sheets):
    return Proposal(id, need, Fraction(amount), score(sheets, RUBRIC), len(sheets))


def test_the_best_marked_application_is_each_needs_candidate_and_cheaper_wins_a_tie():
    proposals = [
        proposal("1", "lights", 9000, FAIR),
        proposal("2", "lights", 12000, GOOD, FAIR),  # mean (14/3 + 3) / 2 = 23/6 beats 3
        proposal("3", "benches", 4000, FAIR),
        proposal("4", "benches", 3000, FAIR),  # same mean, asks less
        proposal("5", "play", 5000),  # nobody has marked it yet
        proposal("6", "play", 6000, POOR),
    ]
    best = best_per_need(proposals)
    assert {need: p.id for need, p in best.items()} == {"lights": "2", "benches": "4", "play": "6"}
    assert proposals[1].score == Fraction(23, 6) and proposals[4].score is None


def test_in_ranking_order_funds_down_the_communitys_list_skipping_what_does_not_fit():
    proposals = [proposal("1", "lights", 12000, GOOD), proposal("2", "benches", 9000, FAIR),
                 proposal("3", "play", 4000, FAIR), proposal("4", "play", 7000, POOR)]
    # Budget 17,000: lights (12,000) first, benches (9,000) does not fit, play's candidate (4,000) does.
    suggestion = in_ranking_order(proposals, ("lights", "benches", "play", "garden"), Fraction(17000))
    assert suggestion.funded == ("1", "3") and suggestion.spent == 16000 and suggestion.left == 1000
    assert suggestion.why == {"1": "funded", "2": "does-not-fit", "3": "funded", "4": "runner-up"}


def test_a_budget_rules_choice_of_needs_funds_their_candidates_in_its_order():
    proposals = [proposal("1", "lights", 12000, GOOD), proposal("2", "benches", 9000, FAIR),
                 proposal("3", "play", 4000)]
    suggestion = chosen_by_rule(proposals, ("play", "lights"), Fraction(20000))
    assert suggestion.funded == ("3", "1") and suggestion.spent == 16000
    assert suggestion.why == {"3": "funded", "1": "funded", "2": "not-chosen"}
