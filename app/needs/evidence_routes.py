"""Facilitators attach evidence to a need, correct it, or take it off."""
from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _

from app.accounts.current import can_manage, current_user, requires
from app.extensions import db
from app.loaders import get_need
from app.models import NeedEvidence
from app.needs import evidence as evidence_service
from app.needs.forms import EvidenceForm
from app.web import render_page

bp = Blueprint("evidence", __name__, url_prefix="/rounds/<slug>/needs/<int:need_id>/evidence")


def _item(need, evidence_id: int) -> NeedEvidence:
    item = db.session.get(NeedEvidence, evidence_id)
    if item is None or item.need_id != need.id:
        abort(404)
    return item


def _back(slug, need):
    return redirect(url_for("needs.show", slug=slug, need_id=need.id, _anchor="evidence"))


@bp.route("", methods=["GET", "POST"])
@requires(can_manage)
def attach(round_, slug, need_id):
    """Facilitators attach a dataset or report as evidence of the need."""
    need = get_need(round_, need_id)
    form = EvidenceForm()
    if form.validate_on_submit():
        evidence_service.attach(need, form.title.data, form.url.data, form.published_on.data, current_user())
        flash(_("The evidence is attached to the need."), "success")
        return _back(slug, need)
    return render_page("needs/evidence.html", round=round_, need=need, form=form, item=None,
                       status=422 if form.errors else 200)


@bp.route("/<int:evidence_id>", methods=["GET", "POST"])
@requires(can_manage)
def edit(round_, slug, need_id, evidence_id):
    """Correct the evidence's title, web address or date."""
    need = get_need(round_, need_id)
    item = _item(need, evidence_id)
    form = EvidenceForm(obj=item)
    if form.validate_on_submit():
        evidence_service.edit(item, form.title.data, form.url.data, form.published_on.data, current_user())
        flash(_("The evidence is corrected."), "success")
        return _back(slug, need)
    return render_page("needs/evidence.html", round=round_, need=need, form=form, item=item,
                       status=422 if form.errors else 200)


@bp.post("/<int:evidence_id>/remove")
@requires(can_manage)
def remove(round_, slug, need_id, evidence_id):
    """Take the evidence off the need (the audit log keeps what it was)."""
    need = get_need(round_, need_id)
    evidence_service.remove(_item(need, evidence_id), current_user())
    flash(_("The evidence is removed from the need."), "success")
    return _back(slug, need)
