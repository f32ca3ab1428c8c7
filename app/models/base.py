"""Column helpers shared by the models."""
from datetime import datetime, timezone
from enum import Enum

from sqlalchemy import DateTime
from sqlalchemy import Enum as SqlEnum
from sqlalchemy.types import TypeDecorator


def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """Timestamps stored in UTC and always read back timezone-aware (SQLite drops the zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value

    def process_result_value(self, value, dialect):
        if value is not None and value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value


def code_enum(enum: type[Enum], name: str) -> SqlEnum:
    """A string column limited to an enum's values by a named CHECK constraint."""
    return SqlEnum(
        enum, name=name, native_enum=False, create_constraint=True, length=16,
        values_callable=lambda members: [member.value for member in members],
    )
