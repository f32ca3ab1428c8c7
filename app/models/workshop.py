"""Workshop sessions: a facilitator runs a round in a room, with a projector, phones and a helper's station."""
from datetime import datetime

from sqlalchemy import ForeignKey, String, Text, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import UTCDateTime, utcnow


class WorkshopSession(db.Model):
    """One session in a room. `projector_token` opens the projector page without signing in; it shows
    counts and, once revealed, results, never personal data, and stops working when the session ends."""

    __table_args__ = (UniqueConstraint("projector_token"), UniqueConstraint("join_code"))

    id: Mapped[int] = mapped_column(primary_key=True)
    round_id: Mapped[int] = mapped_column(ForeignKey("round.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(140))
    place: Mapped[str] = mapped_column(String(140), default="")
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)
    projector_token: Mapped[str] = mapped_column(String(64))
    # Open rounds: the short code residents type to join from the projector; it dies with the session.
    join_code: Mapped[str] = mapped_column(String(8))
    # The projector's language; empty shows the round's own.
    language: Mapped[str] = mapped_column(String(16), default="")
    timer_ends_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    results_shown: Mapped[bool] = mapped_column(default=False, server_default=false())
    shown_need_id: Mapped[int | None] = mapped_column(ForeignKey("need.id", ondelete="SET NULL"))
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # The projector snapshot, computed at most once a second and shared by every screen and worker.
    snapshot: Mapped[str] = mapped_column(Text, default="", server_default="")
    snapshot_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def live(self) -> bool:
        return self.ended_at is None


class WorkshopAttendance(db.Model):
    """A participant who joined the round through this session: counted on the projector and in the report."""

    __table_args__ = (UniqueConstraint("session_id", "participant_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("workshop_session.id", ondelete="CASCADE"), index=True)
    participant_id: Mapped[int] = mapped_column(ForeignKey("participant.id", ondelete="CASCADE"))


class WorkshopDots(db.Model):
    """Flip-chart dots counted for a need: shown apart, never added to ballot tallies."""

    __table_args__ = (UniqueConstraint("session_id", "need_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("workshop_session.id", ondelete="CASCADE"), index=True)
    need_id: Mapped[int] = mapped_column(ForeignKey("need.id", ondelete="CASCADE"))
    dots: Mapped[int] = mapped_column(default=0)
