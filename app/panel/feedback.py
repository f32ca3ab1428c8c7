"""What each applicant is told once the panel publishes: its marks on every criterion against the funded
applications' average, the members' comments (never their names), and the reasons. The bridge from the
stored marks to app.voting.rubric.feedback."""
from dataclasses import dataclass
from fractions import Fraction

from app.models import Application, Criterion, Round
from app.panel import rubric, services
from app.voting.rubric import feedback


@dataclass(frozen=True)
class Line:
    criterion: Criterion
    own: Fraction | None  # None when no member marked it
    funded_average: Fraction | None  # None when nothing funded was marked
    comments: list[str]


@dataclass(frozen=True)
class Feedback:
    lines: list[Line]
    own_score: Fraction | None
    funded_score: Fraction | None
    members: int  # how many members' marks it rests on
    funded: int  # how many funded applications the average is over


def for_applicant(round_: Round, application: Application, preview: bool = False) -> Feedback | None:
    """None until the panel has published its decision on this application; with `preview`, as soon as
    the application has a standing decision, for the panel to read before it publishes."""
    if application.decision is None or (round_.decisions_published_at is None and not preview):
        return None
    found = rubric.criteria(round_)
    rules = rubric.rules(found)
    own = rubric.sheets(application, found)
    funded = [rubric.sheets(a, found) for a in services.applications(round_) if a.decision and a.decision.funded]
    told = feedback(own, funded, rules)
    said = _comments(application)
    lines = [Line(c, told.own.get(str(c.id)), told.funded_average.get(str(c.id)), said.get(c.id, []))
             for c in found]
    return Feedback(lines, told.own_score, told.funded_score, len(own), sum(1 for sheets in funded if sheets))


def _comments(application: Application) -> dict[int, list[str]]:
    """Each criterion's comments from members without a conflict, in the order they marked."""
    conflicted = {c.user_id for c in application.conflicts}
    found: dict[int, list[str]] = {}
    for score in sorted(application.scores, key=lambda s: s.scored_at):
        if score.user_id in conflicted:
            continue
        for mark in score.marks:
            if mark.comment.strip():
                found.setdefault(mark.criterion_id, []).append(mark.comment)
    return found
