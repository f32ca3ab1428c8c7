"""Our budget rules against pabutools (test extras only) on random elections, where the definitions agree.

pabutools' MES starts shares at budget / voters and, with an increment, stops at the first exhaustive
outcome: our `equalshares` and Add1 with stop_when_exhaustive are those definitions.
"""
import math
from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st
from pabutools.election import ApprovalBallot, ApprovalProfile, Cost_Sat, Instance as PabuInstance, Project
from pabutools.rules import greedy_utilitarian_welfare, method_of_equal_shares, sequential_phragmen
from pabutools.rules.mes.mes_rule import method_of_equal_shares_scheme
from pabutools.tiebreaking import lexico_tie_breaking

from app.voting.budget_rules import BudgetElection, allocate
from app.voting.budgeting import Instance
from app.voting.equal_shares import Approvals
from app.voting.ties import make_tie_break

NAMES = "abcdef"


@st.composite
def elections(draw, everything_supported=False):
    count = draw(st.integers(2, len(NAMES)))
    names = NAMES[:count]
    costs = {n: Fraction(draw(st.integers(1, 40)), draw(st.sampled_from([1, 1, 2, 4]))) for n in names}
    ballots = draw(st.lists(st.sets(st.sampled_from(names), min_size=1), min_size=2, max_size=16))
    if everything_supported:
        ballots += [{n} for n in names if not any(n in b for b in ballots)]
    budget = Fraction(draw(st.integers(1, 80)))
    return costs, [tuple(sorted(b)) for b in ballots], budget


def ours(rule, costs, ballots, budget, **switches):
    approvals = Approvals.from_ballots(ballots, costs)
    election = BudgetElection(Instance(budget, costs, {n: approvals.count(n) for n in costs}), approvals)
    return allocate(rule, election, make_tie_break("lexicographic", costs, costs), **switches)


def theirs(costs, ballots, budget):
    projects = {n: Project(n, c) for n, c in costs.items()}
    instance = PabuInstance(projects.values(), budget_limit=budget)
    profile = ApprovalProfile([ApprovalBallot(projects[n] for n in b) for b in ballots])
    return instance, profile


def names(allocation):
    return {p.name for p in allocation}


@settings(max_examples=1000, deadline=None)
@given(elections())
def test_greedy_agrees_with_pabutools(election):
    instance, profile = theirs(*election)
    expected = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, tie_breaking=lexico_tie_breaking)
    assert set(ours("greedy", *election).selected) == names(expected)


@settings(max_examples=1000, deadline=None)
@given(elections())
def test_equal_shares_agrees_with_pabutools(election):
    instance, profile = theirs(*election)
    expected = method_of_equal_shares(instance, profile, sat_class=Cost_Sat, tie_breaking=lexico_tie_breaking)
    assert set(ours("equalshares", *election).selected) == names(expected)


@settings(max_examples=600, deadline=None)
@given(elections())
def test_add1_stopping_when_exhaustive_agrees_with_pabutools(election):
    costs, ballots, budget = election
    instance, profile = theirs(*election)
    expected = method_of_equal_shares_scheme(
        instance, profile, profile.as_sat_profile(Cost_Sat), Fraction(math.floor(budget / len(ballots))),
        [], lexico_tie_breaking, voter_budget_increment=1, binary_sat=True)
    assert set(ours("equalshares/add1", *election, stop_when_exhaustive=True).selected) == names(expected)


@settings(max_examples=1000, deadline=None)
@given(elections(everything_supported=True))
def test_phragmen_agrees_with_pabutools(election):
    instance, profile = theirs(*election)
    expected = sequential_phragmen(instance, profile, tie_breaking=lexico_tie_breaking)
    assert set(ours("phragmen", *election).selected) == names(expected)
