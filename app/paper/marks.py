"""What an operator types for one paper ballot, read into the ballot it stands for. Pure Python.

The printed ballot numbers each need; the operator types those numbers as the paper shows them:
a ranking in order ("4 1 7"), the needs ticked for approval ("2 5"), and need:points for points
("3:5 1:2"). Spaces, commas, ">" and "=" between numbers all separate them. A pairwise paper prints its
pairs in a fixed order, and the operator types one key for each: 1 for A, 2 for B, 0 for "I can't
decide" and - for a pair left blank ("1 2 0 -", or "120-").
"""
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from app.voting.ballot_content import (ApprovalBallot, BallotKind, PairwiseBallot, PointsBallot, RankingBallot,
                                       StoredBallot)

_SEPARATORS = re.compile(r"[\s,;>]+")
_POINTS = re.compile(r"^(\w+)[:x*×](\d{1,6})$", re.IGNORECASE)


@dataclass
class Marks:
    ballot: StoredBallot | None = None
    errors: list[str] = field(default_factory=list)
    order: list[int] = field(default_factory=list)
    points: dict[int, int] = field(default_factory=dict)
    typed_pairs: int = 0  # how many keys a pairwise entry gave


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


PAIR_KEYS = {"1": "A", "A": "A", "2": "B", "B": "B", "0": "none", "-": None, ".": None}
_PAIR_SEPARATORS = re.compile(r"[\s,;]+")


def read_pairs(typed: str, pairs: Sequence[tuple[int, int]]) -> Marks:
    """One key for each printed pair (A, B), in printed order; a blank pair adds no answer."""
    keys = _PAIR_SEPARATORS.sub("", typed.strip().upper())
    if any(key not in PAIR_KEYS for key in keys):
        return Marks(errors=["pair-key"], typed_pairs=len(keys))
    if len(keys) != len(pairs):
        return Marks(errors=["pair-count"], typed_pairs=len(keys))
    ballot = PairwiseBallot()
    for key, (a, b) in zip(keys, pairs):
        if PAIR_KEYS[key] is not None:
            ballot = ballot.with_answer(a, b, {"A": a, "B": b, "none": None}[PAIR_KEYS[key]])
    if not ballot.answers:
        return Marks(errors=["pairs-blank"], typed_pairs=len(keys))
    return Marks(ballot, typed_pairs=len(keys))


def typed_pairs(ballot: PairwiseBallot, pairs: Sequence[tuple[int, int]]) -> str:
    """A pairwise ballot written back as its keys, in the paper's printed order."""
    chosen = {frozenset((a.low, a.high)): a.chosen for a in ballot.answers}
    keys = []
    for a, b in pairs:
        pair = frozenset((a, b))
        keys.append("-" if pair not in chosen else "0" if chosen[pair] is None else "1" if chosen[pair] == a else "2")
    return " ".join(keys)


def typed_form(ballot: StoredBallot, printed: Mapping[int, str],
               pairs: Sequence[tuple[int, int]] | None = None) -> str:
    """A stored ballot written back as an operator would type it (for the supervisor's form); a
    pairwise ballot without its paper's pairs in short form ("12>7, 3~9")."""
    if isinstance(ballot, PairwiseBallot):
        return typed_pairs(ballot, pairs) if pairs else ballot.short(printed)
    if isinstance(ballot, RankingBallot):
        return " ".join(printed.get(n, str(n)) for tier in ballot.tiers for n in tier)
    if isinstance(ballot, ApprovalBallot):
        return " ".join(printed.get(n, str(n)) for n in ballot.approved)
    if isinstance(ballot, PointsBallot):
        return " ".join(f"{printed.get(n, str(n))}:{p}" for n, p in ballot.points)
    return ""
