"""Following a grant after it is made, each action one transaction: the link sent, reports, completion."""
from dataclasses import dataclass
from datetime import datetime

from app import audit
from app.extensions import db
from app.models import Application, GrantDecision, GrantUpdate, Round, User
from app.models.base import utcnow
from app.rounds.phases import Action, Phase
from app.voting.progress import GrantState, ProgressRefusal, Report, percent_done, refusals, state


class ProgressError(ValueError):
    """A progress action that cannot be taken: `refusals` says why (or an Action the phase does not allow)."""

    def __init__(self, *refusals: ProgressRefusal | Action | str):
        super().__init__(*refusals)
        self.refusals = refusals


@dataclass(frozen=True)
class Progress:
    state: GrantState
    percent: int
    updates: list[GrantUpdate]
    completed_at: datetime | None


def progress_of(decision: GrantDecision) -> Progress:
    reports = [Report(u.posted_at, u.percent) for u in decision.updates]
    return Progress(state(reports, decision.completed_at), percent_done(reports, decision.completed_at),
                    list(decision.updates), decision.completed_at)


def followed(round_: Round, application: Application) -> bool:
    """A grant is followed once it is published and funded."""
    decision = application.decision
    return round_.decisions_published_at is not None and decision is not None and decision.funded


def _open(round_: Round, application: Application, phase: Phase, action: Action) -> None:
    if not followed(round_, application):
        raise ProgressError("not-funded")
    if not phase.allows(action):
        raise ProgressError(action)


def send_link(round_: Round, application: Application, email: str, actor: User, phase: Phase) -> None:
    """Keeps the group's contact address; the route mails the link once this has committed."""
    _open(round_, application, phase, Action.REPORT_PROGRESS)
    application.contact_email = email
    audit.record(actor, "progress-link-sent", round_, application=application.id)
    db.session.commit()


def post_update(round_: Round, decision: GrantDecision, milestone: str, percent: object, body: str, language: str,
                phase: Phase) -> GrantUpdate:
    """The group's report; refused, with every reason, when it is incomplete or the grant is complete."""
    application = db.session.get(Application, decision.application_id)
    _open(round_, application, phase, Action.REPORT_PROGRESS)
    found = refusals(milestone, percent, body, decision.completed_at)
    if found:
        raise ProgressError(*found)
    update = GrantUpdate(decision_id=decision.id, milestone=milestone.strip(), percent=percent, body=body.strip(),
                         language=language, posted_at=utcnow())
    decision.updates.append(update)
    db.session.commit()
    return update


def complete(round_: Round, application: Application, actor: User, phase: Phase) -> None:
    """The funder marks the grant complete: the need is met, and the group's reports close."""
    _open(round_, application, phase, Action.COMPLETE_GRANT)
    decision = application.decision
    if decision.completed_at is not None:
        raise ProgressError(ProgressRefusal.COMPLETE)
    decision.completed_at, decision.completed_by_id = utcnow(), actor.id
    audit.record(actor, "grant-completed", round_, application=application.id)
    db.session.commit()
