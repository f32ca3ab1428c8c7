"""The phases a round moves through, and how dates move it on. Pure Python."""
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Phase(StrEnum):
    PROPOSE = "propose"
    DISCUSS = "discuss"
    RANK = "rank"
    DECIDE = "decide"
    RESULTS = "results"


ORDER: tuple[Phase, ...] = tuple(Phase)


@dataclass(frozen=True)
class PhaseStart:
    phase: Phase
    starts_on: date | None


def next_phase(phase: Phase) -> Phase | None:
    index = ORDER.index(phase)
    return ORDER[index + 1] if index + 1 < len(ORDER) else None


def current_phase(stored: Phase, schedule: list[PhaseStart], today: date) -> Phase:
    """The phase a round is in today.

    A facilitator's button moves the stored phase on; a scheduled start date that
    has arrived moves it on too. Whichever is further along wins, so a round never
    slips back to an earlier phase because a date was left in the future.
    """
    reached = [start.phase for start in schedule if start.starts_on and start.starts_on <= today]
    return max([stored, *reached], key=ORDER.index)


def upcoming(phase: Phase, schedule: list[PhaseStart]) -> PhaseStart | None:
    """What comes after `phase`, with its scheduled date if one is set."""
    following = next_phase(phase)
    if following is None:
        return None
    dates = {start.phase: start.starts_on for start in schedule}
    return PhaseStart(following, dates.get(following))


def schedule_errors(schedule: list[PhaseStart]) -> list[Phase]:
    """Phases whose start date comes before an earlier phase's start date."""
    out_of_order, latest = [], None
    for start in sorted(schedule, key=lambda s: ORDER.index(s.phase)):
        if start.starts_on is None:
            continue
        if latest is not None and start.starts_on < latest:
            out_of_order.append(start.phase)
        latest = max(latest or start.starts_on, start.starts_on)
    return out_of_order
