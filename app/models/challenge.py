"""Challenges to the panel's published decisions, and the answers panel members give."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, code_enum, utcnow
from app.models.comment import CommentStatus
from app.voting.challenges import Ground, Outcome


class Challenge(db.Model):
    """A resident's or applicant's challenge to one decision, on grounds tied to a published criterion."""

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id", ondelete="SET NULL"))
    ground: Mapped[Ground] = mapped_column(code_enum(Ground, "challenge_ground"))
    grounds: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    outcome: Mapped[Outcome] = mapped_column(code_enum(Outcome, "challenge_outcome"), default=Outcome.OPEN)
    answer: Mapped[str] = mapped_column(Text, default="")
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    deadline: Mapped[datetime] = mapped_column(UTCDateTime)
    # Moderated like comments: a hidden challenge keeps its row but not its public words.
    status: Mapped[CommentStatus] = mapped_column(code_enum(CommentStatus, "challenge_status"),
                                                  default=CommentStatus.VISIBLE)
    moderation_reason: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author = relationship("Participant")
    application = relationship("Application", lazy="selectin")
