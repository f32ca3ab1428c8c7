"""Staff accounts: invitations and password resets by emailed link, throttled sign-in, fresh sessions, mail."""
import re
import socketserver
import threading
from html import unescape

import pytest

from app.accounts import links
from app.extensions import db
from app.models import AuditEntry, Role, StaffRole, User
from tests.conftest import PASSWORD, post

NEW_PASSWORD = "blue kettle orchard lamp"


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def mailed_link(caplog) -> str:
    return re.findall(r"http://localhost/account/\S+", caplog.text)[-1].replace("http://localhost", "")


def choose(client, link, password=NEW_PASSWORD, confirm=None):
    return post(client, link, {"password": password, "confirm": confirm or password}) if link else None


def test_the_command_prints_an_invitation_link_that_works_once(app, client, runner, make_round):
    make_round()
    result = runner.invoke(args=["users", "create", "ada@example.org", "--role", "moderator", "--round", "lewisham"],
                           input="")
    assert result.exit_code == 0, result.output
    link = result.output.split()[-1].replace("http://localhost:5000", "")
    assert "Choose your password" in text_of(client.get(link))
    short = choose(client, link, "short", "short")
    assert short.status_code == 422 and "Use at least 10 characters." in text_of(short)
    different = choose(client, link, NEW_PASSWORD, NEW_PASSWORD + "!")
    assert "The two passwords are not the same." in text_of(different)
    saved = choose(client, link)
    assert saved.status_code == 302
    assert "ada@example.org" in text_of(client.get("/"))  # signed in
    again = app.test_client().get(link)
    assert again.status_code == 404 and "already been used" in text_of(again)
    fresh = app.test_client()
    assert post(fresh, "/account/sign-in", {"email": "ada@example.org", "password": NEW_PASSWORD}).status_code == 302
    with app.app_context():
        roles = db.session.scalars(db.select(StaffRole.role)).all()
    assert roles == [Role.MODERATOR]


def test_a_changed_or_expired_link_opens_nothing(app, client, runner, make_round, monkeypatch):
    make_round()
    result = runner.invoke(args=["users", "create", "ada@example.org", "--role", "panel", "--invite"])
    link = result.output.split()[-1].replace("http://localhost:5000", "")
    tampered = link[:-3] + ("AAA" if not link.endswith("AAA") else "BBB")
    refused = client.get(tampered)
    assert refused.status_code == 404 and "has been changed" in text_of(refused)
    assert client.get("/account/invitation/eyJ1c2VyIjoxfQ.forged.signature").status_code == 404
    monkeypatch.setitem(links.LIFETIMES, "invitation", -1)
    expired = client.get(link)
    assert expired.status_code == 404 and "too old" in text_of(expired)


def test_a_forgotten_password_is_reset_by_an_emailed_link_and_the_old_one_stops_working(app, client, make_user, caplog):
    make_user()
    caplog.set_level("INFO")
    asked = post(client, "/account/reset", {"email": "Facilitator@Example.org"}, follow_redirects=True)
    assert "If that address has an account" in text_of(asked)
    link = mailed_link(caplog)
    assert link.startswith("/account/reset/")
    assert choose(client, link).status_code == 302
    fresh = app.test_client()
    assert post(fresh, "/account/sign-in", {"email": "facilitator@example.org", "password": PASSWORD}).status_code == 422
    assert post(fresh, "/account/sign-in", {"email": "facilitator@example.org", "password": NEW_PASSWORD}).status_code == 302
    assert app.test_client().get(link).status_code == 404


def test_asking_for_a_reset_does_not_tell_whether_an_account_exists(app, client, make_user, caplog):
    make_user()
    caplog.set_level("INFO")
    unknown = post(client, "/account/reset", {"email": "nobody@example.org"}, follow_redirects=True)
    assert "If that address has an account" in text_of(unknown)
    assert "mail not sent" not in caplog.text


def test_a_facilitator_invites_a_moderator_for_their_round_only(app, client, make_round, make_user, sign_in, caplog):
    make_round()
    make_round(slug="brent")
    make_user(round_slug="lewisham")
    sign_in()
    caplog.set_level("INFO")
    refused = post(client, "/rounds/lewisham/staff", {"email": "not an address", "role": "moderator"})
    assert refused.status_code == 422 and "Enter an email address" in text_of(refused)
    sent = post(client, "/rounds/lewisham/staff", {"email": "grace@example.org", "role": "moderator"},
                follow_redirects=True)
    assert "grace@example.org is invited." in text_of(sent)
    assert "grace@example.org: Moderator (invited, no password yet)" in text_of(sent)
    invited = app.test_client()
    choose(invited, mailed_link(caplog))
    assert invited.get("/rounds/lewisham/moderation").status_code == 200
    assert invited.get("/rounds/brent/moderation").status_code == 403
    assert invited.get("/rounds/lewisham/codes").status_code == 403
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="user-invited"))
    assert entry.actor == "facilitator@example.org" and '"email": "grace@example.org"' in entry.detail


def test_failed_sign_ins_are_throttled(app, client, make_user):
    make_user()
    statuses = [post(client, "/account/sign-in", {"email": "facilitator@example.org", "password": "guess %d" % n}
                     ).status_code for n in range(7)]
    assert statuses[:5] == [422] * 5 and statuses[5:] == [429, 429]


def test_signing_in_starts_a_fresh_session_and_signing_out_ends_it(app, client, make_user, make_round):
    make_user()
    make_round()
    with client.session_transaction() as session:
        session["planted"] = "by someone else"
    post(client, "/account/sign-in", {"email": "facilitator@example.org", "password": PASSWORD})
    with client.session_transaction() as session:
        assert "planted" not in session and "user_id" in session
    post(client, "/account/sign-out")
    with client.session_transaction() as session:
        assert "user_id" not in session
    assert client.get("/rounds/lewisham/edit").status_code == 302


class _Inbox(socketserver.StreamRequestHandler):
    """Just enough SMTP to receive one message."""

    def handle(self):
        self.wfile.write(b"220 test\r\n")
        data = False
        for raw in self.rfile:
            line = raw.decode()
            if data:
                if line == ".\r\n":
                    data = False
                    self.wfile.write(b"250 queued\r\n")
                else:
                    self.server.received.append(line)
                continue
            command = line[:4].upper()
            if command == "DATA":
                data = True
                self.wfile.write(b"354 go on\r\n")
            elif command == "QUIT":
                self.wfile.write(b"221 bye\r\n")
                return
            else:
                self.wfile.write(b"250 ok\r\n")


@pytest.fixture
def smtp_server(app):
    server = socketserver.ThreadingTCPServer(("127.0.0.1", 0), _Inbox)
    server.received = []
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    app.config.update(MAIL_SERVER="127.0.0.1", MAIL_PORT=server.server_address[1], MAIL_USE_TLS=False)
    yield server
    app.config.update(MAIL_SERVER="")
    server.shutdown()
    server.server_close()


def test_with_smtp_settings_the_mail_goes_to_the_server(app, client, make_user, smtp_server):
    make_user()
    post(client, "/account/reset", {"email": "facilitator@example.org"})
    message = "".join(smtp_server.received)
    assert "To: facilitator@example.org" in message and "Subject: Choose a new Commonground password" in message
    assert "/account/reset/" in message


def test_a_forged_role_in_the_invitation_form_is_refused(app, client, make_round, make_user, sign_in):
    make_round()
    make_user(round_slug="lewisham")
    sign_in()
    forged = post(client, "/rounds/lewisham/staff", {"email": "mallory@example.org", "role": "admin"})
    assert forged.status_code == 422 and "Not a valid choice" in text_of(forged)
    with app.app_context():
        assert db.session.scalar(db.select(User).filter_by(email="mallory@example.org")) is None
        assert not db.session.scalar(db.select(db.func.count(User.id)).filter_by(is_admin=True))


def test_without_a_mail_server_the_reset_message_and_its_link_are_printed_to_the_console(app, client, make_user,
                                                                                       capsys):
    make_user()
    post(client, "/account/reset", {"email": "facilitator@example.org"})
    console = capsys.readouterr().err
    assert "To: facilitator@example.org" in console
    assert re.search(r"http://localhost/account/reset/\S+", console)
