"""The one bridge between stored ballots and the pure tally rules."""
from collections import OrderedDict
from fractions import Fraction
from threading import Lock

from sqlalchemy import func, or_, select

from app.ballots import counting
from app.ballots.counting import default_rule, outcome_record  # noqa: F401 (the pages' and exports' names)
from app.extensions import db
from app.models import Ballot, Need, NeedCarry, NeedStatus, Round
from app.voting.budget_profiles import budget_election
from app.voting.budget_rules import BUDGET_RULES, BudgetElection, allocate
from app.voting.budgeting import Instance
from app.voting.feasibility import Verdict
from app.voting.outcome import Outcome
from app.voting.rules import RULES_FOR_BALLOT
from app.voting.ties import make_tie_break


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
    return list(db.session.scalars(_counted_query(round_, Need)))


def counted_need_ids(round_: Round) -> list[int]:
    """The ids of `counted_needs`, which is all a cast checks its ballot against."""
    return list(db.session.scalars(_counted_query(round_, Need.id)))


def _counted_query(round_: Round, what):
    carried_on = select(NeedCarry.need_id).where(NeedCarry.round_id == round_.id)
    return select(what).where(or_(Need.round_id == round_.id, Need.id.in_(carried_on)),
                              Need.status == NeedStatus.OPEN, Need.feasibility != Verdict.NOT_FEASIBLE).order_by(Need.id)


def ballot_contents(round_: Round) -> list[str]:
    """The text of every ballot of the round, read in one query without building rows."""
    return db.session.connection().scalars(select(Ballot.content).where(Ballot.round_id == round_.id)).all()


def build_profile(round_: Round, needs: list[Need]):
    return counting.build_profile(round_, needs, ballot_contents(round_))


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
    outcomes = counting.count(round_, needs, ballot_contents(round_), rule_names, tie_break)
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
    return (build_profile(round_, needs), *counting.costs_and_order(round_, tie_break, needs))


def allocate_with_costs(round_: Round, rule_name: str, costs: dict[str, Fraction]) -> Outcome:
    """A budget rule on the round's ballots with these costs standing in for the needs' own (the
    panel's candidate applications); only needs with a cost take part."""
    profile, _, _ = _ballots(round_, None)
    full = budget_election(profile, exact(round_, round_.budget), costs, 0, counting.longest(round_))
    support = {need: full.instance.support[need] for need in costs}
    election = BudgetElection(Instance(full.instance.budget, costs, support), full.approvals)
    return allocate(rule_name, election, make_tie_break(round_.tie_break, list(costs), costs))


def compare_budget_rules(round_: Round, rule_names: list[str], tie_break: str | None = None) -> list[dict]:
    """Each rule's outcome on the same ballots, with the money it spends and how many voters
    get at least one funded need they voted for."""
    profile, costs, order = _ballots(round_, tie_break)
    election = counting.budget_election_of(round_, profile, costs)
    rows = []
    for name in rule_names:
        outcome = allocate(name, election, order)
        served = int((election.approvals.winners_per_voter(outcome.selected) > 0).sum())
        rows.append({"outcome": outcome, "spent": outcome.details["spent"], "served": served,
                     "voters": election.approvals.voters})
    return rows
