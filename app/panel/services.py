"""The funder panel's work, each action one transaction: applications, marks, conflicts, decisions, publishing."""
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select

from app import audit
from app.ballots.tally import allocate_with_costs, exact, published_rule, tally
from app.extensions import db
from app.models import Application, BallotKind, Conflict, GrantDecision, Need, PanelMark, PanelScore, Round, User
from app.models.base import utcnow
from app.organisations import services as cofunding
from app.rounds.phases import Action, Phase
from app.voting.applications import SEEN_BY_PANEL
from app.voting.budget_rules import BUDGET_RULES
from app.voting.departures import departures, unexplained
from app.panel import rubric
from app.voting.grants import (IN_RANKING_ORDER, SUGGESTION_RULES, Proposal, Suggestion, best_per_need,
                               chosen_by_rule, in_ranking_order)
from app.voting.rubric import score as weighted_score


class Refusal(StrEnum):
    """Why the panel cannot take an action; panel/labels.py says it in words."""

    PUBLISHED = "published"
    CONFLICTED = "conflicted"
    OVER_ASKED = "over-asked"
    OVER_BUDGET = "over-budget"
    UNDECIDED = "undecided"
    UNEXPLAINED = "unexplained-departure"
    RUBRIC_CHANGED = "rubric-changed"


class PanelError(ValueError):
    """A panel action that cannot be taken; `refusal` says why (an Action: the round's phase does not allow it)."""

    def __init__(self, refusal: Refusal | Action, applications: tuple[int, ...] = ()):
        super().__init__(refusal)
        self.refusal, self.applications = refusal, applications


@dataclass(frozen=True)
class Decided:
    funded: bool
    amount: int | None  # stored money units
    reason: str
    departure_reason: str = ""  # why, when the decision departs from the suggested grants


def applications(round_: Round) -> list[Application]:
    """What the panel reads and decides: never a draft, nor an application its eligibility questions screened out."""
    return list(db.session.scalars(select(Application).filter_by(round_id=round_.id)
                                   .where(Application.status.in_(SEEN_BY_PANEL)).order_by(Application.id)))


PANEL_ACTIONS = (Action.ENTER_APPLICATION, Action.DECLARE_CONFLICT, Action.MARK_APPLICATION,
                 Action.RECORD_DECISIONS, Action.PUBLISH_DECISIONS)


def allowed(round_: Round, phase: Phase) -> frozenset[Action]:
    """What the panel may do now: what the phase allows, and nothing once the decisions are published
    (they, and the marks and conflicts shown with them, are final)."""
    if round_.decisions_published_at is not None:
        return frozenset()
    return frozenset(action for action in PANEL_ACTIONS if phase.allows(action))


def _open(round_: Round, phase: Phase, action: Action) -> None:
    if round_.decisions_published_at is not None:
        raise PanelError(Refusal.PUBLISHED)
    if not phase.allows(action):
        raise PanelError(action)


def add_application(round_: Round, need: Need, values: dict, actor: User, phase: Phase) -> Application:
    _open(round_, phase, Action.ENTER_APPLICATION)
    application = Application(round_id=round_.id, need_id=need.id, **values)
    db.session.add(application)
    rubric.ensure(round_)
    db.session.flush()
    audit.record(actor, "application-added", round_, application=application.id, need=need.id,
                 applicant=application.applicant, amount=application.amount)
    db.session.commit()
    return application


def conflicted(application: Application, user: User) -> bool:
    return any(c.user_id == user.id for c in application.conflicts)


@dataclass(frozen=True)
class Given:
    mark: int
    comment: str  # why this mark: required


def mark(application: Application, user: User, given: dict[int, Given], notes: str, phase: Phase) -> None:
    """Record or change a member's marks, one with its comment on each of the rubric's criteria; a member
    with a conflict cannot mark, and marks given against a rubric that has since changed are refused."""
    round_ = db.session.get(Round, application.round_id)
    _open(round_, phase, Action.MARK_APPLICATION)
    if conflicted(application, user):
        raise PanelError(Refusal.CONFLICTED)
    found = rubric.ensure(round_)
    if set(given) != {c.id for c in found}:
        raise PanelError(Refusal.RUBRIC_CHANGED)
    score = next((s for s in application.scores if s.user_id == user.id), None)
    if score is None:
        score = PanelScore(application_id=application.id, user_id=user.id)
        application.scores.append(score)
    for criterion in found:
        stored = rubric.mark_of(score, criterion) or PanelMark(criterion_id=criterion.id)
        stored.mark, stored.comment = given[criterion.id].mark, given[criterion.id].comment
        if stored not in score.marks:
            score.marks.append(stored)
    score.comment, score.scored_at = notes, utcnow()
    db.session.commit()


def declare_conflict(application: Application, user: User, reason: str, phase: Phase) -> None:
    """The member steps back from this application: their marks, if any, no longer count."""
    round_ = db.session.get(Round, application.round_id)
    _open(round_, phase, Action.DECLARE_CONFLICT)
    for score in [s for s in application.scores if s.user_id == user.id]:
        application.scores.remove(score)
    if not conflicted(application, user):
        application.conflicts.append(Conflict(application_id=application.id, user_id=user.id, reason=reason))
    audit.record(user, "conflict-declared", round_, application=application.id, reason=reason)
    db.session.commit()


def proposals(round_: Round, apps: list[Application]) -> list[Proposal]:
    """Applications as the allocation rules see them, scored by the rubric's weighted marks from members
    without a conflict."""
    found = rubric.criteria(round_)
    weights = rubric.rules(found)
    out = []
    for a in apps:
        sheets = rubric.sheets(a, found) if weights else []
        out.append(Proposal(str(a.id), a.need.public_id, exact(round_, a.amount),
                            weighted_score(sheets, weights) if sheets else None, len(sheets)))
    return out


def community_ranking(round_: Round) -> tuple[str, ...]:
    """The needs as residents ranked them (public ids, best first): by the rule the results are
    published by, and by support where that is a budget rule (which puts funded needs first)."""
    rule = published_rule(round_)
    return tally(round_, "greedy" if rule in BUDGET_RULES else rule).ranking


def suggestion_rules(round_: Round) -> tuple[str, ...]:
    if not round_.budget:
        return ()
    if round_.ballot_kind == BallotKind.PAIRWISE:
        return (IN_RANKING_ORDER,)
    return SUGGESTION_RULES


def suggest(round_: Round, apps: list[Application], rule: str, ranking: tuple[str, ...]) -> Suggestion | None:
    """What the panel could fund: each need's best-marked application, chosen by the community's
    ranking (`community_ranking`) or by a budget rule on the residents' ballots. None without a budget
    or applications."""
    if rule not in suggestion_rules(round_) or not apps:
        return None
    found = proposals(round_, apps)
    budget = exact(round_, round_.budget)
    if rule == IN_RANKING_ORDER:
        return in_ranking_order(found, ranking, budget)
    costs = {need: p.amount for need, p in best_per_need(found).items()}
    outcome = allocate_with_costs(round_, rule, costs)
    return chosen_by_rule(found, outcome.selected, budget)


def record_decisions(round_: Round, decided: dict[int, Decided], rationale: str, actor: User, phase: Phase,
                     rule: str | None = None) -> None:
    """The panel's decisions on every application it sent, and its reasons; a member never decides
    an application they declared a conflict on, no grant is more than was asked for, the grants
    never spend more than the budget, and each departure from the suggestion `rule` makes has its own reason."""
    _open(round_, phase, Action.RECORD_DECISIONS)
    apps = {a.id: a for a in applications(round_)}
    if any(app_id not in apps or conflicted(apps[app_id], actor) for app_id in decided):
        raise PanelError(Refusal.CONFLICTED)
    if any(d.funded and (d.amount or 0) > apps[app_id].amount for app_id, d in decided.items()):
        raise PanelError(Refusal.OVER_ASKED)
    total = sum(d.amount or 0 for d in decided.values() if d.funded)
    if round_.budget is not None and total > round_.budget:
        raise PanelError(Refusal.OVER_BUDGET)
    departed = _departures(round_, list(apps.values()), decided, rule)
    for app_id, choice in decided.items():
        application = apps[app_id]
        decision = application.decision or GrantDecision(application_id=app_id)
        decision.funded, decision.amount = choice.funded, choice.amount if choice.funded else None
        decision.reason, decision.decided_by_id, decision.decided_at = choice.reason, actor.id, utcnow()
        decision.departure = departed.get(str(app_id))
        decision.departure_reason = choice.departure_reason if decision.departure else ""
        application.decision = decision
        cofunding.share(round_, decision)
    round_.decision_rationale = rationale
    audit.record(actor, "grants-decided", round_, funded=sorted(i for i, d in decided.items() if d.funded),
                 declined=sorted(i for i, d in decided.items() if not d.funded), spent=total)
    db.session.commit()


def _departures(round_: Round, apps: list[Application], decided: dict[int, Decided], rule: str | None) -> dict:
    rules = suggestion_rules(round_)
    suggestion = suggest(round_, apps, rule if rule in rules else (rules[0] if rules else ""),
                         community_ranking(round_)) if rules else None
    found = departures({str(i): d.funded for i, d in decided.items()},
                       set(suggestion.funded) if suggestion else None)
    missing = unexplained(found, {str(i): d.departure_reason for i, d in decided.items()})
    if missing:
        raise PanelError(Refusal.UNEXPLAINED, tuple(int(i) for i in missing))
    return found


def publish(round_: Round, actor: User, phase: Phase) -> None:
    """Make the decisions public, with the rationale; every application must have a decision."""
    _open(round_, phase, Action.PUBLISH_DECISIONS)
    apps = applications(round_)
    if not apps or any(a.decision is None for a in apps) or not round_.decision_rationale.strip():
        raise PanelError(Refusal.UNDECIDED)
    round_.decisions_published_at = utcnow()
    audit.record(actor, "grants-published", round_, applications=len(apps))
    db.session.commit()


def funded_total(apps: list[Application]) -> int:
    return sum(a.decision.amount or 0 for a in apps if a.decision and a.decision.funded)
