"""Pages for admins only: the audit log, and every staff account with the organisation it belongs to."""
import json

from flask import Blueprint, abort, flash, redirect, request, url_for
from flask_babel import gettext as _

from app import audit
from app.accounts import services as accounts
from app.accounts.current import current_user, require, staff_required
from app.admin.forms import StaffOrganisationForm
from app.extensions import db
from app.models import User
from app.organisations.services import choices as organisation_choices
from app.web import render_page

bp = Blueprint("admin", __name__, url_prefix="/admin")


@bp.get("/audit")
@staff_required
def audit_log():
    """Every staff action, newest first: who, when, in which round, and what changed."""
    require(current_user().is_admin)
    round_slug = request.args.get("round", "").strip()
    entries = [(entry, json.loads(entry.detail)) for entry in audit.entries(round_slug or None)]
    return render_page("admin/audit.html", entries=entries, round_slug=round_slug)


@bp.get("/staff")
@staff_required
def staff():
    """Every staff account: its email, the organisation it belongs to and its roles."""
    require(current_user().is_admin)
    return render_page("admin/staff.html", accounts=accounts.staff_accounts())


@bp.route("/staff/<int:user_id>", methods=["GET", "POST"])
@staff_required
def staff_member(user_id):
    """An admin names the organisation a staff member works for."""
    require(current_user().is_admin)
    user = db.session.get(User, user_id) or abort(404)
    form = StaffOrganisationForm(organisations=organisation_choices(), organisation=user.organisation_id)
    if form.validate_on_submit():
        accounts.set_organisation(user, current_user(), form.organisation.data, form.name.data, form.org_id.data)
        flash(_("The organisation of %(email)s is saved.", email=user.email), "success")
        return redirect(url_for("admin.staff"))
    return render_page("admin/staff_member.html", member=user, roles=accounts.roles_of(user), form=form,
                       status=422 if form.errors else 200)
