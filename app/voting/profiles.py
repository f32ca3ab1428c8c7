"""Ballots as the tally rules read them. Pure Python.

A ranking is a tuple of tiers, best first: ``(("a",), ("b", "c"))`` ranks a above b and c,
which are tied. Needs a ballot leaves out rank below every need it ranks, tied with each
other: a truncated ranking says "these first", nothing about the rest.
"""
from collections import Counter
from dataclasses import dataclass

Ranking = tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class RankingProfile:
    candidates: tuple[str, ...]
    ballots: tuple[tuple[Ranking, int], ...]

    @classmethod
    def from_rankings(cls, candidates, rankings) -> "RankingProfile":
        """Build from rankings given as lists of ids or of tiers; identical ballots are counted once."""
        counted = Counter(normalise_ranking(r) for r in rankings)
        return cls(tuple(candidates), tuple(counted.items()))

    @property
    def voters(self) -> int:
        return sum(count for _, count in self.ballots)


def normalise_ranking(ranking) -> Ranking:
    return tuple(tuple(tier) if isinstance(tier, (tuple, list, set, frozenset)) else (tier,) for tier in ranking)


@dataclass(frozen=True)
class ApprovalProfile:
    candidates: tuple[str, ...]
    ballots: tuple[tuple[frozenset[str], int], ...]


@dataclass(frozen=True)
class PointsProfile:
    candidates: tuple[str, ...]
    ballots: tuple[tuple[tuple[tuple[str, int], ...], int], ...]


@dataclass(frozen=True)
class Comparison:
    """One answer to "which matters more?": `winner` is None for "I can't decide"."""

    first: str
    second: str
    winner: str | None


@dataclass(frozen=True)
class PairwiseProfile:
    candidates: tuple[str, ...]
    comparisons: tuple[tuple[Comparison, int], ...]
