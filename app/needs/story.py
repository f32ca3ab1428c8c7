"""A need's story, told on its page as it happens: proposed, supported, ranked, the applications to meet
it, the panel's decisions and reasons, the grant and its progress. Read from the stored rows."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from app.ballots.casting import turnout
from app.ballots.tally import published_rule, tally
from app.extensions import db
from app.models import Application, Need, Round
from app.voting.budget_rules import BUDGET_RULES
from app.web import today


@dataclass(frozen=True)
class Ranked:
    place: int
    of: int
    rule: str
    score: object
    voters: int


@dataclass(frozen=True)
class Story:
    proposed_at: datetime
    supports: int
    ranked: Ranked | None
    applications: list[Application]
    decided: bool  # the panel's decisions are published, with their reasons (until then, no applications)


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
    """The panel's work shows once it publishes: before that, the applications are its own."""
    decided = round_.decisions_published_at is not None
    applications = list(db.session.scalars(select(Application).filter_by(round_id=round_.id, need_id=need.id)
                                           .order_by(Application.id))) if decided else []
    return Story(need.created_at, supports, _ranked(round_, need), applications, decided)
