"""Every budget rule by name, each returning an Outcome with a reason for every need. Pure Python.

A rule is a function of the election with the tie-break passed in, `rule(election, tie_break)`, as the
ranking rules of rules.py are functions of the profile: BUDGET_RULES names them all. Equal Shares and
Phragmén load (with numpy) when first counted: the greedy rules, which read only the support, count a
city in a process that never loads them.
"""
from collections.abc import Callable
from dataclasses import dataclass, replace
from fractions import Fraction
from functools import partial

from typing import TYPE_CHECKING

from app.voting.budgeting import GREEDY_RULES, Instance, Reason, spent
from app.voting.budgeting import greedy_family as greedy
from app.voting.outcome import Outcome
from app.voting.ties import TieBreak, order_by_score

if TYPE_CHECKING:
    from app.voting.equal_shares import Approvals


@dataclass(frozen=True)
class BudgetElection:
    instance: Instance  # budget, costs and the support greedy rules rank by
    approvals: "Approvals | None"  # who named which need, for Equal Shares and Phragmén (None: greedy rules only)


def allocate(rule: str, election: BudgetElection, tie_break: TieBreak, **switches) -> Outcome:
    """The named rule's outcome. The switches of the Equal Shares rules are the Add1 variants some
    cities use: `stop_when_exhaustive`, `top_up`; their defaults (keep raising shares while the
    outcome fits; no greedy top-up) reproduce Wieliczka and Assen."""
    if rule not in BUDGET_RULES:
        raise ValueError(f"unknown budget rule {rule!r}")
    return BUDGET_RULES[rule](election, tie_break, **switches)


def _greedy(rule: str, election: BudgetElection, tie_break: TieBreak) -> Outcome:
    return greedy(rule, election.instance, tie_break)


def equal_shares(rule, election: BudgetElection, tie_break, stop_when_exhaustive=False, top_up=False) -> Outcome:
    from app.voting.equal_shares import add1, run

    instance, approvals = election.instance, election.approvals
    if rule == "equalshares":
        result = run(approvals, instance.costs, tie_break, instance.budget / max(approvals.voters, 1))
    else:
        result = add1(approvals, instance.costs, instance.budget, tie_break, stop_when_exhaustive)
    selected = list(result.selected)
    why = {}
    for need in instance.costs:
        if need in result.payments:
            paid = result.payments[need]
            why[need] = Reason("shares-funded", {"payers": paid.payers, "share": paid.share,
                                                 "exhausted": paid.exhausted})
        elif need in selected:
            why[need] = Reason("free", {})
        elif not approvals.count(need):
            why[need] = Reason("no-support", {})
        else:
            why[need] = Reason("shares-short", {"left": result.money_left(need),
                                                "cost": instance.costs[need]})
    if top_up:
        _top_up(selected, why, instance, tie_break)
    ranking, ties = _ranking(selected, instance, tie_break)
    return Outcome(rule, tie_break.name, ranking, dict(instance.support), tuple(result.ties) + ties,
                   selected=tuple(selected), voters=approvals.voters,
                   details={"spent": spent(selected, instance.costs), "why": why, "share": result.share})


def _top_up(selected, why, instance, tie_break) -> None:
    left = instance.budget - spent(selected, instance.costs)
    for need in order_by_score(instance.support, tie_break)[0]:
        if need not in selected and instance.costs[need] <= left:
            selected.append(need)
            left -= instance.costs[need]
            why[need] = Reason("topped-up", {"left": left + instance.costs[need]})


def _ranking(selected, instance, tie_break):
    """Funded needs in the order bought, then the rest by support."""
    rest, ties = order_by_score({n: s for n, s in instance.support.items() if n not in selected}, tie_break)
    return tuple(selected) + rest, ties


def equal_shares_or_greedy(election: BudgetElection, tie_break, stop_when_exhaustive=False, top_up=False) -> Outcome:
    shares = equal_shares("equalshares/add1-comparison", election, tie_break, stop_when_exhaustive, top_up)
    return compare_with_greedy(shares, election, tie_break)


def compare_with_greedy(shares: Outcome, election: BudgetElection, tie_break) -> Outcome:
    """Keep the Equal Shares outcome unless more voters have more of their needs funded under greedy."""
    plain = greedy("greedy", election.instance, tie_break)
    difference = (election.approvals.winners_per_voter(plain.selected)
                  - election.approvals.winners_per_voter(shares.selected))
    prefer_greedy, prefer_shares = int((difference > 0).sum()), int((difference < 0).sum())
    comparison = {"prefer_greedy": prefer_greedy, "prefer_shares": prefer_shares,
                  "kept": "greedy" if prefer_greedy > prefer_shares else "equalshares"}
    kept = plain if prefer_greedy > prefer_shares else shares
    return replace(kept, rule=shares.rule, voters=shares.voters,
                   details={**kept.details, "comparison": comparison})


def _phragmen(election: BudgetElection, tie_break) -> Outcome:
    from app.voting.phragmen import phragmen

    instance = election.instance
    result = phragmen(election.approvals, instance.costs, instance.budget, tie_break)
    why = {}
    for need in instance.costs:
        if need in result.loads:
            why[need] = Reason("phragmen-funded", {"supporters": election.approvals.count(need),
                                                   "load": result.loads[need]})
        elif not election.approvals.count(need):
            why[need] = Reason("no-support", {})
        elif instance.costs[need] > instance.budget:
            why[need] = Reason("over-budget", {"cost": instance.costs[need], "budget": instance.budget})
        else:
            why[need] = Reason("phragmen-stopped", {"stopped_at": result.stopped_at})
    ranking, ties = _ranking(result.selected, instance, tie_break)
    return Outcome("phragmen", tie_break.name, ranking, dict(instance.support), tuple(result.ties) + ties,
                   selected=tuple(result.selected), voters=election.approvals.voters,
                   details={"spent": spent(result.selected, instance.costs), "why": why})


BudgetRule = Callable[[BudgetElection, TieBreak], Outcome]
BUDGET_RULES: dict[str, BudgetRule] = {
    **{name: partial(_greedy, name) for name in GREEDY_RULES},
    "equalshares": partial(equal_shares, "equalshares"),
    "equalshares/add1": partial(equal_shares, "equalshares/add1"),
    "equalshares/add1-comparison": equal_shares_or_greedy,
    "phragmen": _phragmen,
}
