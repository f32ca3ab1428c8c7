from flask_babel import lazy_gettext as _l
from wtforms import (FieldList, FormField, HiddenField, RadioField, SelectField, StringField,
                     TextAreaField, ValidationError)
from wtforms.validators import Length, Optional, Regexp

from app.forms import AppForm, IdField, MoneyField, NotBlank, max_length, min_length, strip
from app.organisations import ORG_ID_PATTERN
from app.voting.applications import PLACE_MAX, TEXT_MAX
from app.voting.rubric import TOP_MARK

MARK_CHOICES = [(n, str(n)) for n in range(1, TOP_MARK + 1)]
ORGANISATION_ID = Regexp(ORG_ID_PATTERN, message=_l(
    "Write it as the register's code, a dash and the number, for example GB-CHC-1234567."))


class ApplicationForm(AppForm):
    need = SelectField(_l("The need it meets"), coerce=int, choices=[], validate_choice=True)
    applicant = StringField(_l("Group or organisation applying"), filters=[strip],
                            validators=[NotBlank(), Length(max=200)])
    applicant_id = StringField(
        _l("Its organisation identifier (optional)"), filters=[strip],
        validators=[Optional(), Length(max=100), ORGANISATION_ID],
        description=_l("For example GB-CHC-1234567 for a charity or GB-COH-01234567 for a company."))
    title = StringField(_l("What it will do, in a few words"), filters=[strip], validators=[NotBlank(), Length(max=140)])
    description = TextAreaField(_l("How it meets the need"), filters=[strip], validators=[Length(max=5000)])
    amount = MoneyField(_l("Amount asked for"))
    # As the public form asks them, so that a paper application tells the panel as much as an online one.
    beneficiaries = TextAreaField(_l("Who benefits"), filters=[strip], validators=[max_length(TEXT_MAX)],
                                  description=_l("Who the project is for, and about how many people."))
    location = StringField(_l("Where"), filters=[strip], validators=[max_length(PLACE_MAX)],
                           description=_l("The street, estate, building or neighbourhood."))

    def __init__(self, *args, needs=(), money_scale=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.need.choices = [(need.id, need.title) for need in needs]
        self.amount.scale = money_scale

    def validate_amount(self, field):
        if field.data is None and not field.errors:
            raise ValidationError(_l("Give an amount above zero."))


class MarkEntry(AppForm):
    """A mark on one criterion, with its comment (a sub-form: no CSRF field of its own); the page
    names the criterion and says what each mark means."""

    class Meta:
        csrf = False

    criterion_id = IdField(required=True)
    mark = RadioField(_l("Mark"), coerce=int)
    comment = TextAreaField(_l("Why this mark"), filters=[strip], validators=[NotBlank(), Length(max=1000)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.mark.choices = MARK_CHOICES


class MarksForm(AppForm):
    entries = FieldList(FormField(MarkEntry), max_entries=12)
    comment = TextAreaField(_l("Notes for the panel (optional)"), filters=[strip], validators=[Length(max=2000)])


class ConflictForm(AppForm):
    reason = TextAreaField(_l("Your conflict of interest"), filters=[strip],
                           validators=[NotBlank(), Length(max=500)],
                           description=_l("For example: I am a trustee of this group. It is published with the "
                                          "decision, under your role on the panel."))
    name = StringField(_l("Your name, for the public record (optional)"), filters=[strip],
                       validators=[Length(max=200)],
                       description=_l("Published with the conflict only if the panel publishes members' names."))


class NoConflictForm(AppForm):
    pass


class DetailsForm(AppForm):
    """What a grant publishes as open data, corrected before publication."""

    title = StringField(_l("What it will do, in a few words"), filters=[strip], validators=[NotBlank(), Length(max=140)])
    description = TextAreaField(_l("How it meets the need"), filters=[strip], validators=[Length(max=5000)])
    applicant_id = StringField(
        _l("Its organisation identifier (optional)"), filters=[strip],
        validators=[Optional(), Length(max=100), ORGANISATION_ID],
        description=_l("For example GB-CHC-1234567 for a charity or GB-COH-01234567 for a company."))
    recipient_location = StringField(_l("Where the group is based"), filters=[strip], validators=[Length(max=200)],
                                     description=_l("A town, borough or ward, for example Deptford, Lewisham."))


class DecisionEntry(AppForm):
    """One application's row in the decisions form (a sub-form: no CSRF field of its own)."""

    class Meta:
        csrf = False

    application_id = IdField(required=True)
    funded = RadioField(_l("Decision"))
    amount = MoneyField(_l("Amount awarded"), validators=[Optional()])
    reason = StringField(_l("Why, for this application (optional)"), filters=[strip], validators=[Length(max=500)])
    departure_reason = TextAreaField(
        _l("Why the panel departs from the suggested grants"), filters=[strip], validators=[Length(max=1000)],
        description=_l("Needed when you fund an application the suggestion leaves out, or decline one it "
                       "funds. It is published, marked as a departure."))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.funded.choices = [("yes", _l("Fund")), ("no", _l("Do not fund"))]

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        # Optional() ends the amount's own checks when it is empty, so this one lives here.
        if self.funded.data == "yes" and self.amount.data is None and not self.amount.errors:
            self.amount.errors = [*self.amount.errors, _l("Give the amount awarded.")]
            valid = False
        return valid


class DecisionsForm(AppForm):
    entries = FieldList(FormField(DecisionEntry))
    rule = HiddenField()  # the suggestion the panel was reading, which departures are counted from

    def __init__(self, *args, money_scale=0, **kwargs):
        super().__init__(*args, **kwargs)
        for entry in self.entries:
            entry.form.amount.scale = money_scale
    rationale = TextAreaField(
        _l("The panel's reasons for these decisions"), filters=[strip],
        validators=[NotBlank(), min_length(20), Length(max=5000)],
        description=_l("Shown to everyone with the decisions: how the community's ranking, the marks and the budget led to them."))


class CoFunderRow(AppForm):
    """One co-funder's line (a sub-form: no CSRF field of its own); an empty line is skipped."""

    class Meta:
        csrf = False

    name = StringField(_l("Co-funder's name"), filters=[strip], validators=[Length(max=200)])
    org_id = StringField(_l("Its organisation identifier (optional)"), filters=[strip],
                         validators=[Optional(), Length(max=100), ORGANISATION_ID])
    amount = MoneyField(_l("Amount pledged"), validators=[Optional()])

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if self.name.data and self.amount.data is None and not self.amount.errors:
            self.amount.errors = [*self.amount.errors, _l("Give the amount this funder pledges.")]
            valid = False
        if not self.name.data and (self.amount.text.strip() or self.org_id.data):
            self.name.errors = [*self.name.errors, _l("Give the funder's name.")]
            valid = False
        return valid


class FunderForm(AppForm):
    funder_name = StringField(_l("Funder's name"), filters=[strip], validators=[Length(max=200)])
    funder_id = StringField(_l("Funder's organisation identifier"), filters=[strip],
                            validators=[Optional(), Length(max=100), ORGANISATION_ID])
    grant_prefix = StringField(_l("360Giving prefix for grant identifiers"), filters=[strip],
                               validators=[Optional(), Length(max=60), Regexp(r"^360G-[A-Za-z0-9-]+$", message=_l(
                                   "A 360Giving prefix starts with 360G-, for example 360G-lewishamfund."))])
    co_funders = FieldList(FormField(CoFunderRow), min_entries=4, max_entries=12)

    def __init__(self, *args, money_scale=0, **kwargs):
        super().__init__(*args, **kwargs)
        for entry in self.co_funders:
            entry.form.amount.scale = money_scale

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        names = [e.form.name.data.casefold() for e in self.co_funders if e.form.name.data]
        if len(names) != len(set(names)):
            self.co_funders.errors.append(_l("Name each co-funder once."))
            valid = False
        return valid


class PublishForm(AppForm):
    pass
