from flask_babel import lazy_gettext as _l
from wtforms import RadioField, TextAreaField
from wtforms.validators import InputRequired, Length

from app.forms import AppForm, MoneyField, strip
from app.voting.feasibility import Verdict

VERDICT_LABELS = {
    Verdict.FEASIBLE: _l("Feasible: it goes on the ballot"),
    Verdict.NOT_FEASIBLE: _l("Not feasible: it stays on the record but not on the ballot"),
}


class ReviewForm(AppForm):
    verdict = RadioField(_l("Verdict"), choices=[], validators=[InputRequired(message=_l("Choose feasible or not feasible."))])
    cost = MoneyField(_l("Cost estimate"), description=_l("What it would cost to do, in the round's currency."))
    reason = TextAreaField(_l("Reason, shown to the proposer and to everyone"), filters=[strip],
                           validators=[Length(max=1000)],
                           description=_l("Needed when it is not feasible: say why in plain words, and what could "
                                          "be done instead."))

    def __init__(self, *args, money_scale=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.cost.scale = money_scale
        self.verdict.choices = [(verdict.value, label) for verdict, label in VERDICT_LABELS.items()]
