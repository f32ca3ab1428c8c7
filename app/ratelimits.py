"""Rate limits, keyed on this browser as well as on the address.

A venue's Wi-Fi puts sixty phones behind one address, so each phone gets its own allowance and the
address a far larger one. Only refused attempts count against joining and signing in: a resident
typing their code right never uses up anyone's tries, while someone guessing codes soon gets a 429.
"""
import secrets

from flask import current_app, session
from flask_limiter.util import get_remote_address

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
    """For codes and passwords: only wrong ones are counted."""
    return _stack(view,
                  limiter.limit(_setting("WRONG_TRIES_DEVICE_LIMIT"), key_func=device, deduct_when=_refused),
                  limiter.limit(_setting("WRONG_TRIES_ADDRESS_LIMIT"), key_func=address, deduct_when=_refused))


def mail_requests(view):
    """For forms that send an email: a few a minute from one browser or address."""
    return _stack(view,
                  limiter.limit(_setting("MAIL_DEVICE_LIMIT"), key_func=device, methods=["POST"]),
                  limiter.limit(_setting("MAIL_ADDRESS_LIMIT"), key_func=address, methods=["POST"]))
