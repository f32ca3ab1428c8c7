"""Weighted marks on a panel's rubric. Pure Python.

A rubric is a list of criteria, each with a whole-number weight. A member's sheet gives each criterion
a mark from 1 to 5; the sheet's weighted mark is the weighted mean of its marks, so it stays on the
same 1-to-5 scale whatever the weights. An application's score is the mean of its members' weighted
marks. Everything is exact (Fraction): two applications tie only when their marks truly tie.
"""
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from fractions import Fraction

TOP_MARK = 5
# Marks this far apart on one criterion are worth talking over before deciding.
WIDE_SPREAD = 2



class Standard(StrEnum):
    """The three questions every panel started with; a round's rubric begins with them, equally weighted."""

    FIT = "fit"
    DELIVERABILITY = "deliverability"
    VALUE = "value"


Sheet = Mapping[str, int]  # criterion key -> mark, one member's marks on one application


@dataclass(frozen=True)
class Criterion:
    key: str
    weight: int


def weighted_mark(sheet: Sheet, criteria: Sequence[Criterion]) -> Fraction:
    """One member's marks as one figure: the mean of the marks, each counted `weight` times."""
    total_weight = sum(c.weight for c in criteria)
    if total_weight <= 0:
        raise ValueError("a rubric needs a criterion with a weight above zero")
    return Fraction(sum(c.weight * sheet[c.key] for c in criteria), total_weight)


def score(sheets: Sequence[Sheet], criteria: Sequence[Criterion]) -> Fraction | None:
    """The mean of the members' weighted marks; None until someone has marked."""
    if not sheets:
        return None
    return sum((weighted_mark(sheet, criteria) for sheet in sheets), Fraction(0)) / len(sheets)


def criterion_means(sheets: Sequence[Sheet], criteria: Sequence[Criterion]) -> dict[str, Fraction]:
    """Each criterion's mean mark over the members; empty until someone has marked."""
    if not sheets:
        return {}
    return {c.key: Fraction(sum(sheet[c.key] for sheet in sheets), len(sheets)) for c in criteria}


def wide_spreads(sheets: Sequence[Sheet], criteria: Sequence[Criterion]) -> dict[str, tuple[int, int]]:
    """The criteria on which members' marks lie WIDE_SPREAD or more apart, each with its lowest and highest."""
    found = {}
    for criterion in criteria:
        given = [sheet[criterion.key] for sheet in sheets]
        if given and max(given) - min(given) >= WIDE_SPREAD:
            found[criterion.key] = (min(given), max(given))
    return found


@dataclass(frozen=True)
class Feedback:
    """What an applicant is told: per criterion, its own mean mark and the funded applications' average."""

    own: dict[str, Fraction]
    funded_average: dict[str, Fraction]  # empty when nothing was funded or marked
    own_score: Fraction | None
    funded_score: Fraction | None


def feedback(own: Sequence[Sheet], funded: Sequence[Sequence[Sheet]], criteria: Sequence[Criterion]) -> Feedback:
    """An application's means against the funded ones': each funded application counts once, whatever
    the number of members who marked it (the average of their means, not of all their sheets)."""
    marked = [sheets for sheets in funded if sheets]
    means = [criterion_means(sheets, criteria) for sheets in marked]
    average = {c.key: sum((m[c.key] for m in means), Fraction(0)) / len(means) for c in criteria} if means else {}
    scores = [score(sheets, criteria) for sheets in marked]
    return Feedback(criterion_means(own, criteria), average, score(own, criteria),
                    sum(scores, Fraction(0)) / len(scores) if scores else None)
