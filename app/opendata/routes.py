from flask import Blueprint, Response, abort, jsonify

from app.ballots.casting import turnout_by_channel
from app.ballots.exports import NotExportable, to_pabulib
from app.challenges.services import records as challenge_records
from app.ballots.tally import outcome_record, published_rule, tally
from app.loaders import get_round
from app.opendata import needs
from app.opendata.records import to_csv
from app.panel.open_data import DECISION_FIELDS, decision_records, package
from app.panel.services import applications
from app.web import today

bp = Blueprint("opendata", __name__, url_prefix="/rounds/<slug>")


@bp.get("/needs.json")
def needs_json(slug):
    """The round's needs as JSON open data."""
    round_ = get_round(slug)
    return jsonify({"round": round_.slug, "currency": round_.currency, "needs": needs.records(round_)})


@bp.get("/needs.csv")
def needs_csv(slug):
    """The round's needs as CSV open data (UTF-8)."""
    round_ = get_round(slug)
    return Response(
        to_csv(needs.records(round_)), mimetype="text/csv",
        headers={"Content-Disposition": f'attachment; filename="{round_.slug}-needs.csv"'},
    )


@bp.get("/results.json")
def results_json(slug):
    """The published results in the tally output shape; 404 until they are published."""
    round_ = get_round(slug)
    if not round_.results_published_on(today()):
        abort(404)
    return jsonify({**outcome_record(round_, tally(round_, published_rule(round_))), "turnout": turnout_by_channel(round_)})


@bp.get("/export.pb")
def export_pabulib(slug):
    """The round as a Pabulib file, ballots pseudonymised; 404 until results are published,
    since the ballots would give the count away early."""
    round_ = get_round(slug)
    if not round_.results_published_on(today()):
        abort(404)
    try:
        text = to_pabulib(round_)
    except NotExportable:
        abort(404)
    return Response(text, mimetype="text/plain", headers={
        "Content-Disposition": f'attachment; filename="{round_.slug}.pb"'})


@bp.get("/grants.json")
def grants_json(slug):
    """The panel's published grants as a 360Giving package; 404 before publication or with none funded."""
    found = package(get_round(slug))
    if found is None:
        abort(404)
    return jsonify(found)


@bp.get("/challenges.json")
def challenges_json(slug):
    """Challenges to the published decisions, with the panel's answers; 404 before publication."""
    round_ = get_round(slug)
    if round_.decisions_published_at is None:
        abort(404)
    return jsonify(challenge_records(round_))


@bp.get("/decisions.csv")
def decisions_csv(slug):
    """Every published decision, funded or not, with the panel's marks in aggregate, as CSV."""
    round_ = get_round(slug)
    if round_.decisions_published_at is None:
        abort(404)
    return Response(to_csv(decision_records(round_, applications(round_)), DECISION_FIELDS), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{round_.slug}-decisions.csv"'})
