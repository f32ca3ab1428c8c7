"""Resident pages read the database a fixed number of times, however many needs, comments or supports
they show: a busy round costs the server no more queries a page than a quiet one."""
from contextlib import contextmanager

import pytest
from sqlalchemy import event

from app.extensions import db


@contextmanager
def counted(app):
    statements = []

    def count(_conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(("BEGIN", "COMMIT", "ROLLBACK", "SAVEPOINT", "RELEASE")):
            statements.append(statement)

    with app.app_context():
        engine = db.engine
    event.listen(engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", count)


@pytest.fixture(autouse=True)
def _rendered_afresh(app, monkeypatch):
    """Each page is rendered, not served as stored for visitors (test_shared_pages.py counts that)."""
    monkeypatch.setitem(app.config, "SHARED_PAGE_SECONDS", 0)


def read_by(app, client, path) -> list[str]:
    client.get(path)  # the visitor's session and caches settle first
    with counted(app) as statements:
        assert client.get(path).status_code == 200
    return list(statements)


def queries(app, client, path) -> int:
    return len(read_by(app, client, path))


@pytest.fixture
def round_with(make_round, make_need, make_comment, make_support):
    def grow(needs: int, comments: int):
        ids = [make_need(title=f"Need number {n}") for n in range(needs)]
        for need in ids:
            make_support(need, 2)
            for _ in range(comments):
                make_comment(need)
        return ids
    make_round(phase="discuss")
    return grow


def test_the_round_and_needs_list_read_as_often_with_eight_needs_as_with_one(app, client, round_with, clean_tables):
    round_with(1, 1)
    pages = ("/rounds/lewisham", "/rounds/lewisham/needs")
    few = [read_by(app, client, p) for p in pages]
    round_with(4, 3)
    many = [read_by(app, client, p) for p in pages]
    for page, before, after in zip(pages, few, many):
        assert len(after) == len(before), (page, before, after)
    # Each first asks for the content version (app/page_cache.py), then the round (and the needs).
    assert len(few[0]) <= 4 and len(few[1]) <= 5, few


def test_a_need_page_reads_as_often_with_six_comments_as_with_one(app, client, round_with, make_comment,
                                                                  clean_tables):
    need, = round_with(1, 1)
    one = queries(app, client, f"/rounds/lewisham/needs/{need}")
    for _ in range(5):
        make_comment(need)
    # Fifteen: the first asks for the content version, the eleventh which earlier rounds the need was carried
    # from, the twelfth for its evidence, the thirteenth for every round's published decisions on it, the
    # fourteenth for the same need linked in other rounds, the fifteenth for every comment's translations at once.
    assert queries(app, client, f"/rounds/lewisham/needs/{need}") == one <= 15, one
