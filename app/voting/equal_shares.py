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
import heapq
import math
from dataclasses import dataclass
from functools import cached_property
from fractions import Fraction

import numpy as np

from app.voting.ties import Tie, TieBreak

ZERO = Fraction(0)
# Twice the unit roundoff of a float: every float below carries a bound on its error in these terms.
EPS = 2.0 ** -52


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


class Run:
    """One run of MES: what it bought in order, and (worked out exactly when asked) who paid what."""

    def __init__(self, share: Fraction, approvals: Approvals, purses: "_Purses"):
        self.share, self.approvals, self.purses = share, approvals, purses
        self.selected: list[str] = []
        self.ties: list[Tie] = []
        self.purchases: dict[str, _Purchase] = {}

    @cached_property
    def payments(self) -> dict[str, Payment]:
        return {need: purchase.payment() for need, purchase in self.purchases.items()}

    def money_left(self, need: str) -> float:
        """What the need's supporters had left at the end, for display."""
        return float(self.purses.approx[self.purses.of_voter[self.approvals.supporters[need]]].sum())


class _Purchase:
    """One need bought: what its full payers paid each, worked out exactly only when asked for."""

    def __init__(self, purses: "_Purses", cost: Fraction, price: "_Price"):
        self.purses, self.cost, self._share = purses, cost, price.exact
        self.payers = int(price.counts[~price.poor].sum())
        self.poor, self.poor_counts = price.purses[price.poor], price.counts[price.poor]

    def share(self) -> Fraction:
        if self._share is None:
            self._share = (self.cost - self.exhausted_paid()) / self.payers
        return self._share

    def exhausted_paid(self) -> Fraction:
        return sum((self.purses.value(int(p)) * int(n) for p, n in zip(self.poor, self.poor_counts)), ZERO)

    def payment(self) -> Payment:
        return Payment(self.payers, self.share(), int(self.poor_counts.sum()), self.exhausted_paid())


class _Purses:
    """Purse 0 is empty; purse 1 holds the starting share; every other purse is its parent less one
    purchase's share. Each purse keeps a float of its money; one bound holds for every float's error.
    Exact values are worked out only when the floats cannot decide."""

    def __init__(self, share: Fraction, voters: int):
        self.size = 2
        self.parent = np.zeros(64, dtype=np.int64)
        self.bought_by = np.zeros(64, dtype=np.int64)  # index into purchases for purses 2 and on
        self.approx = np.zeros(64)
        self.approx[1] = float(share)
        self.error = float(share) * EPS
        # Each purchase's errors grow by its share's error and the rounding of what is left, at most this.
        self._rounding = 2 * EPS * float(share)
        self._renumber = np.zeros(64, dtype=np.int64)
        self.purchases: list[_Purchase] = []
        self.exact: dict[int, Fraction] = {0: ZERO, 1: share}
        self.of_voter = np.ones(voters, dtype=np.int64)

    def __len__(self) -> int:
        return self.size

    def value(self, purse: int) -> Fraction:
        chain = []
        while purse not in self.exact:
            chain.append(purse)
            purse = int(self.parent[purse])
        value = self.exact[purse]
        for child in reversed(chain):
            value = self.exact[child] = value - self.purchases[self.bought_by[child]].share()
        return value

    def _make_room(self, more: int) -> None:
        if self.size + more <= len(self.parent):
            return
        capacity = 2 * (self.size + more)
        for name in ("parent", "bought_by", "approx", "_renumber"):
            old = getattr(self, name)
            grown = np.zeros(capacity, dtype=old.dtype)
            grown[:len(old)] = old
            setattr(self, name, grown)

    def pay(self, supporters: np.ndarray, price: "_Price", purchase: _Purchase) -> None:
        rich = price.purses[~price.poor]
        first, last = self.size, self.size + len(rich)
        self._make_room(len(rich))
        self.parent[first:last] = rich
        self.bought_by[first:last] = len(self.purchases)
        self.purchases.append(purchase)
        # A full payer has at least the share, so a float below zero is rounding: zero is nearer.
        self.approx[first:last] = np.maximum(self.approx[rich] - price.share, 0.0)
        self.error += price.share_error + self._rounding
        self.size = last
        # Only the purses of these supporters are looked up, so only their entries need setting.
        self._renumber[price.purses[price.poor]] = 0
        self._renumber[rich] = np.arange(first, last)
        self.of_voter[supporters] = self._renumber[self.of_voter[supporters]]


@dataclass
class _Price:
    rho: float  # what each full payer pays per unit of cost: lower is better
    rho_error: float  # the exact rho is within this of `rho`
    share: float
    share_error: float
    purses: np.ndarray
    counts: np.ndarray
    poor: np.ndarray  # mask over purses: paying all they have left
    exact: Fraction | None = None  # the exact share, when the floats could not decide

    @property
    def low(self) -> float:
        return self.rho - self.rho_error

    @property
    def high(self) -> float:
        return self.rho + self.rho_error


UNSURE = object()


def _dot(values: np.ndarray, error: float, weights: np.ndarray) -> tuple[float, float]:
    """The float sum of values × weights (all at least zero), and a bound on its distance from the exact sum."""
    total = float(values @ weights)
    return total, error * float(weights.sum()) + (len(values) + 2) * EPS * total


def _price(purses: _Purses, supporters: np.ndarray, cost: Fraction, cost_f: float, exactly=False) -> _Price | None:
    held = purses.of_voter[supporters]
    if not exactly and _clearly_short(purses, held, cost_f):
        return None  # needs that go out of reach are common: this costs a fifth of a full pricing
    counts = np.bincount(held)
    ids = (counts != 0).nonzero()[0]  # twice as fast as flatnonzero on int counts
    counts = counts[ids]
    found = UNSURE if exactly else _price_in_floats(purses, ids, counts, cost_f)
    return _price_exactly(purses, ids, counts, cost) if found is UNSURE else found


def _clearly_short(purses: _Purses, held: np.ndarray, cost_f: float) -> bool:
    total, voters = float(purses.approx[held].sum()), len(held)
    return total + purses.error * voters + (voters + 2) * EPS * total < cost_f * (1 - EPS)


def _price_in_floats(purses: _Purses, ids, counts, cost_f: float):
    """Sorted by money, the poor purses come first: the first purse that has at least the share
    left when all before it pay what they have ends them. The answer stands only if every purse is
    clearly on its side of the share once float errors are counted."""
    approx = purses.approx[ids]
    order = np.argsort(approx)
    ids, counts, approx = ids[order], counts[order], approx[order]
    error, weights = purses.error, counts.astype(float)
    paid = approx * weights
    paid_before = np.cumsum(paid) - paid
    payers = np.cumsum(counts[::-1])[::-1]
    shares = (cost_f - paid_before) / payers
    enough = approx >= shares
    k = int(enough.argmax())
    if not enough[k]:
        total, total_error = _dot(approx, error, weights)
        return None if total + total_error < cost_f * (1 - EPS) else UNSURE
    share, rest = float(shares[k]), cost_f - float(paid_before[k])
    paid_error = error * float(payers[0] - payers[k]) + (k + 2) * EPS * float(paid_before[k])
    share_error = (EPS * cost_f + paid_error + EPS * abs(rest)) / int(payers[k]) + EPS * share
    # Sorted, so the richest poor purse is just before k and the poorest payer at k.
    if (k and float(approx[k - 1]) + error >= share - share_error) or float(approx[k]) - error < share + share_error:
        return UNSURE
    poor = np.zeros(len(ids), dtype=bool)
    poor[:k] = True
    rho = share / cost_f
    return _Price(rho, 2 * rho * (share_error / share + 2 * EPS), share, share_error, ids, counts, poor)


def _price_exactly(purses: _Purses, ids, counts, cost: Fraction) -> _Price | None:
    approx, error = purses.approx[ids], purses.error
    total, total_error = _dot(approx, error, counts.astype(float))
    if total + total_error < float(cost) * (1 - EPS):
        return None
    if total - total_error < float(cost) * (1 + EPS) and sum(
            (purses.value(int(p)) * int(n) for p, n in zip(ids, counts)), ZERO) < cost:
        return None
    poor = np.zeros(len(ids), dtype=bool)
    paid, payers = ZERO, int(counts.sum())
    while True:
        share = (cost - paid) / payers
        # Whatever is below the exact share has a float at most this high.
        near = np.flatnonzero(~poor & (approx - error <= float(share) * (1 + EPS)))
        newly = [i for i in near if purses.value(int(ids[i])) < share]
        if not newly:
            rho, share_f = float(share / cost), float(share)
            return _Price(rho, EPS * rho, share_f, EPS * share_f, ids, counts, poor, share)
        for i in newly:
            poor[i] = True
            paid += purses.value(int(ids[i])) * int(counts[i])
            payers -= int(counts[i])


def run(approvals: Approvals, costs: dict[str, Fraction], tie_break: TieBreak, share) -> Run:
    """One run of MES in which every voter starts with `share`."""
    purses = _Purses(Fraction(share), approvals.voters)
    costs_f = {need: float(cost) for need, cost in costs.items()}
    result = Run(Fraction(share), approvals, purses)
    key = tie_break.key()
    result.selected.extend(sorted((n for n in costs if costs[n] == 0 and approvals.count(n)), key=key))
    # A need's rho only grows as purses empty, so a lower bound on it stays one; it starts at
    # 1 / supporters, what each pays when all can. The heap holds (bound, tie-break rank, need).
    rank = {n: i for i, n in enumerate(sorted(costs, key=key))}
    heap = [((1 - EPS) / approvals.count(n), rank[n], n) for n in costs if costs[n] > 0 and approvals.count(n)]
    heapq.heapify(heap)
    while heap:
        best: str | None = None
        priced: dict[str, _Price] = {}
        while heap and (best is None or heap[0][0] <= priced[best].high):
            need = heapq.heappop(heap)[2]
            found = _price(purses, approvals.supporters[need], costs[need], costs_f[need])
            if found is not None:
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
        purchase = _Purchase(purses, costs[best], price)
        purses.pay(approvals.supporters[best], price, purchase)
        result.purchases[best] = purchase
        result.selected.append(best)
    return result


def _cheapest(priced, best, purses, approvals, costs, tie_break, ties) -> str:
    """The need with the lowest rho; exact rationals settle those the floats cannot tell apart."""
    close = [n for n in priced if priced[n].low <= priced[best].high]
    if len(close) == 1:
        return best
    for need in close:
        if priced[need].exact is None and not priced[need].poor.any():
            priced[need].exact = costs[need] / int(priced[need].counts.sum())
        elif priced[need].exact is None:
            priced[need] = _price(purses, approvals.supporters[need], costs[need], float(costs[need]), exactly=True)
    rho = {n: priced[n].exact / costs[n] for n in close}
    lowest = min(rho.values())
    tied = [n for n in close if rho[n] == lowest]
    if len(tied) == 1:
        return tied[0]
    chosen = tie_break.first(tied)
    ties.append(Tie(tuple(sorted(tied, key=tie_break.key())), chosen, tie_break.name))
    return chosen


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
