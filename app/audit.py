"""Recording staff actions in the audit log, in the same transaction as the action itself."""
import json

from app.extensions import db
from app.models import AuditEntry, Round, User

COMMAND_LINE = "command line"


def record(actor: User | str, action: str, round_: Round | None = None, **detail) -> AuditEntry:
    """Adds the entry to the session; it is committed with the change it describes, or not at all."""
    entry = AuditEntry(actor=actor if isinstance(actor, str) else actor.email, action=action,
                       round_slug=round_.slug if round_ else "",
                       detail=json.dumps(detail, ensure_ascii=False, sort_keys=True, default=str))
    db.session.add(entry)
    return entry


def entries(round_slug: str | None = None, limit: int = 200) -> list[AuditEntry]:
    query = db.select(AuditEntry).order_by(AuditEntry.at.desc(), AuditEntry.id.desc()).limit(limit)
    if round_slug:
        query = query.filter_by(round_slug=round_slug)
    return list(db.session.scalars(query))
