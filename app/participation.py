"""The resident behind this browser, as a participant of one round."""
from flask import session

from app.extensions import db
from app.models import Participant, Round

SESSION_KEY = "participants"


def current_participant(round_: Round) -> Participant | None:
    participant_id = session.get(SESSION_KEY, {}).get(str(round_.id))
    if participant_id is None:
        return None
    participant = db.session.get(Participant, participant_id)
    return participant if participant and participant.round_id == round_.id else None


def participant_for(round_: Round, display_name: str | None = None) -> Participant:
    """This browser's participant in the round, created on its first action; adds no commit."""
    participant = current_participant(round_)
    if participant is None:
        participant = Participant(round_id=round_.id, display_name=display_name or "")
        db.session.add(participant)
        db.session.flush()
        session.setdefault(SESSION_KEY, {})[str(round_.id)] = participant.id
        # A lasting cookie, so the phone is recognised next week and cannot support twice.
        session.permanent = True
        session.modified = True
    elif display_name:
        participant.display_name = display_name
    return participant
