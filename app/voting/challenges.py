"""When a published decision may be challenged, who may answer, and when it becomes final. Pure Python.

A round's challenge window opens when the panel publishes its decisions and runs for the days the round
sets. Each challenge is answered by a panel member who took no part in the decision it questions (did not
record it, mark the application or declare a conflict on it), by a deadline counted from the challenge.
"""
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

DEFAULT_WINDOW_DAYS = 14
ANSWER_DAYS = 14


class Ground(StrEnum):
    """What a challenge questions: one of the published criteria, or the community's ranking."""
    FIT = "fit"
    DELIVERABILITY = "deliverability"
    VALUE = "value"
    RANKING = "ranking"


class Outcome(StrEnum):
    OPEN = "open"
    UPHELD = "upheld"  # the challenge is right, and the panel acts on it
    CHANGED = "decision-changed"
    DISMISSED = "dismissed"


@dataclass(frozen=True)
class Window:
    opens: datetime
    days: int

    @property
    def closes(self) -> datetime:
        return self.opens + timedelta(days=self.days)

    def is_open(self, now: datetime) -> bool:
        return self.opens <= now < self.closes


def window(published_at: datetime | None, days: int | None) -> Window | None:
    """The round's challenge window; None before the decisions are published."""
    if published_at is None:
        return None
    return Window(published_at, DEFAULT_WINDOW_DAYS if days is None else days)


def answer_deadline(challenged_at: datetime) -> datetime:
    return challenged_at + timedelta(days=ANSWER_DAYS)


def may_answer(member: int, took_part: set[int]) -> bool:
    """Only a member with no part in the decision answers a challenge to it."""
    return member not in took_part


def is_final(window_: Window | None, outcomes: list[Outcome], now: datetime) -> bool:
    """A decision is final once its window has closed, or once it was challenged and every challenge is answered."""
    if window_ is None:
        return False
    if any(outcome == Outcome.OPEN for outcome in outcomes):
        return False
    return bool(outcomes) or not window_.is_open(now)
