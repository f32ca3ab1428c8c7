from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms import ValidationError
from wtforms.validators import Length, Optional

from app.applications import labels as application_labels
from app.forms import AppForm, MoneyField, NotBlank, max_length, strip
from app.progress.forms import EMAIL
from app.voting.applications import (PLACE_MAX, PLAN_MAX, QUESTION_MAX, TEXT_MAX, TITLE_MAX, Draft, Question,
                                     id_refusal, missing, normal_id, over_budget, unanswered)

YES_NO = [("yes", _l("Yes")), ("no", _l("No"))]
FILL_IN = _l("Please fill this in.")


def organisation_id(form, field):
    refusal = id_refusal(field.data) if field.data else None
    if refusal is not None:
        raise ValidationError(application_labels.id_refusal(refusal))


class ApplicationForm(AppForm):
    """The public form; the panel's eligibility questions are added as fields named q<id> (see `with_questions`)."""

    form_key = HiddenField()
    need = SelectField(_l("The need your project meets"), coerce=int, choices=[], validate_choice=True)
    applicant = StringField(_l("Name of your group or organisation"), filters=[strip], validators=[Length(max=200)])
    applicant_id = StringField(
        _l("Its charity, company or 360Giving number"), filters=[strip],
        validators=[Optional(), Length(max=100), organisation_id],
        description=_l("For example GB-CHC-1234567 for a charity, GB-COH-01234567 for a company, or the 360G- "
                       "identifier a funder gave you."))
    unregistered = BooleanField(_l("We are an unregistered group: we have no such number"))
    contact_email = EmailField(
        _l("Your email address"), filters=[strip], validators=[Optional(), Length(max=254), EMAIL],
        description=_l("We email you a link to come back to your application and follow it. No password."))
    title = StringField(_l("Your project, in a few words"), filters=[strip], validators=[max_length(TITLE_MAX)])
    amount = MoneyField(_l("Amount you ask for"))
    plan = TextAreaField(_l("Your plan"), filters=[strip], validators=[max_length(PLAN_MAX)],
                         description=_l("What you will do, when, and how it meets the need."))
    beneficiaries = TextAreaField(_l("Who benefits"), filters=[strip], validators=[max_length(TEXT_MAX)],
                                  description=_l("Who the project is for, and about how many people."))
    location = StringField(_l("Where"), filters=[strip], validators=[max_length(PLACE_MAX)],
                           description=_l("The street, estate, building or neighbourhood."))
    language = SelectField(_l("Language you are writing in"), choices=[])

    def __init__(self, *args, needs=(), money_scale=0, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.need.choices = [(need.id, need.title) for need in needs]
        self.amount.scale = money_scale
        self.language.choices = list(languages)

    @classmethod
    def with_questions(cls, questions, *args, **kwargs) -> "ApplicationForm":
        fields = {f"q{q.id}": RadioField(q.text, choices=[], validators=[Optional()]) for q in questions}
        form = type("ApplicationFormWithQuestions", (cls,), fields)(*args, **kwargs)
        for name in fields:
            form[name].choices = YES_NO
        return form

    def question_fields(self, questions):
        return [(q, self[f"q{q.id}"]) for q in questions]

    def answers(self, questions) -> dict[int, bool]:
        return {q.id: field.data == "yes" for q, field in self.question_fields(questions) if field.data in ("yes", "no")}

    def draft(self, stored_amount: int | None) -> Draft:
        return Draft(self.applicant.data or "", self.unregistered.data, normal_id(self.applicant_id.data or ""),
                     self.contact_email.data or "", self.title.data or "", stored_amount, self.plan.data or "",
                     self.beneficiaries.data or "", self.location.data or "")

    def check_draft(self) -> bool:
        """A draft needs only where to send its link."""
        if not self.contact_email.data and not self.contact_email.errors:
            self.contact_email.errors = [_("Please give your email address: we send the link to your draft there.")]
            return False
        return True

    def check_complete(self, draft: Draft, questions, budget: int | None) -> bool:
        """Before submitting: every field filled in, every question answered, no more than the budget."""
        for name in missing(draft):
            if not self[name].errors:
                self[name].errors = [_("Please say which register your group is on, or tick that it is not "
                                       "registered.") if name == "applicant_id" else str(FILL_IN)]
        rules = [Question(q.id, q.required) for q in questions]
        for question_id in unanswered(rules, self.answers(questions)):
            self[f"q{question_id}"].errors = [_("Please answer this question.")]
        if over_budget(draft.amount, budget) and not self.amount.errors:
            self.amount.errors = [_("This is more than the round's whole budget.")]
        return not any(field.errors for field in self)


class ResendForm(AppForm):
    email = EmailField(_l("The email address you applied with"), filters=[strip],
                       validators=[NotBlank(), Length(max=254), EMAIL])


class QuestionWordingForm(AppForm):
    """The question and what the others are told, in another language; the answer required stays the same.
    One form per question on the page, each with its own prefix; the app's CSRF protection covers the post."""

    class Meta:
        csrf = False

    language = SelectField(_l("Language"), choices=[])
    text = StringField(_l("Question"), filters=[strip], validators=[NotBlank(), max_length(QUESTION_MAX)])
    reason = TextAreaField(_l("What a group answering otherwise is told"), filters=[strip],
                           validators=[NotBlank(), max_length(TEXT_MAX)])

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = list(languages)


class QuestionForm(AppForm):
    text = StringField(_l("Question"), filters=[strip], validators=[NotBlank(), max_length(QUESTION_MAX)],
                       description=_l("Asked of every group, to answer yes or no. For example: Is your group "
                                      "based in the borough?"))
    required = RadioField(_l("The answer an eligible group gives"), choices=[],
                          validators=[NotBlank(_l("Please choose yes or no."))])
    reason = TextAreaField(_l("What a group answering otherwise is told"), filters=[strip],
                           validators=[NotBlank(), max_length(TEXT_MAX)],
                           description=_l("For example: This fund is for groups working in the borough."))


    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.required.choices = YES_NO


class WindowForm(AppForm):
    window = RadioField(_l("When groups can apply online"), choices=[],
                        validators=[NotBlank(_l("Please choose when groups can apply."))])

    def __init__(self, *args, windows=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.window.choices = list(windows)


class RemoveForm(AppForm):
    pass
