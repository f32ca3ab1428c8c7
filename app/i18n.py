"""Which language a visitor sees, and the text direction that goes with it.

The visitor's own choice (the switcher, remembered in a cookie) comes first, then their browser's
Accept-Language, then the round's own language; a round may offer only some languages.
"""
from functools import lru_cache

from babel import Locale
from flask import current_app, has_request_context, request
from flask_babel import get_locale

from app.loaders import find_round

LANGUAGE_COOKIE = "lang"
# Dates and numbers follow the region residents live in: British English, not American; the
# Portuguese catalog is written in European Portuguese, so it is labelled and formatted as such.
REGIONAL_FORMATS = {"en": "en_GB", "pt": "pt_PT"}


def page_round():
    """The round the page belongs to, if any (its slug is in the address)."""
    slug = (request.view_args or {}).get("slug") if has_request_context() else None
    return find_round(slug) if slug else None


def offered_languages() -> list[str]:
    available = current_app.config["LANGUAGES"]
    round_ = page_round() if has_request_context() else None
    return round_.offered_languages(available) if round_ else list(available)


def select_locale() -> str:
    offered = offered_languages()
    round_ = page_round()
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen not in offered:
        chosen = request.accept_languages.best_match(offered)
    if chosen is None:
        default = round_.language if round_ else current_app.config["BABEL_DEFAULT_LOCALE"]
        chosen = default if default in offered else offered[0]
    return REGIONAL_FORMATS.get(chosen, chosen)


def language_code() -> str:
    """The visitor's language without its region: "en", "ar"."""
    return get_locale().language


def language_tag() -> str:
    """The visitor's locale as a BCP 47 tag for lang attributes: "en-GB", "ar"."""
    return str(get_locale()).replace("_", "-")


def text_direction() -> str:
    return get_locale().text_direction


@lru_cache(maxsize=1024)
def language_name(code: str, in_locale: str | None = None) -> str:
    """A language's name, in its own script unless another locale is asked for."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError):
        return code
    name = locale.get_display_name(in_locale or locale) or code
    return name[:1].upper() + name[1:]
