"""Where a browser that cannot take part yet is sent: to join, or to answer who may take part, and back."""
from urllib.parse import urlsplit

from flask import make_response, redirect, request, url_for
from flask_babel import gettext as _

from app.extensions import htmx
from app.models import Access


def join_redirect(round_, endpoint=None):
    """Send a resident who cannot take part yet to the page that lets them, and back afterwards."""
    back = request.full_path.rstrip("?") if request.method == "GET" else _referring_path(round_)
    endpoint = endpoint or ("access.join_by_email" if round_.access == Access.EMAIL else "access.join")
    target = url_for(endpoint, slug=round_.slug, next=back)
    if htmx:
        response = make_response("", 204)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)


def _referring_path(round_) -> str:
    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.path:
        return referrer.path
    return url_for("rounds.show", slug=round_.slug)


def code_refusal(reason: str) -> str:
    """Why a typed access code lets nobody in, in words (services.CodeRefused.reason)."""
    return {
        "malformed": _("That is not an access code: codes have ten letters and numbers, like 7KQ2M-XW4PD."),
        "unknown": _("This code is not one of this round's codes. Check it against your card, or ask the organisers for a new card."),
        "void": _("This code has been cancelled by the organisers. Ask them for a new card."),
    }[reason]
