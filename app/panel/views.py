"""What the panel's pages show, worked out before the templates: needs in the community's order, and a
row per application with its marks, the suggestion and the decision form's starting values."""
from dataclasses import dataclass, field

from app.ballots.tally import counted_needs
from app.models import Application, Need, Round, User
from app.panel import rubric, services
from app.panel.labels import criterion_name
from app.voting.grants import Suggestion
from app.voting.rubric import wide_spreads


@dataclass
class NeedLine:
    need: Need
    place: int | None  # in the community's ranking
    applications: list[Application] = field(default_factory=list)


@dataclass(frozen=True)
class Row:
    application: Application
    score: object  # Fraction | None: the mean of marks from members without a conflict
    marked_by: int
    conflicts: int
    suggested: str | None  # why the suggestion funds it or not (grants.Suggestion.why)
    decidable: bool  # this member may decide it (no conflict)
    initial: dict
    spreads: dict  # criterion's words -> (lowest, highest) where members' marks lie far apart
    hidden: bool = False  # blind marking: who applied is not shown yet
    conflicted: bool = False  # this member declared a conflict on it


def need_order(round_: Round, apps: list[Application], ranking: tuple[str, ...]) -> list[NeedLine]:
    """Every open need, the community's first first, with the applications to meet it."""
    lines = {need.public_id: NeedLine(need, None) for need in counted_needs(round_)}
    for application in apps:
        if application.need.public_id in lines:
            lines[application.need.public_id].applications.append(application)
    ordered = [lines[n] for n in ranking if n in lines] + [line for n, line in lines.items() if n not in ranking]
    for place, line in enumerate(ordered, 1):
        line.place = place if line.need.public_id in ranking else None
    return ordered


def decision_rows(round_: Round, apps: list[Application], suggestion: Suggestion | None, user: User) -> list[Row]:
    proposals = {p.id: p for p in services.proposals(round_, apps)}
    found = rubric.criteria(round_)
    names, weights = {str(c.id): criterion_name(c) for c in found}, rubric.rules(found)
    options = rubric.settings(round_)
    rows = []
    for application in apps:
        proposal = proposals[str(application.id)]
        suggested = suggestion.why.get(proposal.id) if suggestion else None
        spreads = wide_spreads(rubric.sheets(application, found), weights)
        rows.append(Row(application, proposal.score, proposal.marked_by, len(application.conflicts), suggested,
                        not services.conflicted(application, user) and services.declared(application, user),
                        _initial(round_, application, suggested, user),
                        {names[key]: span for key, span in spreads.items()},
                        rubric.identity_hidden(options, application), services.conflicted(application, user)))
    return rows


def _initial(round_: Round, application: Application, suggested: str | None, user: User) -> dict:
    """The member's own decision if they made one, else the panel's standing one, else the suggestion."""
    decision = next((v for v in application.votes if v.user_id == user.id), None) or application.decision
    if decision is not None:
        funded, amount, reason = decision.funded, decision.amount, decision.reason
    else:
        funded, amount, reason = suggested == "funded", application.amount, ""
    return {"application_id": str(application.id), "funded": "yes" if funded else "no",
            "amount": round_.amount(amount if amount is not None else application.amount), "reason": reason,
            "departure_reason": decision.departure_reason if decision is not None else ""}
