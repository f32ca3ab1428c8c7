"""Decisions by quorum and publication by two members, each action one transaction.

Every member without a conflict records their own decision on each application (a DecisionVote); an
application's decision stands once the panel's quorum of members agree (app.voting.quorum), and falls
again if a vote changes so they no longer do. Publishing takes two members: one asks, another confirms.
"""
from app import audit
from app.extensions import db
from app.models import Application, DecisionVote, GrantDecision, Round, User
from app.models.base import utcnow
from app.organisations import services as cofunding
from app.panel import rubric
from app.panel.services import (Decided, PanelError, Refusal, _open, applications, community_ranking, conflicted,
                                declared, suggest, suggestion_rules)
from app.rounds.phases import Action, Phase
from app.voting.departures import departure, departures, unexplained
from app.voting.quorum import Vote, may_confirm, standing


def record_votes(round_: Round, decided: dict[int, Decided], rationale: str, actor: User, phase: Phase,
                 rule: str | None = None) -> None:
    """A member's decisions on the applications they sent, and the panel's reasons. A member decides
    only what they declared no conflict on, no grant is more than was asked for, neither the member's
    grants nor those that stand spend more than the budget, and each departure from the suggestion
    `rule` makes has its own reason."""
    _open(round_, phase, Action.RECORD_DECISIONS)
    apps = {a.id: a for a in applications(round_)}
    if any(app_id not in apps or conflicted(apps[app_id], actor) for app_id in decided):
        raise PanelError(Refusal.CONFLICTED)
    if any(not declared(apps[app_id], actor) for app_id in decided):
        raise PanelError(Refusal.UNDECLARED)
    if any(d.funded and (d.amount or 0) > apps[app_id].amount for app_id, d in decided.items()):
        raise PanelError(Refusal.OVER_ASKED)
    if round_.budget is not None and sum(d.amount or 0 for d in decided.values() if d.funded) > round_.budget:
        raise PanelError(Refusal.OVER_BUDGET)
    suggested = _suggested(round_, list(apps.values()), rule)
    found = departures({str(i): d.funded for i, d in decided.items()}, suggested)
    missing = unexplained(found, {str(i): d.departure_reason for i, d in decided.items()})
    if missing:
        raise PanelError(Refusal.UNEXPLAINED, tuple(int(i) for i in missing))
    for app_id, choice in decided.items():
        _vote(apps[app_id], actor, choice)
    quorum = rubric.settings(round_).quorum
    for app_id in decided:
        _settle(round_, apps[app_id], quorum, suggested, actor)
    standing_total = sum(a.decision.amount or 0 for a in apps.values() if a.decision and a.decision.funded)
    if round_.budget is not None and standing_total > round_.budget:
        db.session.rollback()
        raise PanelError(Refusal.OVER_BUDGET)
    round_.decision_rationale = rationale
    _withdraw_request(round_)
    audit.record(actor, "grants-voted", round_, funded=sorted(i for i, d in decided.items() if d.funded),
                 declined=sorted(i for i, d in decided.items() if not d.funded))
    db.session.commit()


def _suggested(round_: Round, apps: list[Application], rule: str | None) -> set[str] | None:
    rules = suggestion_rules(round_)
    if not rules:
        return None
    suggestion = suggest(round_, apps, rule if rule in rules else rules[0], community_ranking(round_))
    return set(suggestion.funded) if suggestion else None


def _vote(application: Application, actor: User, choice: Decided) -> None:
    vote = next((v for v in application.votes if v.user_id == actor.id), None)
    if vote is None:
        vote = DecisionVote(application_id=application.id, user_id=actor.id)
        application.votes.append(vote)
    vote.funded, vote.amount = choice.funded, choice.amount if choice.funded else None
    vote.reason, vote.departure_reason, vote.voted_at = choice.reason, choice.departure_reason, utcnow()


def votes_of(application: Application) -> list[Vote]:
    """The votes that count: members' without a conflict, oldest first."""
    conflicted_members = {c.user_id for c in application.conflicts}
    return [Vote(v.user_id, v.funded, v.amount) for v in sorted(application.votes, key=lambda v: v.voted_at)
            if v.user_id not in conflicted_members]


def _settle(round_: Round, application: Application, quorum: int, suggested: set[str] | None, actor: User) -> None:
    """The application's decision as its votes now stand: made, changed, or withdrawn."""
    agreed = standing(votes_of(application), quorum)
    if agreed is None:
        application.decision = None
        return
    agreeing = [v for v in sorted(application.votes, key=lambda v: v.voted_at) if v.user_id in agreed.members]
    decision = application.decision or GrantDecision(application_id=application.id)
    decision.funded, decision.amount = agreed.funded, agreed.amount
    decision.reason = next((v.reason for v in reversed(agreeing) if v.reason), "")
    decision.departure = departure(agreed.funded, str(application.id) in suggested) if suggested is not None else None
    decision.departure_reason = next((v.departure_reason for v in reversed(agreeing) if v.departure_reason), "") \
        if decision.departure else ""
    decision.decided_by_id, decision.decided_at = actor.id, utcnow()
    application.decision = decision
    cofunding.share(round_, decision)


def _withdraw_request(round_: Round) -> None:
    """Changed decisions need a fresh confirmation: any request to publish the old ones lapses."""
    options = rubric.settings(round_)
    if options.id is not None:
        options.publication_asked_by_id, options.publication_asked_at = None, None


def publish(round_: Round, actor: User, phase: Phase) -> bool:
    """Ask for publication, or confirm another member's request and publish; True once published.
    Every application needs a standing decision, and the panel its reasons."""
    _open(round_, phase, Action.PUBLISH_DECISIONS)
    apps = applications(round_)
    if not apps or any(a.decision is None for a in apps) or not round_.decision_rationale.strip():
        raise PanelError(Refusal.UNDECIDED)
    options = rubric.stored_settings(round_)
    if options.publication_asked_by_id is None:
        options.publication_asked_by_id, options.publication_asked_at = actor.id, utcnow()
        audit.record(actor, "grants-publication-asked", round_, applications=len(apps))
        db.session.commit()
        return False
    if not may_confirm(options.publication_asked_by_id, actor.id):
        raise PanelError(Refusal.SECOND_MEMBER)
    round_.decisions_published_at = utcnow()
    audit.record(actor, "grants-published", round_, applications=len(apps), asked_by=options.publication_asked_by_id)
    db.session.commit()
    return True
