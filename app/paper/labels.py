"""Words for paper ballots' codes: why a paper from the box is rejected, states, and the differences a
reconciliation flags. "Spoilt" means only a paper spoilt at the desk and replaced, never one from the box."""
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext

from app.paper.desk import DeskRefusal
from app.paper.reconcile import Difference, PaperState, RejectedReason

REJECTED = {
    RejectedReason.UNMARKED: _l("Rejected: no marks"),
    RejectedReason.UNCLEAR: _l("Rejected: the marks cannot be read"),
    RejectedReason.TOO_MANY: _l("Rejected: more marks than the ballot allows"),
    RejectedReason.IDENTIFIES: _l("Rejected: a mark that could identify the voter"),
}

STATES = {
    PaperState.UNKEYED: _l("not keyed"),
    PaperState.KEYED_ONCE: _l("keyed once, waiting for the second operator"),
    PaperState.AGREED: _l("both entries agree"),
    PaperState.DISPUTED: _l("the entries differ: a supervisor must decide"),
    PaperState.RESOLVED: _l("decided by a supervisor"),
}

KEYING_REFUSALS = {
    "unknown-serial": _l("No ballot of this round has that serial number. Check the number on the paper."),
    "two-entries": _l("Two other operators have already keyed this ballot."),
}

DESK_REFUSALS = {
    DeskRefusal.MALFORMED: _l("That is not an access code: check the letters and numbers on the card."),
    DeskRefusal.UNKNOWN: _l("No access code of this round matches. Check the card."),
    DeskRefusal.VOID: _l("This access code has been cancelled."),
    DeskRefusal.VOTED_ONLINE: _l("This access code has already voted online, so it cannot have a paper ballot."),
    DeskRefusal.HAS_PAPER: _l("This access code has already been given a paper ballot."),
}


def rejected_choices() -> list[tuple[str, str]]:
    return [("", _("No: it can be counted"))] + [(reason.value, str(label)) for reason, label in REJECTED.items()]


def pair_error(code: str, pairs: int, typed: int) -> str:
    """Why the keys typed for a pairwise paper were not read."""
    if code == "pair-count":
        return ngettext("This paper prints %(num)d pair: type one key for it (you typed %(typed)d).",
                        "This paper prints %(num)d pairs: type one key for each, in the printed order (you typed "
                        "%(typed)d).", pairs, typed=typed)
    if code == "pair-key":
        return _("Type only 1 for A, 2 for B, 0 for “I can't decide” and - for a pair left blank.")
    return _("Every pair is left blank: if the paper has no marks at all, key it as rejected.")


def difference(code: Difference, amount: int) -> str:
    """A reconciliation's flag, in words a volunteer at the desk understands."""
    if code == Difference.NO_ACCOUNT:
        return _("The ballot paper account has not been entered yet.")
    if code == Difference.UNACCOUNTED:
        if amount > 0:
            return ngettext("%(num)d issued ballot is not accounted for: the ballots issued should equal those "
                            "returned in the box, those spoilt at the desk and those unused, together.",
                            "%(num)d issued ballots are not accounted for: the ballots issued should equal those "
                            "returned in the box, those spoilt at the desk and those unused, together.", amount)
        return ngettext("The ballots returned in the box, spoilt at the desk and unused add up to %(num)d more "
                        "than were issued.", "The ballots returned in the box, spoilt at the desk and unused add "
                        "up to %(num)d more than were issued.", -amount)
    if code == Difference.KEYED:
        if amount > 0:
            return ngettext("%(num)d ballot returned in the box has not been keyed yet: every one is keyed, as "
                            "counted or as rejected.", "%(num)d ballots returned in the box have not been keyed "
                            "yet: every one is keyed, as counted or as rejected.", amount)
        return ngettext("%(num)d more ballot was keyed than were returned in the box.",
                        "%(num)d more ballots were keyed than were returned in the box.", -amount)
    if code == Difference.DISPUTES:
        return ngettext("%(num)d ballot waits for a supervisor: its two entries differ.",
                        "%(num)d ballots wait for a supervisor: their two entries differ.", amount)
    return ngettext("%(num)d ballot has been keyed by one operator only.",
                    "%(num)d ballots have been keyed by one operator only.", amount)
