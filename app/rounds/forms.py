from babel.numbers import list_currencies
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, IntegerField, SelectField, StringField, TextAreaField, ValidationError
from wtforms.validators import Length, NumberRange, Optional, Regexp

from app.forms import NotBlank, strip
from app.needs.categories import CONTENT_LANGUAGES

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
CURRENCIES = ("GBP", "EUR", "PLN", "USD", "CHF", "HUF", "RON", "TRY", "BDT", "PKR", "SOS")


class RoundForm(FlaskForm):
    title = StringField(_l("Title"), filters=[strip], validators=[NotBlank(), Length(max=140)])
    slug = StringField(
        _l("Web address name"), filters=[strip], validators=[Optional(), Length(max=80), Regexp(
            SLUG_PATTERN, message=_l("Use lower-case letters, numbers and single dashes only."))],
        description=_l("Used in the round's address. Leave empty to make one from the title."),
    )
    description = TextAreaField(_l("What this round is for"), filters=[strip], validators=[Length(max=5000)])
    area = StringField(_l("Area"), filters=[strip], validators=[Length(max=120)],
                       description=_l("For example: Lewisham, or the Kingsmead estate."))
    area_choices = TextAreaField(
        _l("Smaller areas residents can choose from"), filters=[strip], validators=[Length(max=3000)],
        description=_l("One per line, for example ward names. Leave empty if not needed."),
    )
    language = SelectField(_l("Main language of the round"), choices=[])
    budget = IntegerField(_l("Budget (optional)"), validators=[Optional(), NumberRange(min=1, max=10**12)])
    currency = SelectField(_l("Currency"), choices=[])
    propose_starts = DateField(_l("Proposing opens"), validators=[Optional()])
    discuss_starts = DateField(_l("Discussion opens"), validators=[Optional()])
    rank_starts = DateField(_l("Ranking opens"), validators=[Optional()])
    decide_starts = DateField(_l("Panel decides from"), validators=[Optional()])
    results_starts = DateField(_l("Results published on"), validators=[Optional()])

    def __init__(self, *args, language_names=None, **kwargs):
        super().__init__(*args, **kwargs)
        names = language_names or {}
        self.language.choices = [(code, names.get(code, code)) for code in CONTENT_LANGUAGES]
        known = list_currencies()
        self.currency.choices = [("", _l("No budget"))] + [(c, c) for c in CURRENCIES if c in known]

    def validate_currency(self, field):
        if self.budget.data and not field.data:
            raise ValidationError(_l("Choose the currency of the budget."))

    PHASE_FIELDS = ("propose_starts", "discuss_starts", "rank_starts", "decide_starts", "results_starts")
