"""The desk where paper ballots are handed out: one person, one vote, across channels.

A paper ballot issued against an access code uses the code up for voting online; a code that has voted
online gets no paper ballot. The desk records that the code took a paper ballot, never which serial.
"""
from enum import StrEnum

from sqlalchemy import select

from app import audit
from app.access.codes import normalise
from app.extensions import db
from app.models import AccessCode, Participant, Participation, Round, User
from app.models.base import utcnow


class DeskRefusal(StrEnum):
    MALFORMED = "malformed"
    UNKNOWN = "unknown"
    VOID = "void"
    VOTED_ONLINE = "voted-online"
    HAS_PAPER = "has-paper"


class DeskRefused(ValueError):
    def __init__(self, reason: DeskRefusal):
        super().__init__(reason.value)
        self.reason = reason


def issue(round_: Round, typed: str, actor: User) -> AccessCode:
    """Mark the code as voting on paper, and its holder as having voted, or say why not."""
    code = normalise(typed or "")
    if code is None:
        raise DeskRefused(DeskRefusal.MALFORMED)
    access = db.session.scalar(select(AccessCode).filter_by(round_id=round_.id, code=code).with_for_update())
    if access is None:
        raise DeskRefused(DeskRefusal.UNKNOWN)
    if access.voided_at:
        raise DeskRefused(DeskRefusal.VOID)
    if access.paper_issued_at:
        raise DeskRefused(DeskRefusal.HAS_PAPER)
    if access.participant_id and db.session.scalar(
            select(Participation.id).filter_by(participant_id=access.participant_id)) is not None:
        raise DeskRefused(DeskRefusal.VOTED_ONLINE)
    if access.participant_id is None:
        participant = Participant(round_id=round_.id)
        db.session.add(participant)
        db.session.flush()
        access.participant_id = participant.id
    access.first_used_at = access.first_used_at or utcnow()
    access.paper_issued_at = utcnow()
    db.session.add(Participation(round_id=round_.id, participant_id=access.participant_id))
    audit.record(actor, "paper-ballot-issued", round_)
    db.session.commit()
    return access


def voted_on_paper(participant_id: int) -> bool:
    return db.session.scalar(select(AccessCode.id).where(
        AccessCode.participant_id == participant_id, AccessCode.paper_issued_at.is_not(None))) is not None
