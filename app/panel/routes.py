from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _, ngettext

from app.ballots.tally import counted_needs
from app.accounts.current import can_manage, can_sit_on_panel, current_user, requires
from app.loaders import get_application
from app.applications import notices, services as application_services
from app.panel import (agreement, declarations, duplicates, feedback, labels as panel_labels, quality, rubric,
                       services)
from app.panel.forms import (ApplicationForm, ConflictForm, DecisionsForm, DetailsForm, FunderForm, MarksForm,
                             NoConflictForm, PublishForm)
from app.organisations.services import PledgeLine, set_pledges
from app.progress.forms import CompleteForm, LinkForm
from app.rounds.phases import Action
from app.panel.views import decision_rows, need_order
from app.rounds.services import update_round
from app.voting.quorum import may_confirm
from app.voting.rubric import weighted_mark
from app.web import render_page, today

bp = Blueprint("panel", __name__, url_prefix="/rounds/<slug>/panel")


@bp.get("")
@requires(can_sit_on_panel)
def index(round_, slug):
    """The panel's table: applications under the community's needs, a suggestion, and the decisions."""
    return _index_page(round_)


def _index_page(round_, form=None, status=200):
    apps = services.applications(round_)
    rules = services.suggestion_rules(round_)
    rule = request.args.get("rule") if request.args.get("rule") in rules else (rules[0] if rules else None)
    ranking = services.community_ranking(round_)
    suggestion = services.suggest(round_, apps, rule, ranking) if rule else None
    user = current_user()
    rows = decision_rows(round_, apps, suggestion, user)
    options = rubric.settings(round_)
    if form is None:
        form = DecisionsForm(data={"entries": [row.initial for row in rows if row.decidable],
                                   "rationale": round_.decision_rationale, "rule": rule or ""})
    return render_page(
        "panel/index.html", round=round_, needs=need_order(round_, apps, ranking), rows=rows, form=form,
        row_of={row.application.id: row for row in rows}, panel_labels=panel_labels,
        ready_to_publish=bool(apps) and all(a.decision for a in apps) and bool(round_.decision_rationale.strip()),
        entries={entry.application_id.data: entry for entry in form.entries}, rules=rules, rule=rule,
        suggestion=suggestion, publish_form=PublishForm(), can_manage=can_manage(user, round_),
        warned=duplicates.for_applications(round_, apps),
        funded=services.funded_total(apps), allowed=services.allowed(round_, round_.phase_on(today())),
        quorum=options.quorum, voted={a.id: len(agreement.votes_of(a)) for a in apps},
        checks=quality.warnings(round_, apps) if round_.decisions_published_at is None else {},
        asked_by=options.publication_asked_by_id, may_confirm=may_confirm(options.publication_asked_by_id, user.id),
        status=status)


@bp.get("/meeting")
@requires(can_sit_on_panel)
def meeting(round_, slug):
    """The meeting view: rank, weighted marks, spread, suggestion and decisions side by side."""
    apps = services.applications(round_)
    rules = services.suggestion_rules(round_)
    rule = request.args.get("rule") if request.args.get("rule") in rules else (rules[0] if rules else None)
    ranking = services.community_ranking(round_)
    suggestion = services.suggest(round_, apps, rule, ranking) if rule else None
    rows = decision_rows(round_, apps, suggestion, current_user())
    return render_page("panel/meeting.html", round=round_, needs=need_order(round_, apps, ranking),
                       row_of={row.application.id: row for row in rows}, rules=rules, rule=rule,
                       suggestion=suggestion, panel_labels=panel_labels, quorum=rubric.settings(round_).quorum,
                       voted={a.id: len(agreement.votes_of(a)) for a in apps})


@bp.route("/applications/new", methods=["GET", "POST"])
@requires(can_sit_on_panel)
def new_application(round_, slug):
    """Add an application a group sent to meet one of the round's needs."""
    needs = counted_needs(round_)
    form = ApplicationForm(needs=needs, money_scale=round_.money_scale)
    if form.validate_on_submit():
        need = next(n for n in needs if n.id == form.need.data)
        values = {name: getattr(form, name).data for name in ("applicant", "applicant_id", "title", "description",
                                                               "beneficiaries", "location")}
        try:
            application = services.add_application(
                round_, need, {**values, "amount": round_.stored(form.amount.data)}, current_user(),
                round_.phase_on(today()))
        except services.PanelError as refused:
            flash(panel_labels.refusal(refused.refusal), "error")
            return redirect(url_for("panel.index", slug=slug))
        flash(_("The application is added. Panel members can mark it now."), "success")
        return redirect(url_for("panel.application", slug=slug, application_id=application.id))
    return render_page("panel/new_application.html", round=round_, form=form, status=422 if form.errors else 200)


@bp.get("/applications/<int:application_id>")
@requires(can_sit_on_panel)
def application(round_, slug, application_id):
    """One application: its details, every member's marks, and this member's marks or conflict."""
    return _application_page(round_, get_application(round_, application_id))


def _marks_form(found, mine) -> MarksForm:
    entries = [{"criterion_id": c.id, "mark": m.mark if m else None, "comment": m.comment if m else ""}
               for c in found for m in [rubric.mark_of(mine, c)]]
    return MarksForm(data={"entries": entries, "comment": mine.comment if mine else ""})


def _application_page(round_, application, marks_form=None, conflict_form=None, status=200):
    user = current_user()
    mine = next((s for s in application.scores if s.user_id == user.id), None)
    found = rubric.criteria(round_)
    if marks_form is None:
        marks_form = _marks_form(found, mine)
    weights = rubric.rules(found)
    return render_page("panel/application.html", round=round_, application=application, marks_form=marks_form,
                       criteria=found, criterion_of={c.id: c for c in found}, mark_of=rubric.mark_of,
                       weighted={s.id: weighted_mark(s.sheet, weights) for s in application.scores
                                 if weights and {c.key for c in weights} <= set(s.sheet)},
                       hidden=rubric.identity_hidden(rubric.settings(round_), application),
                       conflict_form=conflict_form or ConflictForm(), conflicted=services.conflicted(application, user),
                       declared=services.declared(application, user), no_conflict_form=NoConflictForm(),
                       allowed=services.allowed(round_, round_.phase_on(today())), panel_labels=panel_labels,
                       link_form=LinkForm(data={"email": application.contact_email}), complete_form=CompleteForm(),
                       following=round_.phase_on(today()).allows(Action.REPORT_PROGRESS),
                       eligibility=application_services.answered(round_, application), status=status)


@bp.post("/applications/<int:application_id>/marks")
@requires(can_sit_on_panel)
def mark(round_, slug, application_id):
    """Record this member's marks for the application."""
    application = get_application(round_, application_id)
    form = MarksForm()
    if not form.validate_on_submit():
        return _application_page(round_, application, marks_form=form, status=422)
    given = {e.criterion_id.data: services.Given(e.mark.data, e.comment.data) for e in (f.form for f in form.entries)}
    try:
        services.mark(application, current_user(), given, form.comment.data or "", round_.phase_on(today()))
    except services.PanelError as refused:
        flash(panel_labels.refusal(refused.refusal, application=True), "error")
        return redirect(url_for("panel.application", slug=slug, application_id=application_id))
    flash(_("Your marks are saved."), "success")
    return redirect(url_for("panel.index", slug=slug))


@bp.post("/applications/<int:application_id>/conflict")
@requires(can_sit_on_panel)
def conflict(round_, slug, application_id):
    """Declare a conflict of interest: this member's marks and decisions stop counting for the application."""
    application = get_application(round_, application_id)
    form = ConflictForm()
    if not form.validate_on_submit():
        return _application_page(round_, application, conflict_form=form, status=422)
    try:
        services.declare_conflict(application, current_user(), form.reason.data, round_.phase_on(today()),
                                  form.name.data or "")
    except services.PanelError as refused:
        flash(panel_labels.refusal(refused.refusal), "error")
        return redirect(url_for("panel.application", slug=slug, application_id=application_id))
    flash(_("Your conflict of interest is recorded. You will not mark or decide this application."), "success")
    return redirect(url_for("panel.application", slug=slug, application_id=application_id))


@bp.post("/applications/<int:application_id>/no-conflict")
@requires(can_sit_on_panel)
def no_conflict(round_, slug, application_id):
    """Declare no conflict of interest with the application, and see it in full."""
    application = get_application(round_, application_id)
    NoConflictForm().validate_on_submit() or abort(400)
    try:
        declarations.declare_no_conflict(application, current_user(), round_.phase_on(today()))
    except services.PanelError as refused:
        flash(panel_labels.refusal(refused.refusal), "error")
    return redirect(url_for("panel.application", slug=slug, application_id=application_id))


@bp.route("/applications/<int:application_id>/details", methods=["GET", "POST"])
@requires(can_sit_on_panel)
def details(round_, slug, application_id):
    """Correct what a grant will publish, as the open data checks ask."""
    application = get_application(round_, application_id)
    hidden = rubric.identity_hidden(rubric.settings(round_), application)
    place = application.recipient_location
    form = DetailsForm(obj=application, data=None if request.method == "POST" else {
        "recipient_location": place.name if place else ""})
    if hidden:
        del form.applicant_id
    if form.validate_on_submit():
        values = {name: field.data or "" for name, field in form._fields.items() if name != "csrf_token"}
        try:
            quality.update_details(round_, application, values, current_user())
        except services.PanelError as refused:
            flash(panel_labels.refusal(refused.refusal), "error")
            return redirect(url_for("panel.index", slug=slug))
        flash(_("The details are saved."), "success")
        return redirect(url_for("panel.index", slug=slug, _anchor="checks"))
    return render_page("panel/details.html", round=round_, application=application, form=form,
                       found=quality.warnings(round_, [application]).get(application.id, []), panel_labels=panel_labels,
                       status=422 if form.errors else 200)


@bp.post("/decisions")
@requires(can_sit_on_panel)
def decide(round_, slug):
    """Record the panel's decisions on the applications and its reasons."""
    form = DecisionsForm(money_scale=round_.money_scale)
    if not form.validate_on_submit():
        return _index_page(round_, form=form, status=422)
    decided = {}
    for entry in form.entries:
        funded = entry.funded.data == "yes"
        amount = round_.stored(entry.amount.data) if funded and entry.amount.data is not None else None
        decided[entry.application_id.data] = services.Decided(funded, amount, entry.reason.data or "",
                                                              entry.departure_reason.data or "")
    try:
        agreement.record_votes(round_, decided, form.rationale.data, current_user(), round_.phase_on(today()),
                               form.rule.data)
    except services.PanelError as refused:
        flash(panel_labels.refusal(refused.refusal), "error")
        for entry in form.entries:
            if entry.application_id.data in refused.applications:
                entry.departure_reason.errors = [_("Please give the reason for this departure.")]
        return _index_page(round_, form=form, status=422)
    flash(_("Your decisions are recorded. Each stands once enough members agree."), "success")
    return redirect(url_for("panel.index", slug=slug))


@bp.post("/publish")
@requires(can_sit_on_panel)
def publish(round_, slug):
    """Publish the decisions: everyone sees them, with the reasons, and they become open data."""
    PublishForm().validate_on_submit() or abort(400)
    try:
        published = agreement.publish(round_, current_user(), round_.phase_on(today()))
    except services.PanelError as refused:
        flash(panel_labels.refusal(refused.refusal), "error")
        return redirect(url_for("panel.index", slug=slug))
    if not published:
        flash(_("You asked to publish the decisions. Another member confirms, and they are published."), "success")
        return redirect(url_for("panel.index", slug=slug))
    unsent = notices.tell_of_decisions(round_)
    flash(_("The decisions are published."), "success")
    if unsent:
        flash(ngettext("The mail to %(num)d group that applied online could not be sent: it can still open its "
                       "status page from the link it was sent when it applied.",
                       "The mail to %(num)d groups that applied online could not be sent: they can still open "
                       "their status pages from the links they were sent when they applied.", len(unsent)), "error")
    return redirect(url_for("grants.decisions", slug=slug))


@bp.get("/applications/<int:application_id>/feedback")
@requires(can_sit_on_panel)
def feedback_copy(round_, slug, application_id):
    """The feedback a group sees on its status page, to print or send to a group that applied on paper."""
    application = get_application(round_, application_id)
    told = feedback.for_applicant(round_, application, preview=True)
    return render_page("panel/feedback.html", round=round_, application=application, feedback=told,
                       panel_labels=panel_labels)


@bp.route("/funder", methods=["GET", "POST"])
@requires(can_manage)
def funder(round_, slug):
    """Facilitators: the funder's name and identifiers, for the open grants data."""
    form = FunderForm(obj=round_, money_scale=round_.money_scale, data=None if request.method == "POST" else {
        "co_funders": [{"name": p.organisation.name, "org_id": p.organisation.org_id, "amount": round_.amount(p.amount)}
                       for p in round_.pledges]})
    if form.validate_on_submit():
        update_round(round_, {k: getattr(form, k).data for k in ("funder_name", "funder_id", "grant_prefix")},
                     current_user())
        set_pledges(round_, [PledgeLine(e.form.name.data, e.form.org_id.data, round_.stored(e.form.amount.data))
                             for e in form.co_funders if e.form.name.data], current_user())
        flash(_("The funder's details are saved."), "success")
        return redirect(url_for("panel.index", slug=slug))
    return render_page("panel/funder.html", round=round_, form=form, status=422 if form.errors else 200)
