"""Input the database cannot hold is refused at the door, with a page in the visitor's language.

Ids in addresses are bounded to the database's integer range (a larger one names nothing: 404), and a
NUL character, which PostgreSQL cannot store or even compare in text, is refused in an address (404)
or its query string (400). Form fields refuse NUL themselves (app/forms.py), keeping what was typed."""
from flask import Flask, abort, request
from werkzeug.routing import IntegerConverter

from app.bounds import LARGEST_ID


# Where to go next is never stored nor looked up: `safe_next` refuses one with a control character and goes
# home instead, as for any other unsafe address.
ONWARD = frozenset({"next"})


class BoundedInt(IntegerConverter):
    """`<int:...>` in every route: ASCII digits up to the largest id the database holds."""
    regex = r"[0-9]{1,10}"

    def __init__(self, map, fixed_digits=0, min=None, max=LARGEST_ID, signed=False):
        super().__init__(map, fixed_digits, min, max, signed)


def _refuse_nul() -> None:
    if "\x00" in request.path:
        abort(404)
    if any("\x00" in key or "\x00" in value for key, value in request.args.items(multi=True) if key not in ONWARD):
        abort(400)


def init_app(app: Flask) -> None:
    """Before any blueprint is registered, so that every `<int:...>` rule is bounded."""
    app.url_map.converters["int"] = BoundedInt
    app.before_request(_refuse_nul)
