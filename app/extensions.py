"""Unbound extension instances, bound to the app in create_app()."""
from contextlib import contextmanager

from flask import current_app, g, has_request_context, request
from flask_babel import Babel
from flask_htmx import HTMX
from flask_limiter import Limiter
from flask_limiter.util import get_remote_address
from flask_sqlalchemy import SQLAlchemy
from flask_wtf import CSRFProtect
from sqlalchemy import MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)
babel = Babel()
csrf = CSRFProtect()
htmx = HTMX()
# Limits are set per view (app/ratelimits.py); storage comes from RATELIMIT_STORAGE_URI.
limiter = Limiter(key_func=get_remote_address)

SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


def writes(view):
    """Marks a GET view that writes (a scanned card's code): its transactions take the write lock too."""
    view.writes = True
    return view


def reads_first(view):
    """Marks a POST view that reads in a plain transaction and writes only inside `write_transaction()`,
    so concurrent requests hold the write lock for the write alone, not for the whole request."""
    view.reads_first = True
    return view


@contextmanager
def write_transaction():
    """Ends the request's read transaction and runs the block in a new one that holds SQLite's write lock
    from its first statement; what the block reads is re-read under the lock, so it re-checks there what
    the read transaction saw. A block that raises is rolled back; the request reads without the lock after."""
    db.session.rollback()
    g.write_lock = True
    try:
        yield
    except BaseException:
        db.session.rollback()
        raise
    finally:
        g.write_lock = False


def commit_keeping_loaded() -> None:
    """Commits without expiring what the session holds: it was read under the write lock, so it is what
    was stored, and the page after the write shows it without reading it again."""
    session = db.session()
    session.expire_on_commit = False
    try:
        session.commit()
    finally:
        session.expire_on_commit = True


def takes_write_lock() -> bool:
    """Whether the transaction now starting may write.

    Requests that may write (POSTs, GET views marked with `writes`, a GET that found it must write
    and set `g.write_lock` before starting a new transaction, CLI commands) take SQLite's write lock
    before their first read, so concurrent writers queue on busy_timeout instead of
    failing to upgrade a read lock ("database is locked") once another writer has committed.
    """
    if has_request_context():
        view = current_app.view_functions.get(request.endpoint)
        if getattr(view, "reads_first", False):
            return g.get("write_lock", False)
        # g.write_lock: a reading request that found it must write after all (sealing a round) asked for it.
        return request.method not in SAFE_METHODS or getattr(view, "writes", False) or g.get("write_lock", False)
    return True


def configure_sqlite(engine: Engine, busy_timeout_ms: int) -> None:
    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection, _record):
        # Let SQLAlchemy's "begin" event issue BEGIN itself (pysqlite would defer it).
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute(f"PRAGMA busy_timeout={int(busy_timeout_ms)}")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute("PRAGMA synchronous=FULL")
        # Deleted and replaced rows are overwritten with zeros, not left in free pages to be read back.
        cursor.execute("PRAGMA secure_delete=ON")
        cursor.close()

    @event.listens_for(engine, "begin")
    def _on_begin(connection):
        connection.info["write_lock"] = takes_write_lock()
        connection.exec_driver_sql("BEGIN IMMEDIATE" if connection.info["write_lock"] else "BEGIN")
