from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _

from app import labels, mail
from app.accounts.current import can_sit_on_panel, current_user, requires
from app.extensions import db
from app.i18n import language_code
from app.loaders import get_application
from app.models import Application, Round
from app.needs.categories import CONTENT_LANGUAGES
from app.progress import labels as progress_labels, links, services
from app.progress.forms import CompleteForm, LinkForm, ProgressForm
from app.ratelimits import refused_attempts
from app.web import render_page, today

bp = Blueprint("progress", __name__)
PANEL_APPLICATION = "/rounds/<slug>/panel/applications/<int:application_id>"


def _back(slug, application_id):
    return redirect(url_for("panel.application", slug=slug, application_id=application_id, _anchor="progress"))


@bp.post(PANEL_APPLICATION + "/progress-link")
@requires(can_sit_on_panel)
def send_link(round_, slug, application_id):
    """Email the funded group its link for reporting progress (no password: the link is its key)."""
    application = get_application(round_, application_id)
    form = LinkForm()
    if not form.validate_on_submit():
        flash(" ".join(str(e) for e in form.email.errors) or _("Please fill this in."), "error")
        return _back(slug, application_id)
    try:
        services.send_link(round_, application, form.email.data, current_user(), round_.phase_on(today()))
    except services.ProgressError as refused:
        flash(progress_labels.refusal(refused.refusals[0]), "error")
        return _back(slug, application_id)
    link = url_for("progress.report", token=links.make_token(application.decision), _external=True)
    mail.send(form.email.data, _("Tell residents how %(title)s is going", title=application.title), _(
        "Your grant from %(round)s is published. Open this link to report progress, whenever you reach a "
        "milestone, in your own language (it works for 120 days; ask for a new one after that):\n\n%(link)s",
        round=round_.title, link=link))
    flash(_("The progress link is sent to %(email)s.", email=form.email.data), "success")
    return _back(slug, application_id)


@bp.post(PANEL_APPLICATION + "/complete")
@requires(can_sit_on_panel)
def complete(round_, slug, application_id):
    """The funder marks the grant complete: the need is met, and the group's reports close."""
    application = get_application(round_, application_id)
    CompleteForm().validate_on_submit() or abort(400)
    try:
        services.complete(round_, application, current_user(), round_.phase_on(today()))
    except services.ProgressError as refused:
        flash(progress_labels.refusal(refused.refusals[0]), "error")
        return _back(slug, application_id)
    flash(_("The grant is marked complete."), "success")
    return _back(slug, application_id)


@bp.route("/progress/<token>", methods=["GET", "POST"])
@refused_attempts
def report(token):
    """The funded group's page, opened from its emailed link: its reports so far and the form for the next."""
    try:
        decision = links.decision_for(token)
    except links.LinkRefused as refused:
        return render_page("progress/link_refused.html", message=progress_labels.link_refusal(refused.reason),
                           status=410 if refused.reason == "expired" else 404)
    application = db.session.get(Application, decision.application_id)
    round_ = db.session.get(Round, application.round_id)
    form = ProgressForm(languages=[(code, labels.language(code)) for code in CONTENT_LANGUAGES])
    if not form.is_submitted():
        form.language.data = language_code()
    status = 200
    if form.validate_on_submit():
        try:
            services.post_update(round_, decision, form.milestone.data, form.percent_value, form.body.data,
                                 form.language.data, round_.phase_on(today()))
        except services.ProgressError as refused:
            flash(progress_labels.refusal(refused.refusals[0]), "error")
            status = 409
        else:
            flash(_("Thank you: your progress is published on the need's page."), "success")
            return redirect(url_for("progress.report", token=token))
    elif form.is_submitted():
        status = 422
    return render_page("progress/report.html", round=round_, application=application, form=form,
                       progress=services.progress_of(decision), progress_labels=progress_labels, status=status)


# The need's page, the decisions page and the panel show a grant's progress through one partial.
bp.add_app_template_global(services.progress_of, "grant_progress")
bp.add_app_template_global(progress_labels, "progress_labels")
