"""The panel's rubric and how it works: criteria with weights and anchors, members' marks on each,
declarations before access, members' votes on decisions, where a recipient is based, and the panel's
settings (blind marking, quorum, whose names a conflict publishes, who asked to publish)."""
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, SmallInteger, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, code_enum, utcnow
from app.voting.rubric import TOP_MARK, Standard

MARKS = range(1, TOP_MARK + 1)
LARGEST_WEIGHT = 10


class Criterion(db.Model):
    """One question of a round's rubric: its weight, and what each mark from 1 to 5 means."""

    __table_args__ = (CheckConstraint(f"weight BETWEEN 1 AND {LARGEST_WEIGHT}", name="weight_1_to_10"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    position: Mapped[int] = mapped_column(SmallInteger)
    # One of the three starting questions, whose words come from the interface catalog until the panel
    # gives it words of its own (name); None for a question the panel wrote.
    standard: Mapped[Standard | None] = mapped_column(code_enum(Standard, "standard"))
    name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    weight: Mapped[int] = mapped_column(SmallInteger, default=1, server_default="1")
    anchor_1: Mapped[str] = mapped_column(Text, default="", server_default="")
    anchor_2: Mapped[str] = mapped_column(Text, default="", server_default="")
    anchor_3: Mapped[str] = mapped_column(Text, default="", server_default="")
    anchor_4: Mapped[str] = mapped_column(Text, default="", server_default="")
    anchor_5: Mapped[str] = mapped_column(Text, default="", server_default="")

    @property
    def anchors(self) -> dict[int, str]:
        return {n: getattr(self, f"anchor_{n}") for n in MARKS}


class PanelMark(db.Model):
    """A member's mark on one criterion of one application, with the comment that explains it."""

    __table_args__ = (
        UniqueConstraint("score_id", "criterion_id"),
        CheckConstraint(f"mark BETWEEN 1 AND {TOP_MARK}", name="mark_1_to_5"),
    )

    id: Mapped[int] = mapped_column(primary_key=True)
    score_id: Mapped[int] = mapped_column(ForeignKey("panel_score.id", ondelete="CASCADE"), index=True)
    criterion_id: Mapped[int] = mapped_column(ForeignKey("criterion.id", ondelete="CASCADE"), index=True)
    mark: Mapped[int] = mapped_column(SmallInteger)
    comment: Mapped[str] = mapped_column(Text, default="", server_default="")


class NoConflict(db.Model):
    """A member's declaration that they have no conflict of interest with an application, made before
    they see it in full (a conflict is a Conflict)."""

    __table_args__ = (UniqueConstraint("application_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    declared_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    # Defined from this side so Application's own module stays as it is.
    application = relationship("Application", backref=backref(
        "clearances", cascade="all, delete-orphan", lazy="selectin"))


class DecisionVote(db.Model):
    """One member's decision on one application; the decision stands when enough members agree."""

    __table_args__ = (UniqueConstraint("application_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    funded: Mapped[bool] = mapped_column(default=False)
    amount: Mapped[int | None] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    departure_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    voted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User")
    application = relationship("Application", backref=backref(
        "votes", cascade="all, delete-orphan", lazy="selectin", order_by="DecisionVote.id"))


class RecipientLocation(db.Model):
    """Where a funded group is based, as 360Giving publishes it with the recipient (kept apart from the
    application, which the group writes)."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), unique=True)
    name: Mapped[str] = mapped_column(String(200))

    application = relationship("Application", backref=backref(
        "recipient_location", uselist=False, cascade="all, delete-orphan", lazy="selectin"))


class PanelSettings(db.Model):
    """How a round's panel works; a round without a row works by the defaults."""

    __table_args__ = (CheckConstraint("quorum >= 1", name="quorum_at_least_1"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), unique=True)
    # Markers do not see who applied (name, identifier, contact) until the application is decided.
    blind: Mapped[bool] = mapped_column(default=False, server_default=false())
    quorum: Mapped[int] = mapped_column(SmallInteger, default=2, server_default="2")
    # The public record names members who declared a conflict, not only their role.
    name_conflicts: Mapped[bool] = mapped_column(default=False, server_default=false())
    publication_asked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    publication_asked_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
