"""Challenging a published decision, answering it and moderating it, each one transaction."""
from datetime import datetime

from sqlalchemy import select

from app import audit
from app.extensions import db
from app.models import Application, Challenge, CommentStatus, Participant, Round, User
from app.models.base import utcnow
from app.rounds.phases import Action, Phase
from app.voting.challenges import Ground, Outcome, Window, answer_deadline, is_final, may_answer, window


class ChallengeError(ValueError):
    """A challenge or an answer that cannot be taken; the message code says why."""


def window_of(round_: Round) -> Window | None:
    return window(round_.decisions_published_at, round_.challenge_days)


def took_part(application: Application) -> set[int]:
    """Members who had a part in the decision: who recorded it or voted on it, who marked, who declared a conflict."""
    decided = {application.decision.decided_by_id} if application.decision else set()
    return (decided | {s.user_id for s in application.scores} | {c.user_id for c in application.conflicts}
            | {v.user_id for v in application.votes})


def shown(round_: Round) -> list[Challenge]:
    """The round's challenges that moderators have not hidden, oldest first."""
    return list(db.session.scalars(select(Challenge).filter_by(round_id=round_.id, status=CommentStatus.VISIBLE)
                                   .order_by(Challenge.id)))


def final(round_: Round, application: Application, now: datetime) -> bool:
    outcomes = [c.outcome for c in shown(round_) if c.application_id == application.id]
    return is_final(window_of(round_), outcomes, now)


def challenge(round_: Round, application: Application, participant: Participant, ground: Ground, grounds: str,
              language: str, phase: Phase, now: datetime) -> Challenge:
    """A resident or applicant questions one published decision while the window is open and it is not final."""
    if not phase.allows(Action.CHALLENGE_DECISION) or application.decision is None:
        raise ChallengeError("closed")
    window_ = window_of(round_)
    if window_ is None or not window_.is_open(now):
        raise ChallengeError("closed")
    if final(round_, application, now):
        raise ChallengeError("final")
    item = Challenge(round_id=round_.id, application_id=application.id, participant_id=participant.id,
                     ground=ground, grounds=grounds, language=language, deadline=answer_deadline(now),
                     created_at=now)
    db.session.add(item)
    db.session.commit()
    return item


def answer(item: Challenge, member: User, outcome: Outcome, text: str, phase: Phase) -> None:
    """A panel member with no part in the decision answers the challenge, once, with its outcome."""
    if not phase.allows(Action.ANSWER_CHALLENGE):
        raise ChallengeError("answer-closed")
    if item.outcome != Outcome.OPEN or item.status != CommentStatus.VISIBLE:
        raise ChallengeError("answered")
    if not may_answer(member.id, took_part(item.application)):
        raise ChallengeError("took-part")
    item.outcome, item.answer, item.answered_by_id, item.answered_at = outcome, text, member.id, utcnow()
    audit.record(member, "challenge-answered", db.session.get(Round, item.round_id), challenge=item.id,
                 application=item.application_id, outcome=outcome.value)
    db.session.commit()


def hide(item: Challenge, reason: str, moderator: User) -> None:
    item.status, item.moderation_reason = CommentStatus.HIDDEN, reason
    audit.record(moderator, "challenge-moderated", db.session.get(Round, item.round_id), challenge=item.id,
                 status="hidden", reason=reason)
    db.session.commit()


def records(round_: Round) -> list[dict]:
    """The public challenges as open data (challenges.json)."""
    return [{"decision": str(c.application_id), "grounds": c.grounds, "status": c.outcome.value,
             "answer": c.answer or None,
             "answered_at": c.answered_at.isoformat(timespec="seconds") if c.answered_at else None,
             "deadline": c.deadline.isoformat(timespec="seconds")} for c in shown(round_)]
