"""Sealing a round when ranking closes: the last link between ballots and voters is cut.

Until then a ballot's voter key (a keyed hash of its participant) lets its voter change it. At the
close, in one transaction, every voter key becomes a random value and the ballots, the register and
the replaced receipts are written again in a shuffled order under fresh random ids, so that even
someone holding the database and SECRET_KEY cannot tell whose ballot is whose, nor (on PostgreSQL,
where rows written in one transaction share `xmin`) which ballot was written with which register entry.
"""
import logging
import random
import secrets

from sqlalchemy import delete, insert, select

from app.extensions import db
from app.models import Ballot, Participation, ReplacedReceipt, Round
from app.models.ballot import random_id
from app.rounds.phases import ORDER, Phase

log = logging.getLogger(__name__)
_shuffle = random.SystemRandom().shuffle


def due(round_: Round, phase: Phase) -> bool:
    """Whether ranking has closed in this round and its ballots are not sealed yet."""
    return not round_.sealed and ORDER.index(phase) > ORDER.index(Phase.RANK)


def seal(round_: Round) -> bool:
    """Cut ballots from voters, once; False when the round was already sealed (by another request too)."""
    query = select(Round.sealed).where(Round.id == round_.id)
    if db.session.scalar(query.with_for_update()):
        db.session.rollback()
        return False
    _rewrite(Ballot, round_.id, [Ballot.content, Ballot.receipt, Ballot.channel], _fresh_ballot)
    _rewrite(Participation, round_.id, [Participation.participant_id], lambda row: {"id": random_id()})
    _rewrite(ReplacedReceipt, round_.id, [ReplacedReceipt.receipt], lambda row: {})
    db.session.query(Round).filter_by(id=round_.id).update({"sealed": True})
    db.session.commit()
    vacuum()
    return True


def _fresh_ballot(_row) -> dict:
    return {"id": random_id(), "voter_key": secrets.token_hex(32), "version": 1, "submission_key": ""}


def _rewrite(model, round_id: int, columns, fresh) -> None:
    """Every row of the round deleted and inserted again, in a random order, with fresh keys."""
    rows = [dict(row._mapping) for row in db.session.execute(select(*columns).where(model.round_id == round_id))]
    _shuffle(rows)
    db.session.execute(delete(model).where(model.round_id == round_id))
    for start in range(0, len(rows), 1000):
        chunk = [{**row, **fresh(row), "round_id": round_id} for row in rows[start:start + 1000]]
        if chunk:
            db.session.execute(insert(model.__table__), chunk)


def vacuum() -> None:
    """Rebuild the files so the rows the seal replaced are not left in free pages or the write-ahead log.

    VACUUM cannot run inside a transaction, so it runs on a connection of its own, after the commit;
    a busy database keeps the seal (which is what counts) and says why the files were not rebuilt.
    """
    dialect = db.engine.dialect.name
    if dialect not in ("sqlite", "postgresql"):
        return
    raw = db.engine.raw_connection()
    try:
        driver = raw.driver_connection
        if dialect == "sqlite":
            driver.execute("VACUUM")
            driver.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        else:
            driver.autocommit = True
            try:
                driver.execute("VACUUM ballot, participation, replaced_receipt")
            finally:
                # The connection goes back to the pool: it must open transactions again.
                driver.autocommit = False
    except Exception as error:  # the seal is committed; a failed rebuild must not undo or fail the request
        log.warning("sealed, but the database files were not rebuilt: %s", error)
    finally:
        raw.close()


def seal_if_due(round_: Round, phase: Phase) -> bool:
    """The lazy seal: a request or command that finds ranking closed by date seals the round first.

    A reading request began a read transaction; it ends it and takes the write lock, as writes should.
    """
    if not due(round_, phase):
        return False
    db.session.rollback()
    from flask import g, has_request_context  # only requests have a `g` to ask for the write lock
    if has_request_context():
        g.write_lock = True
    sealed = seal(round_)
    db.session.refresh(round_)
    return sealed


def seal_due(today) -> list[Round]:
    """Every round whose ranking has closed and whose ballots are not sealed yet, sealed now."""
    waiting = list(db.session.scalars(select(Round).where(Round.sealed.is_(False))))
    return [round_ for round_ in waiting if seal_if_due(round_, round_.phase_on(today))]
