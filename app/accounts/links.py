"""Signed, expiring links for invitations and password resets.

A link carries the account and a fingerprint of its password hash: setting a password changes
the hash, so a link works once. A changed character breaks the signature; an old link expires.
"""
import hashlib

from flask import current_app
from itsdangerous import BadSignature, SignatureExpired, URLSafeTimedSerializer

from app.extensions import db
from app.models import User

LIFETIMES = {"invitation": 7 * 24 * 3600, "reset": 3600}


class LinkRefused(ValueError):
    """Why a link opens nothing: "expired", "invalid" or "used"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _serializer(purpose: str) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key, salt=f"account-{purpose}")


def _fingerprint(user: User) -> str:
    return hashlib.sha256(("pw:" + user.password_hash).encode()).hexdigest()[:16]


def make_token(user: User, purpose: str) -> str:
    return _serializer(purpose).dumps({"user": user.id, "pw": _fingerprint(user)})


def user_for(token: str, purpose: str) -> User:
    try:
        data = _serializer(purpose).loads(token, max_age=LIFETIMES[purpose])
    except SignatureExpired as error:
        raise LinkRefused("expired") from error
    except BadSignature as error:
        raise LinkRefused("invalid") from error
    user = db.session.get(User, data.get("user")) if isinstance(data, dict) else None
    if user is None:
        raise LinkRefused("invalid")
    if data.get("pw") != _fingerprint(user):
        raise LinkRefused("used")
    return user
