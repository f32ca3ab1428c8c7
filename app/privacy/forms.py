from flask_babel import lazy_gettext as _l
from wtforms import BooleanField
from wtforms.validators import DataRequired
from app.forms import AppForm


class ForgetForm(AppForm):
    understood = BooleanField(
        _l("I understand: my name and my link to what I posted are removed for good, and I cannot change my ballot any more."),
        validators=[DataRequired(_l("Tick the box to confirm."))])
