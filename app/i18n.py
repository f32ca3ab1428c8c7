"""Which language a visitor sees, and the text direction that goes with it."""
from babel import Locale
from flask import current_app, request
from flask_babel import get_locale

LANGUAGE_COOKIE = "lang"
# Dates and numbers follow the region residents live in: British English, not American.
REGIONAL_FORMATS = {"en": "en_GB"}


def select_locale() -> str:
    supported = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen not in supported:
        chosen = request.accept_languages.best_match(supported) or current_app.config["BABEL_DEFAULT_LOCALE"]
    return REGIONAL_FORMATS.get(chosen, chosen)


def language_code() -> str:
    """The visitor's language without its region: "en", "ar"."""
    return get_locale().language


def language_tag() -> str:
    """The visitor's locale as a BCP 47 tag for lang attributes: "en-GB", "ar"."""
    return str(get_locale()).replace("_", "-")


def text_direction() -> str:
    return get_locale().text_direction


def language_name(code: str, in_locale: str | None = None) -> str:
    """A language's name, in its own script unless another locale is asked for."""
    try:
        locale = Locale.parse(code.replace("-", "_"))
    except (ValueError, TypeError):
        return code
    name = locale.get_display_name(in_locale or locale) or code
    return name[:1].upper() + name[1:]
