from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, TextAreaField

from app.forms import AppForm, NotBlank, max_length, min_length, strip
from app.needs.forms import ResidentForm
from app.voting.challenges import Ground, Outcome


class ChallengeForm(ResidentForm):
    decision = SelectField(_l("Which decision do you challenge?"), choices=[])
    ground = RadioField(_l("Which of the published criteria does the panel's decision fail?"), choices=[],
                        validators=[NotBlank(_l("Please choose the criterion your challenge is about."))])
    grounds = TextAreaField(
        _l("Your grounds"), filters=[strip],
        validators=[NotBlank(_l("Please say why the decision is wrong.")), min_length(20), max_length(2000)],
        description=_l("Say what the panel missed or got wrong against that criterion."))
    language = SelectField(_l("Language you are writing in"), choices=[])

    def __init__(self, *args, decisions=(), grounds=(), languages=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.decision.choices = list(decisions)
        self.ground.choices = list(grounds)
        self.language.choices = list(languages)

    @property
    def ground_code(self) -> Ground:
        return Ground(self.ground.data)


class AnswerForm(AppForm):
    outcome = RadioField(_l("Outcome"), choices=[],
                         validators=[NotBlank(_l("Please choose the outcome."))])
    answer = TextAreaField(
        _l("The panel's answer"), filters=[strip],
        validators=[NotBlank(_l("Please write the answer.")), min_length(20), max_length(2000)])

    def __init__(self, *args, outcomes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.outcome.choices = list(outcomes)


class HideForm(AppForm):
    reason = TextAreaField(_l("Why hide it?"), filters=[strip],
                           validators=[NotBlank(), max_length(500)])


ANSWERS = (Outcome.UPHELD, Outcome.CHANGED, Outcome.DISMISSED)
