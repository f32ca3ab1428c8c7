"""The progress link a funded group is emailed: signed, so a changed character opens nothing, and dated,
so an old one expires (app.voting.progress.LINK_LIFETIME). It needs no password."""
from datetime import datetime, timezone

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from app.extensions import db
from app.models import GrantDecision
from app.models.base import utcnow
from app.voting.progress import link_expired


class LinkRefused(ValueError):
    """Why a progress link opens nothing: "expired" or "invalid"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="grant-progress")


def make_token(decision: GrantDecision, now: datetime | None = None) -> str:
    return _serializer().dumps({"grant": decision.id, "at": int((now or utcnow()).timestamp())})


def decision_for(token: str, now: datetime | None = None) -> GrantDecision:
    try:
        data = _serializer().loads(token)
    except BadSignature as error:
        raise LinkRefused("invalid") from error
    if not isinstance(data, dict) or not isinstance(data.get("grant"), int) or not isinstance(data.get("at"), int):
        raise LinkRefused("invalid")
    decision = db.session.get(GrantDecision, data["grant"])
    if decision is None or not decision.funded:
        raise LinkRefused("invalid")
    if link_expired(datetime.fromtimestamp(data["at"], timezone.utc), now or utcnow()):
        raise LinkRefused("expired")
    return decision
