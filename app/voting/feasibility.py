"""The feasibility and cost review that comes before ranking, as city budgets run it: each need gets a
cost estimate and a verdict; a need found not feasible leaves the ballot with a public reason. Pure Python."""
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    UNREVIEWED = "unreviewed"
    FEASIBLE = "feasible"
    NOT_FEASIBLE = "not-feasible"


class ReviewRefusal(StrEnum):
    REASON_NEEDED = "reason-needed"  # residents are owed a reason when their need cannot go ahead
    COST_NEEDED = "cost-needed"  # budget rules cannot count a need without a cost
    OVER_BUDGET = "over-budget"  # a need costing more than the whole budget could never be funded


@dataclass(frozen=True)
class Review:
    verdict: Verdict
    reason: str
    cost: int | None  # in the round's stored units


def refusals(review: Review, budget: int | None) -> list[ReviewRefusal]:
    """What stops a review being recorded; `budget` is the round's, None where it has none."""
    found = []
    if review.verdict == Verdict.NOT_FEASIBLE and not review.reason.strip():
        found.append(ReviewRefusal.REASON_NEEDED)
    if review.verdict == Verdict.FEASIBLE and budget and review.cost is None:
        found.append(ReviewRefusal.COST_NEEDED)
    if review.verdict == Verdict.FEASIBLE and budget and review.cost is not None and review.cost > budget:
        found.append(ReviewRefusal.OVER_BUDGET)
    return found


@dataclass(frozen=True)
class Readiness:
    """How far the review has got: what a facilitator needs to know before opening ranking."""
    total: int
    unreviewed: int
    not_feasible: int
    without_cost: int  # on the ballot but with no cost, in a round that has a budget

    @property
    def on_ballot(self) -> int:
        return self.total - self.not_feasible

    @property
    def ready(self) -> bool:
        return self.unreviewed == 0 and self.without_cost == 0


def readiness(needs: Iterable[tuple[Verdict, int | None]], budgeted: bool) -> Readiness:
    """From each open need's verdict and cost."""
    needs = list(needs)
    on_ballot = [cost for verdict, cost in needs if verdict != Verdict.NOT_FEASIBLE]
    return Readiness(
        total=len(needs),
        unreviewed=sum(verdict == Verdict.UNREVIEWED for verdict, _ in needs),
        not_feasible=len(needs) - len(on_ballot),
        without_cost=sum(cost is None for cost in on_ballot) if budgeted else 0)
