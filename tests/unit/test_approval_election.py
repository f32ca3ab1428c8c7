"""Approval ballots read in bulk give the same election, and so the same outcomes, as the profile path."""
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from app.voting.budget_profiles import approval_election, budget_election
from app.voting.budget_rules import allocate
from app.voting.profiles import ApprovalProfile
from app.voting.ties import make_tie_break

NEEDS = {3: "a", 5: "b", 8: "c", 13: "d"}


def profile_path(ballots, budget, costs):
    grouped = {}
    for ballot in ballots:
        key = frozenset(NEEDS[n] for n in ballot if n in NEEDS)
        grouped[key] = grouped.get(key, 0) + 1
    return budget_election(ApprovalProfile(tuple(NEEDS.values()), tuple(grouped.items())), budget, costs)


ballots = st.lists(st.lists(st.sampled_from([3, 5, 8, 13, 21]), max_size=5), max_size=30)
costs = st.fixed_dictionaries({name: st.integers(1, 60).map(Fraction) for name in NEEDS.values()})


@settings(max_examples=150, deadline=None)
@given(ballots, costs, st.integers(1, 120))
def test_bulk_approval_ballots_fund_what_the_profile_funds(ballots, costs, budget):
    bulk, slow = approval_election(ballots, NEEDS, Fraction(budget), costs), profile_path(ballots, Fraction(budget), costs)
    assert bulk.instance.support == slow.instance.support
    assert bulk.approvals.voters == slow.approvals.voters == len(ballots)
    assert {n: len(v) for n, v in bulk.approvals.supporters.items()} == {
        n: len(v) for n, v in slow.approvals.supporters.items()}
    order = make_tie_break("lexicographic", list(NEEDS.values()), costs)
    for rule in ("greedy", "equalshares", "equalshares/add1", "phragmen"):
        assert allocate(rule, bulk, order).selected == allocate(rule, slow, order).selected, rule


def test_a_need_named_twice_counts_once_and_unknown_numbers_are_left_out():
    election = approval_election([[3, 3, 21], [], [5, 3]], NEEDS, Fraction(10), {n: Fraction(1) for n in NEEDS.values()})
    assert election.instance.support == {"a": 2, "b": 1, "c": 0, "d": 0}
    assert election.approvals.voters == 3
    assert election.approvals.supporters["a"].tolist() == [0, 2]
