"""The resident behind this browser, as a participant of one round."""
from flask import g, session

from app.extensions import db
from app.models import AccessCode, Access, EmailIdentity, Participant, Round

SESSION_KEY = "participants"
RECEIPTS_KEY = "receipts"


class JoinRequired(Exception):
    """The round lets in only people with an access code or an emailed link, and this browser has neither."""

    def __init__(self, round_: Round):
        super().__init__(round_.slug)
        self.round = round_


class DeclarationRequired(Exception):
    """The round asks who may take part, and this participant has not answered yet."""

    def __init__(self, round_: Round):
        super().__init__(round_.slug)
        self.round = round_


def current_participant(round_: Round) -> Participant | None:
    """Looked up once per request: views, gates and templates all ask."""
    known = g.setdefault("participants", {})
    if round_.id not in known:
        known[round_.id] = _participant_in_session(round_)
    return known[round_.id]


def _participant_in_session(round_: Round) -> Participant | None:
    participant_id = session.get(SESSION_KEY, {}).get(str(round_.id))
    if participant_id is None:
        return None
    participant = db.session.get(Participant, participant_id)
    if participant is None or participant.round_id != round_.id or participant.forgotten_at:
        return None
    if not _admitted(participant, round_):
        return None
    return participant


def _admitted(participant: Participant, round_: Round) -> bool:
    """Whether the way this participant joined still lets them in; a cancelled code ends its session."""
    if round_.access == Access.CODES:
        return db.session.scalar(db.select(AccessCode.id).filter_by(participant_id=participant.id)
                                 .filter(AccessCode.voided_at.is_(None))) is not None
    if round_.access == Access.EMAIL:
        return db.session.scalar(db.select(EmailIdentity.id).filter_by(participant_id=participant.id)) is not None
    return True


def must_join(round_: Round) -> bool:
    """Whether this browser must use an access code or an emailed link before taking part."""
    return round_.access != Access.OPEN and current_participant(round_) is None


def needs_declaration(round_: Round, participant: Participant | None) -> bool:
    return round_.asks_eligibility and not (participant and participant.declaration)


def join_first(round_: Round) -> None:
    """Send a browser that cannot take part yet to where it can, before it fills in a form it could not send."""
    if must_join(round_):
        raise JoinRequired(round_)
    if needs_declaration(round_, current_participant(round_)):
        raise DeclarationRequired(round_)


def participant_for(round_: Round, display_name: str | None = None) -> Participant:
    """This browser's participant in the round, created on its first action in an open round;
    adds no commit. Rounds with codes or emailed links only ever let in their own participants."""
    participant = current_participant(round_)
    if participant is None and round_.access != Access.OPEN:
        raise JoinRequired(round_)
    if needs_declaration(round_, participant):
        raise DeclarationRequired(round_)
    if participant is None:
        participant = new_participant(round_, display_name)
    elif display_name:
        participant.display_name = display_name
    return participant


def new_participant(round_: Round, display_name: str | None = None) -> Participant:
    participant = Participant(round_id=round_.id, display_name=display_name or "")
    db.session.add(participant)
    db.session.flush()
    remember(round_, participant)
    return participant


def keep_receipt(round_: Round, receipt: str) -> None:
    """This device keeps its newest receipt, the one way its voter sees their ballot once the round is sealed."""
    session.setdefault(RECEIPTS_KEY, {})[str(round_.id)] = receipt
    session.modified = True


def kept_receipt(round_: Round) -> str | None:
    return session.get(RECEIPTS_KEY, {}).get(str(round_.id))


def leave(round_: Round) -> None:
    session.get(SESSION_KEY, {}).pop(str(round_.id), None)
    session.get(RECEIPTS_KEY, {}).pop(str(round_.id), None)
    session.modified = True
    g.setdefault("participants", {})[round_.id] = None


def remember(round_: Round, participant: Participant) -> None:
    session.setdefault(SESSION_KEY, {})[str(round_.id)] = participant.id
    g.setdefault("participants", {})[round_.id] = participant
    # A lasting cookie, so the phone is recognised next week and cannot support twice.
    session.permanent = True
    session.modified = True
