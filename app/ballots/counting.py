"""A round counted from what its tables hold: the round's settings, its counted needs and the stored
ballots' text in, outcomes out. No Flask, no SQLAlchemy.

Both bridges to the database count through it: app/ballots/tally.py (the ORM, for the pages) and
app/ballots/bulk.py (the database driver, for `flask rounds tally`), so the two count alike. A round
is anything with the Round model's settings (id, slug, ballot_kind, budget, money_scale, max_choices,
support_threshold, tie_break, rule), a need anything with id, public_id and cost.
"""
from collections import Counter
from collections.abc import Sequence
from fractions import Fraction

from app.money import exact, json_number, units
from app.voting.ballot_content import BallotKind, RankingBallot, approved_lists, parse
from app.voting.budget_profiles import approval_election, approval_support, budget_election
from app.voting.budget_rules import BUDGET_RULES
from app.voting.budgeting import GREEDY_RULES
from app.voting.outcome import Outcome
from app.voting.profiles import ApprovalProfile, Comparison, PairwiseProfile, PointsProfile, RankingProfile
from app.voting.rules import RULES_FOR_BALLOT, rule
from app.voting.ties import make_tie_break


def default_rule(round_) -> str:
    return round_.rule or RULES_FOR_BALLOT[round_.ballot_kind.value][0]


def counters(round_, rule_names: list[str]) -> dict:
    """Each named rule as count(ballots, tie_break); a budget rule's ballots are the budget election.
    Raises ValueError for a rule the round's ballots cannot be counted by."""
    return {name: BUDGET_RULES.get(name) or rule(name, round_.ballot_kind.value) for name in rule_names}


def count(round_, needs: Sequence, contents: Sequence[str], rule_names: list[str],
          tie_break: str | None = None) -> list[Outcome]:
    """The outcome of each named rule on the same ballots (stored text, in any order)."""
    counts = counters(round_, rule_names)
    budgeted = [name in BUDGET_RULES for name in counts]
    costs, order = costs_and_order(round_, tie_break, needs)
    if round_.ballot_kind == BallotKind.APPROVAL and all(budgeted):
        profile = None
        election = _approval_election(round_, needs, costs, contents, all(name in GREEDY_RULES for name in counts))
    else:
        profile = build_profile(round_, needs, contents)
        election = budget_election_of(round_, profile, costs) if any(budgeted) else None
    return [count(election if name in BUDGET_RULES else profile, order) for name, count in counts.items()]


def costs_and_order(round_, tie_break: str | None, needs: Sequence):
    """The needs' exact costs by public id, and the tie-break order."""
    costs = {need.public_id: exact(need.cost, round_.money_scale) for need in needs if need.cost is not None}
    return costs, make_tie_break(tie_break or round_.tie_break, [n.public_id for n in needs], costs)


def build_profile(round_, needs: Sequence, contents: Sequence[str]):
    """Every counted ballot read into the profile the round's ballot kind calls for."""
    public = {need.id: need.public_id for need in needs}
    candidates = tuple(public.values())
    kind = round_.ballot_kind
    ballots = [(parse(content, kind), number) for content, number in Counter(contents).items()]
    if kind == BallotKind.RANKING:
        return RankingProfile(candidates, tuple(_merge((_ranking(b, public), k) for b, k in ballots)))
    if kind == BallotKind.APPROVAL:
        return ApprovalProfile(candidates, tuple(_merge(
            (frozenset(public[n] for n in b.approved if n in public), k) for b, k in ballots)))
    if kind == BallotKind.POINTS:
        return PointsProfile(candidates, tuple(_merge(
            (tuple(sorted((public[n], p) for n, p in b.points if n in public)), k) for b, k in ballots)))
    comparisons = Counter()
    for ballot, number in ballots:
        for answer in ballot.answers:
            if answer.low in public and answer.high in public:
                winner = None if answer.chosen is None else public[answer.chosen]
                comparisons[Comparison(public[answer.low], public[answer.high], winner)] += number
    return PairwiseProfile(candidates, tuple(comparisons.items()))


def _ranking(ballot: RankingBallot, public: dict[int, str]):
    """Tiers of public ids, leaving out needs no longer counted (hidden or merged since)."""
    tiers = (tuple(public[n] for n in tier if n in public) for tier in ballot.tiers)
    return tuple(tier for tier in tiers if tier)


def _merge(pairs):
    merged = Counter()
    for ballot, number in pairs:
        merged[ballot] += number
    return merged.items()


def _approval_election(round_, needs: Sequence, costs, contents: Sequence[str], support_only: bool):
    """A budget election straight from the stored approval ballots: one JSON parse for all of them,
    then array operations (a city's ballots in a fraction of a second); only the support when no rule
    reads who named which need."""
    _check_budget(round_, len(costs) < len(needs))
    build = approval_support if support_only else approval_election
    return build(approved_lists(contents), {need.id: need.public_id for need in needs},
                 exact(round_.budget, round_.money_scale), costs, round_.support_threshold or 0)


def budget_election_of(round_, profile, costs):
    _check_budget(round_, len(costs) < len(profile.candidates))
    return budget_election(profile, exact(round_.budget, round_.money_scale), costs,
                           round_.support_threshold or 0, longest(round_))


def _check_budget(round_, cost_missing: bool) -> None:
    if not round_.budget or cost_missing:
        raise ValueError("budget rules need the round's budget and a cost for every need")


def longest(round_) -> int | None:
    """The longest ranking allowed, which positional points count down from (Pabulib's k)."""
    return round_.max_choices if round_.ballot_kind == BallotKind.RANKING else None


def outcome_record(round_, outcome: Outcome) -> dict:
    """The tally output shape of CONTRACT.md."""
    return {
        "round": round_.slug, "rule": outcome.rule, "tie_break": outcome.tie_break,
        "budget": json_number(units(round_.budget, round_.money_scale)),
        "spent": json_number(Fraction(outcome.details.get("spent", 0))), "selected": list(outcome.selected),
        "ranking": list(outcome.ranking), "scores": outcome.scores,
        "ties": [{"between": list(t.between), "chose": t.chose, "by": t.by} for t in outcome.ties],
    }
