import re

import pytest
from sqlalchemy import text

from app import create_app
from app.accounts.services import create_user
from app.extensions import db
from app.models import Role, Round
from tests.conftest import post

PAGES = ["/", "/rounds/lewisham", "/rounds/lewisham/needs", "/rounds/lewisham/needs/new", "/account/sign-in"]


def test_healthz_answers_ok_when_the_database_answers(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json() == {"status": "ok"}


def test_healthz_answers_503_when_the_database_cannot_be_reached(tmp_path):
    broken = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/missing/dir/x.db"})
    response = broken.test_client().get("/healthz")
    assert response.status_code == 503
    assert response.get_json()["status"] != "ok"


def test_sqlite_connections_are_durable_and_wait_for_the_write_lock(app):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite connection settings; this run is on PostgreSQL")
        with db.engine.connect() as connection:
            read = lambda pragma: connection.exec_driver_sql(f"PRAGMA {pragma}").scalar()  # noqa: E731
            assert read("journal_mode") == "wal"
            assert read("busy_timeout") >= 5000
            assert read("foreign_keys") == 1
            assert read("synchronous") == 2  # FULL


def test_write_requests_take_the_sqlite_write_lock_when_they_begin(app, make_round):
    make_round()
    with app.test_request_context("/", method="POST"), app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("BEGIN IMMEDIATE is SQLite's; PostgreSQL locks rows")
        db.session.execute(text("SELECT 1"))
        other = db.engine.raw_connection()
        try:
            other.execute("PRAGMA busy_timeout=0")
            with pytest.raises(Exception, match="locked"):
                other.execute("BEGIN IMMEDIATE")
        finally:
            other.close()
            db.session.rollback()


@pytest.mark.parametrize("url", PAGES)
def test_pages_send_a_strict_content_security_policy(client, make_round, url):
    make_round()
    response = client.get(url)
    policy = response.headers["Content-Security-Policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy and "unsafe-eval" not in policy
    assert "object-src 'none'" in policy and "frame-ancestors 'none'" in policy and "base-uri 'none'" in policy
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "same-origin"


@pytest.mark.parametrize("url", PAGES)
def test_pages_have_no_inline_script_style_or_outside_resources(client, make_round, make_need, url):
    make_round()
    make_need()
    page = client.get(url).get_data(as_text=True)
    assert re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", page) == []
    assert re.findall(r"\sstyle=", page) == []
    assert re.findall(r"\son[a-z]+=", page) == []
    assert re.findall(r'(?:src|href)="(?:https?:)?//', page) == []


def test_htmx_is_served_from_our_own_static_files(client):
    page = client.get("/").get_data(as_text=True)
    src = re.search(r'<script src="([^"]+htmx[^"]+)"', page).group(1)
    assert src.startswith("/static/vendor/htmx-2.0.8")
    with client.get(src) as script:
        assert script.status_code == 200 and b"htmx" in script.data


def test_a_post_without_csrf_token_is_refused_with_400(client, make_round):
    make_round()
    response = client.post("/rounds/lewisham/needs/new", data={"title": "Street lights on my road"})
    assert response.status_code == 400
    assert "form expired" in response.get_data(as_text=True)


def test_an_htmx_post_carries_its_csrf_token_in_a_header(client, make_round, make_need):
    make_round()
    need_id = make_need()
    page = client.get(f"/rounds/lewisham/needs/{need_id}").get_data(as_text=True)
    token = re.search(r'hx-headers=\'\{"X-CSRFToken": "([^"]+)"\}\'', page).group(1)
    response = client.post(f"/rounds/lewisham/needs/{need_id}/support",
                           headers={"HX-Request": "true", "X-CSRFToken": token})
    assert response.status_code == 200
    assert "1 person says this matters to them" in response.get_data(as_text=True)


def test_pages_speak_arabic_right_to_left_to_an_arabic_browser(client, make_round):
    make_round()
    page = client.get("/rounds/lewisham", headers={"Accept-Language": "ar,en;q=0.5"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page
    assert "اقترح" in page or "الاحتياجات" in page


def test_the_language_chosen_in_the_footer_wins_over_the_browser(client, make_round):
    make_round()
    response = post(client, "/language", {"lang": "ar", "next": "/rounds/lewisham"})
    assert response.status_code == 302 and response.headers["Location"] == "/rounds/lewisham"
    page = client.get("/rounds/lewisham", headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert '<html lang="ar" dir="rtl">' in page


def test_the_language_switch_never_sends_visitors_to_another_site(client):
    response = post(client, "/language", {"lang": "ar", "next": "//evil.example/"})
    assert response.headers["Location"] == "/"


def test_an_unknown_round_gets_a_404_page_in_the_visitors_language(client):
    english = client.get("/rounds/nowhere")
    assert english.status_code == 404 and "Page not found" in english.get_data(as_text=True)
    arabic = client.get("/rounds/nowhere", headers={"Accept-Language": "ar"})
    assert arabic.status_code == 404
    assert '<html lang="ar" dir="rtl">' in arabic.get_data(as_text=True)
    assert "Page not found" not in arabic.get_data(as_text=True)


def test_one_url_serves_the_page_or_just_its_fragment(client, make_round, make_need):
    make_round()
    make_need()
    full = client.get("/rounds/lewisham/needs")
    fragment = client.get("/rounds/lewisham/needs", headers={"HX-Request": "true"})
    boosted = client.get("/rounds/lewisham/needs", headers={"HX-Request": "true", "HX-Boosted": "true"})
    restore = client.get("/rounds/lewisham/needs",
                         headers={"HX-Request": "true", "HX-History-Restore-Request": "true"})
    assert "<html" in full.get_data(as_text=True)
    assert "<html" not in fragment.get_data(as_text=True)
    assert "Safe place for children to play" in fragment.get_data(as_text=True)
    assert "<html" in boosted.get_data(as_text=True) and "<html" in restore.get_data(as_text=True)
    assert "HX-Request" in full.headers["Vary"]


def test_english_pages_write_dates_and_money_the_british_way(client, make_round, make_need):
    from datetime import date

    make_round(budget=250000, currency="GBP", discuss_starts=date(2031, 3, 7))
    page = client.get("/rounds/lewisham", headers={"Accept-Language": "en-US"}).get_data(as_text=True)
    assert '<html lang="en-GB" dir="ltr">' in page
    assert "from 7 March 2031" in page and "£250,000" in page


def test_a_residents_phone_is_remembered_after_the_browser_closes(client, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    response = post(client, f"/rounds/lewisham/needs/{need_id}/support")
    cookie = response.headers["Set-Cookie"]
    assert "Expires=" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_static_files_are_fingerprinted_and_cached_for_a_year(client):
    page = client.get("/").get_data(as_text=True)
    css = re.search(r'href="(/static/css/app\.css\?v=[0-9a-f]{12})"', page).group(1)
    with client.get(css) as response:
        assert response.status_code == 200
        assert response.cache_control.max_age >= 365 * 24 * 3600 - 1


def test_html_says_it_varies_by_language(client):
    assert "Accept-Language" in client.get("/").headers["Vary"]


def test_the_error_page_still_shows_after_a_write_failed_in_the_database(tmp_path):
    broken = create_app({"TESTING": True, "PROPAGATE_EXCEPTIONS": False, "SECRET_KEY": "test-secret",
                         "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'failing.db'}"})

    @broken.post("/clash")
    def clash():
        db.session.add_all([Round(slug="twin", title="One"), Round(slug="twin", title="Two")])
        db.session.flush()

    with broken.app_context():
        db.create_all()
        create_user("facilitator@example.org", "correct horse battery", Role.FACILITATOR, None)
    broken.config["WTF_CSRF_ENABLED"] = False
    client = broken.test_client()
    signed_in = client.post("/account/sign-in", data={"email": "facilitator@example.org",
                                                      "password": "correct horse battery"})
    assert signed_in.status_code == 302
    response = client.post("/clash")
    assert response.status_code == 500
    assert "Something went wrong" in response.get_data(as_text=True)
    assert "facilitator@example.org" in response.get_data(as_text=True)
