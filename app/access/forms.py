from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, EmailField, HiddenField, IntegerField, StringField, ValidationError
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Regexp

from app.access.eligibility import fits, prefixes

from app.access.services import MAX_CODES_AT_ONCE
from app.forms import AppForm, NotBlank, strip


class JoinForm(AppForm):
    code = StringField(_l("Your access code"), filters=[strip], validators=[NotBlank(), Length(max=40)],
                       description=_l("It is on your card, for example 7KQ2M-XW4PD. Capitals, spaces and dashes do not matter."))
    next = HiddenField()


class GenerateCodesForm(AppForm):
    count = IntegerField(_l("How many codes"), default=40, validators=[
        InputRequired(_l("Say how many codes to make.")),
        NumberRange(min=1, max=MAX_CODES_AT_ONCE, message=_l("Make between %(min)d and %(max)d codes at a time."))])


class VoidCodeForm(AppForm):
    """Only the CSRF token: voiding needs no other input."""


class EmailJoinForm(AppForm):
    email = EmailField(_l("Your email address"), filters=[strip], validators=[NotBlank(), Length(max=254), Regexp(
        r"^[^@\s]+@[^@\s]+\.[^@\s]+$", message=_l("Enter an email address, like name@example.org."))],
        description=_l("We send you a link to take part. We do not keep your address: only a scrambled form of it that "
                       "recognises you when you come back."))
    next = HiddenField()


class ConfirmForm(AppForm):
    """Only the CSRF token: the button itself is the answer."""


def eligibility_form(round_, **kwargs) -> AppForm:
    """A form with one box to tick per statement of the round, and a postcode when the round checks one."""
    allowed = prefixes(*round_.postcode_prefixes)

    class EligibilityForm(AppForm):
        next = HiddenField()

        def validate_postcode(self, field):
            if not fits(field.data, allowed):
                raise ValidationError(_l("This round is for postcodes starting %(prefixes)s.", prefixes=", ".join(allowed)))

    for number, statement in enumerate(round_.eligibility):
        setattr(EligibilityForm, f"statement_{number}", BooleanField(
            statement, validators=[DataRequired(_l("Confirm this to take part."))]))
    if allowed:
        EligibilityForm.postcode = StringField(_l("Your postcode"), filters=[strip], validators=[NotBlank(), Length(max=12)],
                                               description=_l("Only its first part is kept, for example SE13."))
    return EligibilityForm(**kwargs)
