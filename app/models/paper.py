"""Paper ballots: batches and their accounts, ballots by serial, operators' entries, supervisors'
decisions and the sample audit. Every correction is a new row that supersedes an older one."""
from datetime import date, datetime

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import UTCDateTime, code_enum, utcnow
from app.paper.reconcile import RejectedReason


class PaperBatch(db.Model):
    """Ballots printed for one site, box and date."""

    __table_args__ = (UniqueConstraint("round_id", "name"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(80))
    site: Mapped[str] = mapped_column(String(140), default="")
    held_on: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PaperAccount(db.Model):
    """A batch's ballot paper account; a recount is a new account superseding this one."""

    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("paper_batch.id", ondelete="CASCADE"), index=True)
    issued: Mapped[int] = mapped_column(default=0)
    returned: Mapped[int] = mapped_column(default=0)
    spoilt: Mapped[int] = mapped_column(default=0)  # spoilt at the desk and replaced: never in the box
    unused: Mapped[int] = mapped_column(default=0)
    recorded_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("paper_account.id", ondelete="SET NULL"))


class PaperBallot(db.Model):
    """One printed ballot. Its serial stands for no voter: the desk records which codes took a paper
    ballot, never which serial they took."""

    __table_args__ = (UniqueConstraint("round_id", "serial"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("paper_batch.id", ondelete="CASCADE"), index=True)
    serial: Mapped[str] = mapped_column(String(16))
    # The receipt of the Ballot row this paper counts as, once reconciled (the seal keeps receipts).
    ballot_receipt: Mapped[str] = mapped_column(String(16), default="", server_default="")
    # A pairwise paper's pairs as printed, A before B, in order ("12-7 3-9"; app/paper/pairs.py), kept from
    # when the paper was made so that a need hidden later cannot shift what the keyer's keys mean.
    pairs: Mapped[str] = mapped_column(Text, default="", server_default="")


class PaperEntry(db.Model):
    """What one operator keyed from the paper: the ballot (stored form) or why it is rejected."""

    id: Mapped[int] = mapped_column(primary_key=True)
    paper_ballot_id: Mapped[int] = mapped_column(ForeignKey("paper_ballot.id", ondelete="CASCADE"), index=True)
    operator_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    content: Mapped[str] = mapped_column(Text, default="")
    # Stored in the column first named "spoilt", before rejected papers were told apart from spoilt ones.
    rejected: Mapped[RejectedReason | None] = mapped_column("spoilt", code_enum(RejectedReason,
                                                                              "paper_entry_spoilt"))
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("paper_entry.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PaperResolution(db.Model):
    """A supervisor's decision, read from the paper, where the two entries differ."""

    id: Mapped[int] = mapped_column(primary_key=True)
    paper_ballot_id: Mapped[int] = mapped_column(ForeignKey("paper_ballot.id", ondelete="CASCADE"), index=True)
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    content: Mapped[str] = mapped_column(Text, default="")
    rejected: Mapped[RejectedReason | None] = mapped_column("spoilt", code_enum(RejectedReason,
                                                                              "paper_resolution_spoilt"))
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("paper_resolution.id", ondelete="SET NULL"))
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PaperAudit(db.Model):
    """A sample of serials drawn from a published seed; a new draw supersedes the last."""

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    seed: Mapped[str] = mapped_column(String(100))
    size: Mapped[int] = mapped_column(default=0)
    # The serials drawn, space-separated, kept as drawn so ballots keyed later cannot change the sample.
    sample: Mapped[str] = mapped_column(Text, default="")
    drawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    drawn_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)


class PaperCheck(db.Model):
    """Whether one sampled paper matched its keyed record; a second look supersedes the first."""

    id: Mapped[int] = mapped_column(primary_key=True)
    audit_id: Mapped[int] = mapped_column(ForeignKey("paper_audit.id", ondelete="CASCADE"), index=True)
    serial: Mapped[str] = mapped_column(String(16))
    matched: Mapped[bool] = mapped_column()
    checked_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    supersedes_id: Mapped[int | None] = mapped_column(ForeignKey("paper_check.id", ondelete="SET NULL"))
    checked_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
