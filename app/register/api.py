"""The register's read-only JSON API: open to every site (CORS), no key, paginated by a cursor."""
from flask import Blueprint, current_app, jsonify, request, url_for
from flask_babel import gettext as _

from app.money import json_number
from app.register import queries
from app.register import api_lists, csv_data, csv_lists
from app.register.api_args import BadFilter, after, next_link, since
from app.register.openapi import document
from app.register.status import RegisterStatus

bp = Blueprint("api", __name__, url_prefix="/api")


@bp.after_request
def _open_to_every_site(response):
    response.headers["Access-Control-Allow-Origin"] = "*"
    return response


@bp.errorhandler(BadFilter)
def _bad_filter(error):
    return jsonify({"error": str(error)}), 400


def filters(args) -> queries.Filters:
    """The API's query string as register filters; a value that cannot be read is refused, not ignored."""
    status = args.get("status", "")
    if status and status not in {s.value for s in RegisterStatus}:
        raise BadFilter(_("Unknown status “%(value)s”: use one of %(choices)s.", value=status,
                          choices=", ".join(s.value for s in RegisterStatus)))
    return queries.Filters(area=args.get("area", "").strip(), status=RegisterStatus(status) if status else None,
                           updated_since=since(args), after=after(args))


class NeedAddresses:
    """Each need's stable address, built through one URL adapter for the whole page: url_for, for each of a
    hundred needs, was a tenth of the API's time."""

    def __init__(self):
        self._adapter = current_app.create_url_adapter(request)

    def __call__(self, slug: str, need_id: int) -> str:
        return self._adapter.build("needs.show", {"slug": slug, "need_id": need_id}, force_external=True)


def record(entry: queries.Entry, address: NeedAddresses) -> dict:
    need = entry.need
    return {
        "id": str(need.id),
        "url": address(entry.round.slug, need.id),
        "title": need.title,
        "language": need.language,
        "status": entry.status.value,
        "area": {"name": need.area or None, "code": need.area_code or None},
        "rounds": [{"round": p.round.slug, "rank": p.place, "support": p.support} for p in entry.rounds],
        "grants": [{"id": g.id, "funder": g.funder, "amount": json_number(g.round.amount(g.amount)),
                    "currency": g.round.currency, "round": g.round.slug, "percent_done": g.percent,
                    "complete": g.complete, "awarded": g.awarded.date().isoformat()} for g in entry.grants],
        "evidence": [{"title": e.title, "url": e.url, "date": e.published_on.isoformat()} for e in entry.evidence],
        "same_need": [{"id": str(s.need.id), "round": s.round.slug, "url": address(s.round.slug, s.need.id)}
                      for s in entry.same],
    }


@bp.get("/needs")
def needs():
    """The register as JSON: every need in every round, with its rounds and grants."""
    result = queries.page(filters(request.args), current_app.config.get("API_PER_PAGE", 100))
    address = NeedAddresses()
    return jsonify({"needs": [record(entry, address) for entry in result.entries],
                    "next": next_link("api.needs", result.next_after)})


for _path, _view in (("/rounds", api_lists.rounds), ("/grants", api_lists.grants),
                     ("/organisations", api_lists.organisations), ("/areas", api_lists.areas)):
    bp.add_url_rule(_path, view_func=_view, methods=["GET"])
csv_lists.register(bp)  # /api/rounds.csv, /api/grants.csv, ... each with its .csv-metadata.json


@bp.get("/needs.csv")
def needs_csv():
    """The whole register as CSV (UTF-8), with the JSON API's filters, described by needs.csv-metadata.json
    (CSV on the Web)."""
    address = NeedAddresses()
    records = (csv_data.record(entry, address(entry.round.slug, entry.need.id))
               for entry in csv_data.rows(filters(request.args)))
    return csv_lists.download(csv_data.table(records), "needs")


@bp.get("/needs.csv-metadata.json")
def needs_csv_metadata():
    """What each column of needs.csv holds, as CSV on the Web (W3C CSVW) metadata."""
    response = jsonify(csv_data.metadata(url_for("api.needs_csv", _external=True)))
    response.mimetype = "application/csvm+json"
    return response


@bp.get("/openapi.json")
def openapi():
    """The API described in OpenAPI 3.1, with a JSON Schema for each object."""
    return jsonify(document(url_for("api.needs", _external=True).removesuffix("/needs")))
