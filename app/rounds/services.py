"""Creating rounds, editing them and moving them through their phases."""
import re
import unicodedata
from datetime import date

from app.accounts.current import grant
from app import audit
from app.ballots.sealing import seal_if_due
from app.extensions import db
from app.models import Ballot, Role, Round, User
from app.register.areas import round_code
from app.rounds.phases import Phase, PhaseStart, next_phase, schedule_errors

EDITABLE = (
    "title", "description", "area", "area_code", "organisation_id", "area_choices", "language", "budget", "currency",
    "propose_starts", "discuss_starts", "rank_starts", "decide_starts", "results_starts",
    "ballot_kind", "max_choices", "min_choices", "points_total", "points_per_need", "rule", "tie_break", "results_live",
    "support_threshold",
    "access", "retention_days", "eligibility", "postcode_prefixes", "interface_languages",
    "funder_name", "funder_id", "grant_prefix",
)
# What cast ballots mean: fixed once the first is in, or ballots cast one way would be counted another.
MEANING = ("ballot_kind", "max_choices", "min_choices", "points_total", "points_per_need")


class SettingsLocked(ValueError):
    """Ballots are cast, and these settings would change what they mean."""

    def __init__(self, names: list[str]):
        super().__init__(", ".join(names))
        self.names = names


# Letters that do not decompose into a Latin letter and an accent.
UNDECOMPOSED = str.maketrans({"ł": "l", "Ł": "L", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D", "ß": "ss", "æ": "ae",
                              "Æ": "AE", "œ": "oe", "Œ": "OE", "ı": "i"})


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text.translate(UNDECOMPOSED)).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:60] or "round"


def unique_slug(wanted: str) -> str:
    """`wanted`, or `wanted-2`, `wanted-3`... whichever is free first."""
    slug, n = wanted, 1
    while slug_taken(slug):
        n += 1
        slug = f"{wanted}-{n}"
    return slug


# Addresses under /rounds/ that are pages of the app, not rounds.
RESERVED_SLUGS = frozenset({"new"})


def slug_reserved(slug: str) -> bool:
    return slug in RESERVED_SLUGS


def slug_taken(slug: str, exclude_id: int | None = None) -> bool:
    if slug_reserved(slug):
        return True
    existing = db.session.scalar(db.select(Round.id).filter_by(slug=slug))
    return existing is not None and existing != exclude_id


def out_of_order(values: dict) -> list[str]:
    schedule = [PhaseStart(phase, values.get(f"{phase.value}_starts")) for phase in Phase]
    return [f"{phase.value}_starts" for phase in schedule_errors(schedule)]


def create_round(values: dict, facilitator: User) -> Round:
    """A new round, run by the facilitator's organisation unless the values name another (or none)."""
    round_ = Round(slug=values.get("slug") or unique_slug(slugify(values["title"])), area="", area_code="")
    _apply(round_, {"organisation_id": facilitator.organisation_id, **values})
    db.session.add(round_)
    db.session.flush()
    grant(facilitator, Role.FACILITATOR, round_)
    audit.record(facilitator, "round-created", round_, title=round_.title)
    db.session.commit()
    return round_


def locked_settings(round_: Round) -> tuple[str, ...]:
    has_ballots = db.session.scalar(db.select(Ballot.id).filter_by(round_id=round_.id).limit(1)) is not None
    return MEANING if has_ballots else ()


def update_round(round_: Round, values: dict, actor: User) -> Round:
    before = _settings(round_)
    changing = [name for name in locked_settings(round_) if name in values and str(values[name]) != before[name]]
    if changing:
        raise SettingsLocked(changing)
    if values.get("slug"):
        round_.slug = values["slug"]
    _apply(round_, values)
    after = _settings(round_)
    changed = {name: [before[name], after[name]] for name in after if before[name] != after[name]}
    if changed:
        audit.record(actor, "round-settings-changed", round_, changed=changed)
    db.session.commit()
    return round_


def _settings(round_: Round) -> dict:
    return {name: str(getattr(round_, name)) for name in ("slug", *EDITABLE)}


def _apply(round_: Round, values: dict) -> None:
    before = round_.area or ""
    for name in EDITABLE:
        if name in values:
            setattr(round_, name, values[name])
    if "area" in values or "area_code" in values:
        # A London local authority's code comes from the shipped list; other places keep the code given.
        round_.area_code = round_code(round_.area or "", round_.area_code or "", before)
    if not round_.budget:
        round_.budget, round_.currency = None, None


def advance_phase(round_: Round, today: date, actor: User) -> Phase | None:
    """Open the next phase now, whatever its scheduled date; None when already at the last."""
    current = round_.phase_on(today)
    following = next_phase(current)
    if following is not None:
        round_.phase = following
        audit.record(actor, "phase-opened", round_, before=current.value, after=following.value)
        db.session.commit()
        seal_if_due(round_, following)
    return following
