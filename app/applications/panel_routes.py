"""The panel's side of online applications: when groups may apply, and the eligibility questions it asks."""
from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _

from app.accounts.current import can_sit_on_panel, current_user, requires
from app import labels
from app.applications import labels as application_labels, services, wording
from app.applications.forms import QuestionForm, QuestionWordingForm, RemoveForm, WindowForm
from app.extensions import db
from app.i18n import language_code
from app.models import EligibilityQuestion
from app.needs.categories import CONTENT_LANGUAGES
from app.voting.applications import Window
from app.web import render_page, today

bp = Blueprint("eligibility", __name__, url_prefix="/rounds/<slug>/panel/eligibility")


def _window_form(round_, **kwargs) -> WindowForm:
    return WindowForm(windows=[(w.value, application_labels.window(w)) for w in Window], **kwargs)


def _question(round_, question_id) -> EligibilityQuestion:
    question = db.session.get(EligibilityQuestion, question_id)
    if question is None or question.round_id != round_.id:
        abort(404)
    return question


def _other_languages(question) -> list[tuple[str, str]]:
    return [(code, labels.language(code)) for code in CONTENT_LANGUAGES if code != question.language]


def _page(round_, question_form=None, window_form=None, wording_forms=None, status=200):
    asked = services.questions(round_)
    wording_forms = {q.id: QuestionWordingForm(languages=_other_languages(q), prefix=f"w{q.id}")
                     for q in asked} | (wording_forms or {})
    return render_page(
        "applications/eligibility.html", round=round_, questions=asked, wording_forms=wording_forms,
        question_form=question_form or QuestionForm(), remove_form=RemoveForm(),
        window_form=window_form or _window_form(round_, data={"window": services.window_of(round_).value}),
        locked=services.questions_locked(round_), open_now=services.open_now(round_, round_.phase_on(today())),
        screened_out=[(a, services.status_of(round_, a, language_code())) for a in services.screened_out(round_)],
        drafts=services.drafts(round_), status=status)


@bp.get("")
@requires(can_sit_on_panel)
def index(round_, slug):
    """When groups can apply online, the eligibility questions, and the applications they screened out."""
    return _page(round_)


@bp.post("/questions")
@requires(can_sit_on_panel)
def add(round_, slug):
    """Add a yes/no question with the answer an eligible group gives, and what the others are told."""
    form = QuestionForm()
    if not form.validate_on_submit():
        return _page(round_, question_form=form, status=422)
    try:
        services.add_question(round_, form.text.data, form.required.data == "yes", form.reason.data,
                              language_code(), current_user())
    except services.ApplicationError:
        flash(_("Groups have submitted applications against these questions, so they can no longer change."),
              "error")
        return _page(round_, question_form=form, status=409)
    flash(_("The question is added to the application form."), "success")
    return redirect(url_for("eligibility.index", slug=slug))


@bp.post("/questions/<int:question_id>/wording")
@requires(can_sit_on_panel)
def word(round_, slug, question_id):
    """Word a question, and what the others are told, in another language for groups who read it."""
    question = _question(round_, question_id)
    form = QuestionWordingForm(languages=_other_languages(question), prefix=f"w{question.id}")
    if not form.validate_on_submit():
        return _page(round_, wording_forms={question.id: form}, status=422)
    wording.word(round_, question, form.language.data, form.text.data, form.reason.data, current_user())
    flash(_("The question is saved in %(language)s.", language=labels.language(form.language.data)), "success")
    return redirect(url_for("eligibility.index", slug=slug))


@bp.post("/questions/<int:question_id>/remove")
@requires(can_sit_on_panel)
def remove(round_, slug, question_id):
    """Take a question off the form, while no group has submitted answers to it."""
    question = _question(round_, question_id)
    RemoveForm().validate_on_submit() or abort(400)
    try:
        services.remove_question(round_, question, current_user())
    except services.ApplicationError:
        flash(_("Groups have submitted applications against these questions, so they can no longer change."),
              "error")
        return redirect(url_for("eligibility.index", slug=slug))
    flash(_("The question is removed from the application form."), "success")
    return redirect(url_for("eligibility.index", slug=slug))


@bp.post("/window")
@requires(can_sit_on_panel)
def window(round_, slug):
    """Open the public form early, or close it."""
    form = _window_form(round_)
    if not form.validate_on_submit():
        return _page(round_, window_form=form, status=422)
    services.set_window(round_, Window(form.window.data), current_user())
    flash(_("Saved: %(when)s.", when=application_labels.window(Window(form.window.data))), "success")
    return redirect(url_for("eligibility.index", slug=slug))
