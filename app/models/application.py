"""What a panel asks of the groups applying online: when its form is open, and yes/no eligibility questions
with the answer an eligible group gives, and each group's answers."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app.extensions import db
from app.models.base import UTCDateTime, code_enum, utcnow
from app.voting.applications import Window


class ApplicationCall(db.Model):
    """A round's call for applications; a round without one takes them in its Decide phase."""

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), unique=True)
    window: Mapped[Window] = mapped_column(code_enum(Window, "application_window"), default=Window.DECIDE)


class EligibilityQuestion(db.Model):
    """A yes/no question; a group answering otherwise than `required` is ineligible, and is told `reason`."""

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    text: Mapped[str] = mapped_column(String(300))
    required: Mapped[bool] = mapped_column()
    reason: Mapped[str] = mapped_column(Text)
    language: Mapped[str] = mapped_column(String(16))  # the panel's, so screen readers read it right
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    translations = relationship("EligibilityQuestionTranslation", order_by="EligibilityQuestionTranslation.language",
                                cascade="all, delete-orphan", lazy="selectin")


class EligibilityQuestionTranslation(db.Model):
    """A question and what the others are told, in another language: groups read the one in theirs."""

    __table_args__ = (UniqueConstraint("question_id", "language"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("eligibility_question.id", ondelete="CASCADE"), index=True)
    language: Mapped[str] = mapped_column(String(16))
    text: Mapped[str] = mapped_column(String(300))
    reason: Mapped[str] = mapped_column(Text)


class EligibilityAnswer(db.Model):
    __table_args__ = (UniqueConstraint("application_id", "question_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    application_id: Mapped[int] = mapped_column(ForeignKey("application.id", ondelete="CASCADE"), index=True)
    question_id: Mapped[int] = mapped_column(ForeignKey("eligibility_question.id", ondelete="CASCADE"), index=True)
    answer: Mapped[bool] = mapped_column()

    question = relationship("EligibilityQuestion", lazy="joined")
