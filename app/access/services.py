"""Access codes: making them, letting residents in with them, voiding them."""
from dataclasses import dataclass

from sqlalchemy import func

from app import audit
from app.access.codes import new_code, normalise
from app.extensions import db
from app.models import AccessCode, Participant, Round, User
from app.models.base import utcnow

MAX_CODES_AT_ONCE = 2000


class CodeRefused(ValueError):
    """Why a typed code lets nobody in: "malformed", "unknown" or "void"."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class CodeCounts:
    made: int
    used: int
    unused: int
    void: int


def generate(round_: Round, count: int, actor: User | str) -> list[AccessCode]:
    if not 1 <= count <= MAX_CODES_AT_ONCE:
        raise ValueError(f"make between 1 and {MAX_CODES_AT_ONCE} codes at a time")
    taken = set(db.session.scalars(db.select(AccessCode.code).filter_by(round_id=round_.id)))
    batch = (db.session.scalar(db.select(func.max(AccessCode.batch)).filter_by(round_id=round_.id)) or 0) + 1
    made = []
    while len(made) < count:
        code = new_code()
        if code not in taken:
            taken.add(code)
            made.append(AccessCode(round_id=round_.id, code=code, batch=batch))
    db.session.add_all(made)
    audit.record(actor, "codes-generated", round_, count=count, batch=batch)
    db.session.commit()
    return made


def redeem(round_: Round, typed: str) -> Participant:
    """The participant this code stands for: made on first use, the same one every time after."""
    code = normalise(typed or "")
    if code is None:
        raise CodeRefused("malformed")
    access = db.session.scalar(db.select(AccessCode).filter_by(round_id=round_.id, code=code).with_for_update())
    if access is None:
        raise CodeRefused("unknown")
    if access.voided_at:
        raise CodeRefused("void")
    participant = db.session.get(Participant, access.participant_id) if access.participant_id else None
    if participant is None:
        participant = Participant(round_id=round_.id)
        db.session.add(participant)
        db.session.flush()
        access.participant_id = participant.id
        access.first_used_at = access.first_used_at or utcnow()
    db.session.commit()
    return participant


def belongs_elsewhere(round_: Round, typed: str, holder: Participant) -> bool:
    """Whether `typed` is a live code of this round standing for someone other than `holder`."""
    code = normalise(typed or "")
    access = db.session.scalar(db.select(AccessCode).filter_by(round_id=round_.id, code=code)) if code else None
    return access is not None and not access.voided_at and access.participant_id != holder.id


def void(round_: Round, code_id: int, actor: User | str) -> AccessCode | None:
    access = db.session.scalar(db.select(AccessCode).filter_by(round_id=round_.id, id=code_id))
    if access is None:
        return None
    if not access.voided_at:
        access.voided_at = utcnow()
        audit.record(actor, "code-voided", round_, code_id=access.id, batch=access.batch)
        db.session.commit()
    return access


def counts(round_: Round) -> CodeCounts:
    rows = db.session.execute(
        db.select(AccessCode.voided_at.is_(None), AccessCode.first_used_at.is_(None), func.count())
        .filter_by(round_id=round_.id).group_by(AccessCode.voided_at.is_(None), AccessCode.first_used_at.is_(None)))
    made = used = unused = void_ = 0
    for live, fresh, n in rows:
        made += n
        if not live:
            void_ += n
        elif fresh:
            unused += n
        else:
            used += n
    return CodeCounts(made, used, unused, void_)


def codes_of(round_: Round, batch: int | None = None, status: str | None = None) -> list[AccessCode]:
    query = db.select(AccessCode).filter_by(round_id=round_.id).order_by(AccessCode.batch, AccessCode.id)
    if batch:
        query = query.filter_by(batch=batch)
    if status == "unused":
        query = query.filter(AccessCode.voided_at.is_(None), AccessCode.first_used_at.is_(None))
    return list(db.session.scalars(query))
