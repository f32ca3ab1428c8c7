"""Words for the ballot error codes of app/ballots/validation.py."""
from flask_babel import gettext as _
from flask_babel import ngettext


def error(code: str, limits) -> str:
    if code == "too-many":
        return ngettext("Choose at most %(num)d need.", "Choose at most %(num)d needs.", limits.max_choices or 0)
    if code == "too-few":
        return ngettext("Choose at least %(num)d need.", "Choose at least %(num)d needs.", max(1, limits.min_choices))
    if code == "over-total":
        return ngettext("You have %(num)d point to give in all.", "You have %(num)d points to give in all.",
                        limits.points_total or 0)
    if code == "over-need-limit":
        return ngettext("At most %(num)d point on one need.", "At most %(num)d points on one need.",
                        limits.points_per_need or 0)
    return {
        "empty": _("Your ballot is empty: choose at least one need."),
        "duplicate": _("Each rank number can be given to one need only."),
        "unknown-need": _("One of your choices is no longer on the list. Please check your ballot."),
        "negative": _("Points cannot be below zero."),
        "not-a-number": _("Enter a whole number."),
    }[code]


def change(change, title: str) -> str:
    """The one sentence a screen reader hears after a tap on the ranking."""
    if change.action == "add":
        return _("%(title)s added to your ranking at place %(place)d.", title=title, place=change.place)
    if change.action == "remove":
        return _("%(title)s removed from your ranking.", title=title)
    return _("%(title)s moved to place %(place)d.", title=title, place=change.place)
