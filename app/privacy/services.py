"""Seeing and removing a participant's personal data. Their ballot stays counted, but nothing links it to them."""
import secrets
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from flask import current_app
from sqlalchemy import bindparam, update

from app import audit
from app.ballots.keys import voter_key
from app.extensions import db
from app.models import AccessCode, Ballot, Comment, Need, Participant, Participation, Report, Round, Support
from app.models.base import utcnow


CHUNK = 500


@dataclass(frozen=True)
class MyData:
    display_name: str
    joined: datetime
    needs: list[Need]
    comments: list[Comment]
    supported: list[Need]
    voted: bool
    with_code: bool


def my_data(participant: Participant) -> MyData:
    by = {"participant_id": participant.id}
    return MyData(
        participant.display_name, participant.created_at,
        list(db.session.scalars(db.select(Need).filter_by(**by).order_by(Need.id))),
        list(db.session.scalars(db.select(Comment).filter_by(**by).order_by(Comment.id))),
        list(db.session.scalars(db.select(Need).join(Support, Support.need_id == Need.id)
                                .filter(Support.participant_id == participant.id).order_by(Need.id))),
        db.session.scalar(db.select(Participation.id).filter_by(**by)) is not None,
        db.session.scalar(db.select(AccessCode.id).filter_by(**by)) is not None,
    )


def forget(participant: Participant, round_: Round) -> None:
    """Needs, comments and reports lose their author; the ballot loses the key that found it again.

    The participant record stays, nameless, so its supports and its place in the register still
    stop anyone counting twice; its access code is cancelled, so nobody can come back as it.
    """
    _forget(round_, [participant.id])
    db.session.commit()


def _forget(round_: Round, ids: list[int]) -> None:
    """A few statements per chunk of participants, however many the round has."""
    now, secret = utcnow(), current_app.config["SECRET_KEY"]
    for start in range(0, len(ids), CHUNK):
        chunk = ids[start:start + CHUNK]
        for model in (Need, Comment, Report):
            db.session.execute(update(model).where(model.participant_id.in_(chunk)).values(participant_id=None))
        db.session.execute(update(Participant).where(Participant.id.in_(chunk))
                           .values(display_name="", declaration="", forgotten_at=now))
        db.session.execute(update(AccessCode).where(AccessCode.participant_id.in_(chunk), AccessCode.voided_at.is_(None))
                           .values(voided_at=now))
        ballots = Ballot.__table__  # the table, not the model: one executemany, not a per-row ORM update
        db.session.execute(
            update(ballots).where(ballots.c.round_id == round_.id, ballots.c.voter_key == bindparam("old"))
            .values(voter_key=bindparam("new")),
            [{"old": voter_key(secret, round_.id, pid), "new": secrets.token_hex(32)} for pid in chunk])


def retention_ends(round_: Round) -> date | None:
    if round_.retention_days is None or round_.results_starts is None:
        return None
    return round_.results_starts + timedelta(days=round_.retention_days)


def purge_due(today: date) -> list[tuple[Round, int]]:
    """Forget every participant of each round whose retention period has ended; one transaction per round."""
    done = []
    for round_ in db.session.scalars(db.select(Round).filter(Round.retention_days.is_not(None))):
        ends = retention_ends(round_)
        if ends is None or ends > today:
            continue
        ids = list(db.session.scalars(db.select(Participant.id).filter_by(round_id=round_.id)
                                      .filter(Participant.forgotten_at.is_(None))))
        if ids:
            _forget(round_, ids)
            audit.record(audit.COMMAND_LINE, "personal-data-removed", round_, participants=len(ids),
                         retention_days=round_.retention_days)
            db.session.commit()
        done.append((round_, len(ids)))
    return done
