"""Rules by name, as `flask rounds tally --rule` and the results page call them. Pure Python."""
from app.voting.comparisons import bradley_terry
from app.voting.ranking_rules import borda, copeland, irv, ranked_pairs, schulze
from app.voting.scoring_rules import approval, points

RANKING_RULES = {"borda": borda, "schulze": schulze, "ranked-pairs": ranked_pairs, "copeland": copeland, "irv": irv}
RULES = {**RANKING_RULES, "approval": approval, "points": points, "bradley-terry": bradley_terry}
# The rules that can read each kind of ballot; the first is the round's default.
RULES_FOR_BALLOT = {
    "ranking": ("schulze", "borda", "ranked-pairs", "copeland", "irv"),
    "approval": ("approval",),
    "points": ("points",),
    "pairwise": ("bradley-terry",),
}


class RuleError(ValueError):
    pass


def rule(name: str, ballot_kind: str):
    if name not in RULES:
        raise RuleError(f"unknown rule {name!r}")
    if name not in RULES_FOR_BALLOT[ballot_kind]:
        raise RuleError(f"rule {name!r} cannot count {ballot_kind} ballots; "
                        f"it takes one of: {', '.join(RULES_FOR_BALLOT[ballot_kind])}")
    return RULES[name]
