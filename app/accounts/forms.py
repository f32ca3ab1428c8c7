from flask_babel import lazy_gettext as _l
from wtforms import EmailField, PasswordField, SelectField
from wtforms.validators import DataRequired, EqualTo, Length, Regexp
from app.forms import AppForm
from app.models import Role


class SignInForm(AppForm):
    email = EmailField(_l("Email address"), validators=[DataRequired(), Length(max=254)])
    password = PasswordField(_l("Password"), validators=[DataRequired(), Length(max=200)])


class ResetRequestForm(AppForm):
    email = EmailField(_l("Email address"), validators=[DataRequired(), Length(max=254)])


class NewPasswordForm(AppForm):
    password = PasswordField(_l("New password"), validators=[
        DataRequired(), Length(min=10, max=200, message=_l("Use at least %(min)d characters."))],
        description=_l("At least 10 characters. A few unrelated words are easy to remember and hard to guess."))
    confirm = PasswordField(_l("The same password again"), validators=[
        DataRequired(), EqualTo("password", message=_l("The two passwords are not the same."))])


class InviteForm(AppForm):
    email = EmailField(_l("Their email address"), validators=[DataRequired(), Length(max=254), Regexp(r"^[^@\s]+@[^@\s]+\.[^@\s]+$", 
        message=_l("Enter an email address, like name@example.org."))])
    role = SelectField(_l("Role in this round"), choices=[])

    def __init__(self, *args, role_labels=None, **kwargs):
        super().__init__(*args, **kwargs)
        labels = role_labels or {}
        self.role.choices = [(code.value, labels.get(code, code)) for code in Role if code != Role.ADMIN]
