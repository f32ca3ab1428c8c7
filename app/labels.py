"""Turns the codes of the domain (phases, categories, statuses, reasons) into words."""
from flask_babel import format_decimal, ngettext
from flask_babel import lazy_gettext as _l

from app.i18n import language_name
from app.models.report import ReportReason
from app.rounds.phases import Phase

PHASES = {
    Phase.PROPOSE: _l("Propose"),
    Phase.DISCUSS: _l("Discuss"),
    Phase.RANK: _l("Rank"),
    Phase.DECIDE: _l("Decide"),
    Phase.RESULTS: _l("Results"),
}

PHASE_HINTS = {
    Phase.PROPOSE: _l("Residents post the needs they see where they live."),
    Phase.DISCUSS: _l("Residents comment on and support needs; duplicates are merged."),
    Phase.RANK: _l("Residents rank the needs that matter most."),
    Phase.DECIDE: _l("The funder panel turns the ranked needs into decisions."),
    Phase.RESULTS: _l("Results and decisions are public for everyone to review."),
}

CATEGORIES = {
    "housing": _l("Housing"),
    "streets": _l("Streets and pavements"),
    "transport": _l("Transport"),
    "green-spaces": _l("Parks and green spaces"),
    "safety": _l("Safety"),
    "health": _l("Health and wellbeing"),
    "children-young-people": _l("Children and young people"),
    "older-people": _l("Older people"),
    "community-spaces": _l("Community spaces"),
    "environment": _l("Environment and climate"),
    "work-skills": _l("Work and skills"),
    "culture": _l("Arts and culture"),
    "other": _l("Something else"),
}

REGISTER_STATUSES = {
    "open": _l("Open"),
    "in-round": _l("Being ranked"),
    "ranked": _l("Ranked"),
    "funded": _l("Funded"),
    "met": _l("Met"),
    "closed": _l("Closed"),
}


def register_status(code) -> str:
    return str(REGISTER_STATUSES.get(str(code), code))


REPORT_REASONS = {
    ReportReason.SPAM: _l("Spam or advertising"),
    ReportReason.OFFENSIVE: _l("Offensive or abusive"),
    ReportReason.PERSONAL: _l("Shares someone's personal information"),
    ReportReason.DUPLICATE: _l("Duplicate of another need"),
    ReportReason.OTHER: _l("Something else"),
}

SORTS = {
    "newest": _l("Newest"),
    "supported": _l("Most supported"),
    "discussed": _l("Most discussed"),
}

CODE_STATUSES = {
    "unused": _l("Not used yet"),
    "used": _l("Used"),
    "void": _l("Cancelled"),
}

STAFF_ROLES = {
    "facilitator": _l("Facilitator: runs the round, its settings and codes"),
    "moderator": _l("Moderator: reviews reports, hides and merges"),
    "panel": _l("Panel member: scores applications and decides grants"),
    "translator": _l("Translator: translates needs into residents' languages"),
    "reviewer": _l("Reviewer: estimates costs and says whether each need is feasible"),
    "operator": _l("Paper ballot operator: keys paper ballots and checks codes at the desk"),
}

STAFF_ROLE_NAMES = {
    "admin": _l("Admin"),
    "facilitator": _l("Facilitator"),
    "moderator": _l("Moderator"),
    "panel": _l("Panel member"),
    "translator": _l("Translator"),
    "reviewer": _l("Reviewer"),
    "operator": _l("Paper ballot operator"),
}

AUDIT_ACTIONS = {
    "round-created": _l("Round created"),
    "round-imported": _l("Round imported"),
    "round-settings-changed": _l("Round settings changed"),
    "phase-opened": _l("Phase opened"),
    "need-reviewed": _l("Need reviewed for cost and feasibility"),
    "codes-generated": _l("Access codes made"),
    "code-voided": _l("Access code cancelled"),
    "need-moderated": _l("Need moderated"),
    "comment-moderated": _l("Comment moderated"),
    "needs-merged": _l("Needs merged"),
    "need-edited": _l("Need edited by staff"),
    "user-invited": _l("Staff member invited"),
    "staff-organisation-set": _l("Staff member's organisation set"),
    "need-translated": _l("Need translated"),
    "personal-data-removed": _l("Personal data removed after the retention period"),
}

ACCESS_MODES = {
    "open": _l("Open to everyone (a name is enough)"),
    "codes": _l("Only people with an access code (one code per person)"),
    "email": _l("Anyone with an email address, by a link we send (one person per address)"),
}


def phase(code) -> str:
    return str(PHASES[Phase(code)])


def phase_hint(code) -> str:
    return str(PHASE_HINTS[Phase(code)])


def category(code: str) -> str:
    return str(CATEGORIES.get(code, code))


def audit_action(code: str) -> str:
    return str(AUDIT_ACTIONS.get(code, code))


def staff_role(code) -> str:
    return str(STAFF_ROLE_NAMES[str(code)])


def link_refusal(reason: str) -> str:
    """Why an emailed link (invitation, password reset, resident sign-in) opens nothing."""
    return str({
        "expired": _l("This link is too old. Ask for a new one."),
        "invalid": _l("This link is not complete or has been changed. Copy the whole link from the email."),
        "used": _l("This link has already been used. Ask for a new one."),
        "forgotten": _l("You asked us to delete your data for this round, so this address cannot take part again."),
    }[reason])


def code_status(code: str) -> str:
    return str(CODE_STATUSES[code])


def report_reason(code) -> str:
    return str(REPORT_REASONS[ReportReason(code)])


def language(code: str, in_locale: str | None = None) -> str:
    """A language's name in its own script, or in the visitor's language when one is given."""
    return language_name(code, in_locale)


BALLOT_KINDS = {
    "ranking": _l("Ranking: put needs in order"),
    "approval": _l("Approval: choose the needs you support"),
    "points": _l("Points: spread points (dots) across needs"),
    "pairwise": _l("Pairwise: which of two needs matters more"),
}

RULE_NAMES = {
    "schulze": _l("Schulze"), "borda": _l("Borda count"), "ranked-pairs": _l("Ranked pairs"),
    "copeland": _l("Copeland"), "irv": _l("Instant runoff"), "approval": _l("Approval"),
    "points": _l("Points"), "bradley-terry": _l("Pairwise comparison (Bradley-Terry)"),
    "greedy": _l("Greedy"), "greedy-no-skip": _l("Greedy, stopping at the first need that does not fit"),
    "greedy-threshold": _l("Greedy with a support threshold"), "greedy-custom": _l("Greedy with an 80 per cent reserve"),
    "greedy-exclusive": _l("Greedy, for needs that exclude each other"), "equalshares": _l("Equal Shares"),
    "equalshares/add1": _l("Equal Shares, completed until the money is spent"), "equalshares/add1-comparison": _l("Equal Shares, compared with greedy"),
    "phragmen": _l("Phragmén"),
}
BUDGET_EXPLANATION_GREEDY = _l(
    "Greedy: needs are funded in order of support, most first. A need that costs more than the money left is "
    "passed over and the next one is tried.")
BUDGET_EXPLANATION_SHARES = _l(
    "Equal Shares: every voter gets an equal share of the budget. A need is funded when its supporters can pay "
    "for it together, each paying the same amount (or all they have left). The need that asks least of each "
    "supporter goes first. Shares are raised a little at a time until the money is spent as fully as possible.")

RULE_EXPLANATIONS = {
    "schulze": _l("Schulze method: every need is compared with every other need, head to head. A need beats "
                  "another if more residents ranked it higher, directly or through a chain of such wins. The "
                  "need that is beaten by none comes first."),
    "borda": _l("Borda count: on each ballot a need gets one point for every need ranked below it. Needs left "
                "out of a ballot get nothing from it. Most points comes first."),
    "ranked-pairs": _l("Ranked pairs: the clearest head-to-head wins are locked in first, and a win that would "
                       "contradict the ones already locked in is skipped."),
    "copeland": _l("Copeland: each need scores its head-to-head wins minus its head-to-head losses."),
    "irv": _l("Instant runoff: the need with the fewest first choices is dropped and its ballots go to their "
              "next choice, round after round, until one need is left."),
    "approval": _l("Approval: each need scores the number of residents who chose it."),
    "points": _l("Points: each need scores the points residents gave it."),
    "greedy": BUDGET_EXPLANATION_GREEDY, "greedy-exclusive": BUDGET_EXPLANATION_GREEDY,
    "greedy-no-skip": _l("Greedy, stopping at the first need that does not fit: needs are funded in order of "
                         "support, most first, until one costs more than the money left."),
    "greedy-threshold": _l("Greedy with a threshold: needs below the support threshold are left out first; the "
                           "rest are funded in order of support, skipping any that cost more than the money left."),
    "greedy-custom": _l("Greedy with a reserve: needs are funded in order of support until one does not fit; "
                        "that one is still funded if at least 80 per cent of its cost is left."),
    "equalshares": _l(
        "Equal Shares: every voter gets an equal share of the budget. A need is funded when its supporters can pay "
        "for it together, each paying the same amount (or all they have left). The need that asks least of each "
        "supporter goes first. Shares stay as they are, so some money is often left unspent."),
    "equalshares/add1": BUDGET_EXPLANATION_SHARES,
    "equalshares/add1-comparison": _l(
        "Equal Shares, then a check: the Equal Shares outcome is compared with plain greedy, and greedy is kept "
        "only if more voters have more of their needs funded under it."),
    "phragmen": _l("Phragmén: voters earn money at the same steady rate. As soon as a need's supporters have "
                   "earned its cost together, it is bought with their money, until the next need does not fit."),
    "bradley-terry": _l("Pairwise comparison: from every \u201cwhich matters more?\u201d answer, the "
                        "Bradley-Terry model estimates each need's strength. The score is the chance, in "
                        "percent, that the need is preferred to another need picked at random."),
}

# Why a city might choose each budget rule, shown beside it in the round form.
RULE_REASONS = {
    "greedy": _l("The usual choice and the easiest to explain: the most supported needs win. One large, popular "
                 "need can take most of the budget, and smaller groups of voters may get nothing."),
    "greedy-no-skip": _l("For a strict order of support: no less supported need is funded ahead of a more "
                         "supported one. Money may be left over."),
    "greedy-threshold": _l("For funding only needs with enough backing: set the least support below."),
    "greedy-custom": _l("For using the budget more fully, as Poznań and Gdynia do: the city tops up a need "
                        "that nearly fits."),
    "greedy-exclusive": _l("Counts as greedy. Some cities mark needs that cannot both be funded, such as two plans "
                           "for one site; this app records no such pairs, so the rule is kept for imported rounds."),
    "equalshares": _l("Fairer to smaller groups: each group of voters controls a part of the budget in proportion "
                      "to its size, so one large group cannot take it all."),
    "equalshares/add1": _l("Proportional like Equal Shares, and leaves little money unspent: the choice of cities "
                           "such as Wieliczka, Aarau and Assen that want every group of voters to get its fair part."),
    "equalshares/add1-comparison": _l("For a careful first move to Equal Shares: the familiar greedy result is "
                                      "kept when more voters would gain from it."),
    "phragmen": _l("Another proportional method, known from council elections in Sweden: results are close to "
                   "Equal Shares."),
}

TIE_BREAKS = {
    "lexicographic": _l("the need listed first"),
    "min-cost": _l("the cheaper need"),
    "max-cost": _l("the more expensive need"),
    "random": _l("a draw"),
}
TIE_BREAK_EXPLANATIONS = {
    "lexicographic": _l("The need proposed first goes ahead. Simple, and anyone can check it."),
    "min-cost": _l("The cheaper need goes ahead, so the money stretches further. Needs a cost for every need."),
    "max-cost": _l("The more expensive need goes ahead, so larger projects are not always passed over. Needs a "
                   "cost for every need."),
    "random": _l("A draw decides, repeatable by anyone from the number below."),
}


def rule_name(code: str) -> str:
    return str(RULE_NAMES.get(code, code))


def rule_explanation(code: str) -> str:
    return str(RULE_EXPLANATIONS.get(code, code))


def rule_reason(code: str) -> str:
    return str(RULE_REASONS.get(code, ""))


def tie_break_explanation(code: str) -> str:
    return str(TIE_BREAK_EXPLANATIONS.get(code, ""))


def tie_break(code: str) -> str:
    if code.startswith("random:"):
        return str(_l("a draw with the published seed %(seed)s", seed=code.partition(":")[2]))
    return str(TIE_BREAKS.get(code, code))


def score(rule: str, value) -> str:
    if rule == "bradley-terry":
        return format_decimal(value, format="#,##0.0") + "%"
    if rule == "irv":
        return ngettext("stayed in for %(num)d round", "stayed in for %(num)d rounds", value)
    if rule in ("approval",):
        return ngettext("%(num)d resident", "%(num)d residents", value)
    if rule in ("schulze", "ranked-pairs"):
        return ngettext("beats %(num)d need", "beats %(num)d needs", value)
    if rule == "copeland":
        return str(_l("wins minus losses: %(score)s", score=format_decimal(value)))
    return ngettext("%(num)d point", "%(num)d points", value) if rule in ("borda", "points") else format_decimal(value)


def funding_reason(reason, money) -> str:
    """Why a need was or was not funded, in words. `money` formats an exact amount."""
    v = reason.values
    code = reason.code
    if code == "greedy-funded":
        return str(_l("Funded: number %(place)d by support, and it fitted in the %(left)s left.",
                      place=v["place"], left=money(v["left"])))
    if code == "reserve":
        return str(_l("Funded from the 80%% reserve: %(left)s was left, at least 80%% of its cost, %(cost)s.",
                      left=money(v["left"]), cost=money(v["cost"])))
    if code in ("no-room", "no-room-stop"):
        return str(_l("Not funded: %(left)s was left for it, and it costs %(cost)s.", left=money(v["left"]),
                      cost=money(v["cost"])))
    if code == "shares-short":
        return str(_l("Not funded: its supporters had %(left)s left, and it costs %(cost)s.", left=money(v["left"]),
                      cost=money(v["cost"])))
    if code == "after-stop":
        return str(_l("Not funded: the count stopped at an earlier need that did not fit."))
    if code == "below-threshold":
        return str(_l("Not funded: its support, %(support)s, is below the threshold of %(threshold)s.",
                      support=format_decimal(v["support"]), threshold=format_decimal(v["threshold"])))
    if code == "shares-funded":
        paid = ngettext("Funded: its %(num)d supporter paid %(share)s.",
                        "Funded: its %(num)d supporters paid %(share)s each.", v["payers"], share=money(v["share"]))
        if v["exhausted"]:
            paid += " " + ngettext("%(num)d more paid all they had left.", "%(num)d more paid all they had left.",
                                   v["exhausted"])
        return paid
    if code == "phragmen-funded":
        return ngettext("Funded: its cost was shared by its %(num)d supporter.",
                        "Funded: its cost was shared evenly by its %(num)d supporters.", v["supporters"])
    if code == "phragmen-stopped":
        return str(_l("Not funded: the count stopped when the next need to buy did not fit the budget."))
    if code == "over-budget":
        return str(_l("Not funded: it costs more than the whole budget."))
    if code == "topped-up":
        return str(_l("Funded from the money left at the end."))
    if code == "free":
        return str(_l("Funded: it costs nothing."))
    return str(_l("Not funded: nobody voted for it."))
