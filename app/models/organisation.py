"""Organisations that run and fund rounds, what each pledges to a round and pays towards each grant,
the places a round names with their codes, the rounds a need was carried through, and needs in two
rounds linked as the same need."""
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, utcnow


class Organisation(db.Model):
    """A funder, council or community group; org_id is its 360Giving identifier where it has one."""

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    org_id: Mapped[str] = mapped_column(String(100), default="", server_default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class Pledge(db.Model):
    """What one funder puts into a round's pot, in the round's money units (Round.money_scale)."""

    __table_args__ = (UniqueConstraint("round_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)

    organisation = relationship("Organisation", lazy="joined")


class GrantShare(db.Model):
    """What one funder pays towards one funded grant, in the round's money units."""

    __table_args__ = (UniqueConstraint("decision_id", "organisation_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("grant_decision.id", ondelete="CASCADE"), index=True)
    organisation_id: Mapped[int] = mapped_column(ForeignKey("organisation.id", ondelete="CASCADE"), index=True)
    amount: Mapped[int] = mapped_column(BigInteger)

    organisation = relationship("Organisation", lazy="joined")


class Ward(db.Model):
    """A smaller place (ward, neighbourhood) a round offers, with its code (an ONS code where there is one)."""

    __table_args__ = (UniqueConstraint("round_id", "code"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(120))
    code: Mapped[str] = mapped_column(String(16))


class NeedCarry(db.Model):
    """A need's stay in an earlier round, kept when it was carried into a later one: its place and
    support there, as they stood when it moved on."""

    __table_args__ = (UniqueConstraint("need_id", "round_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    place: Mapped[int | None] = mapped_column(Integer)
    support: Mapped[int] = mapped_column(Integer, default=0)
    carried_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    carried_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    round = relationship("Round", lazy="joined")


class NeedLink(db.Model):
    """Two needs in different rounds that are the same need, linked instead of merged: each keeps its own
    page and support, and each names the other. Stored once, the lower id first."""

    __table_args__ = (UniqueConstraint("need_id", "other_id"), CheckConstraint("need_id < other_id", name="ordered"))

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    other_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    linked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    linked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
