"""A budgeted election from any ballot profile, scored as Pabulib scores each vote type. Pure Python.

Approval ballots: a need's support is its number of voters. Points: the points it got. Rankings:
positional points k, k-1, ..., 1 down each ballot, with k the round's longest allowed ranking (or
the ballot's own length when there is none). Equal Shares and Phragmén read every ballot as
support for each need named on it.
"""
from collections import Counter
from fractions import Fraction

from app.voting.budget_rules import BudgetElection
from app.voting.budgeting import Instance
from app.voting.equal_shares import Approvals
from app.voting.profiles import ApprovalProfile, PointsProfile, RankingProfile


def budget_election(profile, budget: Fraction, costs: dict[str, Fraction], threshold: int = 0,
                    longest: int | None = None) -> BudgetElection:
    support: Counter = Counter({need: 0 for need in profile.candidates})
    named = []
    for ballot, count in profile.ballots:
        if isinstance(profile, ApprovalProfile):
            needs = tuple(ballot)
            support.update({need: count for need in needs})
        elif isinstance(profile, PointsProfile):
            needs = tuple(need for need, points in ballot if points)
            for need, points in ballot:
                support[need] += points * count
        elif isinstance(profile, RankingProfile):
            needs = tuple(need for tier in ballot for need in tier)
            k = longest or len(needs)
            for position, need in enumerate(needs):
                support[need] += (k - position) * count
        else:
            raise ValueError("budget rules count approval, points or ranking ballots")
        named.append((needs, count))
    approvals = Approvals.from_counted(named, profile.candidates)
    return BudgetElection(Instance(budget, costs, dict(support), threshold), approvals)
