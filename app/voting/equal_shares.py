"""The Method of Equal Shares with cost utilities, as cities run it (equalshares.net). Pure Python.

Every voter gets an equal share of the budget. A need can be bought when its supporters together
have its cost; each pays the same amount, or all they have left when that is less. Of the needs
that can be bought, the one that asks least of each supporter per unit of its cost goes first.
A ballot counts as support for each need named on it. Money and shares are exact Fractions.

Add1 completion: MES often leaves money unspent, so cities raise every voter's share one currency
unit at a time and keep the last outcome that fits the real budget. Most of those runs are sure to
fit and to leave a need out after a few purchases (what is spent plus the cost of every need still
in reach is within the budget), so they stop there: only the outcome kept is run to the end.

The exact money is kept per group of voters who paid for the same needs (app/voting/purses.py).
"""
import heapq
import math
from dataclasses import dataclass
from functools import cached_property
from fractions import Fraction

import numpy as np

from app.voting.budgeting import spent
from app.voting import purses as pricing  # EPS read at run time, so tests can widen it
from app.voting.purses import ZERO, Payment, Price, Purchase, Purses, clearly_short, quote
from app.voting.ties import Tie, TieBreak

@dataclass(frozen=True)
class Approvals:
    """Who supports what: voter numbers 0..voters-1 for each need."""

    voters: int
    supporters: dict[str, np.ndarray]

    @classmethod
    def from_ballots(cls, ballots, needs) -> "Approvals":
        lists: dict[str, list[int]] = {need: [] for need in needs}
        for voter, ballot in enumerate(ballots):
            for need in set(ballot):
                lists[need].append(voter)
        return cls(len(ballots), {need: np.array(v, dtype=np.int64) for need, v in lists.items()})

    @classmethod
    def from_counted(cls, ballots, needs) -> "Approvals":
        """From (needs named, how many voters cast that ballot) pairs, as profiles hold them."""
        parts: dict[str, list[np.ndarray]] = {need: [] for need in needs}
        voter = 0
        for named, count in ballots:
            block = np.arange(voter, voter + count, dtype=np.int64)
            for need in set(named):
                parts[need].append(block)
            voter += count
        return cls(voter, {need: np.concatenate(p) if p else np.zeros(0, dtype=np.int64)
                           for need, p in parts.items()})

    def count(self, need: str) -> int:
        return len(self.supporters[need])

    def winners_per_voter(self, selected) -> np.ndarray:
        counts = np.zeros(self.voters, dtype=np.int64)
        for need in selected:
            counts[self.supporters[need]] += 1
        return counts


class Run:
    """One run of MES: what it bought in order, and (worked out exactly when asked) who paid what."""

    def __init__(self, share: Fraction, approvals: Approvals, purses: "Purses"):
        self.share, self.approvals, self.purses = share, approvals, purses
        self.selected: list[str] = []
        self.ties: list[Tie] = []
        self.purchases: dict[str, Purchase] = {}

    @cached_property
    def payments(self) -> dict[str, Payment]:
        return {need: purchase.payment() for need, purchase in self.purchases.items()}

    def money_left(self, need: str) -> Fraction:
        """What the need's supporters had left at the end, exactly (voters who paid for the same
        needs share a purse, so each purse is worked out once)."""
        purses, counts = np.unique(self.purses.of_voter[self.approvals.supporters[need]], return_counts=True)
        return self.purses.total(purses, counts)


def run(approvals: Approvals, costs: dict[str, Fraction], tie_break: TieBreak, share,
        settle_within: Fraction | None = None, exhaustive: bool = False) -> Run | None:
    """One run of MES in which every voter starts with `share`.

    With `settle_within` (a budget), the run may stop early and return None once it is certain
    that it will spend no more than that budget and leave out a need it can no longer buy (with
    `exhaustive`, also that a need left out would fit in what it leaves): Add1 needs no more of it."""
    purses = Purses(Fraction(share), approvals.voters)
    costs_f = {need: float(cost) for need, cost in costs.items()}
    result = Run(Fraction(share), approvals, purses)
    key = tie_break.key()
    result.selected.extend(sorted((n for n in costs if costs[n] == 0 and approvals.count(n)), key=key))
    # A need's rho only grows as purses empty, so a lower bound on it stays one; it starts at
    # 1 / supporters, what each pays when all can. The heap holds (bound, tie-break rank, need).
    rank = {n: i for i, n in enumerate(sorted(costs, key=key))}
    heap = [((1 - pricing.EPS) / approvals.count(n), rank[n], n) for n in costs if costs[n] > 0 and approvals.count(n)]
    heapq.heapify(heap)
    reach = _Reach({n for _, _, n in heap}, costs, costs_f)
    while heap:
        best: str | None = None
        priced: dict[str, Price] = {}
        while heap and (best is None or heap[0][0] <= priced[best].high):
            need = heapq.heappop(heap)[2]
            if need not in reach.open:
                continue
            found = quote(purses, approvals.supporters[need], costs[need], costs_f[need])
            if found is None:
                reach.drop(need)
            else:
                priced[need] = found
                if best is None or found.rho < priced[best].rho:
                    best = need
        if best is None:
            break
        best = _cheapest(priced, best, purses, approvals, costs, tie_break, result.ties)
        for need, price in priced.items():
            if need != best:
                heapq.heappush(heap, (price.low, rank[need], need))
        price = priced[best]
        purchase = Purchase(purses, costs[best], price)
        purses.pay(approvals.supporters[best], price, purchase)
        result.purchases[best] = purchase
        result.selected.append(best)
        reach.bought(best)
        if settle_within is not None and reach.settled(purses, approvals, settle_within, exhaustive):
            return None
    return result


class _Reach:
    """What a run can still buy: needs not bought and not yet known to be out of reach (money only
    falls, so a need out of reach stays so), and what has been spent."""

    def __init__(self, needs: set[str], costs, costs_f):
        self.open, self.out, self.costs_f = needs, [], costs_f
        # Sums in whole units of the costs' common denominator: exact, and integers where Fractions
        # were a third of Add1's time (this is checked after every purchase of every run).
        self.unit = math.lcm(*(costs[n].denominator for n in needs))
        self.costs = {n: costs[n].numerator * (self.unit // costs[n].denominator) for n in needs}
        self.dearest_first = sorted(needs, key=self.costs.__getitem__, reverse=True)
        self.spent, self.open_cost = 0, sum(self.costs.values())
        self.purchases, self.wait = 0, {}  # a need found in reach is looked at again after 1, 2, 4... purchases

    def drop(self, need: str) -> None:
        self.open.discard(need)
        self.out.append(need)
        self.open_cost -= self.costs[need]

    def bought(self, need: str) -> None:
        self.open.discard(need)
        self.spent += self.costs[need]
        self.open_cost -= self.costs[need]
        self.purchases += 1

    def settled(self, purses: "Purses", approvals: Approvals, budget: Fraction, exhaustive: bool) -> bool:
        """Whether the run certainly spends at most `budget` and leaves out a need it cannot buy
        (and, `exhaustive`, one that would fit in what is left). Out-of-reach needs are looked for
        among the dearest first, since they settle it soonest."""
        limit = math.floor(budget * self.unit)  # the sums are whole units: within the budget is within its floor
        room = limit - self.spent
        for need in self.dearest_first:
            if need not in self.open:
                continue
            if self.open_cost <= room:
                break
            due, gap = self.wait.get(need, (0, 1))
            if due > self.purchases:
                continue
            if clearly_short(purses, purses.of_voter.take(approvals.supporters[need]), self.costs_f[need]):
                self.drop(need)
            else:
                self.wait[need] = (self.purchases + gap, 2 * gap)
        most = self.spent + self.open_cost
        if most > limit or not self.out:
            return False
        return not exhaustive or any(self.costs[n] <= limit - most for n in self.out)


def _cheapest(priced, best, purses, approvals, costs, tie_break, ties) -> str:
    """The need with the lowest rho; exact rationals settle those the floats cannot tell apart."""
    close = [n for n in priced if priced[n].low <= priced[best].high]
    if len(close) == 1:
        return best
    for need in close:
        if priced[need].exact is None and not priced[need].poor.any():
            priced[need].exact = costs[need] / int(priced[need].counts.sum())
        elif priced[need].exact is None:
            priced[need] = quote(purses, approvals.supporters[need], costs[need], float(costs[need]), exactly=True)
    rho = {n: priced[n].exact / costs[n] for n in close}
    lowest = min(rho.values())
    tied = [n for n in close if rho[n] == lowest]
    if len(tied) == 1:
        return tied[0]
    chosen = tie_break.first(tied)
    ties.append(Tie(tuple(sorted(tied, key=tie_break.key())), chosen, tie_break.name))
    return chosen


def is_exhaustive(selected, costs, budget, candidates) -> bool:
    left = budget - spent(selected, costs)
    return not any(costs[n] <= left for n in candidates if n not in selected)


def add1(approvals: Approvals, costs, budget: Fraction, tie_break: TieBreak, stop_when_exhaustive=False) -> Run:
    """Raise every voter's share by one unit at a time from floor(budget / voters); keep the last
    outcome that fits the budget (or, with stop_when_exhaustive, the first beside which nothing fits).
    Runs that are sure to fit and to leave a need out stop early; only the one kept is run in full."""
    first = share = math.floor(budget / approvals.voters) if approvals.voters else 0
    supported = [n for n in costs if approvals.count(n)]
    previous = None
    while True:
        current = run(approvals, costs, tie_break, share, settle_within=budget, exhaustive=stop_when_exhaustive)
        if current is None:
            previous, share = None, share + 1
            continue
        if spent(current.selected, costs) > budget:
            if previous is None and share > first:
                previous = run(approvals, costs, tie_break, share - 1)
            return previous or current
        if len(current.selected) == len(supported) or (
                stop_when_exhaustive and is_exhaustive(current.selected, costs, budget, supported)):
            return current
        previous, share = current, share + 1
