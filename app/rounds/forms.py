from babel.numbers import list_currencies
from flask_babel import lazy_gettext as _l
from flask import current_app
from wtforms import (BooleanField, DateField, IntegerField, SelectField, SelectMultipleField, StringField,
                     TextAreaField, ValidationError)
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.validators import Length, NumberRange, Optional, Regexp

from app.forms import AppForm, LinesField, NotBlank, WordsField, strip
from app.needs.categories import CONTENT_LANGUAGES
from app.voting.rules import RULES_FOR_BALLOT

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
CURRENCIES = ("GBP", "EUR", "PLN", "USD", "CHF", "HUF", "RON", "TRY", "BDT", "PKR", "SOS")


class LanguageChoices(SelectMultipleField):
    """Languages ticked in a list of boxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class RoundForm(AppForm):
    title = StringField(_l("Title"), filters=[strip], validators=[NotBlank(), Length(max=140)])
    slug = StringField(
        _l("Web address name"), filters=[strip], validators=[Optional(), Length(max=80), Regexp(
            SLUG_PATTERN, message=_l("Use lower-case letters, numbers and single dashes only."))],
        description=_l("Used in the round's address. Leave empty to make one from the title."),
    )
    description = TextAreaField(_l("What this round is for"), filters=[strip], validators=[Length(max=5000)])
    area = StringField(_l("Area"), filters=[strip], validators=[Length(max=120)],
                       description=_l("For example: Lewisham, or the Kingsmead estate."))
    area_choices = LinesField(
        _l("Smaller areas residents can choose from"), max_chars=3000,
        description=_l("One per line, for example ward names. Leave empty if not needed."),
    )
    language = SelectField(_l("Main language of the round"), choices=[],
                           description=_l("Also the language pages open in when a visitor's browser asks for none the round offers."))
    interface_languages = LanguageChoices(
        _l("Languages the round's pages are offered in"), choices=[], validate_choice=True,
        description=_l("Tick none to offer every language the app has."))
    budget = IntegerField(_l("Budget (optional)"), validators=[Optional(), NumberRange(min=1, max=10**12)])
    currency = SelectField(_l("Currency"), choices=[])
    propose_starts = DateField(_l("Proposing opens"), validators=[Optional()])
    discuss_starts = DateField(_l("Discussion opens"), validators=[Optional()])
    rank_starts = DateField(_l("Ranking opens"), validators=[Optional()])
    decide_starts = DateField(_l("Panel decides from"), validators=[Optional()])
    results_starts = DateField(_l("Results published on"), validators=[Optional()])

    def __init__(self, *args, language_names=None, choice_labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        names = language_names or {}
        self.language.choices = [(code, names.get(code, code)) for code in CONTENT_LANGUAGES]
        self.interface_languages.choices = [(code, names.get(code, code)) for code in current_app.config["LANGUAGES"]]
        kinds, rules, ties, modes = choice_labels or ({}, {}, {}, {})
        self.access.choices = [(code, modes.get(code, code)) for code in ("open", "codes", "email")]
        self.ballot_kind.choices = [(code, kinds.get(code, code)) for code in RULES_FOR_BALLOT]
        self.rule.choices = [("", _l("The usual method for the ballot"))] + [
            (code, rules.get(code, code)) for codes in RULES_FOR_BALLOT.values() for code in codes]
        self.tie_break.choices = [(code, ties.get(code, code)) for code in ("lexicographic", "min-cost", "max-cost")]
        known = list_currencies()
        self.currency.choices = [("", _l("No budget"))] + [(c, c) for c in CURRENCIES if c in known]

    def validate_rule(self, field):
        if field.data and field.data not in RULES_FOR_BALLOT.get(self.ballot_kind.data, ()):
            raise ValidationError(_l("This counting method cannot count this kind of ballot."))

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # Optional() ends the field's own checks when it is empty, so this one lives here.
        if self.ballot_kind.data == "points" and not self.points_total.data:
            self.points_total.errors = [*self.points_total.errors, _l("Say how many points each resident spreads.")]
            valid = False
        return valid

    def validate_min_choices(self, field):
        if field.data and self.max_choices.data and field.data > self.max_choices.data:
            raise ValidationError(_l("The fewest cannot be more than the most."))

    def validate_currency(self, field):
        if self.budget.data and not field.data:
            raise ValidationError(_l("Choose the currency of the budget."))

    ballot_kind = SelectField(_l("How residents rank the needs"), choices=[], default="ranking")
    max_choices = IntegerField(_l("Most needs a resident can rank or choose (optional)"),
                               validators=[Optional(), NumberRange(min=1, max=500)])
    min_choices = IntegerField(_l("Fewest needs a resident must choose (approval)"), default=1,
                               validators=[Optional(), NumberRange(min=1, max=500)])
    points_total = IntegerField(_l("Points each resident spreads (points)"), validators=[Optional(), NumberRange(min=1, max=1000)])
    points_per_need = IntegerField(_l("Most points on one need (optional)"), validators=[Optional(), NumberRange(min=1, max=1000)])
    rule = SelectField(_l("Counting method"), choices=[], validate_choice=False)
    tie_break = SelectField(_l("When scores are equal"), choices=[], default="lexicographic")
    access = SelectField(_l("Who can take part"), choices=[], default="open",
                         description=_l("With access codes, each printed card lets one person in, once, and back again."))
    eligibility = LinesField(
        _l("What people confirm to take part (optional)"), max_chars=2000,
        description=_l("One statement per line, for example: I live, work or study in Lewisham."))
    postcode_prefixes = WordsField(
        _l("Postcodes the round is for (optional)"), max_chars=400,
        description=_l("The beginnings of postcodes, for example: SE4 SE6 SE13. Residents give their postcode; only its first part is kept."))
    retention_days = IntegerField(
        _l("Remove residents' personal data this many days after results open (optional)"),
        validators=[Optional(), NumberRange(min=0, max=3650)],
        description=_l("Names and links to what people posted are removed; needs, comments and ballots stay, anonymous."))
    results_live = BooleanField(_l("Show results live while ranking is open"),
                                description=_l("Off by default: early counts can sway later voters."))

    BALLOT_FIELDS = ("ballot_kind", "max_choices", "min_choices", "points_total", "points_per_need", "rule",
                     "tie_break", "results_live")
    PHASE_FIELDS = ("propose_starts", "discuss_starts", "rank_starts", "decide_starts", "results_starts")
