"""Facilitators link a need to the same need in another round, or undo the link."""
from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from app.accounts.current import can_manage, current_user, requires
from app.extensions import db
from app.loaders import get_need
from app.models import Need
from app.register import linking
from app.register.linking import Refusal
from app.web import render_page

bp = Blueprint("links", __name__, url_prefix="/rounds/<slug>/needs/<int:need_id>/same")

REFUSALS = {
    Refusal.SAME_ROUND: _l("Both needs are in this round: merge them instead."),
    Refusal.NOT_OPEN: _l("Only needs that are shown, not hidden or merged, can be linked."),
    Refusal.LINKED: _l("These needs are linked already."),
    Refusal.NOT_LINKED: _l("These needs are not linked."),
}


@bp.get("")
@requires(can_manage)
def index(round_, slug, need_id):
    """The needs this one is linked to, and needs of other rounds that may be the same."""
    need = get_need(round_, need_id)
    q = request.args.get("q", "").strip()[:200]
    linked, candidates = linking.linked_and_candidates(need, q)
    return render_page("register/links.html", round=round_, need=need, q=q, linked=linked, candidates=candidates)


def _act(round_, slug, need_id, other_id, action, done: str):
    need = get_need(round_, need_id)
    other = db.session.get(Need, other_id)
    if other is None:
        flash(_("There is no such need."), "error")
        return redirect(url_for("links.index", slug=slug, need_id=need.id))
    try:
        action(need, other, current_user())
    except linking.LinkRefused as refused:
        db.session.rollback()
        flash(str(REFUSALS[refused.refusal]), "error")
        return redirect(url_for("links.index", slug=slug, need_id=need.id))
    flash(done, "success")
    return redirect(url_for("needs.show", slug=slug, need_id=need.id, _anchor="same-need"))


@bp.post("/<int:other_id>")
@requires(can_manage)
def link(round_, slug, need_id, other_id):
    """Link the two needs: each keeps its page and support, and names the other."""
    return _act(round_, slug, need_id, other_id, linking.link, _("The needs are linked as the same need."))


@bp.post("/<int:other_id>/remove")
@requires(can_manage)
def unlink(round_, slug, need_id, other_id):
    """Undo the link between the two needs."""
    return _act(round_, slug, need_id, other_id, linking.unlink, _("The needs are no longer linked."))
