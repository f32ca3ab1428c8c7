"""Purses and prices for the Method of Equal Shares. Pure Python.

Voters who have paid for the same needs have the same money left, so the work is done per group of
such voters ("purse"). numpy holds each voter's purse and a float copy of each purse's money; the
floats only choose which purses to look at closely, with a margin far wider than their rounding,
and every decision is then made on the exact Fractions.
"""
import math
from dataclasses import dataclass
from fractions import Fraction

import numpy as np

ZERO = Fraction(0)
# Twice the unit roundoff of a float: every float below carries a bound on its error in these terms.
EPS = 2.0 ** -52


@dataclass(frozen=True)
class Payment:
    payers: int  # supporters who paid the full share
    share: Fraction
    exhausted: int  # supporters who paid all they had left, less than the share
    exhausted_paid: Fraction


class Purchase:
    """One need bought: what its full payers paid each, worked out exactly only when asked for."""

    def __init__(self, purses: "Purses", cost: Fraction, price: "Price"):
        self.purses, self.cost, self._share = purses, cost, price.exact
        self.payers = int(price.counts[~price.poor].sum())
        self.poor, self.poor_counts = price.purses[price.poor], price.counts[price.poor]

    def share(self) -> Fraction:
        if self._share is None:
            self._share = (self.cost - self.exhausted_paid()) / self.payers
        return self._share

    def exhausted_paid(self) -> Fraction:
        return self.purses.total(self.poor, self.poor_counts)

    def payment(self) -> Payment:
        return Payment(self.payers, self.share(), int(self.poor_counts.sum()), self.exhausted_paid())


class Purses:
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
        self.purchases: list[Purchase] = []
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

    def total(self, purses: np.ndarray, counts: np.ndarray) -> Fraction:
        """The money in these purses, counts[i] voters holding purse purses[i], exactly: the numerators
        added over one common denominator, since a sum of Fractions reduces at every step."""
        values = [self.value(int(p)) for p in purses]
        denominator = math.lcm(*(v.denominator for v in values))
        return Fraction(sum(v.numerator * (denominator // v.denominator) * int(n) for v, n in zip(values, counts)),
                        denominator)

    def _make_room(self, more: int) -> None:
        if self.size + more <= len(self.parent):
            return
        capacity = 2 * (self.size + more)
        for name in ("parent", "bought_by", "approx", "_renumber"):
            old = getattr(self, name)
            grown = np.zeros(capacity, dtype=old.dtype)
            grown[:len(old)] = old
            setattr(self, name, grown)

    def pay(self, supporters: np.ndarray, price: "Price", purchase: Purchase) -> None:
        rich = price.purses[~price.poor]
        first, last = self.size, self.size + len(rich)
        self._make_room(len(rich))
        self.parent[first:last] = rich
        self.bought_by[first:last] = len(self.purchases)
        self.purchases.append(purchase)
        # A full payer has at least the share, so a float below zero is rounding: zero is nearer.
        self.approx[first:last] = np.maximum(self.approx.take(rich) - price.share, 0.0)
        self.error += price.share_error + self._rounding
        self.size = last
        # Only the purses of these supporters are looked up, so only their entries need setting.
        self._renumber[price.purses[price.poor]] = 0
        self._renumber[rich] = np.arange(first, last)
        self.of_voter[supporters] = self._renumber.take(self.of_voter.take(supporters))


@dataclass
class Price:
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


def quote(purses: Purses, supporters: np.ndarray, cost: Fraction, cost_f: float, exactly=False) -> Price | None:
    """What buying the need would ask of its supporters; None when together they cannot afford it."""
    held = purses.of_voter.take(supporters)  # take() gathers faster than indexing
    if not exactly and clearly_short(purses, held, cost_f):
        return None  # needs that go out of reach are common: this costs a fifth of a full pricing
    counts = np.bincount(held)
    ids = (counts != 0).nonzero()[0]  # twice as fast as flatnonzero on int counts
    counts = counts.take(ids)
    found = UNSURE if exactly else _price_in_floats(purses, ids, counts, cost_f)
    return _price_exactly(purses, ids, counts, cost) if found is UNSURE else found


def clearly_short(purses: Purses, held: np.ndarray, cost_f: float) -> bool:
    total, voters = float(purses.approx.take(held).sum()), len(held)
    return total + purses.error * voters + (voters + 2) * EPS * total < cost_f * (1 - EPS)


def _price_in_floats(purses: Purses, ids, counts, cost_f: float):
    """Sorted by money, the poor purses come first: the first purse that has at least the share
    left when all before it pay what they have ends them. The answer stands only if every purse is
    clearly on its side of the share once float errors are counted."""
    approx = purses.approx.take(ids)
    order = np.argsort(approx)
    ids, counts, approx = ids.take(order), counts.take(order), approx.take(order)
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
    return Price(rho, 2 * rho * (share_error / share + 2 * EPS), share, share_error, ids, counts, poor)


def _price_exactly(purses: Purses, ids, counts, cost: Fraction) -> Price | None:
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
            return Price(rho, EPS * rho, share_f, EPS * share_f, ids, counts, poor, share)
        for i in newly:
            poor[i] = True
            paid += purses.value(int(ids[i])) * int(counts[i])
            payers -= int(counts[i])
