"""Who may do what, route by route over the whole URL map, and no GET that changes anything.

The one GET that does is a card's QR link, /join?code=CODE (CONTRACT.md); it is tested in test_access.py.
"""
import hashlib
import re
from datetime import date

import pytest
from flask.sessions import SecureCookieSessionInterface
from sqlalchemy import text

from app.extensions import db
from app.models import (AccessCode, Application, Challenge, NeedEvidence, PaperBallot, PaperBatch, User,
                        WorkshopSession)
from app.models.base import utcnow
from tests.conftest import PASSWORD, csrf_token

# Every endpoint, by who may use it. A new endpoint fails the first test until it is placed here.
PUBLIC = {
    "main.home", "main.healthz", "main.choose_language", "static", "accounts.sign_in", "accounts.sign_out",
    "rounds.show", "needs.index", "needs.show", "needs.history", "needs.propose", "needs.support", "needs.comment",
    "needs.report", "ballots.ballot", "ballots.cast", "ballots.answer_pair", "ballots.receipts", "ballots.receipts_csv", "results.show",
    "opendata.needs_json", "opendata.needs_csv", "opendata.results_json", "opendata.export_pabulib", "access.join",
    "accounts.request_reset", "accounts.reset", "accounts.accept_invitation", "privacy.policy", "privacy.my_data",
    "privacy.forget", "access.join_by_email", "access.email_link", "access.eligibility",
    "grants.decisions", "opendata.grants_json", "opendata.decisions_csv",
    "challenges.challenge", "opendata.challenges_json", "register.index", "api.needs", "api.openapi", "api.rounds", "api.grants", "api.organisations", "api.areas", "api.needs_csv", "api.needs_csv_metadata",
    "api.rounds_csv", "api.rounds_csv_metadata", "api.grants_csv", "api.grants_csv_metadata", "api.organisations_csv",
    "api.organisations_csv_metadata", "api.areas_csv", "api.areas_csv_metadata",
    "projector.projector", "projector.snapshot", "projector.join_form", "projector.join",
    "paper_public.paper_json", "paper_public.report_page", "paper_public.ballots_csv",
    "progress.report", "applications.apply", "applications.sent", "applications.resend", "applications.mine",
}
MANAGE = {"rounds.edit", "rounds.advance", "access.codes", "access.generate", "access.void", "access.cards",
          "results.compare", "accounts.round_staff", "panel.funder",
          "wards.edit", "carry.index", "carry.carry", "evidence.attach", "evidence.edit", "evidence.remove",
          "links.index", "links.link", "links.unlink", "workshops.index", "workshops.console", "workshops.timer", "workshops.results",
          "workshops.phase", "workshops.show_need", "workshops.language", "workshops.end", "workshops.dots",
          "workshops.report", "workshops.station", "workshops.leave_station",
          "paper.index", "paper.new_batch", "paper.settings", "paper.batch", "paper.account", "paper.print_ballots",
          "paper.printable", "paper.key", "paper.disputes", "paper.resolve", "paper.desk", "paper.audit",
          "paper.audit_check"}
MODERATE = {"moderation.queue", "moderation.hide", "moderation.restore", "moderation.dismiss",
            "moderation.edit_need", "moderation.merge_need", "challenges.hide"}
TRANSLATE = {"needs.translations", "needs.suggest_translation", "comment_translations.edit", "comment_translations.suggest"}
REVIEW = {"review.index", "review.need"}
PANEL = {"panel.index", "panel.new_application", "panel.application", "panel.mark", "panel.conflict",
         "panel.decide", "panel.publish", "challenges.answer", "progress.send_link", "progress.complete",
         "eligibility.index", "eligibility.add", "eligibility.remove", "eligibility.window", "eligibility.word",
         "rubric.edit", "panel.no_conflict", "panel.meeting", "panel.details",
         "panel.feedback_copy"}
CREATE = {"rounds.new"}
ADMIN = {"admin.audit_log", "admin.staff", "admin.staff_member"}
SIGNED_IN = {"accounts.me"}  # every staff account, whatever its roles
STAFF = MANAGE | MODERATE | TRANSLATE | REVIEW | PANEL | CREATE | ADMIN | SIGNED_IN


@pytest.fixture
def world(app, make_round, make_need, make_comment, make_user, runner):
    make_round(phase="rank")
    make_round(slug="brent")
    need = make_need()
    comment = make_comment(need)
    runner.invoke(args=["codes", "generate", "lewisham", "--count", "1"])
    admin = make_user("admin@example.org", "admin")
    make_user("lewisham-facilitator@example.org", "facilitator", "lewisham")
    make_user("brent-facilitator@example.org", "facilitator", "brent")
    make_user("lewisham-moderator@example.org", "moderator", "lewisham")
    make_user("lewisham-panel@example.org", "panel", "lewisham")
    make_user("lewisham-translator@example.org", "translator", "lewisham")
    make_user("lewisham-reviewer@example.org", "reviewer", "lewisham")
    with app.app_context():
        code = db.session.scalar(db.select(AccessCode.id))
        application = Application(round_id=1, need_id=need, applicant="Sydenham Society", title="Benches", amount=900)
        db.session.add(application)
        db.session.flush()
        challenge = Challenge(round_id=1, application_id=application.id, ground="fit", language="en",
                              grounds="The benches serve the bus stop, not the park.", deadline=utcnow())
        workshop = WorkshopSession(round_id=1, name="Evening", projector_token="not-a-token", join_code="K7M2QX")
        batch = PaperBatch(round_id=1, name="Library box 1")
        evidence = NeedEvidence(need_id=need, title="Ward profile", url="https://example.org/w",
                                published_on=date(2026, 1, 1))
        db.session.add_all([challenge, workshop, batch, evidence])
        db.session.flush()
        db.session.add(PaperBallot(round_id=1, batch_id=batch.id, serial="K7M2QX"))
        db.session.commit()
        application, challenge, workshop, batch, evidence = (application.id, challenge.id, workshop.id, batch.id,
                                                             evidence.id)
    return {"slug": "lewisham", "need_id": need, "comment_id": comment, "code_id": code, "filename": "css/app.css",
            "application_id": application, "challenge_id": challenge,
            "session_id": workshop, "code": "K7M2QX",
            "token": "not-a-token", "link_id": 1, "secret": "not-a-secret", "batch_id": batch, "serial": "K7M2QX",
            "question_id": 1, "evidence_id": evidence, "other_id": need, "user_id": admin}


def urls(app, world, endpoints=None):
    """(endpoint, method, path) for every route, its arguments filled from the world."""
    for rule in app.url_map.iter_rules():
        if endpoints is not None and rule.endpoint not in endpoints:
            continue
        path = re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(world[m.group(1)]), rule.rule)
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"}):
            yield rule.endpoint, method, path


def signed_in(app, email):
    client = app.test_client()
    if email:
        response = client.post("/account/sign-in", data={"csrf_token": csrf_token(client), "email": email,
                                                         "password": PASSWORD})
        assert response.status_code == 302
    return client


def request(client, method, path):
    data = {} if method == "GET" else {"csrf_token": csrf_token(client)}
    with client.open(path, method=method, data=data) as response:
        return response


def test_every_endpoint_says_who_may_use_it(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    classified = PUBLIC | STAFF
    assert endpoints - classified == set(), "place new endpoints in one of the sets above"
    assert classified - endpoints == set()


def test_residents_are_asked_to_sign_in_for_every_staff_page(app, world):
    resident = app.test_client()
    resident.get(f"/rounds/lewisham/join?code=x")  # a resident session, with no staff account behind it
    for endpoint, method, path in urls(app, world, STAFF):
        response = request(resident, method, path)
        assert response.status_code == 302 and "/account/sign-in" in response.headers["Location"], (endpoint, method)


@pytest.mark.parametrize("email,allowed", [
    ("brent-facilitator@example.org", set()),
    ("lewisham-moderator@example.org", MODERATE),
    ("lewisham-panel@example.org", PANEL),
    ("lewisham-translator@example.org", TRANSLATE),
    ("lewisham-reviewer@example.org", REVIEW),
    ("lewisham-facilitator@example.org", MANAGE | MODERATE | TRANSLATE | REVIEW | PANEL),
    ("admin@example.org", MANAGE | MODERATE | TRANSLATE | REVIEW | PANEL | CREATE | ADMIN),
])
def test_staff_reach_only_what_their_role_in_this_round_allows(app, world, email, allowed):
    client = signed_in(app, email)
    allowed = allowed | SIGNED_IN
    for endpoint, method, path in urls(app, world, STAFF):
        if endpoint in allowed and method == "POST":
            continue  # allowed actions are tested with real input in each feature's tests
        status = request(client, method, path).status_code
        if endpoint in allowed:
            assert status == 200, (email, endpoint, method, status)
        else:
            assert status == 403, (email, endpoint, method, status)


def test_a_forged_session_is_no_one(app, world):
    with app.app_context():
        admin = db.session.scalar(db.select(User.id).filter_by(email="admin@example.org"))
    forger = SecureCookieSessionInterface().get_signing_serializer(
        type("Forged", (), {"secret_key": "not-the-secret", "config": app.config})())
    client = app.test_client()
    client.set_cookie("session", forger.dumps({"user_id": admin}))
    response = client.get("/admin/audit")
    assert response.status_code == 302 and "/account/sign-in" in response.headers["Location"]


# A cache that reading may refresh: the projector snapshot, counted again at most once a second; refreshing
# it raises the content version, as every write does.
DERIVED = {("workshop_session", "snapshot"), ("workshop_session", "snapshot_at"), ("content_version", "number"),
           ("content_version", "across_rounds")}


def snapshot(app) -> str:
    """A digest of every row of every table, derived caches left out."""
    digest = hashlib.sha256()
    with app.app_context():
        with db.engine.connect() as connection:
            for table in db.metadata.sorted_tables:
                columns = ", ".join(f'"{c.name}"' for c in table.columns if (table.name, c.name) not in DERIVED)
                rows = connection.execute(text(f'SELECT {columns} FROM "{table.name}" ORDER BY 1')).all()
                digest.update(repr((table.name, rows)).encode())
    return digest.hexdigest()


@pytest.mark.parametrize("email", [None, "admin@example.org"])
def test_no_get_changes_anything(app, world, email):
    client = signed_in(app, email)
    before = snapshot(app)
    for endpoint, method, path in urls(app, world):
        if method != "GET":
            continue
        status = request(client, method, path).status_code
        assert status < 500, (endpoint, status)
        assert snapshot(app) == before, endpoint
