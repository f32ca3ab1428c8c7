"""The demo's decisions by quorum on Newham 2026: every member without a conflict said "no conflict" before
reading, two members agreed on each decision, one asked to publish and another confirmed."""
from datetime import timedelta

from app.accounts.current import grant
from app.demo import content
from app.extensions import db
from app.models import Application, DecisionVote, NoConflict, PanelSettings, Role, Round, User

ROUND = "newham-2026"
ASKED_BY, SECOND = "amara@demo.commonground.test", "dami@demo.commonground.test"


def load() -> list[str]:
    round_ = db.session.scalar(db.select(Round).filter_by(slug=ROUND))
    if round_ is None or round_.decisions_published_at is None:
        return []
    apps = list(db.session.scalars(db.select(Application).filter_by(round_id=round_.id)))
    if any(a.votes for a in apps):
        return []
    asker, second = _member(ASKED_BY, round_), _member(SECOND, round_)
    db.session.flush()
    for application in apps:
        decision = application.decision
        if decision is None:
            continue
        at = decision.decided_at
        for n, member in enumerate((asker, second)):
            if any(c.user_id == member.id for c in application.conflicts):
                continue
            if not any(c.user_id == member.id for c in application.clearances):  # as they declared before marking
                application.clearances.append(NoConflict(user_id=member.id, declared_at=at - timedelta(days=3)))
            application.votes.append(DecisionVote(user_id=member.id, funded=decision.funded, amount=decision.amount,
                                                  reason=decision.reason, departure_reason=decision.departure_reason,
                                                  voted_at=at - timedelta(hours=2 - n)))
    published = round_.decisions_published_at
    db.session.add(PanelSettings(round_id=round_.id, quorum=2, publication_asked_by_id=asker.id,
                                 publication_asked_at=published - timedelta(hours=20)))
    db.session.commit()
    return []


def _member(email: str, round_: Round) -> User:
    user = db.session.scalar(db.select(User).filter_by(email=email))
    if user is None:
        user = User(email=email)
        user.set_password(content.PANEL_PASSWORD)
        db.session.add(user)
    grant(user, Role.PANEL, round_)
    return user
