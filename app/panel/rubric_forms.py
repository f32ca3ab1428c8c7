"""The panel's rubric form: each criterion's words, weight and anchors, and how the panel works."""
from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, FieldList, FormField, IntegerField, StringField
from wtforms.validators import Length, NumberRange

from app.voting.quorum import DEFAULT_QUORUM

from app.forms import AppForm, IdField, strip
from app.models.rubric import LARGEST_WEIGHT, MARKS


def _anchor(n: int) -> StringField:
    return StringField(_l("What a mark of %(mark)d means", mark=n), filters=[strip], validators=[Length(max=500)])


class CriterionRow(AppForm):
    """One criterion (a sub-form: no CSRF field of its own); an empty new row is skipped."""

    class Meta:
        csrf = False

    criterion_id = IdField()
    name = StringField(_l("Criterion"), filters=[strip], validators=[Length(max=200)])
    weight = IntegerField(_l("Weight"), default=1, validators=[NumberRange(1, LARGEST_WEIGHT, message=_l(
        "Give a weight from 1 to %(largest)d.", largest=LARGEST_WEIGHT))],
        description=_l("How many times its mark counts against the others'."))
    anchor_1, anchor_2, anchor_3, anchor_4, anchor_5 = (_anchor(n) for n in MARKS)
    remove = BooleanField(_l("Remove this criterion"))

    @property
    def anchors(self) -> tuple[str, ...]:
        return tuple(self[f"anchor_{n}"].data or "" for n in MARKS)


class RubricForm(AppForm):
    criteria = FieldList(FormField(CriterionRow), min_entries=1, max_entries=12)
    blind = BooleanField(_l("Blind marking"), description=_l(
        "Markers do not see who applied (name, identifier, contact) until the application is decided."))
    quorum = IntegerField(_l("Members who must agree for a decision to stand"), default=DEFAULT_QUORUM,
                          validators=[NumberRange(1, 20, message=_l("Give a number from 1 to 20."))])
    name_conflicts = BooleanField(_l("Publish the names of members who declare a conflict"), description=_l(
        "Otherwise the public record gives only their role on the panel."))
