"""The Method of Equal Shares with cost utilities, as cities run it (equalshares.net). Pure Python.

Every voter gets an equal share of the budget. A need can be bought when its supporters together
have its cost; each pays the same amount, or all they have left when that is less. Of the needs
that can be bought, the one that asks least of each supporter per unit of its cost goes first.
A ballot counts as support for each need named on it. Money and shares are exact Fractions.

Add1 completion: MES often leaves money unspent, so cities raise every voter's share one currency
unit at a time and keep the last outcome that fits the real budget.

Voters who have paid for the same needs have the same money left, so the work is done per group of
such voters ("purse"). numpy holds each voter's purse and a float copy of each purse's money; the
floats only choose which purses to look at closely, with a margin far wider than their rounding,
and every decision is then made on the exact Fractions.
"""
import math
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from app.voting.ties import Tie, TieBreak

ZERO = Fraction(0)
# Floats only pick candidates. A purse's float drifts from its exact value by at most a few dozen
# roundings of the starting share (about 1e-14 of it); anything within 1e-9 of it is checked exactly.
MARGIN = 1e-9


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


@dataclass(frozen=True)
class Payment:
    payers: int  # supporters who paid the full share
    share: Fraction
    exhausted: int  # supporters who paid all they had left, less than the share
    exhausted_paid: Fraction


@dataclass
class Run:
    share: Fraction
    selected: list[str] = field(default_factory=list)
    payments: dict[str, Payment] = field(default_factory=dict)
    ties: list[Tie] = field(default_factory=list)
    money_left: dict[str, float] = field(default_factory=dict)  # supporters' money at the end, for display


class _Purses:
    """Purse 0 is empty; purse 1 holds the starting share; every other purse is its parent less one
    payment. Exact values are worked out only when asked for."""

    def __init__(self, share: Fraction, voters: int):
        self.parent, self.payment = [0, 1], [ZERO, ZERO]
        self.exact: dict[int, Fraction] = {0: ZERO, 1: share}
        self.approx = np.array([0.0, float(share)])
        self.of_voter = np.ones(voters, dtype=np.int64)
        self.tolerance = MARGIN * max(float(share), 1.0)

    def value(self, purse: int) -> Fraction:
        chain = []
        while purse not in self.exact:
            chain.append(purse)
            purse = self.parent[purse]
        value = self.exact[purse]
        for child in reversed(chain):
            value = self.exact[child] = value - self.payment[child]
        return value

    def pay(self, voters: np.ndarray, rich: np.ndarray, poor: np.ndarray, share: Fraction) -> None:
        first = len(self.parent)
        mapping = np.arange(first + len(rich))
        mapping[poor] = 0
        mapping[rich] = np.arange(first, first + len(rich))
        self.parent.extend(int(p) for p in rich)
        self.payment.extend([share] * len(rich))
        self.approx = np.concatenate([self.approx, self.approx[rich] - float(share)])
        self.of_voter[voters] = mapping[self.of_voter[voters]]


@dataclass
class _Price:
    rho: Fraction  # what each full payer pays per unit of cost: lower is better
    share: Fraction
    purses: np.ndarray
    counts: np.ndarray
    poor: np.ndarray  # mask over purses: paying all they have left


def _price(purses: _Purses, supporters: np.ndarray, cost: Fraction) -> _Price | None:
    counts = np.bincount(purses.of_voter[supporters], minlength=len(purses.parent))
    ids = np.flatnonzero(counts)
    counts, approx = counts[ids], purses.approx[ids]
    total, slack = float(np.dot(approx, counts)) - float(cost), purses.tolerance * int(counts.sum())
    if total < -slack:
        return None
    if total <= slack and sum(purses.value(int(p)) * int(n) for p, n in zip(ids, counts)) < cost:
        return None
    poor = np.zeros(len(ids), dtype=bool)
    paid, payers = ZERO, int(counts.sum())
    while True:
        share = (cost - paid) / payers
        near = np.flatnonzero(~poor & (approx < float(share) + purses.tolerance))
        newly = [i for i in near if purses.value(int(ids[i])) < share]
        if not newly:
            return _Price(share / cost, share, ids, counts, poor)
        for i in newly:
            poor[i] = True
            paid += purses.value(int(ids[i])) * int(counts[i])
            payers -= int(counts[i])


def run(approvals: Approvals, costs: dict[str, Fraction], tie_break: TieBreak, share) -> Run:
    """One run of MES in which every voter starts with `share`."""
    purses = _Purses(Fraction(share), approvals.voters)
    result = Run(Fraction(share))
    key = tie_break.key()
    result.selected.extend(sorted((n for n in costs if costs[n] == 0 and approvals.count(n)), key=key))
    # A need's rho only grows as purses empty, so last round's rho is a lower bound on this round's.
    bound = {n: Fraction(1, approvals.count(n)) for n in costs if costs[n] > 0 and approvals.count(n)}
    while bound:
        best: str | None = None
        priced: dict[str, _Price] = {}
        for need in sorted(bound, key=lambda n: (float(bound[n]), key(n))):
            if best is not None and bound[need] > priced[best].rho:
                break
            found = _price(purses, approvals.supporters[need], costs[need])
            if found is None:
                del bound[need]
                continue
            priced[need] = found
            bound[need] = found.rho
            if best is None or found.rho < priced[best].rho:
                best = need
        if best is None:
            break
        tied = [n for n in priced if priced[n].rho == priced[best].rho]
        if len(tied) > 1:
            best = tie_break.first(tied)
            result.ties.append(Tie(tuple(sorted(tied, key=key)), best, tie_break.name))
        result.payments[best] = _buy(purses, approvals.supporters[best], priced[best])
        result.selected.append(best)
        del bound[best]
    result.money_left = {n: float(purses.approx[purses.of_voter[approvals.supporters[n]]].sum())
                         for n in costs if n not in result.payments}
    return result


def _buy(purses: _Purses, supporters: np.ndarray, price: _Price) -> Payment:
    poor_ids, rich_ids = price.purses[price.poor], price.purses[~price.poor]
    exhausted_paid = sum((purses.value(int(p)) * int(n) for p, n in zip(poor_ids, price.counts[price.poor])), ZERO)
    payment = Payment(int(price.counts[~price.poor].sum()), price.share,
                      int(price.counts[price.poor].sum()), exhausted_paid)
    purses.pay(supporters, rich_ids, poor_ids, price.share)
    return payment


def spent(selected, costs) -> Fraction:
    return sum((costs[n] for n in selected), ZERO)


def is_exhaustive(selected, costs, budget, candidates) -> bool:
    left = budget - spent(selected, costs)
    return not any(costs[n] <= left for n in candidates if n not in selected)


def add1(approvals: Approvals, costs, budget: Fraction, tie_break: TieBreak, stop_when_exhaustive=False) -> Run:
    """Raise every voter's share by one unit at a time from floor(budget / voters); keep the last
    outcome that fits the budget (or, with stop_when_exhaustive, the first beside which nothing fits)."""
    share = math.floor(budget / approvals.voters) if approvals.voters else 0
    supported = [n for n in costs if approvals.count(n)]
    previous = None
    while True:
        current = run(approvals, costs, tie_break, share)
        if spent(current.selected, costs) > budget:
            return previous or current
        if len(current.selected) == len(supported) or (
                stop_when_exhaustive and is_exhaustive(current.selected, costs, budget, supported)):
            return current
        previous, share = current, share + 1
