"""Words for the challenge codes: the criteria a challenge is about, and its outcome."""
from flask_babel import gettext as _

from app.voting.challenges import Ground, Outcome


def ground(code: Ground) -> str:
    return {
        Ground.FIT: _("How well it meets the need"),
        Ground.DELIVERABILITY: _("Whether the group can deliver it"),
        Ground.VALUE: _("Value for the money"),
        Ground.RANKING: _("The community's ranking of the needs"),
    }[code]


def outcome(code: Outcome) -> str:
    return {
        Outcome.OPEN: _("Waiting for the panel's answer"),
        Outcome.UPHELD: _("Upheld"),
        Outcome.CHANGED: _("Upheld: the decision was changed"),
        Outcome.DISMISSED: _("Dismissed"),
    }[code]


def refusal(code: str) -> str:
    return {
        "closed": _("Decisions can be challenged only while the challenge window is open."),
        "final": _("This decision is final: its challenges have been answered."),
        "answer-closed": _("Challenges can be answered only while the round is in its Decide or Results phase."),
        "answered": _("This challenge has already been answered."),
        "took-part": _("You took part in this decision, so another panel member answers the challenge."),
    }[code]
