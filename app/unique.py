"""Rows that a double submit can insert twice at the same moment.

SQLite's write lock makes such requests queue; PostgreSQL runs them side by side, so the second
meets the first one's row in a unique constraint. It then answers as a repeat does.
"""
from collections.abc import Callable
from typing import TypeVar

from sqlalchemy.exc import IntegrityError

from app.extensions import db

Row = TypeVar("Row")


def insert_once(row: Row, stored: Callable[[], Row | None]) -> Row:
    """Add `row`; when a parallel request has just stored its twin, return that twin instead."""
    try:
        with db.session.begin_nested():
            db.session.add(row)
    except IntegrityError:
        twin = stored()
        if twin is None:
            raise
        return twin
    return row
