"""Where a need stands in the shared register, derived from its round and its grants. Pure Python."""
from dataclasses import dataclass
from enum import StrEnum


class RegisterStatus(StrEnum):
    OPEN = "open"  # its round is still taking needs and comments
    IN_ROUND = "in-round"  # residents are ranking it now
    RANKED = "ranked"  # the round's results are out; the funders have not yet funded it
    FUNDED = "funded"  # a published grant meets it
    MET = "met"  # a grant meeting it is marked complete by its funder
    CLOSED = "closed"  # merged into another need, or its round ended without funding it


@dataclass(frozen=True)
class RoundStage:
    """What the register needs to know of a round today."""

    phase: str  # app.rounds.phases.Phase value
    results_published: bool
    decisions_published: bool


def status(stage: RoundStage, merged: bool, funded: bool, met: bool = False) -> RegisterStatus:
    if merged:
        return RegisterStatus.CLOSED
    if met:
        return RegisterStatus.MET
    if funded:
        return RegisterStatus.FUNDED
    if stage.decisions_published:
        return RegisterStatus.CLOSED
    if stage.results_published:
        return RegisterStatus.RANKED
    if stage.phase == "rank":
        return RegisterStatus.IN_ROUND
    return RegisterStatus.OPEN


def rounds_where(stages: dict[int, RoundStage], wanted: RegisterStatus) -> set[int]:
    """The rounds whose unfunded, unmerged needs have the wanted status (empty for funded and met)."""
    return {rid for rid, stage in stages.items()
            if wanted not in (RegisterStatus.FUNDED, RegisterStatus.MET) and status(stage, False, False) == wanted}
