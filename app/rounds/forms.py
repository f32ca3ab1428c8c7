import re

from babel.numbers import list_currencies
from flask_babel import lazy_gettext as _l
from flask import current_app
from wtforms import (BooleanField, DateField, IntegerField, RadioField, SelectField, SelectMultipleField,
                     StringField, TextAreaField, ValidationError)
from wtforms.widgets import CheckboxInput, ListWidget
from wtforms.validators import Length, NumberRange, Optional, Regexp

from app.forms import AppForm, LinesField, MoneyField, NotBlank, WordsField, optional_id, strip
from app.models import Access, BallotKind
from app.money import to_stored
from app.needs.categories import CONTENT_LANGUAGES
from app.register.areas import ONS_CODE
from app.voting.budget_rules import BUDGET_RULES
from app.voting.rules import RULES_FOR_BALLOT

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
TIE_BREAKS = ("lexicographic", "min-cost", "max-cost", "random")
# Budget rules read rankings, approvals and points as support; a pairwise answer names no need to fund.
BUDGET_BALLOTS = ("ranking", "approval", "points")
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
    area_code = StringField(
        _l("The area's code (optional)"), filters=[strip], validators=[Optional(), Regexp(
            ONS_CODE.pattern, flags=re.IGNORECASE,
            message=_l("Give the area's ONS code: a capital letter and eight figures, for example E05013725."))],
        description=_l("Its ONS code, for example E05013725 for a ward. For one of London's 33 local authorities, "
                       "named as the area, its code is filled in."))
    organisation_id = SelectField(
        _l("Run by"), coerce=optional_id, choices=[], validate_choice=True,
        description=_l("The council, funder or group running the round, named on its page and in open data. "
                       "An admin adds organisations on staff accounts."))
    area_choices = LinesField(
        _l("Smaller areas residents can choose from"), max_chars=3000,
        description=_l("One per line, for example ward names. Leave empty if not needed."),
    )
    language = SelectField(_l("Main language of the round"), choices=[],
                           description=_l("Also the language pages open in when a visitor's browser asks for none the round offers."))
    interface_languages = LanguageChoices(
        _l("Languages the round's pages are offered in"), choices=[], validate_choice=True,
        description=_l("Tick none to offer every language the app has."))
    budget = MoneyField(_l("Budget (optional)"), validators=[Optional()])
    currency = SelectField(_l("Currency"), choices=[])
    propose_starts = DateField(_l("Proposing opens"), validators=[Optional()])
    discuss_starts = DateField(_l("Discussion opens"), validators=[Optional()])
    rank_starts = DateField(_l("Ranking opens"), validators=[Optional()])
    decide_starts = DateField(_l("Panel decides from"), validators=[Optional()])
    results_starts = DateField(_l("Results published on"), validators=[Optional()])

    def __init__(self, *args, language_names=None, choice_labels=None, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation_id.choices = [("", _l("No organisation named"))] + list(organisations)
        self._show_in_units(kwargs.get("obj"))
        names = language_names or {}
        self.language.choices = [(code, names.get(code, code)) for code in CONTENT_LANGUAGES]
        self.interface_languages.choices = [(code, names.get(code, code)) for code in current_app.config["LANGUAGES"]]
        kinds, rules, ties, modes = choice_labels or ({}, {}, {}, {})
        self.access.choices = [(code.value, modes.get(code, code)) for code in Access]
        self.ballot_kind.choices = [(code.value, kinds.get(code, code)) for code in BallotKind]
        self.rule.choices = [("", _l("The usual method for the ballot"))] + [
            (code, rules.get(code, code)) for codes in RULES_FOR_BALLOT.values() for code in codes] + [
            (code, rules.get(code, code)) for code in BUDGET_RULES]
        self.tie_break.choices = [(code, ties.get(code, code)) for code in TIE_BREAKS]
        known = list_currencies()
        self.currency.choices = [("", _l("No budget"))] + [(c, c) for c in CURRENCIES if c in known]

    def _show_in_units(self, round_) -> None:
        """A saved round's budget in currency units at its own scale, and its draw's seed apart."""
        if round_ is None:
            return
        self.budget.scale = round_.money_scale
        if self.budget.raw_data is None:
            self.budget.data = round_.amount(round_.budget)
        if self.tie_break.raw_data is None and round_.tie_break.startswith("random:"):
            self.tie_break.data, self.tie_seed.data = "random", round_.tie_break.partition(":")[2]

    def validate_rule(self, field):
        if field.data in BUDGET_RULES:
            if self.ballot_kind.data not in BUDGET_BALLOTS:
                raise ValidationError(_l("Budget rules cannot count pairwise answers: choose another ballot."))
            if not self.budget.data and not self.budget.errors:
                raise ValidationError(_l("A budget rule needs a budget: give one under Money."))
        elif field.data and field.data not in RULES_FOR_BALLOT.get(self.ballot_kind.data, ()):
            raise ValidationError(_l("This counting method cannot count this kind of ballot."))

    def rule_groups(self) -> list:
        """The counting methods under a heading for the ballots or budgets they count."""
        options = {option.data: option for option in self.rule}
        groups = [("", [""]), (_l("For ranking ballots"), RULES_FOR_BALLOT["ranking"]),
                  (_l("For approval, points and pairwise ballots"), ("approval", "points", "bradley-terry")),
                  (_l("For a budget: which needs are funded"), BUDGET_RULES)]
        return [(legend, [options[code] for code in codes]) for legend, codes in groups]

    def values(self) -> dict:
        """The settings as the round stores them: money in whole stored units, the draw with its seed."""
        values = {name: field.data for name, field in self._fields.items() if name not in ("csrf_token", "tie_seed")}
        values["min_choices"] = values.get("min_choices") or 1
        if values.get("budget") is not None:
            values["budget"] = to_stored(values["budget"], self.budget.scale)
        if values.get("tie_break") == "random":
            values["tie_break"] = f"random:{self.tie_seed.data}"
        values["area_code"] = (values.get("area_code") or "").upper()
        return values

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # Optional() ends the field's own checks when it is empty, so this one lives here.
        if self.ballot_kind.data == "points" and not self.points_total.data:
            self.points_total.errors = [*self.points_total.errors, _l("Say how many points each resident spreads.")]
            valid = False
        if self.tie_break.data == "random" and self.tie_seed.data is None and not self.tie_seed.errors:
            self.tie_seed.errors = [*self.tie_seed.errors, _l("Give the number the draw starts from.")]
            valid = False
        return valid

    def validate_area_code(self, field):
        if field.data and not self.area.data:
            raise ValidationError(_l("Name the area this code is for."))

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
    rule = RadioField(_l("Counting method"), choices=[], default="", validate_choice=False,
                      description=_l("Schulze for rankings; for approval, points and pairwise ballots, their own count."))
    support_threshold = IntegerField(
        _l("Least support a need must have to be funded (optional)"), validators=[Optional(), NumberRange(min=0, max=10**9)],
        description=_l("For greedy with a support threshold: needs with less support are not funded."))
    tie_break = RadioField(_l("When scores are equal"), choices=[], default="lexicographic")
    tie_seed = IntegerField(
        _l("Number the draw starts from"), validators=[Optional(), NumberRange(min=0, max=10**12)],
        description=_l("For a draw: publish this number before ranking opens, so anyone can repeat the draw."))
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

    BALLOT_FIELDS = ("ballot_kind", "max_choices", "min_choices", "points_total", "points_per_need", "results_live")
    PHASE_FIELDS = ("propose_starts", "discuss_starts", "rank_starts", "decide_starts", "results_starts")
