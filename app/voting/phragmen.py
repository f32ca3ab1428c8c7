"""Sequential Phragmén for participatory budgets. Pure Python, exact (Fraction).

Voters earn money at the same steady rate, from nothing. As soon as a need's supporters together
have earned its cost, it is bought with all they have, and their earnings start again from zero.
Put as loads: buying a need spreads its cost over its supporters so that they all end up carrying
the same load, and the need that leaves that load lowest goes next. The rule stops at the first
need it would buy that does not fit the budget.

All supporters of a bought need carry the same load afterwards, so a voter's load is that of the
last need bought among theirs: the work is per bought need, with numpy keeping each voter's.
"""
from dataclasses import dataclass, field
from fractions import Fraction

import numpy as np

from app.voting.equal_shares import Approvals
from app.voting.ties import Tie, TieBreak


@dataclass
class PhragmenRun:
    selected: list[str] = field(default_factory=list)
    loads: dict[str, Fraction] = field(default_factory=dict)  # each bought need's load on its supporters
    ties: list[Tie] = field(default_factory=list)
    stopped_at: str | None = None


def phragmen(approvals: Approvals, costs: dict[str, Fraction], budget: Fraction, tie_break: TieBreak) -> PhragmenRun:
    result = PhragmenRun()
    key = tie_break.key()
    loads = [Fraction(0)]  # loads[k]: the load of voters whose last bought need was the k-th bought
    last_bought = np.zeros(approvals.voters, dtype=np.int64)
    # Loads only grow, so the load a need would leave last round bounds it from below this round.
    bound = {n: costs[n] / approvals.count(n) for n in costs if approvals.count(n) and costs[n] <= budget}
    left = budget
    while bound:
        best_load, best = None, []
        for need in sorted(bound, key=lambda n: (float(bound[n]), key(n))):
            if best_load is not None and bound[need] > best_load:
                break
            supporters = approvals.supporters[need]
            counts = np.bincount(last_bought[supporters], minlength=len(loads))
            carried = sum((loads[k] * int(counts[k]) for k in np.flatnonzero(counts)), Fraction(0))
            bound[need] = (costs[need] + carried) / len(supporters)
            if best_load is None or bound[need] < best_load:
                best_load, best = bound[need], [need]
            elif bound[need] == best_load:
                best.append(need)
        if any(costs[n] > left for n in best):
            result.stopped_at = tie_break.first(best)
            break
        chosen = tie_break.first(best)
        if len(best) > 1:
            result.ties.append(Tie(tuple(sorted(best, key=key)), chosen, tie_break.name))
        loads.append(best_load)
        last_bought[approvals.supporters[chosen]] = len(loads) - 1
        result.selected.append(chosen)
        result.loads[chosen] = best_load
        left -= costs[chosen]
        del bound[chosen]
    return result
