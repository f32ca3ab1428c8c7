from urllib.parse import urlsplit

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, DateField, ValidationError, HiddenField, IntegerField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import InputRequired, Optional

from app.forms import AppForm, IdField, LanguageField, NotBlank, max_length, min_length, strip


class ResidentForm(AppForm):
    display_name = StringField(
        _l("Your name, as others will see it"), filters=[strip],
        validators=[NotBlank(_l("Please give a name to show with your post.")), max_length(60)],
        description=_l("A first name or a nickname is fine."),
    )


class NeedForm(ResidentForm):
    title = StringField(
        _l("The need, in a few words"), filters=[strip],
        validators=[NotBlank(_l("Please give your need a short title.")), min_length(5), max_length(140)],
        description=_l("For example: Safe place for children to play after school"),
    )
    description = TextAreaField(
        _l("What is the need?"), filters=[strip],
        validators=[NotBlank(_l("Please say what the need is.")), min_length(20), max_length(2000)],
        description=_l("What is missing or not working, and what difference it would make."),
    )
    affected = StringField(_l("Who does it affect?"), filters=[strip], validators=[max_length(300)],
                           description=_l("For example: parents of young children on the estate"))
    location = StringField(_l("Where?"), filters=[strip], validators=[max_length(200)],
                           description=_l("A street, a building, a park, or the whole area."))
    area = SelectField(_l("Area"), choices=[], validate_choice=True)
    category = SelectField(_l("Category"), choices=[], validate_choice=False)
    language = LanguageField(_l("Language you are writing in"), choices=[])

    def __init__(self, *args, areas=(), categories=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.area.choices = [("", _l("Not specific to one area"))] + [(a, a) for a in areas]
        self.category.choices = [("", _l("Choose a category"))] + list(categories)
        self.language.choices = list(languages)
        if not areas:
            del self.area

    def validate_category(self, field):
        if field.data not in {code for code, _label in self.category.choices if code}:
            raise ValidationError(_l("Please choose a category."))


class CommentForm(ResidentForm):
    body = TextAreaField(
        _l("Your comment"), filters=[strip],
        validators=[NotBlank(_l("Please write your comment.")), min_length(2), max_length(2000)],
    )
    language = LanguageField(_l("Language you are writing in"), choices=[])
    reply_to = HiddenField()

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = list(languages)


class SupportForm(AppForm):
    """Only the CSRF token: supporting needs no typing."""


class ReportForm(AppForm):
    reason = RadioField(_l("What is wrong?"), choices=[], validate_choice=False)
    note = TextAreaField(_l("Anything the moderators should know (optional)"), filters=[strip],
                         validators=[max_length(1000)])
    comment = IdField()

    def __init__(self, *args, reasons=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.reason.choices = list(reasons)

    def validate_reason(self, field):
        if field.data not in {code for code, _label in self.reason.choices}:
            raise ValidationError(_l("Please choose what is wrong."))


class _LanguageChoices(AppForm):
    """The view gives the languages to choose from."""

    def __init__(self, *args, languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.language.choices = list(languages)


class _TranslationForm(_LanguageChoices):
    language = SelectField(_l("Language of the translation"), choices=[])
    approved = BooleanField(_l("Show this translation to residents"),
                            description=_l("Only approved translations are shown. Read machine drafts through before approving them."))


class TranslationForm(_TranslationForm):
    title = StringField(_l("The need, in a few words"), filters=[strip], validators=[NotBlank(), max_length(140)])
    description = TextAreaField(_l("What is the need?"), filters=[strip], validators=[NotBlank(), max_length(5000)])


class CommentTranslationForm(_TranslationForm):
    body = TextAreaField(_l("The comment in this language"), filters=[strip],
                         validators=[NotBlank(), max_length(2000)])


class SuggestForm(_LanguageChoices):
    language = SelectField(_l("Language"), choices=[])


def web_address(form, field):
    """Evidence links lead to a dataset or report on the web: http or https, with a host, nothing else."""
    parts = urlsplit(field.data or "")
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname or any(c.isspace() for c in field.data):
        raise ValidationError(_l("Please give a web address beginning with http:// or https://."))


class EvidenceForm(AppForm):
    title = StringField(_l("Title of the dataset or report"), filters=[strip],
                        validators=[NotBlank(_l("Please give the evidence a title.")), max_length(200)])
    url = StringField(_l("Web address"), filters=[strip],
                      validators=[NotBlank(_l("Please give the web address of the evidence.")), max_length(2000),
                                  web_address],
                      description=_l("For example: https://data.london.gov.uk/dataset/..."))
    published_on = DateField(_l("Date of the evidence"), validators=[InputRequired(_l("Please give its date."))],
                             description=_l("When it was published or last updated."))
