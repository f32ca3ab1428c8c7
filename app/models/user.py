"""Staff accounts and the roles they hold."""
import secrets
from datetime import datetime
from functools import cache
from enum import StrEnum

from flask import current_app
from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column, relationship
from werkzeug.security import check_password_hash, generate_password_hash

from app.extensions import db
from app.models.base import UTCDateTime, code_enum, utcnow


class Role(StrEnum):
    ADMIN = "admin"
    FACILITATOR = "facilitator"
    MODERATOR = "moderator"
    PANEL = "panel"
    TRANSLATOR = "translator"
    REVIEWER = "reviewer"  # gives needs their cost estimates and feasibility verdicts
    OPERATOR = "operator"  # keys paper ballots and checks codes at the desk, blind to the other operator's entries


class User(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(254), unique=True)
    password_hash: Mapped[str] = mapped_column(String(256), default="")
    is_admin: Mapped[bool] = mapped_column(default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Held in each session too: raising it (sign-out, new password, a role removed) ends them all.
    session_version: Mapped[int] = mapped_column(default=1, server_default="1")
    # The council, funder or group the person works for; set by an admin. Rounds they create are run by it.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"), index=True)

    roles = relationship("StaffRole", cascade="all, delete-orphan")
    organisation = relationship("Organisation")

    def set_password(self, password: str) -> None:
        self.password_hash = generate_password_hash(password, _method())
        self.end_sessions()

    def check_password(self, password: str) -> bool:
        return check_password_hash(self.password_hash or _dummy_hash(), password) and bool(self.password_hash)

    def end_sessions(self) -> None:
        self.session_version = (self.session_version or 1) + 1


def _method() -> str:
    return current_app.config["PASSWORD_HASH_METHOD"]


def _dummy_hash() -> str:
    return _dummy_hash_by(_method())


@cache
def _dummy_hash_by(method: str) -> str:
    # The same method as real hashes, so checking an email without an account takes as long.
    return generate_password_hash(secrets.token_urlsafe(16), method)


def check_no_account(password: str) -> bool:
    """Spend on an email without an account the time a password check takes, so sign-in does not
    tell who has one."""
    check_password_hash(_dummy_hash(), password)
    return False


class StaffRole(db.Model):
    """A role held in one round, or in every round when round_id is empty."""

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    round_id: Mapped[int | None] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    role: Mapped[Role] = mapped_column(code_enum(Role, "staff_role"))
