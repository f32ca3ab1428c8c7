from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _

from app.loaders import get_round
from app.participation import current_participant, leave
from app.privacy import services
from app.privacy.forms import ForgetForm
from app.ratelimits import resident_writes
from app.web import render_page

bp = Blueprint("privacy", __name__)


@bp.get("/privacy")
def policy():
    """What the app stores about residents and staff, why, for how long, and how to remove it."""
    return render_page("privacy/policy.html")


@bp.get("/rounds/<slug>/my-data")
def my_data(slug):
    """Everything this round holds about the resident using this browser."""
    round_ = get_round(slug)
    participant = current_participant(round_)
    data = services.my_data(participant) if participant else None
    return render_page("privacy/my_data.html", round=round_, data=data, form=ForgetForm(),
                       retention_ends=services.retention_ends(round_))


@bp.post("/rounds/<slug>/my-data/forget")
@resident_writes
def forget(slug):
    round_ = get_round(slug)
    participant = current_participant(round_)
    if participant is None:
        return redirect(url_for("privacy.my_data", slug=round_.slug))
    form = ForgetForm()
    if not form.validate_on_submit():
        data = services.my_data(participant)
        return render_page("privacy/my_data.html", round=round_, data=data, form=form, status=422,
                           retention_ends=services.retention_ends(round_))
    services.forget(participant, round_)
    leave(round_)
    flash(_("Your personal data for this round is deleted. What you posted stays, without your name; your ballot stays counted."),
          "success")
    return redirect(url_for("rounds.show", slug=round_.slug))
