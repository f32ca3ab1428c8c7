"""Budget rules of the greedy family, as cities run them. Pure Python, exact money (Fraction).

- greedy: most support first; a project that does not fit is skipped and the next one tried.
- greedy-no-skip: most support first; stop at the first project that does not fit.
- greedy-threshold: projects below the support threshold are out first, then greedy.
- greedy-custom: greedy-no-skip, then the project it stopped at is funded anyway if at least
  80% of its cost is left (the Poznań and Gdynia reserve).
- greedy-exclusive: greedy (no exclusions between projects are recorded in the data).
"""
from dataclasses import dataclass
from fractions import Fraction

from app.voting.outcome import Outcome
from app.voting.ties import TieBreak, order_by_score

RESERVE_SHARE = Fraction(4, 5)
GREEDY_RULES = ("greedy", "greedy-no-skip", "greedy-threshold", "greedy-custom", "greedy-exclusive")


def spent(selected, costs) -> Fraction:
    return sum((costs[n] for n in selected), Fraction(0))


@dataclass(frozen=True)
class Reason:
    """Why a need was or was not funded: a code and its numbers (money as exact Fractions),
    which the results page puts in words."""

    code: str
    values: dict


@dataclass(frozen=True)
class Instance:
    budget: Fraction
    costs: dict[str, Fraction]
    support: dict[str, int]
    threshold: int = 0


def greedy_family(rule: str, instance: Instance, tie_break: TieBreak) -> Outcome:
    if rule not in GREEDY_RULES:
        raise ValueError(f"unknown greedy rule {rule!r}")
    ranking, ties = order_by_score(instance.support, tie_break)
    left, selected, why, stopped = instance.budget, [], {}, None
    for place, need in enumerate(ranking, start=1):
        cost, support = instance.costs[need], instance.support[need]
        if rule == "greedy-threshold" and support < instance.threshold:
            why[need] = Reason("below-threshold", {"support": support, "threshold": instance.threshold})
        elif stopped is not None:
            why[need] = Reason("after-stop", {"stopped_at": stopped})
        elif cost <= left:
            why[need] = Reason("greedy-funded", {"place": place, "support": support, "left": left})
            selected.append(need)
            left -= cost
        elif rule in ("greedy-no-skip", "greedy-custom"):
            stopped = need
            if rule == "greedy-custom" and left >= RESERVE_SHARE * cost:
                why[need] = Reason("reserve", {"left": left, "cost": cost})
                selected.append(need)
                left -= cost
            else:
                why[need] = Reason("no-room-stop", {"left": left, "cost": cost})
        else:
            why[need] = Reason("no-room", {"left": left, "cost": cost})
    return Outcome(rule, tie_break.name, ranking, dict(instance.support), ties, selected=tuple(selected),
                   details={"spent": instance.budget - left, "reserve": stopped if stopped in selected else None,
                            "why": why})
