"""Words for the codes of online applications: statuses, the window, identifiers refused, links refused."""
from flask_babel import gettext as _

from app.voting.applications import ApplicationStatus, IdRefusal, Window


def status(code: ApplicationStatus) -> str:
    return {
        ApplicationStatus.DRAFT: _("Draft: not sent yet"),
        ApplicationStatus.SUBMITTED: _("Submitted"),
        ApplicationStatus.ELIGIBLE: _("Eligible: waiting for the panel"),
        ApplicationStatus.INELIGIBLE: _("Not eligible"),
        ApplicationStatus.UNDER_REVIEW: _("Under review by the panel"),
        ApplicationStatus.FUNDED: _("Funded"),
        ApplicationStatus.DECLINED: _("Not funded"),
    }[code]


def status_hint(code: ApplicationStatus) -> str:
    return {
        ApplicationStatus.DRAFT: _("Only you can see it. Finish it and submit it before applications close."),
        ApplicationStatus.SUBMITTED: _("The panel will read it and mark it against the need."),
        ApplicationStatus.ELIGIBLE: _("Your answers meet the panel's eligibility questions. The panel will read "
                                      "it and mark it against the need."),
        ApplicationStatus.INELIGIBLE: _("Your answers do not meet the panel's eligibility questions, so the panel "
                                        "will not consider this application:"),
        ApplicationStatus.UNDER_REVIEW: _("Panel members are marking it. You will see the decision here once the "
                                          "panel publishes its decisions."),
        ApplicationStatus.FUNDED: _("The panel has published its decision: your project is funded."),
        ApplicationStatus.DECLINED: _("The panel has published its decision: your project is not funded this time."),
    }[code]


def window(code: Window) -> str:
    return {
        Window.DECIDE: _("In the Decide phase, once residents have ranked the needs"),
        Window.OPEN: _("From now on (residents may still be proposing and ranking needs)"),
        Window.CLOSED: _("Closed: no new applications, drafts cannot be submitted"),
    }[code]


def id_refusal(code: IdRefusal) -> str:
    return {
        IdRefusal.CHARITY: _("A charity number is GB-CHC- and 6 or 7 digits, for example GB-CHC-1234567."),
        IdRefusal.COMPANY: _("A company number is GB-COH- and 8 characters, for example GB-COH-01234567 or "
                             "GB-COH-SC123456."),
        IdRefusal.SCOTTISH: _("A Scottish charity number is GB-SC-SC and 6 digits, for example GB-SC-SC012345."),
        IdRefusal.NORTHERN_IRISH: _("A Northern Irish charity number is GB-NIC- and 5 or 6 digits, for example "
                                    "GB-NIC-100123."),
        IdRefusal.THREE_SIXTY: _("A 360Giving identifier is 360G-, then letters, digits and dashes."),
        IdRefusal.UNKNOWN: _("Write it as the register's code, a dash and the number: GB-CHC- for a charity, "
                             "GB-COH- for a company, or 360G-. If your group has no number, leave this empty and "
                             "tick the box below."),
    }[code]


def link_refusal(reason: str) -> str:
    return {
        "expired": _("This link is too old. Ask for a new one on the round's application page."),
        "invalid": _("This link is not complete or has been changed. Copy the whole link from the email."),
    }[reason]
