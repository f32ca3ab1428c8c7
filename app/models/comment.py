"""Comments on a need, with one level of replies."""
from datetime import datetime
from enum import StrEnum

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, code_enum, utcnow


class CommentStatus(StrEnum):
    VISIBLE = "visible"
    HIDDEN = "hidden"


class Comment(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"), index=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int | None] = mapped_column(ForeignKey("participant.id", ondelete="SET NULL"))
    body: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))
    status: Mapped[CommentStatus] = mapped_column(
        code_enum(CommentStatus, "comment_status"), default=CommentStatus.VISIBLE
    )
    moderation_reason: Mapped[str] = mapped_column(Text, default="")
    moderated_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    author = relationship("Participant")
    replies = relationship("Comment", order_by="Comment.id", viewonly=True)
    translations = relationship("CommentTranslation", order_by="CommentTranslation.language",
                                cascade="all, delete-orphan")


class CommentTranslation(db.Model):
    """A comment in another language. Residents see it only once a person has approved it; a machine draft
    waits unapproved, for a translator to read."""

    __table_args__ = (UniqueConstraint("comment_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    comment_id: Mapped[int] = mapped_column(ForeignKey("comment.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(16))
    body: Mapped[str] = mapped_column(Text)
    by_machine: Mapped[bool] = mapped_column(default=False)  # the text came from machine translation
    approved: Mapped[bool] = mapped_column(default=False)
    translator_id: Mapped[int | None] = mapped_column(ForeignKey("user.id", ondelete="SET NULL"))
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
