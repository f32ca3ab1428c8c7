from flask import Blueprint, abort, flash, redirect, url_for
from flask_babel import gettext as _

from app.accounts.current import can_moderate, can_sit_on_panel, current_user, requires
from app.challenges import labels as challenge_labels, services
from app.challenges.forms import ANSWERS, AnswerForm, HideForm
from app.loaders import get_application, get_challenge, get_round
from app.models.base import utcnow
from app.panel import services as panel
from app.panel.public import challenge_form, decisions_page
from app.participation import participant_for
from app.ratelimits import resident_writes
from app.voting.challenges import Outcome
from app.web import render_page, today

bp = Blueprint("challenges", __name__, url_prefix="/rounds/<slug>")


@bp.post("/decisions/challenges")
@resident_writes
def challenge(slug):
    """A resident or applicant challenges one published decision, on one of the published criteria."""
    round_ = get_round(slug)
    if round_.decisions_published_at is None:
        abort(404)
    form = challenge_form(round_, panel.applications(round_))
    if not form.validate_on_submit():
        return decisions_page(round_, form=form, status=422)
    application = get_application(round_, int(form.decision.data))
    try:
        services.challenge(round_, application, participant_for(round_, form.display_name.data), form.ground_code,
                           form.grounds.data, form.language.data, round_.phase_on(today()), utcnow())
    except services.ChallengeError as refused:
        flash(challenge_labels.refusal(str(refused)), "error")
        return decisions_page(round_, form=form, status=409)
    flash(_("Your challenge is published. A panel member who took no part in the decision will answer it."),
          "success")
    return redirect(url_for("grants.decisions", slug=slug, _anchor="challenges"))


def _answer_form(**kwargs) -> AnswerForm:
    return AnswerForm(outcomes=[(o.value, challenge_labels.outcome(o)) for o in ANSWERS], **kwargs)


@bp.route("/panel/challenges/<int:challenge_id>", methods=["GET", "POST"])
@requires(can_sit_on_panel)
def answer(round_, slug, challenge_id):
    """A panel member with no part in the decision answers a challenge to it."""
    item = get_challenge(round_, challenge_id)
    form = _answer_form()
    if form.validate_on_submit():
        try:
            services.answer(item, current_user(), Outcome(form.outcome.data), form.answer.data,
                            round_.phase_on(today()))
        except services.ChallengeError as refused:
            flash(challenge_labels.refusal(str(refused)), "error")
            return redirect(url_for("challenges.answer", slug=slug, challenge_id=challenge_id))
        flash(_("Your answer is published with the challenge."), "success")
        return redirect(url_for("grants.decisions", slug=slug, _anchor="challenges"))
    return render_page("panel/challenge.html", round=round_, item=item, form=form, challenge_labels=challenge_labels,
                       may_answer=current_user().id not in services.took_part(item.application),
                       status=422 if form.errors else 200)


@bp.post("/panel/challenges/<int:challenge_id>/hide")
@requires(can_moderate)
def hide(round_, slug, challenge_id):
    """Moderators take down a challenge that breaks the house rules; its row stays, its words go."""
    item = get_challenge(round_, challenge_id)
    form = HideForm()
    if not form.validate_on_submit():
        flash(_("Please say why you hide it."), "error")
        return redirect(url_for("grants.decisions", slug=slug, _anchor=f"challenge-{challenge_id}"))
    services.hide(item, form.reason.data, current_user())
    flash(_("The challenge is hidden."), "success")
    return redirect(url_for("grants.decisions", slug=slug, _anchor="challenges"))
