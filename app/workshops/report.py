"""The session report: what happened in the room, for the funder and the record."""
from dataclasses import dataclass
from datetime import date

from app.ballots.tally import counted_needs
from app.models import Need, Round, WorkshopSession
from app.workshops import services


@dataclass(frozen=True)
class Report:
    joined: int
    ballots: int
    results_shown: bool
    ranking: list[Need]
    dots: list[tuple[Need, int]]

    @property
    def total_dots(self) -> int:
        return sum(count for _, count in self.dots)


def report(round_: Round, session: WorkshopSession, today: date) -> Report:
    shot = services.count_now(session, today)
    needs = counted_needs(round_)
    by_public = {need.public_id: need for need in needs}
    dots = services.dots_of(session)
    return Report(shot.joined, shot.ballots, shot.results_shown,
                  [by_public[i] for i in shot.ranking if i in by_public],
                  sorted(((n, dots[n.id]) for n in needs if n.id in dots), key=lambda pair: -pair[1]))
