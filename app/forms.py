"""Form fields and checks shared by several features."""
import re

from babel.numbers import parse_decimal
from flask_babel import format_decimal, get_locale, get_translations
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_babel import ngettext
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, SelectField, StringField, TextAreaField, ValidationError
from wtforms.validators import Length
from wtforms.widgets import Select, TextInput

from app import money
from app.bounds import read_int
from app.bad_input import ONWARD
from app.money import AmountError, Refusal


class NotBlank:
    """Refuses text that is only spaces, which DataRequired lets through after stripping nothing."""
    def __init__(self, message=None):
        self.message = message

    def __call__(self, form, field):
        if not (field.data or "").strip():
            raise ValidationError(self.message or _l("Please fill this in."))


def strip(value):
    return value.strip() if isinstance(value, str) else value


def optional_id(value):
    """A select's coerce for a chosen row's id: None for the empty choice, ValueError for what no row can
    have (WTForms then says the choice is not valid)."""
    if value is None or value == "":
        return None
    if isinstance(value, int):
        return value
    found = read_int(value)
    if found is None:
        raise ValueError(value)
    return found


def max_length(limit: int):
    return Length(max=limit, message=_l("Please keep this to %(max)d characters or fewer."))


def min_length(limit: int):
    return Length(min=limit, message=_l("Please write at least %(min)d characters."))


class _ListInput:
    """A list typed as text: one item per line, or, for short codes, separated by spaces or commas.

    The list is the field's data (as a round stores it); `max_chars` bounds the text as typed."""

    def __init__(self, *args, separator: str = "\n", max_chars: int | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.separator, self.max_chars, self.text = separator, max_chars, ""

    def process_data(self, value):
        self.data = list(value or [])
        self.text = self.separator.join(self.data)

    def process_formdata(self, valuelist):
        if valuelist:
            self.text = valuelist[0].strip()
            pattern = r"\n" if self.separator == "\n" else r"[\s,;]+"
            self.data = [item.strip() for item in re.split(pattern, self.text) if item.strip()]

    def pre_validate(self, form):
        if self.max_chars is not None and len(self.text) > self.max_chars:
            raise ValidationError(self.ngettext("Field cannot be longer than %(max)d character.",
                                                "Field cannot be longer than %(max)d characters.",
                                                self.max_chars) % {"max": self.max_chars})

    def _value(self):
        return self.text


class LinesField(_ListInput, TextAreaField):
    """A list written one item per line."""


class WordsField(_ListInput, StringField):
    """A list of short codes on one line, separated by spaces or commas ("SE4 SE6, SE13")."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, separator=" ", **kwargs)


class _CatalogTranslations:
    """WTForms' own messages looked up in the app's catalogs, which hold every interface language
    (WTForms ships some of them, not Bengali, Urdu or Somali)."""
    # The raw catalog: WTForms fills in the placeholders itself.
    def gettext(self, string):
        return get_translations().ugettext(string)

    def ngettext(self, singular, plural, n):
        return get_translations().ungettext(singular, plural, n)


# Embeddings, overrides and isolates reorder the text around them: in a title or a name they can make
# "gnp.exe" read as "exe.png", or one need's title pass for another's. Marks (LRM, RLM, ALM) stay allowed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
# Fields shown as one line where other people read them and could be misled by reordered text.
SPOOFABLE = frozenset({"title", "name", "display_name", "funder_name", "place", "applicant"})


def _typed_texts(field) -> list[str]:
    return [value for value in (field.raw_data or []) if isinstance(value, str)]


def refusal_of_characters(name: str, texts: list[str]) -> str | None:
    """Why typed text cannot be kept: a NUL anywhere (PostgreSQL cannot store it), or direction
    controls in a title or a name."""
    if name in ONWARD:
        return None  # never stored; safe_next refuses a control character in it
    if any("\x00" in text for text in texts):
        return _("This contains an invisible control character (NUL) that cannot be saved. Please delete it.")
    if name in SPOOFABLE and any(BIDI_CONTROLS.intersection(text) for text in texts):
        return _("This contains invisible characters that change the direction of the text, so it could read "
                 "differently from what it says. Please delete them.")
    return None


class AppForm(FlaskForm):
    """Every form of the app: WTForms' messages come from the app's catalogs (see app/form_messages.py),
    and no field keeps characters that cannot be stored or that disguise the text (checked first, so the
    form comes back with what was typed and says which field and why)."""
    class Meta:
        def get_translations(self, form):
            return _CatalogTranslations()

    def validate(self, extra_validators=None):
        refused = [(field, refusal) for field in _leaves(self)
                   if (refusal := refusal_of_characters(field.short_name, _typed_texts(field)))]
        valid = super().validate(extra_validators)
        for field, refusal in refused:
            field.errors = [refusal, *[e for e in field.errors if e != refusal]]
        return valid and not refused


def _leaves(form):
    """Every field a person types into, inside lists of entries and sub-forms too."""
    for field in form:
        if hasattr(field, "entries"):
            for entry in field.entries:
                yield from (_leaves(entry.form) if hasattr(entry, "form") else [entry])
        elif hasattr(field, "form") and hasattr(field.form, "_fields"):
            yield from _leaves(field.form)
        else:
            yield field


def _read_localised(text: str):
    return parse_decimal(text, locale=get_locale(), strict=True)


def _refusal_message(refusal: Refusal, field) -> str:
    if refusal == Refusal.NOT_POSITIVE:
        return _("Give an amount above zero.")
    if refusal == Refusal.TOO_LARGE:
        return _("Give an amount of at most %(largest)s.", largest=format_decimal(field.largest))
    if refusal == Refusal.TOO_PRECISE:
        if not field.scale:
            return _("This round counts money in whole units: leave out the decimals.")
        return ngettext("Use at most %(num)d decimal.", "Use at most %(num)d decimals.", field.scale)
    return _("Write the amount in figures, for example 1250.")


class MoneyField(Field):
    """A sum of money typed in currency units, kept as an exact Decimal (never a float).

    `scale` is how many decimals the round keeps; forms set it once they know the round, so the
    typed text is read when the form is validated."""

    widget = TextInput(input_type="text")

    def __init__(self, label=None, validators=None, scale=0, largest=money.LARGEST_AMOUNT, **kwargs):
        kwargs.setdefault("render_kw", {"inputmode": "decimal", "autocomplete": "off"})
        super().__init__(label, validators, **kwargs)
        self.scale, self.largest, self.text = scale, largest, ""

    def _value(self):
        if self.raw_data:
            return self.raw_data[0]
        return "" if self.data is None else format(self.data, "f")

    def process_formdata(self, valuelist):
        self.text = valuelist[0] if valuelist else ""
        self.data = None

    def pre_validate(self, form):
        if not self.text.strip():
            return
        try:
            self.data = money.parse(self.text, self.scale, self.largest, _read_localised)
        except AmountError as error:
            raise ValidationError(_refusal_message(error.refusal, self)) from None


class IdField(HiddenField):
    """The id of a row the form refers to: a number the database can hold, or nothing (None)."""

    def __init__(self, *args, required=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.required, self.text = required, ""

    def process_data(self, value):
        self.data = None if value is None else read_int(value)

    def process_formdata(self, valuelist):
        self.text = valuelist[0] if valuelist else ""
        self.data = read_int(self.text)

    def pre_validate(self, form):
        if (self.text or self.required) and self.data is None:
            raise ValidationError(_("This form refers to something that does not exist. Reload the page and try again."))

    def _value(self):
        return "" if self.data is None else str(self.data)


class _LanguageSelect(Select):
    """The same twenty languages on every need and comment form, rendered once per page language and choice:
    rendering their options field by field was a twentieth of a need page's time."""

    _rendered: dict[tuple, str] = {}

    def __call__(self, field, **kwargs):
        key = (str(get_locale()), field.id, field.name, tuple(code for code, _label in field.choices), field.data,
               field.flags.required, tuple(sorted(kwargs.items())))
        if key not in self._rendered:
            if len(self._rendered) > 1000:  # posted values that are no language must not grow it for ever
                self._rendered.clear()
            self._rendered[key] = super().__call__(field, **kwargs)
        return self._rendered[key]


class LanguageField(SelectField):
    """A choice among languages, whose labels depend only on their codes and the page's language."""
    widget = _LanguageSelect()
