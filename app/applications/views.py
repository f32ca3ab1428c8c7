"""Between the public form and the services: the form for a round, filled from a draft or read into one."""
from flask_babel import gettext as _

from app import labels
from app.applications.forms import ApplicationForm
from app.applications.services import Typed, answers_of
from app.ballots.tally import counted_needs
from app.i18n import language_code
from app.models import Application, Round
from app.needs.categories import CONTENT_LANGUAGES
from app.panel.services import community_ranking
from app.web import money


def ranked_needs(round_: Round) -> list:
    """The needs on the ballot, in the community's order once it can be counted."""
    needs = counted_needs(round_)
    try:
        ranking = community_ranking(round_)
    except ValueError:  # ballots that cannot be counted: the needs in the order they came
        return needs
    place = {public_id: n for n, public_id in enumerate(ranking)}
    return sorted(needs, key=lambda need: place.get(need.public_id, len(place)))


def form_for(round_: Round, questions: list) -> ApplicationForm:
    needs = ranked_needs(round_)
    form = ApplicationForm.with_questions(questions, needs=needs, money_scale=round_.money_scale,
                                          languages=[(code, labels.language(code)) for code in CONTENT_LANGUAGES])
    form.needs = needs
    form.language.data = form.language.data or language_code()  # a form sent without it is in the page's
    if round_.budget:
        form.amount.description = _("The round's whole budget is %(budget)s.",
                                    budget=money(round_.amount(round_.budget), round_.currency))
    return form


def fill_from(form: ApplicationForm, round_: Round, application: Application, questions: list) -> None:
    form.need.data, form.language.data = application.need_id, application.language
    for name in ("applicant", "applicant_id", "unregistered", "contact_email", "title", "beneficiaries", "location"):
        form[name].data = getattr(application, name)
    form.plan.data = application.description
    form.amount.data = round_.amount(application.amount) if application.amount else None
    answers = answers_of(application)
    for question, field in form.question_fields(questions):
        if question.id in answers:
            field.data = "yes" if answers[question.id] else "no"


def typed_from(form: ApplicationForm, round_: Round, questions: list) -> Typed:
    need = next(n for n in form.needs if n.id == form.need.data)
    amount = round_.stored(form.amount.data) if form.amount.data is not None else None
    return Typed(need, form.draft(amount), form.language.data, form.answers(questions))
