from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _

from app.accounts.current import can_sit_on_panel, current_user, requires
from app.panel import labels as panel_labels, rubric, services
from app.panel.rubric_forms import RubricForm
from app.rounds.phases import Action
from app.web import render_page, today

bp = Blueprint("rubric", __name__, url_prefix="/rounds/<slug>/panel/rubric")
NEW_ROWS = 2


def _initial(round_) -> dict:
    found, options = rubric.criteria(round_), rubric.settings(round_)
    rows = [{"criterion_id": c.id, "name": panel_labels.criterion_name(c), "weight": c.weight,
             **{f"anchor_{n}": text for n, text in c.anchors.items()}} for c in found]
    return {"criteria": rows + [{"weight": 1}] * NEW_ROWS, "blind": options.blind, "quorum": options.quorum,
            "name_conflicts": options.name_conflicts}


def _lines(round_, form) -> list[rubric.CriterionLine]:
    standard = {c.id: panel_labels.criterion_name(c) for c in rubric.criteria(round_) if c.standard and not c.name}
    lines = []
    for row in (entry.form for entry in form.criteria):
        name = row.name.data or ""
        # The standard question's words, unchanged in the reader's language, keep it standard (and translated).
        if standard.get(row.criterion_id.data) == name:
            name = ""
        lines.append(rubric.CriterionLine(row.criterion_id.data, name, row.weight.data or 1, row.anchors,
                                          row.remove.data))
    return lines


@bp.route("", methods=["GET", "POST"])
@requires(can_sit_on_panel)
def edit(round_, slug):
    """The panel's rubric: criteria, weights and what each mark means, and blind marking."""
    editable = Action.ENTER_APPLICATION in services.allowed(round_, round_.phase_on(today()))
    if request.method == "POST" and not editable:
        flash(panel_labels.refusal(services.Refusal.PUBLISHED if round_.decisions_published_at
                                   else Action.ENTER_APPLICATION), "error")
        return redirect(url_for("rubric.edit", slug=slug))
    form = RubricForm(data=None if request.method == "POST" else _initial(round_))
    if form.validate_on_submit():
        try:
            rubric.set_rubric(round_, _lines(round_, form), {"blind": form.blind.data, "quorum": form.quorum.data,
                                                                 "name_conflicts": form.name_conflicts.data}, current_user())
        except rubric.RubricRefusal as refused:
            flash(panel_labels.rubric_refusal(refused.reason), "error")
            return _page(round_, form, editable, 422)
        flash(_("The rubric is saved."), "success")
        return redirect(url_for("panel.index", slug=slug))
    return _page(round_, form, editable, 422 if form.errors else 200)


def _page(round_, form, editable, status):
    return render_page("panel/rubric.html", round=round_, form=form, editable=editable,
                       marking_started=rubric.marking_started(round_), status=status)
