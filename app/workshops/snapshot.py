"""What every projector screen of a session shows, as one shared value. Pure Python.

The snapshot is computed at most once a second per session and stored, so two hundred screens polling
cost the server one count, not two hundred.
"""
import json
from dataclasses import dataclass
from datetime import datetime, timedelta

MAX_AGE = timedelta(seconds=1)


@dataclass(frozen=True)
class Snapshot:
    joined: int
    ballots: int
    results_shown: bool
    ranking: tuple[str, ...]
    timer_ends_at: datetime | None


def build(joined: int, ballots: int, revealed: bool, results_allowed: bool, ranking, timer_ends_at) -> Snapshot:
    """Results show only when the facilitator revealed them and the round itself lets them be seen
    (a round that hides results until ranking closes keeps them hidden, whatever the facilitator does)."""
    shown = revealed and results_allowed
    return Snapshot(joined, ballots, shown, tuple(ranking) if shown else (), timer_ends_at)


def is_fresh(computed_at: datetime | None, now: datetime) -> bool:
    return computed_at is not None and timedelta(0) <= now - computed_at < MAX_AGE


def as_dict(snapshot: Snapshot) -> dict:
    """The public shape of snapshot.json (CONTRACT.md): exactly these five keys."""
    ends = snapshot.timer_ends_at
    return {"joined": snapshot.joined, "ballots": snapshot.ballots, "results_shown": snapshot.results_shown,
            "ranking": list(snapshot.ranking), "timer_ends_at": ends.isoformat() if ends else None}


def dumps(snapshot: Snapshot) -> str:
    return json.dumps(as_dict(snapshot), separators=(",", ":"))


def loads(text: str) -> Snapshot:
    data = json.loads(text)
    ends = data["timer_ends_at"]
    return Snapshot(data["joined"], data["ballots"], data["results_shown"], tuple(data["ranking"]),
                    datetime.fromisoformat(ends) if ends else None)
