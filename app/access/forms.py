from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import HiddenField, IntegerField, StringField
from wtforms.validators import InputRequired, Length, NumberRange

from app.access.services import MAX_CODES_AT_ONCE
from app.forms import NotBlank, strip


class JoinForm(FlaskForm):
    code = StringField(_l("Your access code"), filters=[strip], validators=[NotBlank(), Length(max=40)],
                       description=_l("It is on your card, for example 7KQ2M-XW4PD. Capitals, spaces and dashes do not matter."))
    next = HiddenField()


class GenerateCodesForm(FlaskForm):
    count = IntegerField(_l("How many codes"), default=40, validators=[
        InputRequired(_l("Say how many codes to make.")),
        NumberRange(min=1, max=MAX_CODES_AT_ONCE, message=_l("Make between %(min)d and %(max)d codes at a time."))])


class VoidCodeForm(FlaskForm):
    """Only the CSRF token: voiding needs no other input."""
