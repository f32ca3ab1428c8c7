"""Reading the API's query strings: a value that cannot be read is refused with a 400, never ignored."""
from datetime import datetime, timezone

from flask import request, url_for
from flask_babel import gettext as _

from app.bounds import parse_int


class BadFilter(ValueError):
    pass


def since(args) -> datetime | None:
    value = args.get("updated_since", "")
    try:
        when = datetime.fromisoformat(value) if value else None
    except ValueError:
        raise BadFilter(_("updated_since must be a date or date-time, for example 2026-12-01T09:00:00Z.")) from None
    return when.replace(tzinfo=timezone.utc) if when is not None and when.tzinfo is None else when


def after(args) -> int:
    try:
        return parse_int(args.get("after", "0"))
    except ValueError:
        raise BadFilter(_("after must be the cursor from the previous page's next link.")) from None


def choice(args, name: str, allowed: set[str]) -> str:
    value = args.get(name, "")
    if value and value not in allowed:
        raise BadFilter(_("Unknown %(name)s “%(value)s”: use one of %(choices)s.", name=name, value=value,
                          choices=", ".join(sorted(allowed))))
    return value


def next_link(endpoint: str, cursor: int | None) -> str | None:
    """The address of the next page, with the same filters, or None on the last page."""
    if cursor is None:
        return None
    args = {k: v for k, v in request.args.items() if k != "after"}
    return url_for(endpoint, **args, after=cursor, _external=True)
