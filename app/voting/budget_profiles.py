"""A budgeted election from any ballot profile, scored as Pabulib scores each vote type. Pure Python.

Approval ballots: a need's support is its number of voters. Points: the points it got. Rankings:
positional points k, k-1, ..., 1 down each ballot, with k the round's longest allowed ranking (or
the ballot's own length when there is none). Equal Shares and Phragmén read every ballot as
support for each need named on it. Who named which need (numpy arrays, numpy a tenth of a second to
load) is built only for the rules that read it: greedy rules read the support alone.
"""
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction
from itertools import chain

from app.voting.budget_rules import BudgetElection
from app.voting.budgeting import Instance
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
    from app.voting.equal_shares import Approvals

    approvals = Approvals.from_counted(named, profile.candidates)
    return BudgetElection(Instance(budget, costs, dict(support), threshold), approvals)


def approval_election(ballots: Sequence[Sequence[int]], needs: dict[int, str], budget: Fraction,
                      costs: dict[str, Fraction], threshold: int = 0) -> BudgetElection:
    """The election budget_election makes from approval ballots, built in bulk from each voter's list
    of need numbers (numbers not in `needs` are left out, a number named twice counts once): a
    city's hundred thousand ballots in array operations rather than a Python loop per voter."""
    import numpy as np

    from app.voting.equal_shares import Approvals

    numbers, names = np.fromiter(needs, dtype=np.int64, count=len(needs)), list(needs.values())
    lengths = np.fromiter(map(len, ballots), dtype=np.int64, count=len(ballots))
    named = np.fromiter(chain.from_iterable(ballots), dtype=np.int64, count=int(lengths.sum()))
    voters = np.repeat(np.arange(len(ballots), dtype=np.int64), lengths)
    column = np.full(int(max(numbers.max(initial=0), named.max(initial=0))) + 1, -1, dtype=np.int64)
    column[numbers] = np.arange(len(numbers))
    found = column[named] >= 0
    pairs = np.sort(voters[found] * len(names) + column[named[found]])
    first = np.ones(len(pairs), dtype=bool)  # sorting, then dropping repeats, beats np.unique's hashing
    first[1:] = pairs[1:] != pairs[:-1]
    pairs = pairs[first]
    voters, columns = pairs // max(len(names), 1), pairs % max(len(names), 1)
    order = np.argsort(columns, kind="stable")
    counts = np.bincount(columns, minlength=len(names))
    supporters = dict(zip(names, np.split(voters[order], np.cumsum(counts)[:-1])))
    support = {name: int(count) for name, count in zip(names, counts)}
    return BudgetElection(Instance(budget, costs, support, threshold), Approvals(len(ballots), supporters))


def approval_support(ballots: Sequence[Sequence[int]], needs: dict[int, str], budget: Fraction,
                     costs: dict[str, Fraction], threshold: int = 0) -> BudgetElection:
    """The election approval_election makes, with the support only (no approvals): all a greedy rule reads."""
    named = Counter(chain.from_iterable(map(set, ballots)))
    support = {name: named[number] for number, name in needs.items()}
    return BudgetElection(Instance(budget, costs, support, threshold), None)
