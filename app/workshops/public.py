"""What the room sees without signing in: the projector page and its snapshot, and the session join page."""
import segno
from flask import Blueprint, abort, jsonify, redirect, request, url_for
from flask_babel import force_locale, format_decimal
from flask_babel import gettext as _

from app.ballots.tally import counted_needs
from app.extensions import db
from app.i18n import REGIONAL_FORMATS
from app.models import Access, Need, Round
from app.models.base import utcnow
from app.participation import current_participant, new_participant
from app.ratelimits import refused_attempts
from app.web import render_page
from app.workshops import services, snapshot as snapshots, timer
from app.workshops.forms import JoinForm
from app.workshops.links import join_link

bp = Blueprint("projector", __name__)

SHOWN_ON_SCREEN = 10


def _live(token: str):
    session = services.by_token(token)
    if session is None:
        abort(404)
    return session


def projector_context(session, round_, shot) -> dict:
    needs = {need.public_id: need for need in counted_needs(round_)}
    shown_need = db.session.get(Need, session.shown_need_id) if session.shown_need_id else None
    dots = services.dots_of(session)
    return {"session": session, "round": round_, "snapshot": shot, "needs": needs,
            "top": [needs[i] for i in shot.ranking[:SHOWN_ON_SCREEN] if i in needs],
            "shown_need": shown_need, "shown_dots": dots.get(shown_need.id, 0) if shown_need else 0,
            "seconds_left": timer.seconds_left(shot.timer_ends_at, utcnow()), "clock": timer.clock, "number": format_decimal}


@bp.get("/workshops/<token>")
def projector(token):
    """The big screen: how to join, how many joined and voted, the countdown, and results once revealed."""
    session = _live(token)
    shot = services.current_snapshot(session)
    round_ = db.session.get(Round, session.round_id)
    link = join_link(session)
    language = session.language or round_.language
    with force_locale(REGIONAL_FORMATS.get(language, language)):
        response = render_page(
            "workshops/projector.html", "workshops/_projector.html", **projector_context(session, round_, shot),
            join_url=link, typed_address=link.split("://", 1)[-1],
            qr=segno.make(link, error="m").svg_inline(border=4, omitsize=True, svgclass="projector-qr"))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.get("/workshops/<token>/snapshot.json")
def snapshot(token):
    """The projector's state as JSON (CONTRACT.md): counts, whether results show, the ranking, the timer."""
    shot = services.snapshot_by_token(token)
    if shot is None:
        abort(404)
    response = jsonify(snapshots.as_dict(shot))
    response.headers["Cache-Control"] = "no-store"
    return response


@bp.route("/w", methods=["GET", "POST"])
@refused_attempts
def join_form():
    """Residents type the session code from the big screen."""
    form = JoinForm(formdata=request.form if request.method == "POST" else None)
    if request.method == "POST":
        if not form.validate_on_submit():
            return render_page("workshops/join.html", form=form, session=None, status=422)
        return _join(form.code.data, form, status=422)
    return render_page("workshops/join.html", form=form, session=None)


@bp.route("/w/<code>", methods=["GET", "POST"])
@refused_attempts
def join(code):
    """The target of the projector's QR code: open rounds let the resident in here; rounds with cards or
    emailed links send them on to their own way in."""
    form = JoinForm(code=code)
    if request.method == "POST" and not form.validate_on_submit():
        return render_page("workshops/join.html", form=form, session=None, status=422)
    return _join(code, form, status=404, confirm=request.method == "GET")


def _join(code: str, form: JoinForm, status: int, confirm: bool = False):
    session = services.by_join_code(code)
    if session is None:
        form.code.errors = [*form.code.errors, _("This is not the code of a session in progress. Check the big "
                                                 "screen: the code stops working when the session ends.")]
        return render_page("workshops/join.html", form=form, session=None, status=status)
    round_ = db.session.get(Round, session.round_id)
    ballot = url_for("ballots.ballot", slug=round_.slug)
    if round_.access == Access.CODES:
        return redirect(url_for("access.join", slug=round_.slug, next=ballot))
    if round_.access == Access.EMAIL:
        return redirect(url_for("access.join_by_email", slug=round_.slug, next=ballot))
    participant = current_participant(round_)
    if participant is None and confirm:
        return render_page("workshops/join.html", form=form, session=session, round=round_)
    participant = participant or new_participant(round_, form.display_name.data)
    services.attend(session, participant)
    db.session.commit()
    return redirect(ballot)
