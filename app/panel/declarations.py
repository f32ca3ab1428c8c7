"""Declarations before access: a member says they have no conflict of interest with an application, or
declares one, before they see it in full; and the public record of the conflicts declared."""
from dataclasses import dataclass

from app import audit
from app.extensions import db
from app.models import Application, NoConflict, Role, Round, User
from app.panel.services import PanelError, Refusal, _open, conflicted, declared
from app.rounds.phases import Action, Phase


def declare_no_conflict(application: Application, user: User, phase: Phase) -> None:
    round_ = db.session.get(Round, application.round_id)
    _open(round_, phase, Action.DECLARE_CONFLICT)
    if conflicted(application, user):
        raise PanelError(Refusal.CONFLICTED)
    if not declared(application, user):
        application.clearances.append(NoConflict(application_id=application.id, user_id=user.id))
        audit.record(user, "no-conflict-declared", round_, application=application.id)
    db.session.commit()


@dataclass(frozen=True)
class PublicConflict:
    role: Role  # the member's role in the round: panel member, facilitator or administrator
    name: str  # empty unless the panel publishes names and the member gave one
    reason: str


def role_in(user: User, round_: Round) -> Role:
    held = {s.role for s in user.roles if s.round_id in (None, round_.id)}
    if Role.PANEL in held:
        return Role.PANEL
    if Role.FACILITATOR in held:
        return Role.FACILITATOR
    return Role.ADMIN


def public_conflicts(round_: Round, application: Application, name_members: bool) -> list[PublicConflict]:
    return [PublicConflict(role_in(c.user, round_), c.name if name_members else "", c.reason)
            for c in sorted(application.conflicts, key=lambda c: c.declared_at)]
