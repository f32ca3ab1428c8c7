from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField
from wtforms.validators import Length, Optional

from app.forms import AppForm, optional_id, strip
from app.panel.forms import ORGANISATION_ID


class StaffOrganisationForm(AppForm):
    """The organisation a staff account belongs to: one already known, or a new one named here."""

    organisation = SelectField(
        _l("Organisation"), coerce=optional_id, choices=[], validate_choice=True,
        description=_l("The council, funder or group this person works for. Rounds they create are run by it."))
    name = StringField(_l("Or a new organisation's name"), filters=[strip], validators=[Length(max=200)],
                       description=_l("Leave it empty to keep the choice above."))
    org_id = StringField(_l("Its organisation identifier (optional)"), filters=[strip],
                         validators=[Optional(), Length(max=100), ORGANISATION_ID],
                         description=_l("For example GB-CHC-1234567 for a charity or GB-COH-01234567 for a company."))

    def __init__(self, *args, organisations=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation.choices = [("", _l("No organisation"))] + list(organisations)

    def validate(self, extra_validators=None):
        valid = super().validate(extra_validators)
        if self.org_id.data and not self.name.data and not self.name.errors:
            self.name.errors = [*self.name.errors, _l("Give the new organisation's name.")]
            valid = False
        return valid
