"""What an operator types for one paper ballot, read into the ballot it stands for. Pure Python.

The printed ballot numbers each need; the operator types those numbers as the paper shows them:
a ranking in order ("4 1 7"), the needs ticked for approval ("2 5"), and need:points for points
("3:5 1:2"). Spaces, commas, ">" and "=" between numbers all separate them.
"""
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from app.voting.ballot_content import ApprovalBallot, BallotKind, PointsBallot, RankingBallot, StoredBallot

_SEPARATORS = re.compile(r"[\s,;>]+")
_POINTS = re.compile(r"^(\w+)[:x*×](\d{1,6})$", re.IGNORECASE)


@dataclass
class Marks:
    ballot: StoredBallot | None = None
    errors: list[str] = field(default_factory=list)
    order: list[int] = field(default_factory=list)
    points: dict[int, int] = field(default_factory=dict)


def read(kind: BallotKind, typed: str, numbers: Mapping[str, int]) -> Marks:
    """`numbers` maps each printed need number to the need's id."""
    tokens = [t for t in _SEPARATORS.split(typed.strip()) if t]
    if not tokens:
        return Marks(errors=["empty"])
    if kind == BallotKind.POINTS:
        return _points(tokens, numbers)
    order = []
    for token in tokens:
        need = numbers.get(token.upper())
        if need is None:
            return Marks(errors=["unknown-need"])
        order.append(need)
    if len(set(order)) != len(order):
        return Marks(errors=["duplicate"], order=order)
    if kind == BallotKind.RANKING:
        return Marks(RankingBallot.of_order(order), order=order)
    if kind == BallotKind.APPROVAL:
        return Marks(ApprovalBallot.of_choices(order), order=order)
    return Marks(errors=["unknown-need"])


def _points(tokens: list[str], numbers: Mapping[str, int]) -> Marks:
    given: dict[int, int] = {}
    for token in tokens:
        found = _POINTS.match(token)
        if not found:
            return Marks(errors=["not-a-number"])
        need = numbers.get(found.group(1).upper())
        if need is None:
            return Marks(errors=["unknown-need"])
        if need in given:
            return Marks(errors=["duplicate"])
        given[need] = int(found.group(2))
    return Marks(PointsBallot.of_points(given), points=given)


def typed_form(ballot: StoredBallot, printed: Mapping[int, str]) -> str:
    """A stored ballot written back as an operator would type it (for the supervisor's form)."""
    if isinstance(ballot, RankingBallot):
        return " ".join(printed.get(n, str(n)) for tier in ballot.tiers for n in tier)
    if isinstance(ballot, ApprovalBallot):
        return " ".join(printed.get(n, str(n)) for n in ballot.approved)
    if isinstance(ballot, PointsBallot):
        return " ".join(f"{printed.get(n, str(n))}:{p}" for n, p in ballot.points)
    return ""
