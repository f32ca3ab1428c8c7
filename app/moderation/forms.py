from flask_babel import lazy_gettext as _l
from wtforms import SelectField, StringField, TextAreaField, ValidationError

from app.forms import AppForm, NotBlank, max_length, min_length, strip


class ReasonForm(AppForm):
    reason = StringField(_l("Reason, shown to everyone"), filters=[strip],
                         validators=[NotBlank(_l("Please give a reason.")), max_length(300)])


class ActionForm(AppForm):
    """Only the CSRF token."""


class EditNeedForm(AppForm):
    title = StringField(_l("The need, in a few words"), filters=[strip],
                        validators=[NotBlank(_l("Please give the need a short title.")), min_length(5), max_length(140)])
    description = TextAreaField(_l("What is the need?"), filters=[strip],
                                validators=[NotBlank(_l("Please say what the need is.")), max_length(2000)])
    affected = StringField(_l("Who does it affect?"), filters=[strip], validators=[max_length(300)])
    location = StringField(_l("Where?"), filters=[strip], validators=[max_length(200)])
    area = SelectField(_l("Area"), choices=[], validate_choice=False)
    category = SelectField(_l("Category"), choices=[], validate_choice=False)
    reason = StringField(_l("Why you are editing it, shown in the history"), filters=[strip],
                         validators=[NotBlank(_l("Please give a reason.")), max_length(300)])

    def __init__(self, *args, areas=(), categories=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.area.choices = [("", _l("Not specific to one area"))] + [(a, a) for a in areas]
        self.category.choices = list(categories)

    def validate_category(self, field):
        if field.data not in {code for code, _label in self.category.choices}:
            raise ValidationError(_l("Please choose a category."))

    def validate_area(self, field):
        if field.data not in {code for code, _label in self.area.choices}:
            raise ValidationError(_l("Please choose an area from the list."))


class MergeForm(AppForm):
    kept = SelectField(_l("Merge into"), choices=[], coerce=int, validate_choice=False)
    reason = StringField(_l("Reason, shown to everyone"), filters=[strip],
                         validators=[NotBlank(_l("Please give a reason.")), max_length(300)])

    def __init__(self, *args, candidates=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.kept.choices = list(candidates)

    def validate_kept(self, field):
        if field.data not in {value for value, _label in self.kept.choices}:
            raise ValidationError(_l("Please choose the need to keep."))
