"""Workshop sessions: starting and ending them, the facilitator's controls, who joined, and the shared snapshot."""
import secrets
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.exc import OperationalError

from app import audit
from app.access.codes import ALPHABET
from app.ballots.tally import counted_needs, published_rule, tally_by
from app.extensions import db, write_transaction
from app.models import Need, Participant, Participation, Round, User, WorkshopAttendance, WorkshopDots, WorkshopSession
from app.models.base import utcnow
from app.workshops import snapshot as snapshots
from app.workshops import timer

JOIN_CODE_LENGTH = 6


def start(round_: Round, name: str, place: str, starts_at: datetime | None, actor: User | str) -> WorkshopSession:
    session = WorkshopSession(round_id=round_.id, name=name, place=place or "", starts_at=starts_at or utcnow(),
                              projector_token=secrets.token_urlsafe(32), join_code=_free_join_code())
    db.session.add(session)
    db.session.flush()
    audit.record(actor, "workshop-started", round_, session=session.id, name=name)
    db.session.commit()
    return session


def _free_join_code() -> str:
    while True:
        code = "".join(secrets.choice(ALPHABET) for _ in range(JOIN_CODE_LENGTH))
        if db.session.scalar(select(WorkshopSession.id).filter_by(join_code=code)) is None:
            return code


def sessions_of(round_: Round) -> list[WorkshopSession]:
    return list(db.session.scalars(select(WorkshopSession).filter_by(round_id=round_.id)
                                   .order_by(WorkshopSession.starts_at.desc(), WorkshopSession.id.desc())))


def session_of(round_: Round, session_id: int) -> WorkshopSession | None:
    return db.session.scalar(select(WorkshopSession).filter_by(round_id=round_.id, id=session_id))


def by_token(token: str) -> WorkshopSession | None:
    """The live session this projector link opens; an ended session's link opens nothing."""
    found = db.session.scalar(select(WorkshopSession).filter_by(projector_token=token))
    return found if found is not None and found.live and secrets.compare_digest(found.projector_token, token) else None


def by_join_code(typed: str) -> WorkshopSession | None:
    code = "".join(typed.split()).replace("-", "").upper()[:JOIN_CODE_LENGTH * 2]
    found = db.session.scalar(select(WorkshopSession).filter_by(join_code=code)) if code else None
    return found if found is not None and found.live else None


def _changed(session: WorkshopSession, actor: User, action: str, **detail) -> None:
    session.snapshot_at = None  # every screen sees the change on its next poll
    _seen.pop(session.projector_token, None)
    audit.record(actor, action, db.session.get(Round, session.round_id), session=session.id, **detail)
    db.session.commit()


def recount_soon(session: WorkshopSession) -> None:
    """Something the snapshot depends on changed (the round's phase): the next screen counts again."""
    session.snapshot_at = None
    _seen.pop(session.projector_token, None)
    db.session.commit()


def start_timer(session: WorkshopSession, minutes: int, actor: User) -> None:
    session.timer_ends_at = timer.ends_at(utcnow(), minutes)
    _changed(session, actor, "workshop-timer-started", minutes=minutes)


def stop_timer(session: WorkshopSession, actor: User) -> None:
    session.timer_ends_at = None
    _changed(session, actor, "workshop-timer-stopped")


def show_results(session: WorkshopSession, shown: bool, actor: User) -> None:
    session.results_shown = shown
    _changed(session, actor, "workshop-results-shown" if shown else "workshop-results-hidden")


def show_need(session: WorkshopSession, need_id: int | None, actor: User) -> None:
    need = db.session.get(Need, need_id) if need_id else None
    session.shown_need_id = need.id if need is not None and need.round_id == session.round_id else None
    _changed(session, actor, "workshop-need-shown", need=session.shown_need_id)


def set_language(session: WorkshopSession, language: str, actor: User) -> None:
    session.language = language
    _changed(session, actor, "workshop-language", language=language)


def record_dots(session: WorkshopSession, counts: dict[int, int], actor: User) -> None:
    """Totals per need from a dot-voting sheet, replacing what was entered before."""
    known = {need.id for need in counted_needs(db.session.get(Round, session.round_id))}
    stored = {row.need_id: row for row in db.session.scalars(select(WorkshopDots).filter_by(session_id=session.id))}
    for need_id, dots in counts.items():
        if need_id not in known:
            continue
        row = stored.get(need_id) or WorkshopDots(session_id=session.id, need_id=need_id)
        row.dots = dots
        db.session.add(row)
    _changed(session, actor, "workshop-dots", total=sum(counts.values()))


def dots_of(session: WorkshopSession) -> dict[int, int]:
    return dict(db.session.execute(select(WorkshopDots.need_id, WorkshopDots.dots).filter_by(session_id=session.id)
                                   .where(WorkshopDots.dots > 0)).all())


def end(session: WorkshopSession, actor: User) -> None:
    """The projector link and the join code stop working; the report stays."""
    if session.live:
        session.ended_at = utcnow()
        session.timer_ends_at = None
        _changed(session, actor, "workshop-ended")


def attend(session: WorkshopSession, participant: Participant) -> None:
    """Count a participant as joined through this session (once); adds no commit."""
    exists = db.session.scalar(select(WorkshopAttendance.id).filter_by(session_id=session.id,
                                                                       participant_id=participant.id))
    if exists is None:
        db.session.add(WorkshopAttendance(session_id=session.id, participant_id=participant.id))


def note_arrival(round_: Round, participant: Participant) -> None:
    """A card redeemed while the round has a session in the room counts as joining that session."""
    live = db.session.scalar(select(WorkshopSession).filter_by(round_id=round_.id, ended_at=None)
                             .where(WorkshopSession.starts_at <= utcnow())
                             .order_by(WorkshopSession.starts_at.desc()).limit(1))
    if live is not None:
        attend(live, participant)
        db.session.commit()


def counts(session: WorkshopSession) -> tuple[int, int]:
    """(joined, ballots): participants who joined through the session, and how many of them have voted."""
    joined = db.session.scalar(select(func.count(WorkshopAttendance.id)).filter_by(session_id=session.id))
    ballots = db.session.scalar(
        select(func.count(Participation.id))
        .join(WorkshopAttendance, WorkshopAttendance.participant_id == Participation.participant_id)
        .where(WorkshopAttendance.session_id == session.id))
    return joined, ballots


def _ranking(round_: Round) -> list[str]:
    try:
        return tally_by(round_, [published_rule(round_)])[0].ranking
    except ValueError:  # nothing to count yet
        return []


def current_snapshot(session: WorkshopSession) -> snapshots.Snapshot:
    """The stored snapshot while under a second old; otherwise one worker counts again and stores it."""
    return _current(session)[0]


def _current(session: WorkshopSession) -> tuple[snapshots.Snapshot, datetime]:
    if session.snapshot and snapshots.is_fresh(session.snapshot_at, utcnow()):
        return snapshots.loads(session.snapshot), session.snapshot_at
    return _recount(session.id)


def _recount(session_id: int) -> tuple[snapshots.Snapshot, datetime]:
    try:
        return _recount_and_store(session_id)
    except OperationalError as error:
        if "locked" not in str(error.orig):
            raise
    # The write lock was not had in time (SQLite under a crowd): this screen gets a count of its own, and
    # the stored snapshot waits for the next screen to refresh it.
    session = db.session.get(WorkshopSession, session_id)
    return count_now(session, date.today()), utcnow()


def _recount_and_store(session_id: int) -> tuple[snapshots.Snapshot, datetime]:
    # A new transaction that holds the write lock (SQLite) or the session's row (PostgreSQL): screens
    # that find the snapshot stale at the same moment wait here, then find it fresh and count nothing.
    with write_transaction():
        session = db.session.scalar(select(WorkshopSession).filter_by(id=session_id).with_for_update())
        now = utcnow()
        if session.snapshot and snapshots.is_fresh(session.snapshot_at, now):
            found = snapshots.loads(session.snapshot), session.snapshot_at
            db.session.rollback()
            return found
        shot = count_now(session, date.today())
        session.snapshot, session.snapshot_at = snapshots.dumps(shot), now
        db.session.commit()
        return shot, now


# This worker's copy of each live session's stored snapshot, used until the stored one would be recounted:
# a screen's poll then costs no database read at all, and no screen sees anything older than a second.
_seen: dict[str, tuple[datetime, snapshots.Snapshot]] = {}


def snapshot_by_token(token: str) -> snapshots.Snapshot | None:
    """The snapshot a projector link shows, None for a link that opens nothing (unknown, or the session ended:
    within a second of ending, the link stops answering)."""
    hit = _seen.get(token)
    if hit is not None and snapshots.is_fresh(hit[0], utcnow()):
        return hit[1]
    session = by_token(token)
    if session is None:
        _seen.pop(token, None)
        return None
    shot, counted_at = _current(session)
    if len(_seen) > 1000:
        _seen.clear()
    _seen[token] = (counted_at, shot)
    return shot


def count_now(session: WorkshopSession, today: date) -> snapshots.Snapshot:
    round_ = db.session.get(Round, session.round_id)
    joined, ballots = counts(session)
    allowed = round_.results_published_on(today)
    ranking = _ranking(round_) if session.results_shown and allowed else []
    return snapshots.build(joined, ballots, session.results_shown, allowed, ranking, session.timer_ends_at)
