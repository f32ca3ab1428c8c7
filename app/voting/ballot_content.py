"""A ballot as it is stored: one frozen type per kind, read from and written to the JSON kept in
`Ballot.content`, and written in the short form of the receipts list. Pure Python.

The stored form is one JSON object whose one key names the kind, with needs by their database id:
    {"ranking": [[3], [1, 2]]}   tiers, best first; a tier of several needs ranks them equal
    {"approved": [1, 4]}
    {"points": {"2": 3}}         need id (as text) to points
    {"answers": {"1-2": "1"}}    the pair's ids, lower first, to the chosen id, or "none"
Entries keep the order they were stored in, so writing a ballot read from the database gives back
the same bytes, and rows stored before these types existed read as they are.
"""
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import ClassVar


class BallotKind(StrEnum):
    RANKING = "ranking"
    APPROVAL = "approval"
    POINTS = "points"
    PAIRWISE = "pairwise"


NO_PREFERENCE = "none"


class _Stored:
    """What every kind shares: its text as stored, and reading it back."""

    kind: ClassVar[BallotKind]
    key: ClassVar[str]

    def to_json(self) -> str:
        """The text stored in `Ballot.content`."""
        return json.dumps(self.to_data())

    @classmethod
    def from_json(cls, text: str):
        return parse(text, cls.kind)


@dataclass(frozen=True)
class RankingBallot(_Stored):
    tiers: tuple[tuple[int, ...], ...] = ()
    kind: ClassVar[BallotKind] = BallotKind.RANKING
    key: ClassVar[str] = "ranking"

    @classmethod
    def of_order(cls, order: Iterable[int]) -> "RankingBallot":
        """A strict order, one need per tier (what the ballot page and ordinal files give)."""
        return cls(tuple((need,) for need in order))

    @classmethod
    def from_data(cls, data: dict) -> "RankingBallot":
        return cls(tuple(tuple(tier) for tier in data[cls.key]))

    def to_data(self) -> dict:
        return {self.key: [list(tier) for tier in self.tiers]}

    def short(self, public: Mapping[int, str]) -> str:
        """"12 > 7=3", leaving out needs not in `public` (hidden or merged since)."""
        tiers = ("=".join(public[n] for n in tier if n in public) for tier in self.tiers)
        return " > ".join(tier for tier in tiers if tier)


@dataclass(frozen=True)
class ApprovalBallot(_Stored):
    approved: tuple[int, ...] = ()
    kind: ClassVar[BallotKind] = BallotKind.APPROVAL
    key: ClassVar[str] = "approved"

    @classmethod
    def of_choices(cls, chosen: Iterable[int]) -> "ApprovalBallot":
        """The needs ticked, each once, in id order (as the ballot page stores them)."""
        return cls(tuple(sorted(set(chosen))))

    @classmethod
    def from_data(cls, data: dict) -> "ApprovalBallot":
        return cls(tuple(data[cls.key]))

    def to_data(self) -> dict:
        return {self.key: list(self.approved)}

    def short(self, public: Mapping[int, str]) -> str:
        """"12, 7", leaving out needs not in `public`."""
        return ", ".join(public[n] for n in self.approved if n in public)


@dataclass(frozen=True)
class PointsBallot(_Stored):
    points: tuple[tuple[int, int], ...] = ()  # (need, points), in stored order
    kind: ClassVar[BallotKind] = BallotKind.POINTS
    key: ClassVar[str] = "points"

    @classmethod
    def of_points(cls, given: Mapping[int, int]) -> "PointsBallot":
        """The needs given points, ordered by their ids as text, as every cast ballot has been stored."""
        return cls(tuple(sorted(((n, p) for n, p in given.items() if p > 0), key=lambda entry: str(entry[0]))))

    @classmethod
    def from_data(cls, data: dict) -> "PointsBallot":
        return cls(tuple((int(n), p) for n, p in data[cls.key].items()))

    def to_data(self) -> dict:
        return {self.key: {str(n): p for n, p in self.points}}

    def short(self, public: Mapping[int, str]) -> str:
        """"12×3, 7×2"; a need not in `public` keeps its id."""
        return ", ".join(f"{public.get(n, n)}×{p}" for n, p in self.points)


@dataclass(frozen=True)
class Answer:
    low: int
    high: int
    chosen: int | None  # None: the resident said neither matters more

    @property
    def pair_key(self) -> str:
        return f"{self.low}-{self.high}"

    def short(self, public: Mapping[int, str]) -> str:
        low, high = public.get(self.low, self.low), public.get(self.high, self.high)
        if self.chosen is None:
            return f"{low}~{high}"
        return f"{low}>{high}" if self.chosen == self.low else f"{high}>{low}"


@dataclass(frozen=True)
class PairwiseBallot(_Stored):
    answers: tuple[Answer, ...] = ()
    kind: ClassVar[BallotKind] = BallotKind.PAIRWISE
    key: ClassVar[str] = "answers"

    @classmethod
    def from_data(cls, data: dict) -> "PairwiseBallot":
        answers = []
        for pair, chosen in data[cls.key].items():
            low, high = (int(n) for n in pair.split("-"))
            answers.append(Answer(low, high, None if chosen == NO_PREFERENCE else int(chosen)))
        return cls(tuple(answers))

    def to_data(self) -> dict:
        return {self.key: {a.pair_key: NO_PREFERENCE if a.chosen is None else str(a.chosen) for a in self.answers}}

    def answered(self) -> set[frozenset[int]]:
        return {frozenset((a.low, a.high)) for a in self.answers}

    def with_answer(self, first: int, second: int, chosen: int | None) -> "PairwiseBallot":
        """This ballot with the pair's answer given or changed; answers ordered by their pair as
        text, as every pairwise ballot has been stored."""
        low, high = sorted((first, second))
        answers = {a.pair_key: a for a in self.answers}
        answers[f"{low}-{high}"] = Answer(low, high, chosen)
        return PairwiseBallot(tuple(answers[key] for key in sorted(answers)))

    def short(self, public: Mapping[int, str]) -> str:
        """"12>7, 3~9": the chosen need first, "~" for neither."""
        return ", ".join(a.short(public) for a in self.answers)


StoredBallot = RankingBallot | ApprovalBallot | PointsBallot | PairwiseBallot
TYPES: dict[BallotKind, type[StoredBallot]] = {t.kind: t for t in (RankingBallot, ApprovalBallot, PointsBallot,
                                                                   PairwiseBallot)}
_BY_KEY = {t.key: t for t in TYPES.values()}


def parse(text: str, kind: BallotKind | None = None) -> StoredBallot:
    """A stored ballot as its type, which its one key names; with `kind`, a ballot of another kind
    is refused (ValueError)."""
    data = json.loads(text)
    if not isinstance(data, dict) or len(data) != 1 or next(iter(data)) not in _BY_KEY:
        raise ValueError(f"not a stored ballot: {text[:80]!r}")
    ballot = _BY_KEY[next(iter(data))].from_data(data)
    if kind is not None and ballot.kind != kind:
        raise ValueError(f"a {ballot.kind} ballot where a {kind} ballot was expected")
    return ballot


def approved_lists(texts: list[str]) -> list[list[int]]:
    """Many stored approval ballots at once, as lists of need ids: one JSON parse for all of them,
    so a city's ballots are read in a fraction of a second."""
    key = ApprovalBallot.key
    return [data[key] for data in json.loads("[" + ",".join(texts) + "]")]
