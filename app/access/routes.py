import json

import segno
from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _

from app.bounds import parse_int
from app import labels, mail
from app.access import email_links, services
from app.access.eligibility import outward
from app.access.forms import ConfirmForm, EmailJoinForm, GenerateCodesForm, JoinForm, VoidCodeForm, eligibility_form
from app.access.gates import code_refusal, join_redirect
from app.accounts.current import can_manage, current_user, requires
from app.extensions import db, writes
from app.loaders import get_round
from app.participation import current_participant, must_join, new_participant, remember
from app.ratelimits import mail_requests, refused_attempts, resident_writes
from app.readable import display
from app.web import render_page, safe_next
from app.workshops.services import note_arrival

bp = Blueprint("access", __name__, url_prefix="/rounds/<slug>")

CARDS_PER_SHEET = 8


@bp.route("/join", methods=["GET", "POST"])
@writes
@refused_attempts
def join(slug):
    """The target of a card's QR code: the code's own participant starts or resumes here."""
    round_ = get_round(slug)
    if request.method == "POST":
        form = JoinForm()
        if not form.validate_on_submit():
            return render_page("access/join.html", round=round_, form=form, status=422)
    else:
        # A scanned code arrives in the address; the form shows it, ready to correct and send.
        form = JoinForm(formdata=None, code=request.args.get("code", ""), next=request.args.get("next", ""))
        if "code" not in request.args:
            return render_page("access/join.html", round=round_, form=form)
    holder = current_participant(round_)
    if holder is not None and services.belongs_elsewhere(round_, form.code.data, holder):
        if request.form.get("choice") != "switch":
            return _choose_card(round_, form)
    try:
        participant = services.redeem(round_, form.code.data)
    except services.CodeRefused as refused:
        form.code.errors = [*form.code.errors, code_refusal(refused.reason)]
        # A typed code comes back with 422 so htmx shows the page; a scanned one says what happened.
        status = 422 if request.method == "POST" else 400 if refused.reason == "malformed" else 404
        return render_page("access/join.html", round=round_, form=form, status=status)
    remember(round_, participant)
    note_arrival(round_, participant)
    flash(_("You are in. Keep your card: the same code brings you back, on this phone or another."), "success")
    return _onward(round_, form.next.data)


def _choose_card(round_, form):
    """This browser already holds another code in the round: it asks which to keep, and never switches by itself."""
    if request.method == "POST" and request.form.get("choice") == "keep":
        flash(_("You kept your own card. The other card was not used."), "success")
        return _onward(round_, form.next.data)
    return render_page("access/choose_card.html", round=round_, form=form, code=display(form.code.data.upper()))


def _onward(round_, next_page):
    return redirect(safe_next(next_page, url_for("rounds.show", slug=round_.slug)))


@bp.route("/join/email", methods=["GET", "POST"])
@mail_requests
def join_by_email(slug):
    """A resident asks for a one-time sign-in link; the page says the same whatever the address."""
    round_ = get_round(slug)
    form = EmailJoinForm(next=request.args.get("next", ""))
    if form.validate_on_submit():
        link_id, secret = email_links.new_link(round_, form.email.data)
        link = url_for("access.email_link", slug=round_.slug, link_id=link_id, secret=secret,
                       next=form.next.data or None, _external=True)
        mail.send(form.email.data.strip(), _("Your link to take part in %(round)s", round=round_.title), _(
            "Open this link within an hour to take part in %(round)s:\n\n%(link)s\n\n"
            "It works once. If you did not ask for it, ignore this message.", round=round_.title, link=link))
        return render_page("access/email_sent.html", round=round_)
    return render_page("access/join_email.html", round=round_, form=form, status=422 if form.errors else 200)


@bp.route("/join/email/<int:link_id>/<secret>", methods=["GET", "POST"])
@refused_attempts
def email_link(slug, link_id, secret):
    """The emailed link opens a page with one button, so mail scanners that open links use up nothing."""
    round_ = get_round(slug)
    form = ConfirmForm()
    if form.validate_on_submit():
        try:
            participant = email_links.redeem(round_, link_id, secret)
        except email_links.LinkRefused as refused:
            return render_page("accounts/link_refused.html", message=labels.link_refusal(refused.reason), status=404)
        remember(round_, participant)
        flash(_("You are in. To come back on another phone, ask for a new link with the same address."), "success")
        return _onward(round_, request.args.get("next"))
    return render_page("access/email_confirm.html", round=round_, form=form)


@bp.route("/eligibility", methods=["GET", "POST"])
@resident_writes
def eligibility(slug):
    """The round's own questions about who may take part, answered once and kept as a declaration."""
    round_ = get_round(slug)
    if must_join(round_):
        return join_redirect(round_)
    form = eligibility_form(round_, next=request.args.get("next", ""))
    if form.validate_on_submit():
        participant = current_participant(round_) or new_participant(round_)
        participant.declaration = json.dumps({
            "statements": round_.eligibility,
            "postcode": outward(form.postcode.data) if "postcode" in form else "",
        }, ensure_ascii=False)
        db.session.commit()
        return _onward(round_, form.next.data)
    return render_page("access/eligibility.html", round=round_, form=form, status=422 if form.errors else 200)


def _codes_page(round_, form, status=200):
    return render_page("access/codes.html", round=round_, form=form, void_form=VoidCodeForm(),
                       counts=services.counts(round_), codes=services.codes_of(round_),
                       status=status)


@bp.get("/codes")
@requires(can_manage)
def codes(round_, slug):
    """A facilitator's view of the round's access codes: how many were used, and which are void."""
    return _codes_page(round_, GenerateCodesForm())


@bp.post("/codes")
@requires(can_manage)
def generate(round_, slug):
    form = GenerateCodesForm()
    if not form.validate_on_submit():
        return _codes_page(round_, form, status=422)
    made = services.generate(round_, form.count.data, current_user())
    flash(_("%(count)d new codes are ready to print.", count=len(made)), "success")
    return redirect(url_for("access.codes", slug=round_.slug, _anchor=f"batch-{made[0].batch}"))


@bp.post("/codes/<int:code_id>/void")
@requires(can_manage)
def void(round_, slug, code_id):
    if not VoidCodeForm().validate_on_submit():
        abort(400)
    access = services.void(round_, code_id, current_user())
    if access is None:
        abort(404)
    flash(_("Code %(code)s is cancelled: it lets nobody in any more.", code=display(access.code)), "success")
    return redirect(url_for("access.codes", slug=round_.slug))


@bp.get("/codes/cards")
@requires(can_manage)
def cards(round_, slug):
    """Unused codes as cards to print and cut, eight to a sheet of A4, each with a QR code."""
    batch = request.args.get("batch", type=parse_int)
    unused = services.codes_of(round_, batch=batch, status="unused")
    cards = [_card(round_, access) for access in unused]
    sheets = [cards[i:i + CARDS_PER_SHEET] for i in range(0, len(cards), CARDS_PER_SHEET)]
    return render_page("access/cards.html", round=round_, sheets=sheets, batch=batch)


def _card(round_, access) -> dict:
    link = url_for("access.join", slug=round_.slug, code=access.code, _external=True)
    # A viewBox and no fixed size: the stylesheet scales the code whole, its four-module quiet zone included.
    qr = segno.make(link, error="m").svg_inline(border=4, omitsize=True, svgclass="card-qr")
    return {"code": display(access.code), "link": link, "qr": qr,
            "join": url_for("access.join", slug=round_.slug, _external=True)}
