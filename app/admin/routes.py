import json

from flask import Blueprint, request

from app import audit
from app.accounts.current import current_user, require, staff_required
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
