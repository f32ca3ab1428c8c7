"""The phases a round moves through, how dates move it on, and what each phase allows. Pure Python."""
from dataclasses import dataclass
from datetime import date
from enum import StrEnum


class Phase(StrEnum):
    PROPOSE = "propose"
    DISCUSS = "discuss"
    RANK = "rank"
    DECIDE = "decide"
    RESULTS = "results"

    def allows(self, action: "Action", results_live: bool = False) -> bool:
        """Whether residents or staff may do `action` in this phase; `results_live` is the round's choice
        to show results while ranking is open."""
        return self in ALLOWED[action] or (results_live and self in LIVE_RESULTS.get(action, ()))


class Action(StrEnum):
    """What residents and staff do in a round. Which phases allow each is in ALLOWED, and nowhere else."""
    PROPOSE = "propose"
    SUPPORT = "support"  # add or withdraw "this matters to me too"
    COMMENT = "comment"
    REPORT = "report"
    REVIEW_NEED = "review-need"  # a cost estimate and a feasibility verdict
    CAST_BALLOT = "cast-ballot"
    KEY_PAPER_BALLOTS = "key-paper-ballots"
    SEE_RESULTS = "see-results"
    ENTER_APPLICATION = "enter-application"
    DECLARE_CONFLICT = "declare-conflict"
    MARK_APPLICATION = "mark-application"
    RECORD_DECISIONS = "record-decisions"
    PUBLISH_DECISIONS = "publish-decisions"
    CHALLENGE_DECISION = "challenge-decision"
    ANSWER_CHALLENGE = "answer-challenge"
    REPORT_PROGRESS = "report-progress"
    COMPLETE_GRANT = "complete-grant"


ORDER: tuple[Phase, ...] = tuple(Phase)

ALLOWED: dict[Action, frozenset[Phase]] = {
    Action.PROPOSE: frozenset({Phase.PROPOSE}),
    Action.SUPPORT: frozenset({Phase.PROPOSE, Phase.DISCUSS}),
    Action.COMMENT: frozenset({Phase.PROPOSE, Phase.DISCUSS}),
    # Abuse can appear at any time, so residents can always tell the moderators.
    Action.REPORT: frozenset(ORDER),
    # Verdicts and costs decide what is on the ballot, so they are settled before ranking opens.
    Action.REVIEW_NEED: frozenset({Phase.PROPOSE, Phase.DISCUSS}),
    Action.CAST_BALLOT: frozenset({Phase.RANK}),
    # Paper ballots come back after the polls close, and are keyed before the count is final.
    Action.KEY_PAPER_BALLOTS: frozenset({Phase.RANK, Phase.DECIDE}),
    Action.SEE_RESULTS: frozenset({Phase.DECIDE, Phase.RESULTS}),
    # Groups may apply as soon as needs appear, so the panel can start when ranking ends; once
    # results are out, the panel's work is over (published decisions are final besides, see panel).
    Action.ENTER_APPLICATION: frozenset({Phase.PROPOSE, Phase.DISCUSS, Phase.RANK, Phase.DECIDE}),
    Action.DECLARE_CONFLICT: frozenset({Phase.PROPOSE, Phase.DISCUSS, Phase.RANK, Phase.DECIDE}),
    # Marks and decisions wait for the residents' ranking, so they can follow it.
    Action.MARK_APPLICATION: frozenset({Phase.DECIDE}),
    Action.RECORD_DECISIONS: frozenset({Phase.DECIDE}),
    Action.PUBLISH_DECISIONS: frozenset({Phase.DECIDE}),
    # Published decisions can be questioned, and answered, whether or not results have opened yet; the
    # round's challenge window (app.voting.challenges) sets how long.
    Action.CHALLENGE_DECISION: frozenset({Phase.DECIDE, Phase.RESULTS}),
    Action.ANSWER_CHALLENGE: frozenset({Phase.DECIDE, Phase.RESULTS}),
    # A grant is followed from its publication (in decide) for as long as the work takes.
    Action.REPORT_PROGRESS: frozenset({Phase.DECIDE, Phase.RESULTS}),
    Action.COMPLETE_GRANT: frozenset({Phase.DECIDE, Phase.RESULTS}),
}
# What a round that shows its results live adds (early counts can sway later voters, so it is a choice).
LIVE_RESULTS: dict[Action, frozenset[Phase]] = {Action.SEE_RESULTS: frozenset({Phase.RANK})}


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
