"""Words for the panel's codes: suggestion rules, why the suggestion funds an application or not, marks."""
from flask_babel import format_decimal
from flask_babel import gettext as _
from flask_babel import ngettext


def suggestion_rule(code: str) -> str:
    return {
        "ranking": _("In the community's order, skipping what does not fit"),
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


def mean_mark(score, members: int) -> str:
    if score is None:
        return _("Not marked yet")
    return ngettext("%(mark)s out of 15, from %(num)d member", "%(mark)s out of 15, from %(num)d members", members,
                    mark=format_decimal(float(score), format="#,##0.#"))


def conflicts(count: int) -> str:
    return ngettext("%(num)d member declared a conflict of interest and stood back",
                    "%(num)d members declared a conflict of interest and stood back", count) if count else ""
