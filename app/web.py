"""Cross-cutting web behaviour: page-or-fragment rendering, security headers, template globals."""
import hashlib
import re
import unicodedata
from decimal import Decimal
from fractions import Fraction
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit
from datetime import date, datetime, timedelta

from flask import Flask, current_app, make_response, render_template, request, url_for
from flask.json.provider import DefaultJSONProvider
from flask.sessions import SecureCookieSessionInterface
from flask_babel import format_currency, format_date, format_decimal, format_timedelta, get_locale

from app import labels
from app.accounts.current import current_user
from app.extensions import configure_sqlite, db, htmx
from app.i18n import language_code, language_tag, offered_languages, text_direction
from app.models.base import utcnow
from app import readable
from app.money import dumps_exact, shown
from app.rounds.phases import Action

CONTENT_SECURITY_POLICY = "; ".join([
    "default-src 'self'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
])


def wants_fragment() -> bool:
    """htmx asked for a piece of a page; boosted links and history restores want the whole page."""
    return bool(htmx) and not htmx.boosted and not htmx.history_restore_request


def render_page(page_template: str, fragment_template: str | None = None, status: int = 200, **context):
    """Render the full page, or just its fragment for htmx; the page includes the fragment."""
    template = fragment_template if fragment_template and wants_fragment() else page_template
    response = make_response(render_template(template, **context), status)
    response.vary.add("HX-Request")
    return response


@lru_cache(maxsize=64)
def _fingerprint(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()[:12]


def asset(filename: str) -> str:
    """A static file's URL with its content hash, so phones can cache it for a year."""
    version = _fingerprint(str(Path(current_app.static_folder) / filename))
    return url_for("static", filename=filename, v=version)


def today() -> date:
    return date.today()


def _security_headers(response):
    response.headers.setdefault("Content-Security-Policy", CONTENT_SECURITY_POLICY)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "same-origin")
    response.headers.setdefault("X-Frame-Options", "DENY")
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
    if response.mimetype == "text/html":
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
    return response


# Pages that show access codes, cards, a secret link or a resident's own data and ballot.
PRIVATE_PAGES = frozenset({"access.codes", "access.cards", "access.join", "access.email_link", "ballots.ballot",
                           "privacy.my_data", "progress.report",
                           "applications.mine"})


def _private_pages_not_stored(response):
    """No browser or proxy keeps a copy of staff pages or private ones (a shared phone's back button)."""
    if request.endpoint in PRIVATE_PAGES or (request.endpoint != "static" and current_user() is not None):
        response.headers["Cache-Control"] = "no-store"
    return response


def _template_globals():
    return {
        "locale": language_code(),
        "offered_languages": offered_languages(),
        "locale_tag": language_tag(),
        "text_direction": text_direction(),
        "current_user": current_user(),
        "labels": labels,
        "today": today(),
        "Action": Action,
    }


def money(amount: Decimal | Fraction | int | None, currency: str | None) -> str:
    """The one way money is written for people: a computed share to the cent, whole sums without decimals."""
    if amount is None:
        return ""
    amount = shown(amount)
    if not currency:
        return format_decimal(amount)
    if amount != int(amount):
        return format_currency(amount, currency)
    # Whole amounts read better without ",00": the locale's pattern, without the decimals.
    pattern = re.sub(r"\.0+", "", get_locale().currency_formats["standard"].pattern)
    return format_currency(amount, currency, format=pattern, currency_digits=False)


def time_since(moment: datetime) -> str:
    """"3 hours ago" in the visitor's language for the last week; the date once it is older."""
    passed = utcnow() - moment
    if passed > timedelta(days=7):
        return format_date(moment, "medium")
    return format_timedelta(-max(passed, timedelta(0)), granularity="minute", add_direction=True)


def long_date(moment: datetime | date) -> str:
    return format_date(moment, "long")


def date_and_countdown(day: date) -> str:
    """"12 December 2026 (in 11 days)": days stay days until three weeks or so."""
    when = format_date(day, "long")
    if day <= today():
        return when
    return f"{when} ({format_timedelta(day - today(), granularity='day', threshold=2, add_direction=True)})"


class ExactJSONProvider(DefaultJSONProvider):
    """Flask's JSON, with money (Decimals) written as exact number literals instead of strings."""

    def dumps(self, obj, **kwargs) -> str:
        kwargs.setdefault("default", self.default)
        kwargs.setdefault("ensure_ascii", self.ensure_ascii)
        kwargs.setdefault("sort_keys", self.sort_keys)
        return dumps_exact(obj, **kwargs)


class _SessionCookies(SecureCookieSessionInterface):
    """Over HTTPS the session cookie is always Secure, whatever the setting says."""
    def get_cookie_secure(self, app) -> bool:
        return super().get_cookie_secure(app) or request.is_secure


def init_app(app: Flask) -> None:
    app.session_interface = _SessionCookies()
    app.json = ExactJSONProvider(app)
    app.add_template_filter(money)
    app.add_template_filter(time_since)
    app.add_template_filter(long_date)
    app.add_template_filter(date_and_countdown)
    app.add_template_filter(readable.display, "readable")
    app.add_template_global(asset)
    app.after_request(_security_headers)
    app.after_request(_private_pages_not_stored)
    app.context_processor(_template_globals)
    with app.app_context():
        if db.engine.dialect.name == "sqlite":
            configure_sqlite(db.engine, app.config["SQLITE_BUSY_TIMEOUT_MS"])


def safe_next(target: str | None, default: str | None = None) -> str:
    """A same-site path to go back to, never another site: the one check for every `next` followed.

    Browsers drop tabs and newlines from addresses and read a backslash as a slash, so
    `/<tab>/evil.example` would become `//evil.example`: anything with a control or space
    character, a backslash, a scheme or a host is refused, after parsing, not by prefix."""
    if target and _same_site_path(target):
        return target
    return default or url_for("main.home")


def _same_site_path(target: str) -> bool:
    if "\\" in target or any(unicodedata.category(c)[0] in "CZ" for c in target):
        return False
    parts = urlsplit(target)
    # `///host` parses as a path but browsers read it as `//host`: the text itself must not start so.
    return (target.startswith("/") and not target.startswith("//") and not parts.scheme and not parts.netloc
            and parts.path.startswith("/"))
