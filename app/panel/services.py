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
from app.voting.quorum import Vote, standing
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
    UNDECLARED = "undeclared"
    SECOND_MEMBER = "second-member"


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


def declared(application: Application, user: User) -> bool:
    """Whether the member has said, either way, whether they have a conflict with the application: until
    they have, they see only its summary, and neither mark nor decide it."""
    return conflicted(application, user) or any(c.user_id == user.id for c in application.clearances)


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
    if not declared(application, user):
        raise PanelError(Refusal.UNDECLARED)
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


def declare_conflict(application: Application, user: User, reason: str, phase: Phase, name: str = "") -> None:
    """The member steps back from this application: their marks and decision, if any, no longer count.
    `name`: what the public record calls them, where the panel publishes names."""
    round_ = db.session.get(Round, application.round_id)
    _open(round_, phase, Action.DECLARE_CONFLICT)
    had_vote = any(v.user_id == user.id for v in application.votes)
    for own in (application.scores, application.clearances, application.votes):
        for row in [r for r in own if r.user_id == user.id]:
            own.remove(row)
    remaining = [Vote(v.user_id, v.funded, v.amount) for v in application.votes]
    if had_vote and application.decision is not None and standing(remaining, rubric.settings(round_).quorum) is None:
        application.decision = None  # it stood on this member's vote
    if not conflicted(application, user):
        application.conflicts.append(Conflict(application_id=application.id, user_id=user.id, reason=reason,
                                              name=name))
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


def funded_total(apps: list[Application]) -> int:
    return sum(a.decision.amount or 0 for a in apps if a.decision and a.decision.funded)
