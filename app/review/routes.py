"""The feasibility and cost review: every open need gets a cost estimate and a verdict before ranking."""
from flask import Blueprint, flash, redirect, request, url_for
from flask_babel import gettext as _

from app.accounts.current import can_review, current_user, requires
from app.loaders import get_need
from app.models import NeedStatus
from app.review import services
from app.review.forms import ReviewForm
from app.rounds.phases import Action
from app.voting.feasibility import Review, ReviewRefusal, Verdict
from app.web import render_page, today

bp = Blueprint("review", __name__, url_prefix="/rounds/<slug>/review")


@bp.get("")
@requires(can_review)
def index(round_, slug):
    """Every open need with its verdict and cost, and how far the review has got."""
    needs = services.open_needs(round_)
    return render_page("review/index.html", round=round_, needs=needs, progress=services.progress(round_, needs),
                       open=round_.phase_on(today()).allows(Action.REVIEW_NEED))


@bp.route("/<int:need_id>", methods=["GET", "POST"])
@requires(can_review)
def need(round_, slug, need_id):
    """One need's review; saving goes on to the next need still waiting."""
    need = get_need(round_, need_id)
    if need.status != NeedStatus.OPEN:
        return redirect(url_for("review.index", slug=slug))
    form = ReviewForm(money_scale=round_.money_scale,
                      data={"verdict": None if need.feasibility == Verdict.UNREVIEWED else need.feasibility.value,
                            "cost": round_.amount(need.cost), "reason": need.feasibility_reason})
    open_ = round_.phase_on(today()).allows(Action.REVIEW_NEED)
    if request.method == "POST" and open_ and form.validate_on_submit():
        review = Review(Verdict(form.verdict.data), form.reason.data or "",
                        None if form.cost.data is None else round_.stored(form.cost.data))
        refused = services.record(round_, need, review, current_user(), round_.phase_on(today()))
        if not refused:
            flash(_("The review of “%(title)s” is saved.", title=need.title), "success")
            following = services.next_to_review(services.open_needs(round_), need)
            target = url_for("review.need", slug=slug, need_id=following.id) if following else url_for(
                "review.index", slug=slug)
            return redirect(target)
        _show_refusals(form, refused, round_)
    elif request.method == "POST" and not open_:
        flash(_("Ranking has opened, so costs and verdicts can no longer change."), "error")
    status = 422 if request.method == "POST" else 200
    return render_page("review/need.html", round=round_, need=need, form=form, open=open_, status=status)


def _show_refusals(form: ReviewForm, refused: list[ReviewRefusal], round_) -> None:
    messages = {
        ReviewRefusal.REASON_NEEDED: (form.reason, _("Say why it is not feasible: the proposer and everyone "
                                                     "else will read it.")),
        ReviewRefusal.COST_NEEDED: (form.cost, _("Give a cost estimate: the round has a budget, so every need "
                                                 "on its ballot needs a cost.")),
        ReviewRefusal.OVER_BUDGET: (form.cost, _("This is more than the round's whole budget, so it could never "
                                                 "be funded. Check the amount, or find it not feasible.")),
    }
    for refusal in refused:
        field, message = messages[refusal]
        field.errors = [*field.errors, message]
