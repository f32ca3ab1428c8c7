"""Residents who join a round by a one-time link sent to their email address.

The address itself is never stored: only a keyed hash, enough to recognise the same person coming
back (one person, one participant) and useless to anyone without the key. Each link holds a
secret of which only a hash is stored, works once, and for an hour.
"""
import hashlib
import hmac
import secrets
from datetime import timedelta

from flask import current_app

from app.accounts.services import normalise_email
from app.extensions import db
from app.models import EmailIdentity, EmailLink, Participant, Round
from app.models.base import utcnow
from app.unique import insert_once

LIFETIME = timedelta(hours=1)


class LinkRefused(ValueError):
    """Why a link lets nobody in: "invalid", "expired", "used" or "forgotten"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def email_hash(email: str) -> str:
    key = (current_app.config["EMAIL_HASH_KEY"] or current_app.secret_key).encode()
    return hmac.new(key, normalise_email(email).encode(), hashlib.sha256).hexdigest()


def _secret_hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_link(round_: Round, email: str) -> tuple[int, str]:
    """A link for this address in this round: (link id, secret) to put in the email."""
    digest = email_hash(email)

    def stored():
        return db.session.scalar(db.select(EmailIdentity).filter_by(round_id=round_.id, email_hash=digest))

    identity = stored() or insert_once(EmailIdentity(round_id=round_.id, email_hash=digest), stored)
    secret = secrets.token_urlsafe(24)
    link = EmailLink(identity_id=identity.id, secret_hash=_secret_hash(secret))
    db.session.add(link)
    db.session.commit()
    return link.id, secret


def redeem(round_: Round, link_id: int, secret: str) -> Participant:
    link = db.session.get(EmailLink, link_id, with_for_update=True)
    # Locked too: two links of one address opened at once must make one participant, not two.
    identity = db.session.get(EmailIdentity, link.identity_id, with_for_update=True) if link else None
    if identity is None or identity.round_id != round_.id or not hmac.compare_digest(
            link.secret_hash, _secret_hash(secret)):
        raise LinkRefused("invalid")
    if link.used_at is not None:
        raise LinkRefused("used")
    if utcnow() - link.created_at > LIFETIME:
        raise LinkRefused("expired")
    participant = db.session.get(Participant, identity.participant_id) if identity.participant_id else None
    if participant is not None and participant.forgotten_at:
        raise LinkRefused("forgotten")
    if participant is None:
        participant = Participant(round_id=round_.id)
        db.session.add(participant)
        db.session.flush()
        identity.participant_id = participant.id
    link.used_at = utcnow()
    db.session.commit()
    return participant
