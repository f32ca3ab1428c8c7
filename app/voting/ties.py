"""Named tie-breaking, recorded so a panel can see how each tie was settled. Pure Python."""
import random
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

NAMES = ("lexicographic", "min-cost", "max-cost", "random:SEED")


class TieBreakError(ValueError):
    pass


@dataclass(frozen=True)
class Tie:
    between: tuple[str, ...]
    chose: str
    by: str


@dataclass(frozen=True)
class TieBreak:
    """A total order of the candidates, used only to settle ties."""

    name: str
    order: tuple[str, ...]

    def key(self) -> Callable[[str], int]:
        position = {c: i for i, c in enumerate(self.order)}
        return position.__getitem__

    def first(self, tied: Iterable[str]) -> str:
        return min(tied, key=self.key())

    def last(self, tied: Iterable[str]) -> str:
        return max(tied, key=self.key())


def natural_key(candidate: str):
    """Ids compare as numbers where they are numbers ("9" before "10"), else as text."""
    return (0, int(candidate), "") if candidate.isdigit() else (1, 0, candidate)


def make_tie_break(name: str, candidates: Iterable[str], costs: Mapping[str, int] | None = None) -> TieBreak:
    ids = sorted(candidates, key=natural_key)
    if name == "lexicographic":
        return TieBreak(name, tuple(ids))
    if name in ("min-cost", "max-cost"):
        if costs is None or any(c not in costs for c in ids):
            raise TieBreakError(f"{name} needs a cost for every need")
        sign = 1 if name == "min-cost" else -1
        return TieBreak(name, tuple(sorted(ids, key=lambda c: (sign * costs[c], natural_key(c)))))
    if name.startswith("random:"):
        seed = name.partition(":")[2]
        if not seed:
            raise TieBreakError("random needs a seed, as random:42")
        shuffled = list(ids)
        random.Random(seed).shuffle(shuffled)
        return TieBreak(name, tuple(shuffled))
    raise TieBreakError(f"unknown tie-break {name!r}; known: {', '.join(NAMES)}")


def order_by_score(scores: Mapping[str, object], tie_break: TieBreak) -> tuple[tuple[str, ...], tuple[Tie, ...]]:
    """Candidates best score first; equal scores ordered by the tie-break, each decision recorded."""
    key = tie_break.key()
    ranked = sorted(scores, key=lambda c: (_negate(scores[c]), key(c)))
    ties = []
    start = 0
    while start < len(ranked):
        end = start
        while end + 1 < len(ranked) and scores[ranked[end + 1]] == scores[ranked[start]]:
            end += 1
        group = ranked[start:end + 1]
        for i in range(len(group) - 1):
            ties.append(Tie(tuple(sorted(group[i:], key=natural_key)), group[i], tie_break.name))
        start = end + 1
    return tuple(ranked), tuple(ties)


def _negate(score):
    return -score
