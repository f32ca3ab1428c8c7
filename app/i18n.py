"""Which language a visitor sees, and the text direction that goes with it."""
from babel import Locale
from flask import current_app, request
from flask_babel import get_locale

LANGUAGE_COOKIE = "lang"


def select_locale() -> str:
    supported = current_app.config["LANGUAGES"]
    chosen = request.cookies.get(LANGUAGE_COOKIE)
    if chosen in supported:
        return chosen
    return request.accept_languages.best_match(supported) or current_app.config["BABEL_DEFAULT_LOCALE"]


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
