"""From the community's ranked needs and the panel's marks to suggested grants. Pure Python.

Each need is met by at most one grant: its best-scored application (the cheaper one when marks tie,
then the earlier). Marks from members with a declared conflict never reach this module. The
suggestion funds those candidates by a named rule: in the order of the community's own ranking,
skipping what does not fit ("ranking"), or by a budget rule run on the residents' ballots with each
need costing its candidate application (see budget_rules).
"""
from dataclasses import dataclass
from fractions import Fraction

IN_RANKING_ORDER = "ranking"
# The first needs no ballots a budget rule can read (pairwise answers); the others are budget rules.
SUGGESTION_RULES = (IN_RANKING_ORDER, "greedy", "equalshares/add1")


@dataclass(frozen=True)
class Proposal:
    """An application as the rules see it: its id, the need it meets, what it asks for, and its score
    (the mean of members' weighted marks, app.voting.rubric; None until someone has marked it)."""

    id: str
    need: str
    amount: Fraction
    score: Fraction | None = None
    marked_by: int = 0


@dataclass(frozen=True)
class Suggestion:
    funded: tuple[str, ...]  # proposal ids, in the order the rule chose them
    spent: Fraction
    budget: Fraction
    why: dict[str, str]  # proposal id -> funded, runner-up, unmarked, does-not-fit, not-chosen

    @property
    def left(self) -> Fraction:
        return self.budget - self.spent


def best_per_need(proposals: list[Proposal]) -> dict[str, Proposal]:
    """The candidate for each need: marked before unmarked, then the best mean, the lower amount, the earlier."""
    position = {proposal.id: place for place, proposal in enumerate(proposals)}

    def key(proposal: Proposal):
        score = proposal.score
        return score is None, -(score or 0), proposal.amount, position[proposal.id]

    best: dict[str, Proposal] = {}
    for proposal in proposals:
        if proposal.need not in best or key(proposal) < key(best[proposal.need]):
            best[proposal.need] = proposal
    return best


def in_ranking_order(proposals: list[Proposal], ranking: tuple[str, ...], budget: Fraction) -> Suggestion:
    """Fund each need's candidate in the community's order, skipping any that costs more than is left."""
    candidates = best_per_need(proposals)
    order = [need for need in ranking if need in candidates]
    return _fund(proposals, candidates, [candidates[need] for need in order], budget, skip=True)


def chosen_by_rule(proposals: list[Proposal], selected_needs: tuple[str, ...], budget: Fraction) -> Suggestion:
    """Fund the candidates of the needs a budget rule selected, in the rule's order."""
    candidates = best_per_need(proposals)
    return _fund(proposals, candidates, [candidates[need] for need in selected_needs if need in candidates],
                 budget, skip=False)


def _fund(proposals, candidates, order, budget: Fraction, skip: bool) -> Suggestion:
    funded, spent, why = [], Fraction(0), {}
    for proposal in order:
        if spent + proposal.amount <= budget:
            funded.append(proposal.id)
            spent += proposal.amount
            why[proposal.id] = "funded"
        elif skip:
            why[proposal.id] = "does-not-fit"
    for proposal in proposals:
        if proposal.id not in why:
            why[proposal.id] = ("not-chosen" if candidates[proposal.need] is proposal
                                else "unmarked" if proposal.score is None else "runner-up")
    return Suggestion(tuple(funded), spent, budget, why)
