"""What a tally returns. Pure Python."""
from dataclasses import dataclass, field

from app.voting.ties import Tie


@dataclass(frozen=True)
class Outcome:
    rule: str
    tie_break: str
    ranking: tuple[str, ...]
    scores: dict
    ties: tuple[Tie, ...] = ()
    selected: tuple[str, ...] = ()
    voters: int = 0
    # Rule-specific working, for "how this was counted" (IRV rounds, Schulze paths...).
    details: dict = field(default_factory=dict)

    @property
    def winner(self) -> str | None:
        return self.ranking[0] if self.ranking else None
