from functools import partial

from flask import Blueprint, request

from app import labels
from app.accounts.current import can_manage, current_user, requires
from app.ballots.casting import turnout
from app.ballots.tally import compare_budget_rules, counted_needs, default_rule, published_rule, tally_by
from app.i18n import language_code
from app.loaders import get_round
from app.models import BallotKind
from app.needs.translations import shown_in
from app.voting.budget_rules import BUDGET_RULES
from app.voting.rules import RULES_FOR_BALLOT
from app.web import money, render_page, today
from app.page_cache import shared_page

COMPARED_BY_DEFAULT = ("greedy", "equalshares/add1")

bp = Blueprint("results", __name__, url_prefix="/rounds/<slug>")


@bp.get("/results")
@shared_page
def show(slug):
    """The published results: needs ranked, turnout, how it was counted, ties, and the methods compared."""
    round_ = get_round(slug)
    if not round_.results_published_on(today()):
        return render_page("results/show.html", round=round_, published=False, voters=turnout(round_))
    rule = published_rule(round_)
    if rule in BUDGET_RULES:
        return _budget_results(round_, rule)
    others = [name for name in RULES_FOR_BALLOT["ranking"] if name != rule] if round_.ballot_kind == BallotKind.RANKING else []
    outcome, *rest = tally_by(round_, [rule, *others])
    compared = [outcome, *rest] if others else []
    by_public = {need.public_id: need for need in counted_needs(round_)}
    top = max([abs(v) for v in outcome.scores.values()] + [1])
    return render_page(
        "results/show.html", round=round_, published=True, outcome=outcome, needs=by_public,
        shown=shown_in(by_public.values(), language_code()),
        voters=turnout(round_), compared=compared, top=top, rule=rule, own_rule=default_rule(round_),
        winners_agree=len({o.winner for o in compared}) <= 1,
    )


def _budget_results(round_, rule):
    outcome = tally_by(round_, [rule])[0]
    formatted = partial(money, currency=round_.currency)
    why = {need: labels.funding_reason(reason, formatted) for need, reason in outcome.details["why"].items()}
    by_public = {need.public_id: need for need in counted_needs(round_)}
    return render_page(
        "results/budget.html", round=round_, outcome=outcome, rule=rule, why=why, voters=turnout(round_),
        needs=by_public, shown=shown_in(by_public.values(), language_code()), funded=set(outcome.selected),
        spent=formatted(outcome.details["spent"]), comparison=outcome.details.get("comparison"),
        can_compare=can_manage(current_user(), round_),
    )


@bp.get("/results/compare")
@requires(can_manage)
def compare(round_, slug):
    """What if: the same ballots counted by several budget rules, side by side (facilitators)."""
    chosen = [r for r in request.args.getlist("rule") if r in BUDGET_RULES] or list(COMPARED_BY_DEFAULT)
    try:
        rows = compare_budget_rules(round_, chosen)
    except ValueError:
        rows = []
    formatted = partial(money, currency=round_.currency)
    for row in rows:
        row["spent_text"] = formatted(row["spent"])
        row["funded"] = set(row["outcome"].selected)
    return render_page("results/compare.html", round=round_, rows=rows, chosen=chosen, rules=BUDGET_RULES,
                       needs=counted_needs(round_), budget=round_.amount(round_.budget))
