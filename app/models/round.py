"""A participatory round and its phase schedule."""
from datetime import date, datetime

from sqlalchemy import Date, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.extensions import db
from app.models.base import UTCDateTime, code_enum, utcnow
from app.rounds.phases import ORDER, Phase, PhaseStart, current_phase, upcoming


class Round(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(140))
    description: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str] = mapped_column(String(120), default="")
    # Smaller areas (wards, estates) residents pick from, one per line.
    area_choices: Mapped[str] = mapped_column(Text, default="")
    language: Mapped[str] = mapped_column(String(16), default="en")
    budget: Mapped[int | None] = mapped_column(Integer)
    currency: Mapped[str | None] = mapped_column(String(3))
    phase: Mapped[Phase] = mapped_column(code_enum(Phase, "phase"), default=Phase.PROPOSE)
    propose_starts: Mapped[date | None] = mapped_column(Date)
    discuss_starts: Mapped[date | None] = mapped_column(Date)
    rank_starts: Mapped[date | None] = mapped_column(Date)
    decide_starts: Mapped[date | None] = mapped_column(Date)
    results_starts: Mapped[date | None] = mapped_column(Date)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    @property
    def schedule(self) -> list[PhaseStart]:
        return [PhaseStart(phase, getattr(self, f"{phase.value}_starts")) for phase in ORDER]

    def phase_on(self, today: date) -> Phase:
        return current_phase(self.phase, self.schedule, today)

    def next_on(self, today: date) -> PhaseStart | None:
        return upcoming(self.phase_on(today), self.schedule)

    @property
    def areas(self) -> list[str]:
        return [line.strip() for line in self.area_choices.splitlines() if line.strip()]
