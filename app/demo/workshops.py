"""The demo's workshop sessions on its ranking round: one in progress (phones joined, ballots cast, results
hidden, a countdown running) and one that ended last week, with dots and its report."""
import json
from datetime import timedelta

from flask import current_app

from app.ballots.keys import new_receipt, voter_key
from app.extensions import db
from app.models import (Ballot, Need, Participant, Participation, Round, WorkshopAttendance, WorkshopDots,
                        WorkshopSession)
from app.models.base import utcnow
from app.workshops import services
from app.workshops.links import projector_link

ROUND = "brent-green-streets"
# (name, place, days ago, phones joined, ballots cast, still in progress, dots per need title)
SESSIONS = [
    ("Harlesden library evening", "Harlesden Library, Craven Park Road", 7, 11, 8, False,
     {"More trees on Harlesden High Street": 14, "Okul önüne bitki kutuları ve bank": 9}),
    ("Kilburn square drop-in", "Kilburn State, Kilburn High Road", 0, 14, 9, True, {}),
]
RANKINGS = [["More trees on Harlesden High Street", "Okul önüne bitki kutuları ve bank"],
            ["Mais caixotes de reciclagem nos prédios", "More trees on Harlesden High Street"],
            ["Okul önüne bitki kutuları ve bank"]]


def load() -> list[str]:
    round_ = db.session.scalar(db.select(Round).filter_by(slug=ROUND))
    if round_ is None or db.session.scalar(db.select(WorkshopSession.id).filter_by(round_id=round_.id)):
        return []
    needs = {need.title: need for need in db.session.scalars(db.select(Need).filter_by(round_id=round_.id))}
    lines = []
    for name, place, days_ago, joined, ballots, live, dots in SESSIONS:
        session = services.start(round_, name, place, utcnow() - timedelta(days=days_ago, hours=1), "demo")
        _room(round_, session, needs, joined, ballots)
        for title, count in dots.items():
            db.session.add(WorkshopDots(session_id=session.id, need_id=needs[title].id, dots=count))
        if live:
            session.timer_ends_at = utcnow() + timedelta(minutes=20)
            with current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]):
                lines.append(f"workshop projector: {projector_link(session)}")
        else:
            session.results_shown, session.ended_at = True, utcnow() - timedelta(days=days_ago)
    db.session.commit()
    return lines


def _room(round_, session, needs, joined: int, ballots: int) -> None:
    """Phones that joined through the session, and the ballots some of them cast, stored as casting stores them."""
    secret = current_app.config["SECRET_KEY"]
    for n in range(joined):
        participant = Participant(round_id=round_.id, display_name="")
        db.session.add(participant)
        db.session.flush()
        db.session.add(WorkshopAttendance(session_id=session.id, participant_id=participant.id))
        if n < ballots:
            ranking = [[needs[title].id] for title in RANKINGS[n % len(RANKINGS)]]
            db.session.add(Ballot(round_id=round_.id, voter_key=voter_key(secret, round_.id, participant.id),
                                  receipt=new_receipt(), content=json.dumps({"ranking": ranking}, sort_keys=True)))
            db.session.add(Participation(round_id=round_.id, participant_id=participant.id))
