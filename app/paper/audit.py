"""The sample audit: serials drawn from a published seed once the count is in, each paper looked at
beside its keyed record, and the result published."""
from sqlalchemy import select

from app import audit as audit_log
from app.extensions import db
from app.models import PaperAudit, PaperCheck, Round, User
from app.paper import reconcile
from app.paper.report import current_audit, verdicts


def draw(round_: Round, seed: str, size: int, actor: User) -> PaperAudit:
    """A new sample from the reconciled papers; it supersedes the last draw."""
    serials = [paper.serial for paper, verdict in verdicts(round_).values() if verdict.reconciled]
    sample = reconcile.draw_sample(seed, serials, size)
    made = PaperAudit(round_id=round_.id, seed=seed, size=size, sample=" ".join(sample), drawn_by_id=actor.id)
    db.session.add(made)
    audit_log.record(actor, "paper-audit-drawn", round_, seed=seed, size=size)
    db.session.commit()
    return made


def check(round_: Round, serial: str, matched: bool, actor: User) -> bool:
    """Record whether the paper matches its record; False if the serial is not in the current sample."""
    current = current_audit(round_)
    if current is None or serial not in current.sample.split():
        return False
    previous = db.session.scalar(select(PaperCheck).filter_by(audit_id=current.id, serial=serial)
                                 .order_by(PaperCheck.id.desc()))
    db.session.add(PaperCheck(audit_id=current.id, serial=serial, matched=matched, checked_by_id=actor.id,
                              supersedes_id=previous.id if previous else None))
    db.session.commit()
    return True
