from flask import Blueprint

from app.ballots.casting import turnout
from app.ballots.tally import counted_needs, default_rule, tally_by
from app.models import BallotKind
from app.rounds.routes import get_round
from app.voting.rules import RULES_FOR_BALLOT
from app.web import render_page, today

bp = Blueprint("results", __name__, url_prefix="/rounds/<slug>")


@bp.get("/results")
def show(slug):
    """The published results: needs ranked, turnout, how it was counted, ties, and the methods compared."""
    round_ = get_round(slug)
    if not round_.results_published_on(today()):
        return render_page("results/show.html", round=round_, published=False, voters=turnout(round_))
    rule = default_rule(round_)
    others = [name for name in RULES_FOR_BALLOT["ranking"] if name != rule] if round_.ballot_kind == BallotKind.RANKING else []
    outcome, *rest = tally_by(round_, [rule, *others])
    compared = [outcome, *rest] if others else []
    by_public = {need.public_id: need for need in counted_needs(round_)}
    top = max([abs(v) for v in outcome.scores.values()] + [1])
    return render_page(
        "results/show.html", round=round_, published=True, outcome=outcome, needs=by_public,
        voters=turnout(round_), compared=compared, top=top, rule=rule,
        winners_agree=len({o.winner for o in compared}) <= 1,
    )
