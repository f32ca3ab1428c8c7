"""The review before ranking: what a verdict needs, and how far a round's review has got."""
from app.voting.feasibility import Review, ReviewRefusal, Verdict, readiness, refusals


def test_a_need_found_not_feasible_needs_a_reason_the_proposer_can_read():
    assert refusals(Review(Verdict.NOT_FEASIBLE, "  ", None), budget=None) == [ReviewRefusal.REASON_NEEDED]
    assert refusals(Review(Verdict.NOT_FEASIBLE, "The land belongs to the railway.", None), budget=None) == []


def test_in_a_budgeted_round_a_feasible_need_needs_a_cost_within_the_budget():
    assert refusals(Review(Verdict.FEASIBLE, "", None), budget=50_000) == [ReviewRefusal.COST_NEEDED]
    assert refusals(Review(Verdict.FEASIBLE, "", 50_001), budget=50_000) == [ReviewRefusal.OVER_BUDGET]
    assert refusals(Review(Verdict.FEASIBLE, "", 50_000), budget=50_000) == []
    assert refusals(Review(Verdict.FEASIBLE, "", None), budget=None) == []  # a ranking round without money


def test_a_need_too_dear_can_still_be_found_not_feasible_for_that_reason():
    assert refusals(Review(Verdict.NOT_FEASIBLE, "It costs more than the whole budget.", 90_000), 50_000) == []


def test_readiness_counts_what_stops_ranking_opening():
    needs = [(Verdict.FEASIBLE, 100), (Verdict.UNREVIEWED, None), (Verdict.NOT_FEASIBLE, None),
             (Verdict.UNREVIEWED, 300)]
    budgeted = readiness(needs, budgeted=True)
    assert (budgeted.total, budgeted.unreviewed, budgeted.not_feasible, budgeted.on_ballot) == (4, 2, 1, 3)
    assert budgeted.without_cost == 1 and not budgeted.ready  # a not-feasible need's missing cost does not count
    assert readiness(needs, budgeted=False).without_cost == 0
    assert readiness([(Verdict.FEASIBLE, 100), (Verdict.NOT_FEASIBLE, None)], budgeted=True).ready
