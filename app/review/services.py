"""Reviewers give each need a cost estimate and a verdict before ranking opens. One transaction each."""
from sqlalchemy import select

from app import audit
from app.extensions import db
from app.models import Need, NeedStatus, Round, User
from app.models.base import utcnow
from app.needs.services import touch
from app.rounds.phases import Action, Phase
from app.voting.feasibility import Readiness, Review, ReviewRefusal, readiness, refusals


class ReviewClosed(Exception):
    """Ranking has opened: the ballot's needs and costs are settled."""


def open_needs(round_: Round) -> list[Need]:
    return list(db.session.scalars(select(Need).where(Need.round_id == round_.id, Need.status == NeedStatus.OPEN)
                                   .order_by(Need.id)))


def progress(round_: Round, needs: list[Need]) -> Readiness:
    return readiness(((need.feasibility, need.cost) for need in needs), bool(round_.budget))


def next_to_review(needs: list[Need], after: Need) -> Need | None:
    """The next need still unreviewed, going on from `after` and then from the top."""
    waiting = [need for need in needs if need.feasibility == need.feasibility.UNREVIEWED and need.id != after.id]
    return next((need for need in waiting if need.id > after.id), waiting[0] if waiting else None)


def record(round_: Round, need: Need, review: Review, reviewer: User, phase: Phase) -> list[ReviewRefusal]:
    """Store the review, or return why not (nothing is stored then)."""
    if not phase.allows(Action.REVIEW_NEED):
        raise ReviewClosed
    found = refusals(review, round_.budget)
    if found:
        return found
    need.feasibility, need.cost = review.verdict, review.cost
    need.feasibility_reason = review.reason if review.verdict == review.verdict.NOT_FEASIBLE else ""
    need.reviewed_at = utcnow()
    touch(need)
    audit.record(reviewer, "need-reviewed", round_, need=need.id, verdict=review.verdict.value, cost=review.cost,
                 reason=need.feasibility_reason)
    db.session.commit()
    return []
