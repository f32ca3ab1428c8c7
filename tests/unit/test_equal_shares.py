"""Equal Shares and Phragmén: hand-worked cases, the cities that used them, and pabutools as a second opinion."""
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.voting import equal_shares, purses
from app.voting.budget_rules import BudgetElection, allocate
from app.voting.budgeting import Instance
from app.voting.equal_shares import Approvals
from app.voting.pabulib import parse, support
from app.voting.ties import make_tie_break

PABULIB = Path(__file__).resolve().parents[1] / "data" / "pabulib"
SHARES_CITIES = ("Netherlands_Assen_2024", "Poland_Swiecie_2023", "Poland_Wieliczka_2023_Green_Budget")

# Four voters, budget 100, so each starts with 25. a: voters 0-2; b: voter 3; c: voters 2 and 3.
BALLOTS = [("a",), ("a",), ("a", "c"), ("b", "c")]
COSTS = {"a": Fraction(60), "b": Fraction(40), "c": Fraction(30)}


def small(rule, ballots=BALLOTS, costs=COSTS, budget=Fraction(100), **switches):
    approvals = Approvals.from_ballots(ballots, costs)
    election = BudgetElection(Instance(budget, costs, {n: approvals.count(n) for n in costs}), approvals)
    return allocate(rule, election, make_tie_break("lexicographic", costs, costs), **switches)


def test_equal_shares_by_hand():
    outcome = small("equalshares")
    # a: three supporters pay 20 each (a third of its cost each); c: two pay 15 (half each). a goes first.
    # Then c: voter 2 has 5 left and pays it all, voter 3 pays the other 25. b: voter 3 has nothing left.
    assert outcome.selected == ("a", "c")
    assert outcome.details["why"]["a"].values == {"payers": 3, "share": 20, "exhausted": 0}
    assert outcome.details["why"]["c"].values == {"payers": 1, "share": 25, "exhausted": 1}
    assert outcome.details["why"]["b"].code == "shares-short"
    assert outcome.details["why"]["b"].values == {"left": 0, "cost": 40}
    assert outcome.details["spent"] == 90


def test_phragmen_by_hand():
    outcome = small("phragmen")
    # Loads: c spreads 30 over two voters (15), a 60 over three (20): c first. Then a: (60 + 15) / 3 = 25
    # against b: (40 + 15) / 1 = 55. Then b would cost 40 with 10 left: the rule stops.
    assert outcome.selected == ("c", "a")
    assert outcome.details["why"]["a"].values["load"] == 25
    assert outcome.details["why"]["b"].code == "phragmen-stopped"


def test_add1_raises_shares_until_the_next_step_would_overspend():
    # Shares of 25 buy only a; then c's supporters have 5 + 25, short of its 32.
    # At 26 each they have 6 + 26 = 32: c is bought too, and every supported need is in.
    costs = {**COSTS, "c": Fraction(32)}
    ballots = [("a",), ("a",), ("a", "c"), ("c",)]
    assert small("equalshares", ballots, costs).selected == ("a",)
    outcome = small("equalshares/add1", ballots, costs)
    assert outcome.selected == ("a", "c") and outcome.details["share"] == 26 and outcome.details["spent"] == 92


def test_comparison_keeps_greedy_when_more_voters_have_more_funded_under_it():
    # Six voters want p1 and p2, four want q; each costs 40 and the budget is 80.
    # Greedy funds p1 and p2; Equal Shares funds p1 and q. Six voters prefer greedy, four Equal Shares.
    ballots = [("p1", "p2")] * 6 + [("q",)] * 4
    costs = {"p1": Fraction(40), "p2": Fraction(40), "q": Fraction(40)}
    assert set(small("equalshares/add1", ballots, costs, Fraction(80)).selected) == {"p1", "q"}
    compared = small("equalshares/add1-comparison", ballots, costs, Fraction(80))
    assert compared.details["comparison"] == {"prefer_greedy": 6, "prefer_shares": 4, "kept": "greedy"}
    assert set(compared.selected) == {"p1", "p2"} and compared.rule == "equalshares/add1-comparison"
    # Five against five is no majority: Equal Shares stays.
    even = small("equalshares/add1-comparison", [("p1", "p2")] * 5 + [("q",)] * 5, costs, Fraction(80))
    assert even.details["comparison"]["kept"] == "equalshares" and set(even.selected) == {"p1", "q"}


def city(name):
    election = parse((PABULIB / f"{name}.pb").read_text(encoding="utf-8"))
    costs = {p: election.cost(p) for p in election.projects}
    approvals = Approvals.from_ballots([v.projects for v in election.votes], election.projects)
    funded = {p for p, row in election.projects.items() if row["selected"] in ("1", "2")}
    return election, BudgetElection(Instance(election.budget, costs, dict(support(election))), approvals), funded


@pytest.mark.parametrize("name", SHARES_CITIES)
def test_the_equal_shares_cities_are_reproduced(name):
    election, budget_election, funded = city(name)
    rule = election.meta["rule"]
    outcome = allocate(rule, budget_election, make_tie_break("lexicographic", election.projects))
    assert set(outcome.selected) == funded
    assert outcome.details["spent"] <= election.budget


def test_wieliczka_needs_the_loop_to_run_past_the_first_exhaustive_outcome():
    election, budget_election, funded = city("Poland_Wieliczka_2023_Green_Budget")
    order = make_tie_break("lexicographic", election.projects)
    early = allocate("equalshares/add1", budget_election, order, stop_when_exhaustive=True)
    assert set(early.selected) != funded
    compared = allocate("equalshares/add1-comparison", budget_election, order)
    assert compared.details["comparison"]["kept"] == "equalshares"


def test_assen_needs_no_greedy_top_up():
    election, budget_election, funded = city("Netherlands_Assen_2024")
    order = make_tie_break("lexicographic", election.projects)
    assert set(allocate("equalshares/add1", budget_election, order, top_up=True).selected) != funded



def test_every_file_with_a_real_outcome_is_checked_except_budapest():
    from tests.unit.test_budgeting import city_files

    with_outcome = {path.stem for path in PABULIB.glob("*.pb")
                    if all("selected" in row for row in parse(path.read_text(encoding="utf-8")).projects.values())}
    checked = {param.id for param in city_files()} | set(SHARES_CITIES)
    assert with_outcome - checked == {"Hungary_Budapest_2023_VIII_Jozsefvaros"}


def test_budapest_online_votes_alone_do_not_give_the_real_outcome():
    election, budget_election, funded = city("Hungary_Budapest_2023_VIII_Jozsefvaros")
    order = make_tie_break("lexicographic", election.projects)
    assert election.meta["rule"] == "unknown"
    assert set(allocate("greedy", budget_election, order).selected) != funded


def exact_only(monkeypatch):
    """An error bound so wide that the floats can decide nothing: every step goes to the Fractions."""
    monkeypatch.setattr(purses, "EPS", 1.0)


@pytest.mark.parametrize("name", ["Poland_Swiecie_2023", "Netherlands_Assen_2024"])
def test_floats_decide_exactly_what_fractions_decide_on_city_files(name, monkeypatch):
    election, budget_election, _ = city(name)
    approvals, costs = budget_election.approvals, budget_election.instance.costs
    order = make_tie_break("lexicographic", election.projects)
    share = election.budget // approvals.voters + 40
    fast = equal_shares.run(approvals, costs, order, share)
    exact_only(monkeypatch)
    slow = equal_shares.run(approvals, costs, order, share)
    assert fast.selected == slow.selected and fast.ties == slow.ties
    assert fast.payments == slow.payments


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sets(st.sampled_from("abcde"), min_size=1), min_size=2, max_size=30),
       st.dictionaries(st.sampled_from("abcde"), st.integers(1, 30), min_size=5), st.integers(1, 12))
def test_floats_decide_exactly_what_fractions_decide_on_tied_elections(ballots, costs, share):
    # Small whole costs and shares make equal rhos and purses that land exactly on a share common.
    costs = {n: Fraction(c) for n, c in costs.items()}
    approvals = Approvals.from_ballots(ballots, costs)
    order = make_tie_break("lexicographic", costs, costs)
    fast = equal_shares.run(approvals, costs, order, Fraction(share, 3))
    with pytest.MonkeyPatch.context() as patch:
        exact_only(patch)
        slow = equal_shares.run(approvals, costs, order, Fraction(share, 3))
    assert fast.selected == slow.selected and fast.ties == slow.ties
    assert fast.payments == slow.payments


def add1_run_by_run(approvals, costs, budget, order, stop_when_exhaustive):
    """Add1 as its definition reads: every share run in full, one unit at a time."""
    supported = [n for n in costs if approvals.count(n)]
    share, previous = budget // approvals.voters, None
    while True:
        current = equal_shares.run(approvals, costs, order, share)
        if equal_shares.spent(current.selected, costs) > budget:
            return previous or current
        if len(current.selected) == len(supported) or (stop_when_exhaustive and equal_shares.is_exhaustive(
                current.selected, costs, budget, supported)):
            return current
        previous, share = current, share + 1


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sets(st.sampled_from("abcdef"), min_size=1), min_size=2, max_size=24),
       st.dictionaries(st.sampled_from("abcdef"), st.integers(1, 60), min_size=6), st.integers(5, 150),
       st.booleans())
def test_add1_stops_sure_runs_early_without_changing_the_outcome(ballots, costs, budget, stop_when_exhaustive):
    costs = {n: Fraction(c) for n, c in costs.items()}
    approvals = Approvals.from_ballots(ballots, costs)
    order = make_tie_break("lexicographic", costs, costs)
    fast = equal_shares.add1(approvals, costs, Fraction(budget), order, stop_when_exhaustive)
    slow = add1_run_by_run(approvals, costs, Fraction(budget), order, stop_when_exhaustive)
    assert (fast.selected, fast.share, fast.payments, fast.ties) == (slow.selected, slow.share, slow.payments, slow.ties)


@pytest.mark.parametrize("name", ["Poland_Swiecie_2023", "Netherlands_Assen_2024", "Poland_Wieliczka_2023_Green_Budget"])
@pytest.mark.parametrize("stop_when_exhaustive", [False, True])
def test_add1_on_city_files_matches_running_every_share_in_full(name, stop_when_exhaustive):
    election, budget_election, _ = city(name)
    approvals, costs = budget_election.approvals, budget_election.instance.costs
    order = make_tie_break("lexicographic", election.projects)
    fast = equal_shares.add1(approvals, costs, election.budget, order, stop_when_exhaustive)
    slow = add1_run_by_run(approvals, costs, election.budget, order, stop_when_exhaustive)
    assert (fast.selected, fast.share) == (slow.selected, slow.share)
