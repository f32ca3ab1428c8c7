import re
import secrets

from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _

from app import mail
from app.applications import labels as application_labels, links, services, wording
from app.applications.forms import ApplicationForm, ResendForm
from app.applications.views import fill_from, form_for, typed_from
from app.extensions import db
from app.i18n import language_code
from app.loaders import get_round
from app.models import Round
from app.panel import feedback, labels as panel_labels
from app.progress.links import LinkRefused
from app.ratelimits import mail_requests, refused_attempts, resident_writes
from app.rounds.phases import Phase
from app.voting.applications import ApplicationStatus
from app.web import render_page, today

bp = Blueprint("applications", __name__)
FORM_KEY = re.compile(r"^[A-Za-z0-9_-]{16,32}$")


def _mail_link(round_: Round, application, submitted: bool, again: bool = False) -> None:
    link = url_for("applications.mine", token=links.make_token(application), _external=True)
    if again:
        subject = _("Your link to your application to %(round)s", round=round_.title)
        body = _("You asked for the link to your application “%(title)s” again. Open it to come back to your "
                 "application and follow its status (it works for 180 days):\n\n%(link)s",
                 title=application.title, link=link)
    elif submitted:
        subject = _("Your application to %(round)s is submitted", round=round_.title)
        body = _("Thank you for applying. Open this link to see your application and follow its status until the "
                 "panel publishes its decisions (it works for 180 days):\n\n%(link)s", link=link)
    else:
        subject = _("Your draft application to %(round)s", round=round_.title)
        body = _("Your draft is saved. Open this link to come back to it, finish it and submit it before "
                 "applications close (it works for 180 days):\n\n%(link)s", link=link)
    mail.send(application.contact_email, subject, body)


def _ready(form: ApplicationForm, round_: Round, questions: list, submit: bool) -> bool:
    """The form's own checks, then what saving (an address for the link) or submitting (everything) needs."""
    valid = form.validate_on_submit()
    draft = form.draft(round_.stored(form.amount.data) if form.amount.data is not None else None)
    ready = form.check_complete(draft, questions, round_.budget) if submit else form.check_draft()
    return valid and ready


def _form_page(round_, form, questions, application=None, status=200):
    answers = form.answers(questions)
    return render_page("applications/form.html", round=round_, form=form, application=application,
                       questions=form.question_fields(questions),
                       failing=wording.worded(services.ineligible_now(round_, answers), language_code()),
                       resend_form=ResendForm(), status=status)


@bp.route("/rounds/<slug>/apply", methods=["GET", "POST"])
@resident_writes
def apply(slug):
    """A group applies for a grant against one of the round's needs, or saves a draft to finish later."""
    round_ = get_round(slug)
    phase, questions = round_.phase_on(today()), wording.worded(services.questions(round_), language_code())
    form = form_for(round_, questions)
    if not form.is_submitted():
        if not services.open_now(round_, phase):
            return render_page("applications/closed.html", round=round_, resend_form=ResendForm())
        form.form_key.data = secrets.token_urlsafe(16)
        return _form_page(round_, form, questions)
    submit = request.form.get("action") == "submit"
    if not _ready(form, round_, questions, submit):
        return _form_page(round_, form, questions, status=422)
    key = form.form_key.data if FORM_KEY.match(form.form_key.data or "") else secrets.token_urlsafe(16)
    try:
        application, new = services.start(round_, typed_from(form, round_, questions), key, submit, phase)
    except services.ApplicationError:
        flash(_("Applications to this round are closed."), "error")
        return _form_page(round_, form, questions, status=409)
    if new:
        _mail_link(round_, application, submitted=submit)
    flash(_("Your application is submitted. We have emailed %(email)s a link to follow it.",
            email=application.contact_email) if submit else _(
        "Your draft is saved. We have emailed %(email)s a link to come back to it.", email=application.contact_email),
        "success")
    return redirect(url_for("applications.sent", slug=slug))


@bp.get("/rounds/<slug>/apply/sent")
def sent(slug):
    """After applying: where the link went."""
    return render_page("applications/sent.html", round=get_round(slug))


@bp.post("/rounds/<slug>/apply/link")
@mail_requests
def resend(slug):
    """A group that lost its email asks for its links again; the answer is the same whether or not it applied."""
    round_ = get_round(slug)
    form = ResendForm()
    if not form.validate_on_submit():
        flash(" ".join(str(e) for e in form.email.errors) or _("The form expired. Please send it again."), "error")
        return redirect(url_for("applications.apply", slug=slug, _anchor="lost-link"))
    for application in services.sent_with(round_, form.email.data):
        _mail_link(round_, application, submitted=application.status != ApplicationStatus.DRAFT, again=True)
    flash(_("If you applied with %(email)s, we have emailed the link to each of your applications there.",
            email=form.email.data), "success")
    return redirect(url_for("applications.apply", slug=slug))


@refused_attempts
def _refused_link(reason: str):
    return render_page("progress/link_refused.html", message=application_labels.link_refusal(reason),
                       status=410 if reason == "expired" else 404)


@bp.route("/applications/<token>", methods=["GET", "POST"])
@resident_writes
def mine(token):
    """The group's own page, opened from its emailed link: its draft to finish, then its status."""
    try:
        application = links.application_for(token)
    except LinkRefused as refused:
        return _refused_link(refused.reason)
    round_ = db.session.get(Round, application.round_id)
    phase, questions = round_.phase_on(today()), wording.worded(services.questions(round_), language_code())
    if application.status != ApplicationStatus.DRAFT and request.method == "POST":
        return redirect(url_for("applications.mine", token=token))  # its twin submitted it: a repeat
    if application.status != ApplicationStatus.DRAFT or not (request.method == "POST" or services.open_now(
            round_, phase)):
        return _status_page(round_, application)
    form = form_for(round_, questions)
    if not form.is_submitted():
        fill_from(form, round_, application, questions)
        return _form_page(round_, form, questions, application)
    submit = request.form.get("action") == "submit"
    if not _ready(form, round_, questions, submit):
        return _form_page(round_, form, questions, application, status=422)
    try:
        changed = services.save(round_, application, typed_from(form, round_, questions), submit, phase)
    except services.ApplicationError:
        flash(_("Applications to this round are closed."), "error")
        return _form_page(round_, form, questions, application, status=409)
    if changed and submit:
        _mail_link(round_, application, submitted=True)
    flash(_("Your application is submitted.") if submit else _("Your draft is saved."), "success")
    return redirect(url_for("applications.mine", token=token))


def _status_page(round_, application, status=200):
    return render_page("applications/status.html", round=round_, application=application,
                       shown=services.status_of(round_, application, language_code()),
                       answers=services.answers_of(application),
                       questions=wording.worded(services.questions(round_), language_code()),
                       open_now=services.open_now(round_, round_.phase_on(today())),
                       feedback=feedback.for_applicant(round_, application), panel_labels=panel_labels, status=status)


def round_page_offers(round_: Round) -> bool:
    """Whether the round's page links to the form: in the Decide phase only, so that earlier phases' round
    pages read no more (a panel opening applications early shares the form's address itself)."""
    phase = round_.phase_on(today())
    return phase == Phase.DECIDE and services.open_now(round_, phase)


bp.add_app_template_global(application_labels, "application_labels")
bp.add_app_template_global(round_page_offers, "offers_applications")
