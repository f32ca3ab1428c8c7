"""Shared pages: a resident page rendered once for everyone who has not taken part, until the data changes.

Most of a crowd reads a round before taking part in it. For them a page depends only on its address, the
language asked for, htmx's headers, the day and the data, so each worker keeps the rendered page and serves
it again until a write is committed that the page may show (the content version, raised inside every writing
transaction, so every worker and host sees it) or a minute has passed (for "3 minutes ago"). A cast changes
only its own round's pages and the pages of all rounds together (home, register), so a crowd voting in one
round leaves every other round's pages stored. A visitor with anything of
their own in the session (a participant, an unsent ballot, a message, a signed-in account) is rendered
afresh. What each visitor must have their own of, the CSRF token and a ballot's nonce, is cut out of the
stored page and made anew for each visitor served it.
"""
import re
import threading
import time
from collections import OrderedDict
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from flask import Flask, Response, current_app, g, request, session
from flask_wtf.csrf import generate_csrf
from sqlalchemy import event, exc, text
from sqlalchemy.engine import Engine

from app.extensions import db
from app.i18n import LANGUAGE_COOKIE

# A session holding only these holds nothing of the visitor's own that a page shows.
SHARED_SESSION_KEYS = frozenset({"csrf_token", "device", "_permanent"})
WRITE = re.compile(r"\s*(INSERT|UPDATE|DELETE|REPLACE|MERGE)\b|\s*WITH\b.*\b(INSERT|UPDATE|DELETE)\b",
                   re.IGNORECASE | re.DOTALL)
# What casting writes: a transaction that wrote only these, for one round, changed only that round's pages.
CAST_TABLES = frozenset({"ballot", "replaced_receipt", "participant", "participation"})
WRITTEN_TABLE = re.compile(r'\s*(?:INSERT\s+INTO|UPDATE|DELETE\s+FROM)\s+"?(\w+)', re.IGNORECASE)
RAISE_VERSION = "UPDATE content_version SET number = number + 1, across_rounds = across_rounds + 1 WHERE id = 1"
RAISE_FOR_CAST = "UPDATE content_version SET number = number + 1 WHERE id = 1"
RAISE_ROUND = ("INSERT INTO round_version (round_id, number) VALUES ({round_id}, 1) "
               "ON CONFLICT (round_id) DO UPDATE SET number = round_version.number + 1")
FIND_VERSION = {"sqlite": "SELECT max(name) FROM sqlite_master WHERE name = 'round_version'",
                "postgresql": "SELECT to_regclass('round_version')"}
READ_VERSION = text("SELECT number FROM content_version WHERE id = 1")
READ_ROUND_VERSION = text('SELECT across_rounds, (SELECT v.number FROM round_version v JOIN "round" r ON r.id = v.round_id '
                          "WHERE r.slug = :slug) FROM content_version WHERE id = 1")


def shared_page(view):
    """Marks a GET view whose page, for a visitor who has not taken part, may be served to others like them."""
    view.shared_page = True
    return view


def per_visitor(make):
    """A value each visitor gets their own of (a ballot's nonce): made now, and again for each visitor served
    the stored page."""
    value = make()
    g.setdefault("page_holes", []).append((value, make))
    return value


def personal() -> None:
    """This render is for this visitor alone (a pair drawn at random for them): it is not stored."""
    g.page_personal = True


def watch_writes(engine: Engine) -> None:
    """Raise the content version inside every transaction that wrote, just before it commits.

    Inside, not after: a reader that sees the new rows sees the new number, and a crash cannot commit one
    without the other. The number is raised on the driver's own cursor, which these listeners do not see."""
    @event.listens_for(engine, "before_cursor_execute")
    def _note(connection, _cursor, statement, *_args):
        if WRITE.match(statement):
            connection.info["wrote"] = True
            table = WRITTEN_TABLE.match(statement)
            if table is None or table.group(1).lower() not in CAST_TABLES:
                connection.info["across_rounds"] = True

    @event.listens_for(engine, "commit")
    def _raise(connection):
        wrote, round_id = _forget(connection)
        if wrote and not connection.info.get("unwatched"):
            cursor = connection.connection.cursor()
            try:
                if _has_version(connection, cursor):
                    if round_id is None:
                        cursor.execute(RAISE_VERSION)
                    else:
                        cursor.execute(RAISE_FOR_CAST)
                        cursor.execute(RAISE_ROUND.format(round_id=int(round_id)))
            finally:
                cursor.close()

    @event.listens_for(engine, "begin")
    @event.listens_for(engine, "rollback")
    def _forget(connection):
        """What this transaction wrote: whether it did, and the one round it cast in if it wrote nothing else."""
        info = connection.info
        wrote, across, round_id = info.pop("wrote", False), info.pop("across_rounds", False), info.pop("cast_in", None)
        return wrote, None if across else round_id


def _has_version(connection, cursor) -> bool:
    """Whether this database has the content version yet (one older than its migration has nothing to raise);
    remembered per connection once it has."""
    if not connection.info.get("has_version"):
        cursor.execute(FIND_VERSION[connection.dialect.name])
        connection.info["has_version"] = cursor.fetchone()[0] is not None
    return connection.info["has_version"]


def casting_in(round_id: int) -> None:
    """This transaction writes a ballot in this round: if it writes nothing but what casting writes, only
    this round's pages (and those of all rounds together) are out of date after it."""
    info = db.session.connection().info
    if info.setdefault("cast_in", round_id) != round_id:  # casts in two rounds: one round's pages will not do
        info["across_rounds"] = True


@contextmanager
def unwatched(connection):
    """Writes on this connection do not raise the content version (migrations, which may run before it exists)."""
    connection.info["unwatched"] = True
    try:
        yield
    finally:
        connection.info.pop("unwatched", None)


def current_version(slug: str | None = None):
    """The version a page shows: a round's own and that of every write but a cast for the round's pages,
    that of every write for the rest. Read in the request's transaction, so on SQLite it and the page
    share a snapshot."""
    try:
        if slug is None:
            return db.session.execute(READ_VERSION).scalar()
        return tuple(db.session.execute(READ_ROUND_VERSION, {"slug": slug}).one())
    except exc.DatabaseError:  # a database not migrated this far: nothing is shared
        db.session.rollback()
        return None


@dataclass(frozen=True)
class StoredPage:
    body: bytes
    headers: tuple
    makers: tuple
    expires: float

    def response(self) -> Response:
        body = self.body
        for number, make in enumerate(self.makers):
            body = body.replace(_hole(number), make().encode())
        return Response(body, status=200, headers=list(self.headers))


class Pages:
    """One worker's stored pages, each kept with the version it was rendered at and served only at that version."""

    def __init__(self, size: int):
        self.size = size
        self._pages: OrderedDict = OrderedDict()
        self._lock = threading.Lock()

    def get(self, version, key: tuple) -> StoredPage | None:
        with self._lock:
            found = self._pages.get(key)
            if found is None:
                return None
            stored_at, page = found
            if stored_at != version or page.expires <= time.monotonic():
                del self._pages[key]
                return None
            self._pages.move_to_end(key)
            return page

    def put(self, version, key: tuple, page: StoredPage) -> None:
        with self._lock:
            self._pages[key] = (version, page)
            self._pages.move_to_end(key)
            while len(self._pages) > self.size:
                self._pages.popitem(last=False)


def _hole(number: int) -> bytes:
    return b"\x00hole%d\x00" % number


def _visitor_has_nothing_of_their_own() -> bool:
    return set(session.keys()) <= SHARED_SESSION_KEYS


def _key() -> tuple:
    headers = request.headers
    return (date.today().isoformat(), request.host_url, request.full_path, request.cookies.get(LANGUAGE_COOKIE),
            headers.get("Accept-Language", ""), headers.get("HX-Request"), headers.get("HX-Boosted"),
            headers.get("HX-History-Restore-Request"))


def _shareable_request() -> bool:
    view = current_app.view_functions.get(request.endpoint)
    return (request.method == "GET" and getattr(view, "shared_page", False) and _visitor_has_nothing_of_their_own())


def _serve_stored():
    pages = current_app.extensions.get("shared_pages")
    if pages is None or not _shareable_request():
        return None
    version = current_version((request.view_args or {}).get("slug"))
    if version is None:
        return None
    key = _key()
    stored = pages.get(version, key)
    if stored is not None:
        return stored.response()
    g.page_to_store = (version, key)
    return None


def _store(response):
    to_store = g.pop("page_to_store", None)
    if (to_store is None or g.get("page_personal") or response.status_code != 200 or response.is_streamed
            or "Set-Cookie" in response.headers or not _visitor_has_nothing_of_their_own()):
        return response
    holes = list(g.get("page_holes", []))
    if "csrf_token" in g:
        holes.append((g.csrf_token, generate_csrf))
    body = response.get_data()
    for number, (value, _make) in enumerate(holes):
        body = body.replace(value.encode(), _hole(number))
    headers = tuple((name, value) for name, value in response.headers if name.lower() != "content-length")
    version, key = to_store
    expires = time.monotonic() + current_app.config["SHARED_PAGE_SECONDS"]
    current_app.extensions["shared_pages"].put(
        version, key, StoredPage(body, headers, tuple(make for _value, make in holes), expires))
    return response


def init_app(app: Flask) -> None:
    """Register after compression: Flask runs after-request functions last-registered first, so pages are
    stored as rendered, and a stored page is compressed like a rendered one."""
    with app.app_context():
        watch_writes(db.engine)
    if app.config["SHARED_PAGE_SECONDS"] > 0:
        app.extensions["shared_pages"] = Pages(app.config["SHARED_PAGES"])
    app.before_request(_serve_stored)
    app.after_request(_store)
