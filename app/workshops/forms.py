from flask_babel import lazy_gettext as _l
from wtforms import DateTimeLocalField, HiddenField, IntegerField, SelectField, StringField
from wtforms.validators import InputRequired, Length, NumberRange, Optional

from app.forms import AppForm, NotBlank, max_length, strip
from app.workshops.timer import MAX_MINUTES

MAX_DOTS = 10000


class StartForm(AppForm):
    name = StringField(_l("Name of the session"), filters=[strip], validators=[NotBlank(), max_length(140)],
                       description=_l("For example: Evening workshop at the library"))
    place = StringField(_l("Place"), filters=[strip], validators=[Optional(), max_length(140)])
    starts_at = DateTimeLocalField(_l("Starts at"), format="%Y-%m-%dT%H:%M", validators=[Optional()],
                                   description=_l("Leave empty to start now."))


class TimerForm(AppForm):
    minutes = IntegerField(_l("Minutes"), default=5, validators=[
        InputRequired(_l("Say how many minutes.")),
        NumberRange(min=1, max=MAX_MINUTES, message=_l("Between %(min)d and %(max)d minutes."))])


class ActionForm(AppForm):
    """Only the CSRF token: the button itself says what to do."""


class ShowNeedForm(AppForm):
    need = SelectField(_l("Need on the big screen"), coerce=int, choices=[])


class LanguageForm(AppForm):
    language = SelectField(_l("Language of the big screen"), choices=[])


class StationForm(AppForm):
    code = StringField(_l("The resident's access code"), filters=[strip], validators=[NotBlank(), Length(max=40)],
                       description=_l("From their card. Capitals, spaces and dashes do not matter."))


class JoinForm(AppForm):
    code = StringField(_l("Session code"), filters=[strip], validators=[NotBlank(), Length(max=20)],
                       description=_l("It is on the big screen, for example K7M2QX."))
    display_name = StringField(_l("Your name (optional)"), filters=[strip], validators=[Optional(), max_length(60)])
    next = HiddenField()


def dots_form(needs, stored: dict[int, int]) -> AppForm:
    """One number per need, as counted on the dot-voting sheet."""
    class DotsForm(AppForm):
        pass

    for need in needs:
        setattr(DotsForm, f"dots-{need.id}", IntegerField(
            need.title, default=stored.get(need.id, 0), validators=[
                Optional(), NumberRange(min=0, max=MAX_DOTS, message=_l("Between %(min)d and %(max)d dots."))]))
    return DotsForm()
