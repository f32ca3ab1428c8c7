"""Whether a panel about to fund a need should first hear of other money for it. Pure Python.

A need, a need merged into it, or the same need raised in another round and linked to it (or merged into
that one), may already have a published grant from another round's funders, or an application that another
round's panel is still deciding. Either is news to a panel that is about to fund it: the first may make its
own grant a duplicate, the second may make two funders pay for one need. The panel's own round never warns
about itself.
"""
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum


class Kind(StrEnum):
    FUNDED = "funded"  # another round's funders have published a grant meeting it
    CONSIDERED = "considered"  # another round's panel has an application for it and has not decided


@dataclass(frozen=True)
class LinkedNeed:
    """The need another round's application is for, when a link across rounds leads to it rather than merges
    alone: the warning names it, since the panel knows it under another title, on another page."""

    need_id: int
    title: str
    language: str
    round_slug: str


@dataclass(frozen=True)
class Elsewhere:
    """One application for the need, for a need merged into it, or for a need linked to it, in some round."""

    round_id: int
    round_title: str
    currency: str | None
    # Who pays how much: the grant's shares once funded, else the round's funders and the sum asked for.
    funders: tuple[tuple[str, Decimal | None], ...]
    funded: bool
    published: bool  # the round's decisions are public
    linked: LinkedNeed | None = None  # when a link leads to it; None for the need itself or one merged into it


@dataclass(frozen=True)
class Warning:
    kind: Kind
    round_title: str
    funder: str
    amount: Decimal | None
    currency: str | None
    linked: LinkedNeed | None = None


def warnings(round_id: int, found: list[Elsewhere]) -> list[Warning]:
    """What the panel of `round_id` should know: grants made first, then applications other panels are
    still deciding; one line per funder. Decisions published unfunded are no news and say nothing."""
    made, deciding = [], []
    for item in found:
        if item.round_id == round_id or (item.published and not item.funded):
            continue
        kind = Kind.FUNDED if item.published else Kind.CONSIDERED
        (made if item.published else deciding).extend(
            Warning(kind, item.round_title, name, amount, item.currency, item.linked) for name, amount in item.funders)
    return made + deciding
