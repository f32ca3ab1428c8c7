"""Error pages in the visitor's language."""
from functools import wraps

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext as _
from flask_wtf.csrf import CSRFError
from werkzeug.exceptions import HTTPException

from app.access.gates import join_redirect
from app.extensions import db
from app.participation import DeclarationRequired, JoinRequired


def _wants_json() -> bool:
    return request.path.endswith(".json") or request.path == "/healthz"


def _page(error: HTTPException, title: str, message: str):
    if _wants_json():
        return jsonify({"error": error.name}), error.code
    return render_template("errors/error.html", title=title, message=message), error.code


def _handler(app: Flask, error):
    """Registers a handler that rolls the session back first: after a failed write it refuses every
    query, and the page itself reads the signed-in user."""
    def register(handle):
        @wraps(handle)
        def rolled_back(exception):
            db.session.rollback()
            return handle(exception)
        return app.errorhandler(error)(rolled_back)
    return register


def init_app(app: Flask) -> None:
    @_handler(app, 400)
    def bad_request(error):
        return _page(error, _("We could not read that"),
                     _("The address or form held something we cannot read, such as an invisible control character. "
                       "Check the link, or go back and try again."))

    @_handler(app, 404)
    def not_found(error):
        return _page(error, _("Page not found"), _("We could not find that page. It may have moved, or the link may be wrong."))

    @_handler(app, CSRFError)
    def csrf_failed(error):
        return _page(error, _("Your form expired"), _("For your safety this form could not be sent. Go back, reload the page and try again."))

    @_handler(app, 403)
    def forbidden(error):
        return _page(error, _("Not allowed"), _("Your account cannot open this page."))

    @_handler(app, 405)
    def not_allowed(error):
        return _page(error, _("Not allowed"), _("This address does not accept that kind of request."))

    @_handler(app, 413)
    def too_large(error):
        return _page(error, _("Too much text"), _("What you sent was too large. Please shorten it and try again."))

    @_handler(app, 429)
    def too_many(error):
        return _page(error, _("Too many tries"), _("Please wait a minute, then try again."))

    @_handler(app, JoinRequired)
    def join_first(error):
        return join_redirect(error.round)

    @_handler(app, DeclarationRequired)
    def declare_first(error):
        return join_redirect(error.round, "access.eligibility")

    @_handler(app, 500)
    def server_error(error):
        return render_template("errors/error.html", title=_("Something went wrong"),
                               message=_("Nothing you sent was lost on our side. Please try again in a moment.")), 500
