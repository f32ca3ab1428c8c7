"""A need's story, told on its page as it happens: proposed, supported, ranked, the applications to meet
it, the panel's decisions and reasons, the grant and its progress. Read from the stored rows."""
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from app.ballots.casting import turnout
from app.ballots.tally import published_rule, tally
from app.extensions import db
from app.models import Application, Need, Round
from app.voting.applications import SEEN_BY_PANEL
from app.voting.budget_rules import BUDGET_RULES
from app.web import today
from app.voting.cofunding import payers


@dataclass(frozen=True)
class Ranked:
    place: int
    of: int
    rule: str
    score: object
    voters: int


@dataclass(frozen=True)
class Payer:
    name: str
    amount: int | None  # the round's stored money units


@dataclass(frozen=True)
class Funding:
    """One round's published decisions on the need: a need carried on keeps the grants made in earlier rounds."""
    round: Round
    applications: list[Application]
    paid: dict[int, list[Payer]] = field(default_factory=dict)  # by application id: who paid how much


def paid_by(round_: Round, application: Application) -> list[Payer]:
    """Each funder's part of a funded grant: its co-funders' shares, else the round's funder paying it all."""
    decision = application.decision
    if decision is None or not decision.funded:
        return []
    shares = [(s.organisation.name, s.amount) for s in decision.shares]
    return [Payer(name, amount) for name, amount in payers(shares, round_.sole_funder, decision.amount)]


@dataclass(frozen=True)
class Story:
    proposed_at: datetime
    supports: int
    ranked: Ranked | None
    funding: list[Funding]


def _ranked(round_: Round, need: Need) -> Ranked | None:
    if not round_.results_published_on(today()):
        return None
    rule = published_rule(round_)
    rule = "greedy" if rule in BUDGET_RULES else rule  # by support, as the panel reads the ranking
    try:
        outcome = tally(round_, rule)
    except ValueError:  # a round whose ballots cannot be counted shows no place, as its results page
        return None
    if need.public_id not in outcome.ranking:
        return None
    return Ranked(outcome.ranking.index(need.public_id) + 1, len(outcome.ranking), outcome.rule,
                  outcome.scores.get(need.public_id, 0), turnout(round_))


def story(round_: Round, need: Need, supports: int) -> Story:
    """A panel's work shows once it publishes: before that, the applications are its own."""
    rows = db.session.execute(select(Application, Round).join(Round, Application.round_id == Round.id).where(
        Application.need_id == need.id, Application.status.in_(SEEN_BY_PANEL),
        Round.decisions_published_at.is_not(None)).order_by(
        Round.decisions_published_at, Application.id)).all()
    funding: dict[int, Funding] = {}
    for application, in_round in rows:
        part = funding.setdefault(in_round.id, Funding(in_round, []))
        part.applications.append(application)
        part.paid[application.id] = paid_by(in_round, application)
    return Story(need.created_at, supports, _ranked(round_, need), list(funding.values()))
