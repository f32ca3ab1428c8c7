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
    eligible = [p for p in ranking if rule != "greedy-threshold" or instance.support[p] >= instance.threshold]
    left, selected, reserve = instance.budget, [], None
    for project in eligible:
        cost = instance.costs[project]
        if cost <= left:
            selected.append(project)
            left -= cost
        elif rule in ("greedy-no-skip", "greedy-custom"):
            if rule == "greedy-custom" and left >= RESERVE_SHARE * cost:
                selected.append(project)
                reserve = project
                left -= cost
            break
    return Outcome(rule, tie_break.name, ranking, dict(instance.support), ties, selected=tuple(selected),
                   details={"spent": instance.budget - left, "reserve": reserve})
