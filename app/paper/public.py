"""Paper ballots in the open: the reconciliation and the audit as JSON, once results are out (staff of
the round see them earlier)."""
from flask import Blueprint, Response, abort, jsonify

from app.accounts.current import can_manage, current_user
from app.ballots.receipts import written
from app.ballots.tally import counted_needs
from app.loaders import get_round
from app.opendata.records import to_csv
from app.paper import labels, report
from app.web import render_page, today

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


def _published(slug):
    round_ = get_round(slug)
    if not round_.results_published_on(today()):
        abort(404)
    return round_


@bp.get("/paper/report")
def report_page(slug):
    """The reconciliation report and the audit's result, once results are published."""
    round_ = _published(slug)
    current = report.current_audit(round_)
    return render_page("paper/report.html", round=round_, reports=report.batch_reports(round_),
                       result=report.audit_result(current) if current else None, paper_labels=labels)


@bp.get("/paper/ballots.csv")
def ballots_csv(slug):
    """Every reconciled paper ballot as open data, shuffled, with no operator named."""
    round_ = _published(slug)
    public = {need.id: need.public_id for need in counted_needs(round_)}
    rows = report.keyed_ballots(round_, lambda content: written(content, public))
    return Response(to_csv(rows, ["batch", "serial", "ballot", "spoilt", "rejected"]), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{round_.slug}-paper-ballots.csv"'})
