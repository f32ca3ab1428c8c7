"""The one bridge between stored ballots and the pure tally rules."""
from collections import Counter, OrderedDict
from fractions import Fraction
from threading import Lock

from sqlalchemy import func, or_, select

from app.extensions import db
from app.models import Ballot, BallotKind, Need, NeedCarry, NeedStatus, Round
from app.money import json_number
from app.voting.ballot_content import RankingBallot, approved_lists, parse
from app.voting.budget_profiles import approval_election, budget_election
from app.voting.budget_rules import BUDGET_RULES, BudgetElection, allocate
from app.voting.budgeting import Instance
from app.voting.feasibility import Verdict
from app.voting.outcome import Outcome
from app.voting.profiles import ApprovalProfile, Comparison, PairwiseProfile, PointsProfile, RankingProfile
from app.voting.rules import RULES_FOR_BALLOT, rule
from app.voting.ties import make_tie_break


def default_rule(round_: Round) -> str:
    return round_.rule or RULES_FOR_BALLOT[round_.ballot_kind.value][0]


def published_rule(round_: Round) -> str:
    """The rule the public pages count by: the round's own, unless it is a budget rule and a counted
    need has no cost (a need proposed after an import); then the ballot's usual rule."""
    own = default_rule(round_)
    if own in BUDGET_RULES and not (round_.budget and all(n.cost is not None for n in counted_needs(round_))):
        return RULES_FOR_BALLOT[round_.ballot_kind.value][0]
    return own


def exact(round_: Round, stored: int) -> Fraction:
    return round_.exact(stored)


def counted_needs(round_: Round) -> list[Need]:
    """The needs on the ballot: open, not found not feasible in the review before ranking, and those carried
    on from the round since (its ballots and results still count them)."""
    carried_on = select(NeedCarry.need_id).where(NeedCarry.round_id == round_.id)
    return list(db.session.scalars(
        select(Need).where(or_(Need.round_id == round_.id, Need.id.in_(carried_on)), Need.status == NeedStatus.OPEN,
                           Need.feasibility != Verdict.NOT_FEASIBLE).order_by(Need.id)))


def build_profile(round_: Round, needs: list[Need]):
    """Read every counted ballot of the round into the profile its ballot kind calls for."""
    public = {need.id: need.public_id for need in needs}
    candidates = tuple(public.values())
    kind = round_.ballot_kind
    ballots = [(parse(content, kind), count) for content, count in Counter(
        db.session.scalars(select(Ballot.content).where(Ballot.round_id == round_.id))).items()]
    if kind == BallotKind.RANKING:
        return RankingProfile(candidates, tuple(_merge((_ranking(b, public), k) for b, k in ballots)))
    if kind == BallotKind.APPROVAL:
        return ApprovalProfile(candidates, tuple(_merge(
            (frozenset(public[n] for n in b.approved if n in public), k) for b, k in ballots)))
    if kind == BallotKind.POINTS:
        return PointsProfile(candidates, tuple(_merge(
            (tuple(sorted((public[n], p) for n, p in b.points if n in public)), k) for b, k in ballots)))
    comparisons = Counter()
    for ballot, count in ballots:
        for answer in ballot.answers:
            if answer.low in public and answer.high in public:
                winner = None if answer.chosen is None else public[answer.chosen]
                comparisons[Comparison(public[answer.low], public[answer.high], winner)] += count
    return PairwiseProfile(candidates, tuple(comparisons.items()))


def _ranking(ballot: RankingBallot, public: dict[int, str]):
    """Tiers of public ids, leaving out needs no longer counted (hidden or merged since)."""
    tiers = (tuple(public[n] for n in tier if n in public) for tier in ballot.tiers)
    return tuple(tier for tier in tiers if tier)


def _merge(pairs):
    merged = Counter()
    for ballot, count in pairs:
        merged[ballot] += count
    return merged.items()


def tally(round_: Round, rule_name: str | None = None, tie_break: str | None = None) -> Outcome:
    """Count the round's ballots by a rule (the round's own unless named); raises ValueError if it cannot."""
    return tally_by(round_, [rule_name or default_rule(round_)], tie_break)[0]


def tally_by(round_: Round, rule_names: list[str], tie_break: str | None = None) -> list[Outcome]:
    """Count the same ballots by several rules, reading them once; counted once per worker until
    anything the count depends on changes."""
    needs = counted_needs(round_)
    key = (_state(round_, needs), tuple(rule_names), tie_break)
    if (outcomes := _counted.get(key)) is not None:
        return outcomes
    # Every rule is count(ballots, tie_break): a budget rule's ballots are the budget election.
    counts = {name: BUDGET_RULES.get(name) or rule(name, round_.ballot_kind.value) for name in rule_names}
    budgeted = [name in BUDGET_RULES for name in counts]
    if round_.ballot_kind == BallotKind.APPROVAL and all(budgeted):
        profile = None
        costs, order = _costs_and_order(round_, tie_break, needs)
        election = _approval_election(round_, needs, costs)
    else:
        profile, costs, order = _ballots(round_, tie_break, needs)
        election = _budget_election(round_, profile, costs) if any(budgeted) else None
    outcomes = [count(election if name in BUDGET_RULES else profile, order) for name, count in counts.items()]
    _counted.put(key, outcomes)
    return outcomes


class _Outcomes:
    """Outcomes already counted, by everything they depend on, so a results page that a whole city
    reads counts its ballots once, not once a visit."""

    def __init__(self, size: int = 32):
        self.size, self.items, self.lock = size, OrderedDict(), Lock()

    def get(self, key):
        with self.lock:
            if key in self.items:
                self.items.move_to_end(key)
            return self.items.get(key)

    def put(self, key, outcomes) -> None:
        with self.lock:
            self.items[key] = outcomes
            while len(self.items) > self.size:
                self.items.popitem(last=False)


_counted = _Outcomes()


def _state(round_: Round, needs: list[Need]) -> tuple:
    """What a count depends on, read in one small query: the settings, the counted needs and their
    costs, and the ballots. Every change of a ballot raises its version; the lowest and highest
    receipts (random) tell this round's ballots from another database's that happen to match."""
    ballots = db.session.execute(select(
        func.count(Ballot.id), func.sum(Ballot.version), func.min(Ballot.receipt), func.max(Ballot.receipt),
    ).where(Ballot.round_id == round_.id)).one()
    settings = (round_.id, round_.created_at, round_.ballot_kind, round_.budget, round_.money_scale,
                round_.max_choices, round_.support_threshold, round_.tie_break)
    return settings, tuple((n.id, n.public_id, n.cost) for n in needs), tuple(ballots)


def _ballots(round_: Round, tie_break: str | None, needs: list[Need] | None = None):
    """The round's ballots as a profile, its needs' exact costs, and the tie-break order."""
    needs = counted_needs(round_) if needs is None else needs
    return (build_profile(round_, needs), *_costs_and_order(round_, tie_break, needs))


def _costs_and_order(round_: Round, tie_break: str | None, needs: list[Need]):
    costs = {need.public_id: exact(round_, need.cost) for need in needs if need.cost is not None}
    return costs, make_tie_break(tie_break or round_.tie_break, [n.public_id for n in needs], costs)


def _approval_election(round_: Round, needs: list[Need], costs):
    """A budget election straight from the stored approval ballots: one query, one JSON parse for
    all of them, then array operations (a city's ballots in a fraction of a second)."""
    if not round_.budget or len(costs) < len(needs):
        raise ValueError("budget rules need the round's budget and a cost for every need")
    contents = db.session.connection().scalars(select(Ballot.content).where(Ballot.round_id == round_.id)).all()
    ballots = approved_lists(contents)
    return approval_election(ballots, {need.id: need.public_id for need in needs}, exact(round_, round_.budget),
                             costs, round_.support_threshold or 0)


def _budget_election(round_: Round, profile, costs):
    if not round_.budget or len(costs) < len(profile.candidates):
        raise ValueError("budget rules need the round's budget and a cost for every need")
    return budget_election(profile, exact(round_, round_.budget), costs, round_.support_threshold or 0,
                           _longest(round_))


def _longest(round_: Round) -> int | None:
    """The longest ranking allowed, which positional points count down from (Pabulib's k)."""
    return round_.max_choices if round_.ballot_kind == BallotKind.RANKING else None


def allocate_with_costs(round_: Round, rule_name: str, costs: dict[str, Fraction]) -> Outcome:
    """A budget rule on the round's ballots with these costs standing in for the needs' own (the
    panel's candidate applications); only needs with a cost take part."""
    profile, _, _ = _ballots(round_, None)
    full = budget_election(profile, exact(round_, round_.budget), costs, 0, _longest(round_))
    support = {need: full.instance.support[need] for need in costs}
    election = BudgetElection(Instance(full.instance.budget, costs, support), full.approvals)
    return allocate(rule_name, election, make_tie_break(round_.tie_break, list(costs), costs))


def outcome_record(round_: Round, outcome: Outcome) -> dict:
    """The tally output shape of CONTRACT.md."""
    return {
        "round": round_.slug, "rule": outcome.rule, "tie_break": outcome.tie_break,
        "budget": json_number(round_.amount(round_.budget)),
        "spent": json_number(Fraction(outcome.details.get("spent", 0))), "selected": list(outcome.selected),
        "ranking": list(outcome.ranking), "scores": outcome.scores,
        "ties": [{"between": list(t.between), "chose": t.chose, "by": t.by} for t in outcome.ties],
    }


def compare_budget_rules(round_: Round, rule_names: list[str], tie_break: str | None = None) -> list[dict]:
    """Each rule's outcome on the same ballots, with the money it spends and how many voters
    get at least one funded need they voted for."""
    profile, costs, order = _ballots(round_, tie_break)
    election = _budget_election(round_, profile, costs)
    rows = []
    for name in rule_names:
        outcome = allocate(name, election, order)
        served = int((election.approvals.winners_per_voter(outcome.selected) > 0).sum())
        rows.append({"outcome": outcome, "spent": outcome.details["spent"], "served": served,
                     "voters": election.approvals.voters})
    return rows
