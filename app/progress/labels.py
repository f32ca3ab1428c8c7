"""Words for the progress codes: a grant's state and why a report or an action is refused."""
from flask_babel import gettext as _

from app.rounds.phases import Action
from app.voting.progress import GrantState, ProgressRefusal


def state(code: GrantState) -> str:
    return {
        GrantState.AWARDED: _("Grant made: no progress reported yet"),
        GrantState.UNDER_WAY: _("Under way"),
        GrantState.COMPLETE: _("Complete"),
    }[code]


def refusal(code) -> str:
    if isinstance(code, Action):
        return _("Progress is followed only once the decisions are published, in the Decide or Results phase.")
    return {
        ProgressRefusal.PERCENT: _("Please give a whole number from 0 to 100."),
        ProgressRefusal.MILESTONE: _("Please name the milestone."),
        ProgressRefusal.TEXT: _("Please say in a few words what happened."),
        ProgressRefusal.COMPLETE: _("This grant is marked complete, so no more progress can be reported."),
        "not-funded": _("Only a published, funded grant has progress to follow."),
    }[code]


def link_refusal(reason: str) -> str:
    return {
        "expired": _("This progress link is too old. Ask the funder to send a new one."),
        "invalid": _("This link is not complete or has been changed. Copy the whole link from the email."),
    }[reason]
