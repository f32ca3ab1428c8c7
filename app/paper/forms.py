from flask_babel import lazy_gettext as _l
from wtforms import DateField, IntegerField, SelectField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from app.forms import AppForm, NotBlank, max_length, strip
from app.paper.services import MAX_PRINTED_AT_ONCE

MAX_COUNT = 1_000_000


def _count(label, description=""):
    return IntegerField(label, description=description, validators=[
        InputRequired(_l("Enter a whole number.")),
        NumberRange(min=0, max=MAX_COUNT, message=_l("Between %(min)d and %(max)d."))])


class BatchForm(AppForm):
    name = StringField(_l("Name of the batch"), filters=[strip], validators=[NotBlank(), max_length(80)],
                       description=_l("For example: Library box 1"))
    site = StringField(_l("Site"), filters=[strip], validators=[Optional(), max_length(140)])
    held_on = DateField(_l("Date"), validators=[Optional()])


class AccountForm(AppForm):
    issued = _count(_l("Ballots issued"))
    returned = _count(_l("Ballots returned in the box"),
                      _l("Every paper in the box, those that can be counted and those rejected."))
    spoilt = _count(_l("Ballots spoilt at the desk and replaced"),
                    _l("Papers a voter spoilt and swapped for a fresh one: they never went in the box."))
    unused = _count(_l("Unused ballots"))


class PrintForm(AppForm):
    count = IntegerField(_l("How many ballots to print"), default=50, validators=[
        InputRequired(_l("Enter a whole number.")),
        NumberRange(min=1, max=MAX_PRINTED_AT_ONCE, message=_l("Between %(min)d and %(max)d."))])


class GraceForm(AppForm):
    days = IntegerField(_l("Days after ranking closes in which paper ballots may still be keyed"), validators=[
        InputRequired(_l("Enter a whole number.")),
        NumberRange(min=0, max=60, message=_l("Between %(min)d and %(max)d."))])


class KeyForm(AppForm):
    serial = StringField(_l("Serial number"), filters=[strip], validators=[NotBlank(), Length(max=20)],
                         render_kw={"autocomplete": "off", "autocapitalize": "characters"})
    marks = StringField(_l("Marks on the paper"), filters=[strip], validators=[Optional(), Length(max=2000)],
                        render_kw={"autocomplete": "off", "inputmode": "text"})
    rejected = SelectField(_l("Rejected (it cannot be counted)?"), default="", choices=[],
                           description=_l("A ballot from the box that cannot be counted is rejected, with the "
                                          "reason. Ballots spoilt at the desk never reach the box and are not "
                                          "keyed."))


class ActionForm(AppForm):
    """Only the CSRF token: the button itself says what to do."""


class AuditForm(AppForm):
    seed = StringField(_l("Published seed"), filters=[strip], validators=[NotBlank(), max_length(100)],
                       description=_l("Announce it before drawing, for example the numbers of a public dice roll."))
    size = IntegerField(_l("How many ballots to check"), default=20, validators=[
        InputRequired(_l("Enter a whole number.")),
        NumberRange(min=1, max=10000, message=_l("Between %(min)d and %(max)d."))])


class DeskForm(AppForm):
    code = StringField(_l("The resident's access code"), filters=[strip], validators=[NotBlank(), Length(max=40)],
                       description=_l("From their card. Capitals, spaces and dashes do not matter."))
