"""A need residents propose, with its supports and edit history."""
from datetime import date, datetime

from sqlalchemy import BigInteger, Date, ForeignKey, Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, code_enum, utcnow
from app.needs.status import NeedStatus
from app.voting.feasibility import Verdict


class Need(db.Model):
    # A unique index, not a constraint: SQLite adds it without rebuilding the table (and its search triggers).
    __table_args__ = (Index("ix_need_round_external", "round_id", "external_id", unique=True),
                      Index("ix_need_round_status_support", "round_id", "status", "support"))

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(
        ForeignKey("participant.id", ondelete="SET NULL"), index=True
    )
    title: Mapped[str] = mapped_column(String(140))
    description: Mapped[str] = mapped_column(Text)
    affected: Mapped[str] = mapped_column(String(300), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    area: Mapped[str] = mapped_column(String(120), default="")
    area_code: Mapped[str] = mapped_column(String(16), default="", server_default="")
    category: Mapped[str] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(16))
    cost: Mapped[int | None] = mapped_column(BigInteger)  # in the round's money units (Round.money_scale)
    feasibility: Mapped[Verdict] = mapped_column(code_enum(Verdict, "feasibility"), default=Verdict.UNREVIEWED,
                                                 server_default=Verdict.UNREVIEWED.value)
    # Public: the proposer and everyone else read why a need cannot go on the ballot.
    feasibility_reason: Mapped[str] = mapped_column(Text, default="", server_default="")
    reviewed_at: Mapped[datetime | None] = mapped_column(UTCDateTime)  # who reviewed it: the audit log
    # The id a source file gave it (a Pabulib project_id, a PrefLib alternative number).
    external_id: Mapped[str | None] = mapped_column(String(64))
    status: Mapped[NeedStatus] = mapped_column(code_enum(NeedStatus, "need_status"), default=NeedStatus.OPEN)
    moderation_reason: Mapped[str] = mapped_column(Text, default="")
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Residents' support in its current round, kept by app/models/support_count.py: the register reads
    # each need's place from it without counting every need's support in the round.
    support: Mapped[int] = mapped_column(default=0, server_default="0")
    merged_into_id: Mapped[int | None] = mapped_column(ForeignKey("need.id"), index=True)
    # The stemmed terms of its words and of its translations', drafts included, for full-text search
    # (app/needs/terms.py), kept on every write by app/needs/services.search_document.
    search_document: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow, index=True)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    round = relationship("Round")
    author = relationship("Participant")
    merged_into = relationship("Need", remote_side=[id], foreign_keys=[merged_into_id])
    revisions = relationship("NeedRevision", order_by="NeedRevision.id.desc()", viewonly=True)
    carries = relationship("NeedCarry", order_by="NeedCarry.id", viewonly=True)

    @property
    def public_id(self) -> str:
        """The id open data and tallies use: the source file's id when imported, ours otherwise."""
        return self.external_id or str(self.id)


class Support(db.Model):
    """"This matters to me too": one per participant per need."""

    __table_args__ = (UniqueConstraint("need_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NeedRevision(db.Model):
    """The need as it read before a moderator's edit."""

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    editor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    reason: Mapped[str] = mapped_column(Text, default="")
    title: Mapped[str] = mapped_column(String(140))
    description: Mapped[str] = mapped_column(Text)
    affected: Mapped[str] = mapped_column(String(300), default="")
    location: Mapped[str] = mapped_column(String(200), default="")
    area: Mapped[str] = mapped_column(String(120), default="")
    category: Mapped[str] = mapped_column(String(32))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    editor = relationship("User")


class NeedTranslation(db.Model):
    """A need's title and description in another language.

    Residents see it only once a person has approved it; a machine suggestion waits unapproved.
    """

    __table_args__ = (UniqueConstraint("need_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(140))
    description: Mapped[str] = mapped_column(Text)
    by_machine: Mapped[bool] = mapped_column(default=False)  # the text came from machine translation
    approved: Mapped[bool] = mapped_column(default=False)
    translator_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class NeedEvidence(db.Model):
    """A dataset or report a facilitator gives as evidence of a need: its title, address and date."""

    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    title: Mapped[str] = mapped_column(String(200))
    url: Mapped[str] = mapped_column(String(2000))
    published_on: Mapped[date] = mapped_column(Date)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
