from urllib.parse import urlsplit

import segno
from flask import Blueprint, abort, flash, make_response, redirect, request, url_for
from flask_babel import gettext as _

from app.access import services
from app.access.codes import display
from app.access.forms import GenerateCodesForm, JoinForm, VoidCodeForm
from app.accounts.current import can_manage, current_user, require, staff_required
from app.extensions import htmx
from app.participation import remember
from app.ratelimits import refused_attempts
from app.rounds.routes import get_round
from app.web import render_page, safe_next

bp = Blueprint("access", __name__, url_prefix="/rounds/<slug>")

CARDS_PER_SHEET = 8


def _refusal(reason: str) -> str:
    return {
        "malformed": _("That is not an access code: codes have ten letters and numbers, like 7KQ2M-XW4PD."),
        "unknown": _("This code is not one of this round's codes. Check it against your card, or ask the organisers for a new card."),
        "void": _("This code has been cancelled by the organisers. Ask them for a new card."),
    }[reason]


def join_redirect(round_):
    """Send a resident who has not used a code to the join page, and back afterwards."""
    back = request.full_path.rstrip("?") if request.method == "GET" else _referring_path(round_)
    target = url_for("access.join", slug=round_.slug, next=back)
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


@bp.route("/join", methods=["GET", "POST"])
@refused_attempts
def join(slug):
    """The target of a card's QR code: the code's own participant starts or resumes here."""
    round_ = get_round(slug)
    if request.method == "GET":
        form = JoinForm(formdata=request.args if "code" in request.args else None, meta={"csrf": False})
        if "code" not in request.args:
            return render_page("access/join.html", round=round_, form=JoinForm(next=request.args.get("next", "")))
        typed = request.args.get("code", "")
    else:
        form = JoinForm()
        if not form.validate_on_submit():
            return render_page("access/join.html", round=round_, form=form, status=422)
        typed = form.code.data
    try:
        participant = services.redeem(round_, typed)
    except services.CodeRefused as refused:
        form.code.errors = [*form.code.errors, _refusal(refused.reason)]
        # A typed code comes back with 422 so htmx shows the page; a scanned one says what happened.
        status = 422 if request.method == "POST" else 400 if refused.reason == "malformed" else 404
        return render_page("access/join.html", round=round_, form=form, status=status)
    remember(round_, participant)
    flash(_("You are in. Keep your card: the same code brings you back, on this phone or another."), "success")
    next_page = form.next.data
    return redirect(safe_next(next_page) if next_page else url_for("rounds.show", slug=round_.slug))


def _managed_round(slug):
    round_ = get_round(slug)
    require(can_manage(current_user(), round_))
    return round_


def _codes_page(round_, form, status=200):
    return render_page("access/codes.html", round=round_, form=form, void_form=VoidCodeForm(),
                       counts=services.counts(round_), codes=services.codes_of(round_), display=display,
                       status=status)


@bp.get("/codes")
@staff_required
def codes(slug):
    """A facilitator's view of the round's access codes: how many were used, and which are void."""
    round_ = _managed_round(slug)
    return _codes_page(round_, GenerateCodesForm())


@bp.post("/codes")
@staff_required
def generate(slug):
    round_ = _managed_round(slug)
    form = GenerateCodesForm()
    if not form.validate_on_submit():
        return _codes_page(round_, form, status=422)
    made = services.generate(round_, form.count.data, current_user())
    flash(_("%(count)d new codes are ready to print.", count=len(made)), "success")
    return redirect(url_for("access.codes", slug=round_.slug, _anchor=f"batch-{made[0].batch}"))


@bp.post("/codes/<int:code_id>/void")
@staff_required
def void(slug, code_id):
    round_ = _managed_round(slug)
    if not VoidCodeForm().validate_on_submit():
        abort(400)
    access = services.void(round_, code_id, current_user())
    if access is None:
        abort(404)
    flash(_("Code %(code)s is cancelled: it lets nobody in any more.", code=display(access.code)), "success")
    return redirect(url_for("access.codes", slug=round_.slug))


@bp.get("/codes/cards")
@staff_required
def cards(slug):
    """Unused codes as cards to print and cut, eight to a sheet of A4, each with a QR code."""
    round_ = _managed_round(slug)
    batch = request.args.get("batch", type=int)
    unused = services.codes_of(round_, batch=batch, status="unused")
    cards = [_card(round_, access) for access in unused]
    sheets = [cards[i:i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]
    return render_page("access/cards.html", round=round_, sheets=sheets, batch=batch)


def _card(round_, access) -> dict:
    link = url_for("access.join", slug=round_.slug, code=access.code, _external=True)
    qr = segno.make(link, error="m").svg_inline(scale=3, svgclass="card-qr")
    return {"code": display(access.code), "link": link, "qr": qr,
            "join": url_for("access.join", slug=round_.slug, _external=True)}
