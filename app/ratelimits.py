"""Rate limits, keyed on this browser as well as on the address.

A venue's Wi-Fi puts sixty phones behind one address, so each phone gets its own allowance and the
address a far larger one. Codes, links and passwords are checked first and limited after: a right one
is never refused and never counts, while a wrong one counts against the browser and the address that
sent it, and once either has used up its tries its wrong ones get a 429 instead of an answer.
"""
import secrets
from functools import wraps

from flask import abort, current_app, make_response, session
from flask_limiter.util import get_remote_address
from limits import parse_many

from app.extensions import limiter

DEVICE_KEY = "device"


def device() -> str:
    """A random name for this browser, kept in its session cookie."""
    if DEVICE_KEY not in session:
        session[DEVICE_KEY] = secrets.token_urlsafe(12)
    return "device:" + session[DEVICE_KEY]


def address() -> str:
    return "address:" + (get_remote_address() or "")


def _setting(name: str):
    return lambda: current_app.config[name]


def _refused(response) -> bool:
    return response.status_code in (400, 404, 422)


def _stack(view, *limits):
    for limit in limits:
        view = limit(view)
    return view


def resident_writes(view):
    """For what residents post: needs, comments, supports, reports and ballots."""
    return _stack(view,
                  limiter.limit(_setting("RESIDENT_DEVICE_LIMIT"), key_func=device, methods=["POST"]),
                  limiter.limit(_setting("RESIDENT_ADDRESS_LIMIT"), key_func=address, methods=["POST"]))


def refused_attempts(view):
    """For codes, links and passwords: only wrong ones are counted, and only wrong ones refused."""
    @wraps(view)
    def limited(*args, **kwargs):
        response = make_response(view(*args, **kwargs))
        if _refused(response) and not _count_wrong_try():
            abort(429)
        return response
    return limited


def _count_wrong_try() -> bool:
    """Counts one wrong try against this browser and its address; False once either is over its limit."""
    within = True
    prefix = current_app.config.get("RATELIMIT_KEY_PREFIX", "")
    for setting, key in (("WRONG_TRIES_DEVICE_LIMIT", device()), ("WRONG_TRIES_ADDRESS_LIMIT", address())):
        for limit in parse_many(current_app.config[setting]):
            within = limiter.limiter.hit(limit, prefix, "wrong-tries", key) and within
    return within


def mail_requests(view):
    """For forms that send an email: a few a minute from one browser or address."""
    return _stack(view,
                  limiter.limit(_setting("MAIL_DEVICE_LIMIT"), key_func=device, methods=["POST"]),
                  limiter.limit(_setting("MAIL_ADDRESS_LIMIT"), key_func=address, methods=["POST"]))
