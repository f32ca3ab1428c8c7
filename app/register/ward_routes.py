"""Facilitators load a round's wards or neighbourhoods, with their codes, from a CSV."""
from flask import Blueprint, flash, redirect, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from wtforms import TextAreaField

from app.accounts.current import can_manage, current_user, requires
from app.extensions import db
from app.forms import AppForm
from app.models import Ward
from app.register.areas import Refusal, WardsRefused, read_wards
from app.register.services import load_wards
from app.web import render_page

bp = Blueprint("wards", __name__, url_prefix="/rounds/<slug>/wards")

REFUSALS = {
    Refusal.EMPTY: _l("there are no wards in it"),
    Refusal.COLUMNS: _l("each line needs a name and a code, separated by a comma"),
    Refusal.NO_NAME: _l("the name is empty"),
    Refusal.LONG_NAME: _l("the name is longer than 120 characters"),
    Refusal.BAD_CODE: _l("the code must be letters and digits only, up to 16 of them"),
    Refusal.REPEATED_CODE: _l("this code is on an earlier line too"),
    Refusal.TOO_MANY: _l("a round can have at most 2,000 wards"),
}


class WardsForm(AppForm):
    wards = TextAreaField(_l("Wards, one a line as name,code"),
                          description=_l("For example: Brockley,E05013714. Paste the CSV here; it replaces the round's wards."))


@bp.route("", methods=["GET", "POST"])
@requires(can_manage)
def edit(round_, slug):
    """Facilitators: the round's wards with their codes; residents pick their area from them."""
    form = WardsForm()
    if form.validate_on_submit():
        try:
            places = read_wards(form.wards.data or "")
        except WardsRefused as refused:
            form.wards.errors = [_("Line %(line)d: %(reason)s.", line=refused.line, reason=REFUSALS[refused.refusal])]
        else:
            load_wards(round_, places, current_user())
            flash(_("The wards are saved."), "success")
            return redirect(url_for("rounds.show", slug=slug))
    elif not form.is_submitted():
        form.wards.data = "\n".join(f"{w.name},{w.code}" for w in _wards(round_))
    return render_page("register/wards.html", round=round_, form=form, status=422 if form.errors else 200)


def _wards(round_):
    return db.session.scalars(db.select(Ward).filter_by(round_id=round_.id).order_by(Ward.id))
