from flask_babel import lazy_gettext as _l
from wtforms import EmailField, SelectField, StringField, TextAreaField, ValidationError
from wtforms.validators import Length, Regexp

from app.forms import AppForm, NotBlank, max_length, strip
from app.voting.progress import MILESTONE_MAX, TEXT_MAX

PERCENT_MESSAGE = _l("Please give a whole number from 0 to 100.")


def whole_percent(form, field):
    """A StringField, so that "fifty" gets this one message and stays in the box as typed."""
    text = (field.data or "").strip()
    if not (text.isdecimal() and len(text) <= 3 and int(text) <= 100):
        raise ValidationError(PERCENT_MESSAGE)


EMAIL = Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Please give an email address, like name@example.org."))


class ProgressForm(AppForm):
    milestone = StringField(
        _l("Milestone reached"), filters=[strip],
        validators=[NotBlank(_l("Please name the milestone.")), max_length(MILESTONE_MAX)],
        description=_l("For example: Benches ordered, or First session held"))
    percent = StringField(_l("How much of the work is done, in per cent"), filters=[strip],
                          validators=[whole_percent], render_kw={"inputmode": "numeric"})
    body = TextAreaField(
        _l("What happened"), filters=[strip],
        validators=[NotBlank(_l("Please say in a few words what happened.")), max_length(TEXT_MAX)],
        description=_l("Residents read this on the need's page. Write in your own language."))
    language = SelectField(_l("Language you are writing in"), choices=[])

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = list(languages)

    @property
    def percent_value(self) -> int:
        return int(self.percent.data)


class LinkForm(AppForm):
    email = EmailField(_l("The group's email address"), filters=[strip],
                       validators=[NotBlank(), Length(max=254), EMAIL])


class CompleteForm(AppForm):
    pass
