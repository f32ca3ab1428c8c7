"""The funder panel's work: applications against needs, members' scores and conflicts, and decisions."""
from datetime import datetime

from sqlalchemy import BigInteger, CheckConstraint, ForeignKey, SmallInteger, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.ballot import Channel
from app.models.base import UTCDateTime, code_enum, utcnow
from app.voting.applications import ApplicationStatus
from app.voting.departures import Departure


class Application(db.Model):
    """A group's proposal to meet one need, for an amount in the round's money units."""

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    applicant: Mapped[str] = mapped_column(String(200))
    # The applicant's organisation identifier (GB-CHC-1234567, GB-COH-01234567), when it has one.
    applicant_id: Mapped[str] = mapped_column(String(100), default="")
    # Where the progress link goes once the grant is made: the group's contact, not a resident's address.
    contact_email: Mapped[str] = mapped_column(String(254), default="", server_default="")
    title: Mapped[str] = mapped_column(String(140))
    description: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int] = mapped_column(BigInteger)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Staff type in what came on paper (submitted as it is); groups applying online start with a draft.
    status: Mapped[ApplicationStatus] = mapped_column(code_enum(ApplicationStatus, "application_status"),
                                                      default=ApplicationStatus.SUBMITTED, server_default="submitted")
    channel: Mapped[Channel] = mapped_column(code_enum(Channel, "application_channel"), default=Channel.PAPER,
                                             server_default="paper")
    language: Mapped[str] = mapped_column(String(16), default="", server_default="")  # the applicant's
    beneficiaries: Mapped[str] = mapped_column(Text, default="", server_default="")  # who benefits
    location: Mapped[str] = mapped_column(String(200), default="", server_default="")  # where the work happens
    unregistered: Mapped[bool] = mapped_column(default=False, server_default=false())  # so it has no applicant_id
    # The random key of the form a draft was started from: a double submit finds the draft it made.
    form_key: Mapped[str | None] = mapped_column(String(32), unique=True)

    need = relationship("Need", lazy="selectin")
    scores = relationship("PanelScore", cascade="all, delete-orphan", lazy="selectin")
    conflicts = relationship("Conflict", cascade="all, delete-orphan", lazy="selectin")
    decision = relationship("GrantDecision", uselist=False, cascade="all, delete-orphan", lazy="selectin")


class PanelScore(db.Model):
    """One member's marking of one application: a mark from 1 to 5 on each of the rubric's criteria
    (PanelMark), and notes for the panel."""

    __table_args__ = (UniqueConstraint("application_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    comment: Mapped[str] = mapped_column(Text, default="")
    scored_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User")
    marks = relationship("PanelMark", cascade="all, delete-orphan", lazy="selectin")

    @property
    def sheet(self) -> dict[str, int]:
        """The marks as the rubric arithmetic reads them (app.voting.rubric): criterion id -> mark."""
        return {str(m.criterion_id): m.mark for m in self.marks}


class Conflict(db.Model):
    """A member's declared conflict of interest: they neither score nor decide this application."""

    __table_args__ = (UniqueConstraint("application_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("user.id", ondelete="CASCADE"), index=True)
    reason: Mapped[str] = mapped_column(Text)
    # The name the member declares under, published with the conflict only where the panel names them.
    name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    declared_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    user = relationship("User")


class GrantDecision(db.Model):
    """The panel's decision on one application: funded with an amount, or not."""

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), unique=True)
    funded: Mapped[bool] = mapped_column(default=False)
    amount: Mapped[int | None] = mapped_column(BigInteger)
    reason: Mapped[str] = mapped_column(Text, default="")  # why, for this application in particular
    # Set when the decision departs from the suggested grants, which then needs a reason of its own.
    departure: Mapped[Departure | None] = mapped_column(code_enum(Departure, "departure"))
    departure_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    completed_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))

    shares = relationship("GrantShare", order_by="GrantShare.id", cascade="all, delete-orphan", lazy="selectin")
    updates = relationship("GrantUpdate", order_by="GrantUpdate.posted_at", cascade="all, delete-orphan",
                           lazy="selectin")


class GrantUpdate(db.Model):
    """A funded group's progress report, posted through its emailed link, in its own language."""

    __table_args__ = (CheckConstraint("percent BETWEEN 0 AND 100", name="percent_0_to_100"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    decision_id: Mapped[int] = mapped_column(ForeignKey("grant_decision.id", ondelete="CASCADE"), index=True)
    milestone: Mapped[str] = mapped_column(String(140))
    percent: Mapped[int] = mapped_column(SmallInteger)
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    posted_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
