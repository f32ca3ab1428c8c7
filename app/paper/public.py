"""Paper ballots in the open: the reconciliation and the audit as JSON, once results are out (staff of
the round see them earlier)."""
from flask import Blueprint, abort, jsonify

from app.accounts.current import can_manage, current_user
from app.loaders import get_round
from app.paper import report
from app.web import today

bp = Blueprint("paper_public", __name__, url_prefix="/rounds/<slug>")


def visible_round(slug):
    """The round, if its paper count may be shown to this visitor; 404 otherwise."""
    round_ = get_round(slug)
    if not (round_.results_published_on(today()) or can_manage(current_user(), round_)):
        abort(404)
    return round_


@bp.get("/paper.json")
def paper_json(slug):
    """Batches with their accounts and keyed counts, whether all balance, and the sample audit."""
    return jsonify(report.paper_record(visible_round(slug)))
