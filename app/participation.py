"""The resident behind this browser, as a participant of one round."""
from flask import session

from app.extensions import db
from app.models import AccessCode, Access, Participant, Round

SESSION_KEY = "participants"


class JoinRequired(Exception):
    """The round lets in only people with an access code, and this browser has not used one."""

    def __init__(self, round_: Round):
        super().__init__(round_.slug)
        self.round = round_


def current_participant(round_: Round) -> Participant | None:
    participant_id = session.get(SESSION_KEY, {}).get(str(round_.id))
    if participant_id is None:
        return None
    participant = db.session.get(Participant, participant_id)
    if participant is None or participant.round_id != round_.id or participant.forgotten_at:
        return None
    if round_.access == Access.CODES and not _has_live_code(participant):
        return None
    return participant


def _has_live_code(participant: Participant) -> bool:
    """A cancelled code ends its participant's session too."""
    return db.session.scalar(db.select(AccessCode.id).filter_by(participant_id=participant.id)
                             .filter(AccessCode.voided_at.is_(None))) is not None


def needs_code(round_: Round) -> bool:
    """Whether this browser must enter an access code before taking part."""
    return round_.access == Access.CODES and current_participant(round_) is None


def join_first(round_: Round) -> None:
    """Send a browser without a code to the join page before it fills in a form it could not send."""
    if needs_code(round_):
        raise JoinRequired(round_)


def participant_for(round_: Round, display_name: str | None = None) -> Participant:
    """This browser's participant in the round, created on its first action in an open round;
    adds no commit. Rounds with access codes only ever let in the code's own participant."""
    participant = current_participant(round_)
    if participant is None:
        if round_.access == Access.CODES:
            raise JoinRequired(round_)
        participant = Participant(round_id=round_.id, display_name=display_name or "")
        db.session.add(participant)
        db.session.flush()
        remember(round_, participant)
    elif display_name:
        participant.display_name = display_name
    return participant


def leave(round_: Round) -> None:
    session.get(SESSION_KEY, {}).pop(str(round_.id), None)
    session.modified = True


def remember(round_: Round, participant: Participant) -> None:
    session.setdefault(SESSION_KEY, {})[str(round_.id)] = participant.id
    # A lasting cookie, so the phone is recognised next week and cannot support twice.
    session.permanent = True
    session.modified = True
