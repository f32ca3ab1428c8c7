"""The link a group applying online is emailed: it opens its draft, then its status page, with no password.
Signed, so a changed character opens nothing; dated, so an old one expires (app.voting.applications)."""
from datetime import datetime, timezone

from flask import current_app
from itsdangerous import BadSignature, URLSafeSerializer

from app.extensions import db
from app.models import Application
from app.models.base import utcnow
from app.progress.links import LinkRefused
from app.voting.applications import link_expired


def _serializer() -> URLSafeSerializer:
    return URLSafeSerializer(current_app.secret_key, salt="online-application")


def make_token(application: Application, now: datetime | None = None) -> str:
    return _serializer().dumps({"application": application.id, "at": int((now or utcnow()).timestamp())})


def application_for(token: str, now: datetime | None = None) -> Application:
    try:
        data = _serializer().loads(token)
    except BadSignature as error:
        raise LinkRefused("invalid") from error
    if not isinstance(data, dict) or not isinstance(data.get("application"), int) \
            or not isinstance(data.get("at"), int):
        raise LinkRefused("invalid")
    application = db.session.get(Application, data["application"])
    if application is None:
        raise LinkRefused("invalid")
    if link_expired(datetime.fromtimestamp(data["at"], timezone.utc), now or utcnow()):
        raise LinkRefused("expired")
    return application
