"""Form fields and checks shared by several features."""
from flask_babel import get_translations
from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import ValidationError
from wtforms.validators import Length


class NotBlank:
    """Refuses text that is only spaces, which DataRequired lets through after stripping nothing."""
    def __init__(self, message=None):
        self.message = message

    def __call__(self, form, field):
        if not (field.data or "").strip():
            raise ValidationError(self.message or _l("Please fill this in."))


def strip(value):
    return value.strip() if isinstance(value, str) else value


def max_length(limit: int):
    return Length(max=limit, message=_l("Please keep this to %(max)d characters or fewer."))


def min_length(limit: int):
    return Length(min=limit, message=_l("Please write at least %(min)d characters."))


class _CatalogTranslations:
    """WTForms' own messages looked up in the app's catalogs, which hold every interface language
    (WTForms ships some of them, not Bengali, Urdu or Somali)."""
    # The raw catalog: WTForms fills in the placeholders itself.
    def gettext(self, string):
        return get_translations().ugettext(string)

    def ngettext(self, singular, plural, n):
        return get_translations().ungettext(singular, plural, n)


class AppForm(FlaskForm):
    """Every form of the app: WTForms' messages come from the app's catalogs (see app/form_messages.py)."""
    class Meta:
        def get_translations(self, form):
            return _CatalogTranslations()
