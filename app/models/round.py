"""A participatory round and its phase schedule."""
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from fractions import Fraction

from sqlalchemy import JSON, BigInteger, Date, ForeignKey, Integer, String, Text, false, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from app import money
from app.ballots.validation import BallotRules
from app.extensions import db
from app.models.ballot import BallotKind
from app.models.base import UTCDateTime, code_enum, utcnow
from app.rounds.phases import ORDER, Action, Phase, PhaseStart, current_phase, upcoming


class Access(StrEnum):
    OPEN = "open"  # anyone, with a display name; this browser remembers them
    CODES = "codes"  # one printed access code per participant
    EMAIL = "email"  # a one-time link sent to the resident's email address


class Round(db.Model):
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(80), unique=True)
    title: Mapped[str] = mapped_column(String(140))
    description: Mapped[str] = mapped_column(Text, default="")
    area: Mapped[str] = mapped_column(String(120), default="")
    area_code: Mapped[str] = mapped_column(String(16), default="", server_default="")  # ONS code, e.g. E09000023
    # The organisation that runs the round; its co-funders are its pledges.
    organisation_id: Mapped[int | None] = mapped_column(ForeignKey("organisation.id", ondelete="SET NULL"), index=True)
    # Smaller areas (wards, estates) residents pick from.
    area_choices: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    language: Mapped[str] = mapped_column(String(16), default="en")
    # The interface languages the round offers; empty offers every one the app has.
    interface_languages: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    # Money is stored as whole numbers of 10**-money_scale currency units: 0 for whole units,
    # 2 for pence or grosze, so imported decimal costs stay exact.
    budget: Mapped[int | None] = mapped_column(BigInteger)
    money_scale: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    currency: Mapped[str | None] = mapped_column(String(3))
    phase: Mapped[Phase] = mapped_column(code_enum(Phase, "phase"), default=Phase.PROPOSE)
    propose_starts: Mapped[date | None] = mapped_column(Date)
    discuss_starts: Mapped[date | None] = mapped_column(Date)
    rank_starts: Mapped[date | None] = mapped_column(Date)
    decide_starts: Mapped[date | None] = mapped_column(Date)
    results_starts: Mapped[date | None] = mapped_column(Date)
    ballot_kind: Mapped[BallotKind] = mapped_column(code_enum(BallotKind, "ballot_kind"), default=BallotKind.RANKING,
                                                    server_default=BallotKind.RANKING.value)
    # Read together as ballot_rules (see BallotRules).
    max_choices: Mapped[int | None] = mapped_column(Integer)
    min_choices: Mapped[int] = mapped_column(Integer, default=1, server_default="1")
    points_total: Mapped[int | None] = mapped_column(Integer)
    points_per_need: Mapped[int | None] = mapped_column(Integer)
    rule: Mapped[str] = mapped_column(String(32), default="", server_default="")
    tie_break: Mapped[str] = mapped_column(String(32), default="lexicographic", server_default="lexicographic")
    # False (the default) keeps results hidden until ranking closes, so early counts do not sway later voters.
    # Budget rules: needs with less support than this are not funded (greedy-threshold).
    support_threshold: Mapped[int | None] = mapped_column(Integer)
    # The META section of the Pabulib file the round came from, as JSON, so an export keeps it.
    source_meta: Mapped[str] = mapped_column(Text, default="", server_default="")
    access: Mapped[Access] = mapped_column(code_enum(Access, "round_access"), default=Access.OPEN,
                                           server_default=Access.OPEN.value)
    # Statements each participant confirms before taking part ("I live, work or study in Lewisham"),
    # and postcode beginnings their postcode must have, if any ("SE4", "SE6").
    eligibility: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    postcode_prefixes: Mapped[list[str]] = mapped_column(JSON, default=list, server_default=text("'[]'"))
    # Days after results open before residents' personal data is removed; empty keeps it.
    retention_days: Mapped[int | None] = mapped_column(Integer)
    results_live: Mapped[bool] = mapped_column(default=False, server_default=false())
    # The funder for open grants data (360Giving): its name, organisation identifier and grant-id prefix.
    funder_name: Mapped[str] = mapped_column(String(200), default="", server_default="")
    funder_id: Mapped[str] = mapped_column(String(100), default="", server_default="")
    grant_prefix: Mapped[str] = mapped_column(String(60), default="", server_default="")
    # The panel's reasons for its decisions as a whole, shown with them once published.
    decision_rationale: Mapped[str] = mapped_column(Text, default="", server_default="")
    # Set once ranking has closed and the ballots were cut from their voters (app/ballots/sealing.py).
    sealed: Mapped[bool] = mapped_column(default=False, server_default=false())
    decisions_published_at: Mapped[datetime | None] = mapped_column(UTCDateTime)
    # Days after publication in which residents and applicants may challenge a decision.
    challenge_days: Mapped[int] = mapped_column(Integer, default=14, server_default="14")
    # Days after ranking closes in which paper ballots may still be keyed.
    paper_grace_days: Mapped[int] = mapped_column(Integer, default=7, server_default="7")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime, default=utcnow)

    organisation = relationship("Organisation")
    pledges = relationship("Pledge", order_by="Pledge.id", cascade="all, delete-orphan")

    @property
    def schedule(self) -> list[PhaseStart]:
        return [PhaseStart(phase, getattr(self, f"{phase.value}_starts")) for phase in ORDER]

    @property
    def ballot_rules(self) -> BallotRules:
        return BallotRules(self.max_choices, self.min_choices, self.points_total, self.points_per_need)

    def phase_on(self, today: date) -> Phase:
        return current_phase(self.phase, self.schedule, today)

    def next_on(self, today: date) -> PhaseStart | None:
        return upcoming(self.phase_on(today), self.schedule)

    def results_published_on(self, today: date) -> bool:
        return self.phase_on(today).allows(Action.SEE_RESULTS, results_live=self.results_live)

    def amount(self, stored: int | None) -> Decimal | None:
        """A stored sum of money in currency units."""
        return money.units(stored, self.money_scale)

    def stored(self, amount: Decimal) -> int:
        """An amount in currency units as the whole number it is stored as (see money_scale)."""
        return money.to_stored(amount, self.money_scale)

    def exact(self, stored: int) -> Fraction:
        """A stored sum of money as the tally counts it."""
        return money.exact(stored, self.money_scale)

    def offered_languages(self, available) -> list[str]:
        chosen = [code for code in self.interface_languages if code in available]
        return chosen or list(available)

    @property
    def ranking_closes(self) -> date | None:
        """The scheduled end of ranking: the first date set after it."""
        return self.decide_starts or self.results_starts

    @property
    def sole_funder(self) -> str:
        """Who pays a grant that no co-funder shares: the organisation running the round, else the funder
        named for open data, else the round itself."""
        return self.organisation.name if self.organisation is not None else (self.funder_name or self.title)

    @property
    def lead_funder(self) -> str:
        """Who a grant still being decided would be funded by: the first co-funder, else the sole funder."""
        return self.pledges[0].organisation.name if self.pledges else self.sole_funder

    @property
    def asks_eligibility(self) -> bool:
        return bool(self.eligibility or self.postcode_prefixes)
