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
    assert len(few[0]) <= 3 and len(few[1]) <= 4, few


def test_a_need_page_reads_as_often_with_six_comments_as_with_one(app, client, round_with, make_comment,
                                                                  clean_tables):
    need, = round_with(1, 1)
    one = queries(app, client, f"/rounds/lewisham/needs/{need}")
    for _ in range(5):
        make_comment(need)
    # Fourteen: the tenth asks which earlier rounds the need was carried from, the eleventh for its evidence,
    # the twelfth for every round's published decisions on it, the thirteenth for the same need linked in
    # other rounds, the fourteenth for every comment's translations at once.
    assert queries(app, client, f"/rounds/lewisham/needs/{need}") == one <= 14, one
