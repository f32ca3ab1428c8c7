"""Sessions, redirects and caching: `next` never leads off the site, staff sessions end everywhere when they
should, private pages are not stored, and sign-in does the same work whether or not the account exists."""
import re
from urllib.parse import quote, urlencode, urljoin, urlsplit

import pytest

from app.access import email_links
from config import Config
from app.accounts import links
from app.extensions import db, limiter
from app.models import Round, User
from app.models import user as user_model
from tests.conftest import PASSWORD, post
from tests.web.test_access import generate

# Known open-redirect payloads, written as the server reads them (after percent-decoding).
PAYLOADS = [
    "https://evil.example/phish", "http://evil.example", "HTTPS://evil.example", "//evil.example/phish",
    "///evil.example/phish", "////evil.example", "/\\evil.example", "\\/evil.example", "\\\\evil.example",
    "/\t/evil.example/phish", "/\n/evil.example", "/\r/evil.example", " //evil.example", "\t//evil.example",
    "/\x00/evil.example", "\x0b//evil.example", "/\u3000/evil.example", "/\u200b/evil.example",
    "javascript:alert(1)", "JaVaScRiPt:alert(1)", "data:text/html,<script>alert(1)</script>", "https:evil.example",
    "http:/evil.example", "//evil.example@localhost", "evil.example", "@evil.example", "/\\/evil.example",
    "//evil%2Eexample", "/%09/evil.example", "\u2028//evil.example",
]


def lands_on_this_site(location: str) -> bool:
    """Where a browser goes: it drops tabs and newlines, reads backslashes as slashes and trims spaces."""
    cleaned = re.sub(r"[\t\n\r]", "", location).replace("\\", "/").lstrip("".join(map(chr, range(33))))
    target = urlsplit(urljoin("http://localhost/here", cleaned))
    return target.scheme == "http" and target.netloc == "localhost"


@pytest.fixture
def world(app, runner, make_round, make_need, make_user):
    make_round(phase="rank", access="codes", max_choices=2)
    make_round("brent", phase="rank", access="email")
    make_round("ealing", phase="propose", eligibility=["I live, work or study in Ealing"])
    make_user()
    return {"code": generate(runner, count=1)[0], "need": make_need("ealing")}


def new_email_link(app) -> str:
    with app.app_context():
        round_ = db.session.scalar(db.select(Round).filter_by(slug="brent"))
        link_id, secret = email_links.new_link(round_, "amina@example.org")
        db.session.commit()
    return f"/rounds/brent/join/email/{link_id}/{secret}"


ROUTES = {
    "sign-in": lambda app, client, w, target: post(
        client, f"/account/sign-in?next={quote(target)}", {"email": "facilitator@example.org", "password": PASSWORD}),
    "language": lambda app, client, w, target: post(client, "/language", {"lang": "es", "next": target}),
    "scanned card": lambda app, client, w, target: client.get(
        "/rounds/lewisham/join?" + urlencode({"code": w["code"], "next": target})),
    "join form": lambda app, client, w, target: post(client, "/rounds/lewisham/join", {"code": w["code"], "next": target}),
    "email link": lambda app, client, w, target: post(client, new_email_link(app) + "?" + urlencode({"next": target})),
    "eligibility": lambda app, client, w, target: post(
        client, "/rounds/ealing/eligibility", {"statement_0": "y", "next": target}),
    "support": lambda app, client, w, target: post(
        client, f"/rounds/ealing/needs/{w['need']}/support", {"next": target}),
}


@pytest.mark.parametrize("route", ROUTES)
def test_no_next_leads_off_the_site_from_any_route_that_follows_one(app, world, route):
    follow = ROUTES[route]
    client = app.test_client()
    if route == "support":
        follow(app, client, world, "/")
        ROUTES["eligibility"](app, client, world, "/")
    off_site = {}
    for payload in PAYLOADS:
        limiter.reset()  # thirty-odd writes in a row would meet the limit on residents' writes
        response = follow(app, client, world, payload)
        assert response.status_code in (302, 303), (payload, response.status_code)
        if not lands_on_this_site(response.headers["Location"]):
            off_site[payload] = response.headers["Location"]
    assert off_site == {}
    limiter.reset()
    kept = follow(app, client, world, "/rounds/ealing/needs?q=play")
    assert kept.headers["Location"] == "/rounds/ealing/needs?q=play"


def staff_page_opens(client) -> bool:
    response = client.get("/rounds/lewisham/edit")
    assert response.status_code in (200, 302)
    return response.status_code == 200


def copied(app, client):
    other = app.test_client()
    other.set_cookie("session", client.get_cookie("session").value)
    return other


def test_a_session_copied_before_sign_out_ends_with_it(app, client, make_user, make_round, sign_in):
    make_user()
    make_round()
    sign_in()
    copy = copied(app, client)
    assert staff_page_opens(copy)
    post(client, "/account/sign-out")
    assert not staff_page_opens(copy)
    sign_in()
    assert staff_page_opens(client) and not staff_page_opens(copy)


def test_a_new_password_ends_every_other_session_of_the_account(app, client, make_user, make_round, sign_in):
    make_user()
    make_round()
    sign_in()
    copy = copied(app, client)
    with app.app_context():
        token = links.make_token(db.session.scalar(db.select(User)), "reset")
    elsewhere = app.test_client()
    new = "a brand new passphrase"
    assert post(elsewhere, f"/account/reset/{token}", {"password": new, "confirm": new}).status_code == 302
    assert staff_page_opens(elsewhere)
    assert not staff_page_opens(client) and not staff_page_opens(copy)


def test_removing_a_role_ends_the_accounts_sessions(app, client, runner, make_user, make_round, sign_in):
    make_user()
    make_round()
    sign_in()
    assert staff_page_opens(client)
    result = runner.invoke(args=["users", "remove-role", "facilitator@example.org", "--role", "facilitator"])
    assert result.exit_code == 0, result.output
    response = client.get("/rounds/lewisham/edit")
    assert response.status_code == 302 and "/account/sign-in" in response.headers["Location"]


def test_running_the_create_command_again_with_the_same_password_keeps_sessions(app, client, make_user, make_round,
                                                                                 sign_in):
    make_user()
    make_round()
    sign_in()
    make_user(role="moderator")
    assert staff_page_opens(client)


def test_staff_pages_and_pages_with_codes_or_cards_are_not_stored(app, client, world, sign_in):
    public = client.get("/rounds/lewisham")
    assert "no-store" not in public.headers.get("Cache-Control", "")
    assert client.get("/rounds/lewisham/join").headers["Cache-Control"] == "no-store"
    sign_in()
    for url in ("/rounds/lewisham/edit", "/rounds/lewisham/codes", "/rounds/lewisham/codes/cards", "/"):
        response = client.get(url)
        assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store", url


def test_sign_in_checks_one_password_hash_whether_or_not_the_account_exists(app, client, make_user, monkeypatch):
    make_user()
    with app.app_context():
        db.session.add(User(email="invited@example.org"))  # invited, no password chosen yet
        db.session.commit()
        method = db.session.scalar(db.select(User.password_hash).filter_by(email="facilitator@example.org"))
    hashes = []
    real = user_model.check_password_hash
    monkeypatch.setattr(user_model, "check_password_hash", lambda stored, given: hashes.append(stored) or real(stored, given))
    for email in ("facilitator@example.org", "nobody@example.org", "invited@example.org"):
        hashes.clear()
        refused = post(client, "/account/sign-in", {"email": email, "password": "not the password"})
        assert refused.status_code == 422
        assert len(hashes) == 1 and hashes[0].split("$")[0] == method.split("$")[0], email


def test_a_deployment_hashes_passwords_with_scrypt_though_the_tests_use_a_quicker_method(app, monkeypatch):
    deployed = Config.PASSWORD_HASH_METHOD
    for method, prefix in ((deployed, "scrypt:"), (app.config["PASSWORD_HASH_METHOD"], "pbkdf2:")):
        monkeypatch.setitem(app.config, "PASSWORD_HASH_METHOD", method)
        with app.test_request_context():
            user = User(email="ada@example.org")
            user.set_password(PASSWORD)
            assert user.password_hash.startswith(prefix) and user.check_password(PASSWORD)
            assert not user.check_password("not the password")
