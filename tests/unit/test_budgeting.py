"""Greedy budget rules: hand-worked cases, and the real outcomes of the cities that used them."""
from fractions import Fraction
from pathlib import Path

import pytest

from app.voting.budgeting import GREEDY_RULES, Instance, greedy_family
from app.voting.pabulib import parse, support
from app.voting.ties import make_tie_break

PABULIB = Path(__file__).resolve().parents[1] / "data" / "pabulib"

# Support a > b > c > d; a and c fit a budget of 100 together, b does not fit after a.
SMALL = Instance(budget=Fraction(100), costs={"a": Fraction(60), "b": Fraction(50), "c": Fraction(30), "d": Fraction(10)},
                 support={"a": 40, "b": 30, "c": 20, "d": 5}, threshold=10)


def run(rule, instance=SMALL, tie_break="lexicographic"):
    return greedy_family(rule, instance, make_tie_break(tie_break, instance.costs, instance.costs))


def test_greedy_skips_what_does_not_fit_and_tries_the_next():
    assert run("greedy").selected == ("a", "c", "d")
    assert run("greedy").details["spent"] == 100


def test_greedy_no_skip_stops_at_the_first_that_does_not_fit():
    assert run("greedy-no-skip").selected == ("a",)


def test_greedy_threshold_leaves_out_projects_below_the_threshold_first():
    assert run("greedy-threshold").selected == ("a", "c")


def test_greedy_custom_funds_the_stopping_project_when_80_percent_of_its_cost_is_left():
    # After a (60) there are 40 left; b costs 50, and 40 is exactly 80% of 50: funded from the reserve.
    exactly = Instance(Fraction(100), {"a": Fraction(60), "b": Fraction(50), "c": Fraction(1)}, {"a": 3, "b": 2, "c": 1})
    outcome = run("greedy-custom", exactly)
    assert outcome.selected == ("a", "b") and outcome.details["reserve"] == "b"
    assert outcome.details["spent"] == 110  # the reserve is money beyond the budget; the rule stops there
    # After a (61) there are 39 left, under 80% of 50: nothing more is funded.
    short = Instance(Fraction(100), {"a": Fraction(61), "b": Fraction(50), "c": Fraction(1)}, {"a": 3, "b": 2, "c": 1})
    assert run("greedy-custom", short).selected == ("a",) and run("greedy-custom", short).details["reserve"] is None


def test_money_stays_exact_with_grosze():
    cents = Instance(Fraction(3, 10), {"a": Fraction(1, 10), "b": Fraction(2, 10)}, {"a": 2, "b": 1})
    assert run("greedy", cents).selected == ("a", "b")  # 0.1 + 0.2 fits 0.3 exactly; floats would say it does not


def test_equal_support_is_settled_by_the_named_tie_break():
    tied = Instance(Fraction(50), {"1": Fraction(50), "2": Fraction(20)}, {"1": 7, "2": 7})
    assert run("greedy-no-skip", tied, "lexicographic").selected == ("1",)
    assert run("greedy-no-skip", tied, "min-cost").selected == ("2",)
    assert run("greedy", tied, "min-cost").ties[0].by == "min-cost"


def city_files():
    for path in sorted(PABULIB.glob("*.pb")):
        election = parse(path.read_text(encoding="utf-8"))
        if election.meta.get("rule") in GREEDY_RULES and all("selected" in r for r in election.projects.values()):
            yield pytest.param(election, id=path.stem)


@pytest.mark.parametrize("election", list(city_files()))
def test_the_rule_the_city_used_funds_exactly_what_the_city_funded(election):
    costs = {p: election.cost(p) for p in election.projects}
    instance = Instance(election.budget, costs, dict(support(election)),
                        int(election.meta.get("min_project_score_threshold") or 0))
    outcome = greedy_family(election.meta["rule"], instance, make_tie_break("lexicographic", election.projects, costs))
    funded = {p for p, row in election.projects.items() if row["selected"] in ("1", "2")}
    assert set(outcome.selected) == funded
    assert outcome.details["spent"] <= election.budget


def test_twelve_cities_are_checked():
    assert len(list(city_files())) == 12
