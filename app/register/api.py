"""The register's read-only JSON API: open to every site (CORS), no key, paginated by a cursor."""
from datetime import datetime, timezone

from flask import Blueprint, current_app, jsonify, request, url_for
from flask_babel import gettext as _

from app.money import json_number
from app.register import queries
from app.register.openapi import document
from app.register.status import RegisterStatus

bp = Blueprint("api", __name__, url_prefix="/api")


class BadFilter(ValueError):
    pass


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
    since = args.get("updated_since", "")
    try:
        when = datetime.fromisoformat(since) if since else None
    except ValueError:
        raise BadFilter(_("updated_since must be a date or date-time, for example 2026-12-01T09:00:00Z.")) from None
    if when is not None and when.tzinfo is None:
        when = when.replace(tzinfo=timezone.utc)
    after = args.get("after", "0")
    if not after.isdigit() or len(after) > 18:
        raise BadFilter(_("after must be a need id from the previous page's next link."))
    return queries.Filters(area=args.get("area", "").strip(), status=RegisterStatus(status) if status else None,
                           updated_since=when, after=int(after))


def record(entry: queries.Entry) -> dict:
    need = entry.need
    return {
        "id": str(need.id),
        "url": url_for("needs.show", slug=need.round.slug, need_id=need.id, _external=True),
        "title": need.title,
        "language": need.language,
        "status": entry.status.value,
        "area": {"name": need.area or None, "code": need.area_code or None},
        "rounds": [{"round": p.round.slug, "rank": p.place, "support": p.support} for p in entry.rounds],
        "grants": [{"id": g.id, "funder": g.funder, "amount": json_number(g.round.amount(g.amount)),
                    "currency": g.round.currency, "round": g.round.slug} for g in entry.grants],
        "evidence": [{"title": e.title, "url": e.url, "date": e.published_on.isoformat()} for e in entry.evidence],
    }


@bp.get("/needs")
def needs():
    """The register as JSON: every need in every round, with its rounds and grants."""
    found = filters(request.args)
    result = queries.page(found, current_app.config.get("API_PER_PAGE", 100))
    following = None
    if result.next_after is not None:
        args = {k: v for k, v in request.args.items() if k != "after"}
        following = url_for("api.needs", **args, after=result.next_after, _external=True)
    return jsonify({"needs": [record(entry) for entry in result.entries], "next": following})


@bp.get("/openapi.json")
def openapi():
    """The API described in OpenAPI 3.1, with a JSON Schema for each object."""
    return jsonify(document(url_for("api.needs", _external=True).removesuffix("/needs")))
