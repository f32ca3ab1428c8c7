"""Facilitators carry unfunded needs from finished rounds into their round."""
from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.accounts.current import can_manage, current_user, requires
from app.extensions import db
from app.models import Need
from app.register import carrying
from app.register.carrying import Refusal
from app.web import render_page

bp = Blueprint("carry", __name__, url_prefix="/rounds/<slug>/carry")

REFUSALS = {
    Refusal.SAME_ROUND: _l("That need is in this round already."),
    Refusal.NOT_OPEN: _l("Only needs that are shown, not hidden or merged, can be carried."),
    Refusal.FUNDED: _l("That need was funded: it does not need carrying."),
    Refusal.NOT_OVER: _l("That need's round is still going: carry it once its ranking has closed."),
    Refusal.NOT_TAKING: _l("Needs can be carried into a round only while it takes needs (propose and discuss phases)."),
}


@bp.get("")
@requires(can_manage)
def index(round_, slug):
    """Unfunded needs of finished rounds that this round could take on."""
    q = request.args.get("q", "").strip()[:200]
    return render_page("register/carry.html", round=round_, q=q, needs=carrying.candidates(round_, q))


@bp.post("/<int:need_id>")
@requires(can_manage)
def carry(round_, slug, need_id):
    """Carry one need into this round; it keeps its address, history, comments and lineage."""
    need = db.session.get(Need, need_id)
    if need is None:
        flash(_("There is no such need."), "error")
        return redirect(url_for("carry.index", slug=slug))
    try:
        carrying.carry(need, round_, current_user())
    except carrying.CarryRefused as refused:
        db.session.rollback()
        flash(str(REFUSALS[refused.refusal]), "error")
        return redirect(url_for("carry.index", slug=slug))
    flash(_("The need is now in this round, with its history."), "success")
    return redirect(url_for("needs.show", slug=slug, need_id=need.id))
