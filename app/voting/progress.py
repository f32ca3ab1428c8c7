"""What a grant's progress reports add up to, and which reports a group may post. Pure Python.

A funded group reports progress through the link the panel emails it: a milestone, how much of the work is
done (0 to 100 per cent) and a few words. The funder then marks the grant complete, which closes the reports.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

# A grant runs for months: the link lasts a season, and the panel can send a fresh one at any time.
LINK_LIFETIME = timedelta(days=120)
MILESTONE_MAX = 140
TEXT_MAX = 2000


class GrantState(StrEnum):
    AWARDED = "awarded"  # published and funded, nothing reported yet
    UNDER_WAY = "under-way"  # the group has reported progress
    COMPLETE = "complete"  # the funder has marked the grant complete


class ProgressRefusal(StrEnum):
    """Why a report is refused; the progress labels say it in words."""

    PERCENT = "percent"  # not a whole number from 0 to 100
    MILESTONE = "milestone"  # empty or too long
    TEXT = "text"  # empty or too long
    COMPLETE = "complete"  # the grant is marked complete: reports are closed


@dataclass(frozen=True)
class Report:
    posted_at: datetime
    percent: int


def state(reports: list[Report], completed_at: datetime | None) -> GrantState:
    if completed_at is not None:
        return GrantState.COMPLETE
    return GrantState.UNDER_WAY if reports else GrantState.AWARDED


def percent_done(reports: list[Report], completed_at: datetime | None) -> int:
    """The latest report's figure (a group may correct an earlier estimate down); all of it once complete."""
    if completed_at is not None:
        return 100
    if not reports:
        return 0
    return max(reports, key=lambda r: r.posted_at).percent


def refusals(milestone: str, percent: object, text: str, completed_at: datetime | None) -> list[ProgressRefusal]:
    """Everything wrong with a report, in the order the form asks for it; empty when it can be posted."""
    if completed_at is not None:
        return [ProgressRefusal.COMPLETE]
    found = []
    if not milestone.strip() or len(milestone) > MILESTONE_MAX:
        found.append(ProgressRefusal.MILESTONE)
    if not isinstance(percent, int) or isinstance(percent, bool) or not 0 <= percent <= 100:
        found.append(ProgressRefusal.PERCENT)
    if not text.strip() or len(text) > TEXT_MAX:
        found.append(ProgressRefusal.TEXT)
    return found


def link_expired(issued_at: datetime, now: datetime) -> bool:
    return now - issued_at > LINK_LIFETIME or issued_at > now
