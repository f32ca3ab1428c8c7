"""Reading a ballot form into a draft, and applying the ranking buttons to it. No database."""
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Protocol

from app.bounds import read_int
from app.voting.ballot_content import (ApprovalBallot, BallotKind, PairwiseBallot, PointsBallot, RankingBallot,
                                       StoredBallot, parse)


class Form(Protocol):
    """What a ballot form is read from: a request's form data (werkzeug's MultiDict) or any mapping like it."""

    def getlist(self, key: str) -> list[str]: ...

    def items(self) -> Iterable[tuple[str, str]]: ...


@dataclass
class Draft:
    order: list[int] = field(default_factory=list)
    approved: list[int] = field(default_factory=list)
    points: dict[int, int] = field(default_factory=dict)
    unreadable: list[int] = field(default_factory=list)
    duplicate_ranks: bool = False


def _ints(values) -> list[int]:
    return [n for v in values if (n := read_int(v)) is not None]


def _numbered(form: Form, prefix: str) -> list[tuple[int, str]]:
    """(need id, typed text) of every `prefix-ID` field whose ID could be a need's."""
    return [(need, value.strip()) for key, value in form.items()
            if key.startswith(prefix) and (need := read_int(key.removeprefix(prefix))) is not None]


def read(form: Form) -> Draft:
    draft = Draft(order=_ints(form.getlist("order")), approved=_ints(form.getlist("approve")))
    ranks = {need: text for need, text in _numbered(form, "rank-") if text}
    if ranks:
        # The no-JavaScript form: a rank number per need replaces the tapped order.
        numbered = sorted((rank, n) for n, r in ranks.items() if (rank := read_int(r)) is not None)
        draft.order = [n for _, n in numbered]
        draft.duplicate_ranks = len({r for r, _ in numbered}) != len(numbered)
    for need, text in _numbered(form, "points-"):
        if (points := read_int(text, signed=True)) is not None:
            draft.points[need] = points
        elif text:
            draft.unreadable.append(need)
    return draft


def apply_edit(order: list[int], edit: str) -> list[int]:
    """The tap-to-rank buttons: add:ID, up:ID, down:ID, remove:ID."""
    action, _, target = edit.partition(":")
    need = read_int(target)
    if need is None:
        return order
    order = list(order)
    if action == "add" and need not in order:
        order.append(need)
    elif action == "remove" and need in order:
        order.remove(need)
    elif action in ("up", "down") and need in order:
        i = order.index(need)
        j = i - 1 if action == "up" else i + 1
        if 0 <= j < len(order):
            order[i], order[j] = order[j], order[i]
    return order


@dataclass(frozen=True)
class Change:
    """What one tap on the ranking did, for the one sentence a screen reader hears, and the control that
    keeps the focus after the ballot is drawn again (the moved need's, or the next one to add)."""
    action: str  # add, up, down, remove
    need: int
    place: int | None  # its place after the tap; None once removed
    focus: str  # the id of the control to focus


def change_of(before: list[int], after: list[int], edit: str, needs: list[int], full: bool) -> Change | None:
    """The change `edit` made from `before` to `after` (None when it changed nothing); `needs` are the
    ballot's needs in the order listed, `full` whether the ranking can take no more."""
    action, _, target = edit.partition(":")
    need = read_int(target)
    if need is None or before == after:
        return None
    if action == "remove":
        return Change(action, need, None, f"add-{need}")
    place = after.index(need) + 1
    if action == "add":
        left = [n for n in needs if n not in after]
        following = [n for n in left if needs.index(n) > needs.index(need)] + left
        return Change(action, need, place, "cast" if full or not following else f"add-{following[0]}")
    first, last = place == 1, place == len(after)
    keep = "up" if (action == "up" and not first) or last else "down"
    return Change(action, need, place, f"{keep}-{need}")


def next_pair(needs: list[int], answered: set[frozenset[int]], choose) -> tuple[int, int] | None:
    """The next "which matters more?" pair: the unanswered pair of the needs this resident has seen least.

    `choose` picks among equally good pairs (random.choice in use), so residents see different
    pairs and every need gets compared.
    """
    seen = {n: 0 for n in needs}
    for pair in answered:
        for n in pair:
            if n in seen:
                seen[n] += 1
    open_pairs = [(a, b) for i, a in enumerate(needs) for b in needs[i + 1:] if frozenset((a, b)) not in answered]
    if not open_pairs:
        return None
    least = min(seen[a] + seen[b] for a, b in open_pairs)
    return choose([pair for pair in open_pairs if seen[pair[0]] + seen[pair[1]] == least])


def from_content(content: str | None) -> Draft:
    """A stored ballot's content as a draft to show again (an empty draft for no ballot)."""
    ballot = parse(content) if content else None
    if isinstance(ballot, RankingBallot):
        return Draft(order=[tier[0] for tier in ballot.tiers])
    if isinstance(ballot, ApprovalBallot):
        return Draft(approved=list(ballot.approved))
    if isinstance(ballot, PointsBallot):
        return Draft(points=dict(ballot.points))
    return Draft()


def to_ballot(kind: BallotKind, draft: Draft) -> StoredBallot:
    """What is stored for a ranking, approval or points ballot."""
    if kind == BallotKind.RANKING:
        return RankingBallot.of_order(draft.order)
    if kind == BallotKind.APPROVAL:
        return ApprovalBallot.of_choices(draft.approved)
    return PointsBallot.of_points(draft.points)


def to_content(kind: BallotKind, draft: Draft) -> dict:
    """The stored JSON object of the draft, before it is written."""
    return to_ballot(kind, draft).to_data()


def answered(answers: dict[str, str]) -> set[frozenset[int]]:
    """The pairs a stored "answers" object has answered."""
    return PairwiseBallot.from_data({PairwiseBallot.key: answers}).answered()


def answers_of(content: str | None) -> PairwiseBallot:
    """A pairwise ballot as stored (no answers for no ballot)."""
    return PairwiseBallot.from_json(content) if content else PairwiseBallot()
