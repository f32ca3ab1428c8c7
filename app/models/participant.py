"""A resident taking part in one round."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import UTCDateTime, utcnow


class Participant(db.Model):
    """Authorship of needs, comments and supports.

    Today a participant is an anonymous browser session with a display name; access
    codes and email links attach to this same record, so nothing else has to change.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    display_name: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    # Set when the resident asked to be forgotten, or the round's retention period ended: the
    # record stays only so their supports and their counted ballot are not counted twice.
    forgotten_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # What they declared to be eligible, as JSON: the statements confirmed and the postcode given.
    declaration: Mapped[str] = mapped_column(Text, default="", server_default="")
