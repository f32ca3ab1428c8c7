"""The audit log: each staff action recorded with who, when and what changed; read by admins."""
import json
from html import unescape

from app.extensions import db
from app.models import AuditEntry
from tests.conftest import post


def entries(app):
    with app.app_context():
        return [(e.actor, e.round_slug, e.action, json.loads(e.detail))
                for e in db.session.scalars(db.select(AuditEntry).order_by(AuditEntry.id))]


def test_phase_changes_and_moderation_are_recorded_and_admins_read_them(app, client, make_round, make_need, make_user,
                                                                       sign_in, runner):
    make_round(phase="propose")
    make_round(slug="brent")
    need = make_need()
    make_user(round_slug="lewisham")
    sign_in()
    post(client, "/rounds/lewisham/phase")
    post(client, f"/rounds/lewisham/moderation/needs/{need}/hide", {"reason": "Shares a phone number"})
    runner.invoke(args=["codes", "generate", "brent", "--count", "2"])
    assert entries(app) == [
        ("facilitator@example.org", "lewisham", "phase-opened", {"before": "propose", "after": "discuss"}),
        ("facilitator@example.org", "lewisham", "need-moderated",
         {"need": need, "status": "hidden", "reason": "Shares a phone number"}),
        ("command line", "brent", "codes-generated", {"batch": 1, "count": 2}),
    ]
    assert client.get("/admin/audit").status_code == 403

    make_user("admin@example.org", "admin")
    admin = app.test_client()
    post(admin, "/account/sign-in", {"email": "admin@example.org", "password": "correct horse battery"})
    page = unescape(admin.get("/admin/audit").get_data(as_text=True))
    assert page.index("Access codes made") < page.index("Need moderated") < page.index("Phase opened")
    only_lewisham = unescape(admin.get("/admin/audit?round=lewisham").get_data(as_text=True))
    assert "Phase opened" in only_lewisham and "Access codes made" not in only_lewisham
