"""Words for the panel's codes: suggestion rules, why the suggestion funds an application or not, marks,
why an action was refused."""
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import ngettext

from app.models.user import Role
from app.panel.services import Refusal
from app.rounds.phases import Action
from app.voting.data_quality import Check
from app.voting.departures import Departure
from app.voting.grants import IN_RANKING_ORDER
from app.voting.rubric import Standard


def suggestion_rule(code: str) -> str:
    return {
        IN_RANKING_ORDER: _("In the community's order, skipping what does not fit"),
        "greedy": _("Greedy: most support first, skipping what does not fit"),
        "equalshares/add1": _("Method of Equal Shares, on the residents' ballots"),
    }[code]


def suggested(code: str | None) -> str:
    return {
        "funded": _("Suggested for funding"),
        "does-not-fit": _("Not suggested: it costs more than is left"),
        "not-chosen": _("Not suggested by this rule"),
        "runner-up": _("Not suggested: another application for this need has better marks"),
        "unmarked": _("Not suggested: nobody has marked it yet"),
        None: "",
    }[code]


def departure(code) -> str:
    return {
        Departure.FUNDED_OUTSIDE: _("Departure from the suggested grants: funded, though the suggestion left it out."),
        Departure.DECLINED_INSIDE: _("Departure from the suggested grants: not funded, though the suggestion funded it."),
    }[code]


def criterion_name(criterion) -> str:
    """A criterion's words: the panel's own, or the standard question's in the reader's language."""
    if criterion.name or criterion.standard is None:
        return criterion.name
    return {Standard.FIT: _("How well it meets the need"), Standard.DELIVERABILITY: _("How likely it is to be delivered"),
            Standard.VALUE: _("Value for the money asked")}[criterion.standard]


def weight(value: int) -> str:
    return ngettext("counts %(num)d time", "counts %(num)d times", value)


def spread(name: str, low: int, high: int) -> str:
    return _("Members disagree on “%(criterion)s”: marks from %(low)d to %(high)d. Talk it over before deciding.",
             criterion=name, low=low, high=high)


def mark_figure(value) -> str:
    return format_decimal(float(value), format="#,##0.##")


def mean_mark(score, members: int) -> str:
    if score is None:
        return _("Not marked yet")
    return ngettext("%(mark)s out of 5, weighted, from %(num)d member",
                    "%(mark)s out of 5, weighted, from %(num)d members", members, mark=mark_figure(score))


def rubric_refusal(reason: str) -> str:
    return {
        "in-use": _("Members have started marking, so the criteria and their weights stay as they are. "
                    "You can still change their words and anchors."),
        "empty": _("The rubric needs at least one criterion."),
    }[reason]


def conflicts(count: int) -> str:
    return ngettext("%(num)d member declared a conflict of interest and stood back",
                    "%(num)d members declared a conflict of interest and stood back", count) if count else ""


def public_conflict(found) -> str:
    """A declared conflict as the public record states it: the member's role, their name only where
    the panel publishes names, and the reason."""
    if found.name:
        return {
            Role.PANEL: _("%(name)s, a panel member, declared a conflict of interest and took no part: %(reason)s"),
            Role.FACILITATOR: _("%(name)s, a facilitator, declared a conflict of interest and took no part: %(reason)s"),
            Role.ADMIN: _("%(name)s, an administrator, declared a conflict of interest and took no part: %(reason)s"),
        }[found.role] % {"name": found.name, "reason": found.reason}
    return {
        Role.PANEL: _("A panel member declared a conflict of interest and took no part: %(reason)s"),
        Role.FACILITATOR: _("A facilitator declared a conflict of interest and took no part: %(reason)s"),
        Role.ADMIN: _("An administrator declared a conflict of interest and took no part: %(reason)s"),
    }[found.role] % {"reason": found.reason}


def quality(code: Check) -> str:
    """What a 360Giving data quality check found, and how to fix it."""
    return {
        Check.CHARITY_NUMBER: _("The charity number does not look like its register's: 6 or 7 digits in England "
                                "and Wales (GB-CHC-1234567), SC and 6 digits in Scotland, 6 digits in Northern Ireland."),
        Check.COMPANY_NUMBER: _("The company number should have 8 characters, leading zeros kept "
                                "(GB-COH-01234567 or GB-COH-SC123456)."),
        Check.TITLE_TOO_LONG: _("The title is longer than 140 characters."),
        Check.TITLE_IS_DESCRIPTION: _("The title and the description are the same: describe the work in more words."),
        Check.NO_RECIPIENT_LOCATION: _("Where the group is based is missing."),
        Check.NO_BENEFICIARY_LOCATION: _("The round has no area, so the grant says nothing of where it benefits."),
        Check.EMAIL_IN_TEXT: _("The title or description contains what looks like an email address: published "
                               "grants should not carry personal contact details."),
    }[code]


def out_of_phase(action: Action) -> str:
    """Why the round's phase refuses a panel action (app.rounds.phases.ALLOWED)."""
    return {
        Action.ENTER_APPLICATION: _("The round's results are out, so the panel takes no more applications."),
        Action.DECLARE_CONFLICT: _("The round's results are out, so the panel's work on it is over."),
        Action.MARK_APPLICATION: _("Applications are marked only while the round is in its Decide phase."),
        Action.RECORD_DECISIONS: _("The panel records its decisions only while the round is in its Decide phase."),
        Action.PUBLISH_DECISIONS: _("The panel publishes its decisions only while the round is in its Decide phase."),
    }[action]


def refusal(code: Refusal | Action, application: bool = False) -> str:
    """Why a panel action was refused (an Action: the round's phase does not allow it); `application`: on
    one application the member opened, not a list."""
    if isinstance(code, Action):
        return out_of_phase(code)
    if application and code == Refusal.CONFLICTED:
        return _("You declared a conflict of interest on this application, so you cannot mark it.")
    return {
        Refusal.OVER_BUDGET: _("These grants would spend more than the budget. Lower an amount or fund fewer."),
        Refusal.OVER_ASKED: _("A grant cannot be more than the amount asked for."),
        Refusal.CONFLICTED: _("You declared a conflict of interest on one of these applications: another member decides it."),
        Refusal.PUBLISHED: _("The decisions are already published."),
        Refusal.UNDECIDED: _("Every application needs a decision, and the panel its reasons, before publishing."),
        Refusal.UNEXPLAINED: _("Some decisions depart from the suggested grants: give each its own reason."),
        Refusal.RUBRIC_CHANGED: _("The panel changed its rubric while you were marking. Please mark again."),
        Refusal.UNDECLARED: _("Say whether you have a conflict of interest with this application first."),
        Refusal.SECOND_MEMBER: _("You asked to publish these decisions: another member must confirm."),
    }[code]
