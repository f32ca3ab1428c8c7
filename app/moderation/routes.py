from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _

from app import labels
from app.accounts.current import can_manage, can_moderate, current_user, requires
from app.loaders import get_comment, get_need
from app.models import NeedStatus
from app.moderation import queries, services
from app.moderation.forms import ActionForm, EditNeedForm, MergeForm, ReasonForm
from app.needs.categories import CATEGORIES
from app.extensions import db
from app.register import carrying
from app.register.carry_routes import REFUSALS
from app.web import render_page, safe_next

bp = Blueprint("moderation", __name__, url_prefix="/rounds/<slug>/moderation")


def _back(round_, need):
    return redirect(url_for("needs.show", slug=round_.slug, need_id=need.id))


@bp.get("")
@requires(can_moderate)
def queue(round_, slug):
    """Reported needs and comments waiting for a moderator."""
    return render_page("moderation/queue.html", round=round_, items=queries.queue(round_),
                       reason_form=ReasonForm(), action_form=ActionForm())


@bp.post("/needs/<int:need_id>/hide")
@bp.post("/needs/<int:need_id>/comments/<int:comment_id>/hide")
@requires(can_moderate)
def hide(round_, slug, need_id, comment_id=None):
    """Hide a need or a comment, with a reason shown in its place."""
    need = get_need(round_, need_id)
    comment = get_comment(need, comment_id) if comment_id else None
    form = ReasonForm()
    if not form.validate_on_submit():
        flash(_("To hide something, please give a reason."), "error")
    elif comment:
        services.hide_comment(comment, form.reason.data, current_user())
        flash(_("The comment is hidden."), "success")
    else:
        services.hide_need(need, form.reason.data, current_user())
        flash(_("The need is hidden."), "success")
    # From the queue, back to the queue for the next report; from the need's page, back to the need.
    return redirect(safe_next(request.form.get("next"), url_for("needs.show", slug=slug, need_id=need.id)))


@bp.post("/needs/<int:need_id>/restore")
@bp.post("/needs/<int:need_id>/comments/<int:comment_id>/restore")
@requires(can_moderate)
def restore(round_, slug, need_id, comment_id=None):
    """Show a hidden need or comment again."""
    need = get_need(round_, need_id)
    ActionForm().validate_on_submit() or abort(400)
    if comment_id:
        services.restore_comment(get_comment(need, comment_id), current_user())
        flash(_("The comment is shown again."), "success")
    else:
        services.restore_need(need, current_user())
        flash(_("The need is shown again."), "success")
    return _back(round_, need)


@bp.post("/needs/<int:need_id>/dismiss")
@bp.post("/needs/<int:need_id>/comments/<int:comment_id>/dismiss")
@requires(can_moderate)
def dismiss(round_, slug, need_id, comment_id=None):
    """Close the reports on an item and leave it as it is."""
    need = get_need(round_, need_id)
    ActionForm().validate_on_submit() or abort(400)
    services.dismiss_reports(need, get_comment(need, comment_id) if comment_id else None, current_user())
    flash(_("The reports are closed and the item stays up."), "success")
    return redirect(url_for("moderation.queue", slug=slug))


@bp.route("/needs/<int:need_id>/edit", methods=["GET", "POST"])
@requires(can_moderate)
def edit_need(round_, slug, need_id):
    """Correct a need's text; the earlier words stay in its public history."""
    need = get_need(round_, need_id)
    form = EditNeedForm(obj=need, areas=round_.area_choices,
                        categories=[(code, labels.category(code)) for code in CATEGORIES])
    if not form.is_submitted():
        form.reason.data = ""
    if form.validate_on_submit():
        services.edit_need(need, form.data, form.reason.data, current_user())
        flash(_("The need was saved. Its earlier words are in its history."), "success")
        return _back(round_, need)
    return render_page("moderation/edit.html", round=round_, need=need, form=form,
                       status=422 if form.errors else 200)


def _merge_label(need, round_) -> str:
    if need.round_id == round_.id:
        return f"#{need.id} {need.title}"
    return _("#%(id)d %(title)s (from %(round)s)", id=need.id, title=need.title, round=need.round.title)


@bp.route("/needs/<int:need_id>/merge", methods=["GET", "POST"])
@requires(can_moderate)
def merge_need(round_, slug, need_id):
    """Merge a duplicate into another need of the round."""
    need = get_need(round_, need_id)
    if need.status != NeedStatus.OPEN:
        flash(_("Only needs that are shown can be merged."), "error")
        return _back(round_, need)
    choices = carrying.merge_choices(need, can_manage(current_user(), round_))
    form = MergeForm(candidates=[(n.id, _merge_label(n, round_)) for n in choices])
    if form.validate_on_submit():
        kept = next(n for n in choices if n.id == form.kept.data)
        try:
            carrying.merge(need, kept, form.reason.data, current_user())
        except carrying.CarryRefused as refused:
            db.session.rollback()
            flash(str(REFUSALS[refused.refusal]), "error")
            return _back(round_, need)
        flash(_("The needs were merged."), "success")
        return _back(round_, kept)
    return render_page("moderation/merge.html", round=round_, need=need, form=form,
                       status=422 if form.errors else 200)
