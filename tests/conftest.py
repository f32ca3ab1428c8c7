"""Fixtures: the app on a real database (SQLite by default, PostgreSQL with TEST_DATABASE_URL)."""
import os
import re
from datetime import date, timedelta

import pytest
from flask_migrate import upgrade
from sqlalchemy import event, text

from app import create_app
from app.extensions import db, limiter
from app.page_cache import WRITE
from app.models import Comment, Need, Participant, Role, Round, Support
from app.accounts.services import create_user
from app.needs.services import search_document

PASSWORD = "correct horse battery"
# Real hashing and checking, at a cost a test can pay on every sign-in; the app's own default is scrypt.
QUICK_HASH = "pbkdf2:sha256:1000"


# Tests run in parallel workers (pytest-xdist): each keeps its own SQLite file, and on PostgreSQL its own
# schema in the one test database, so no worker sees another's rows.
WORKER = os.environ.get("PYTEST_XDIST_WORKER", "")
SCHEMA = f"test_{WORKER}" if WORKER else "public"


def in_schema(url: str, schema: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}options=-csearch_path%3D{schema}"


def _database_url(tmp_path_factory) -> str:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        return f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
    return in_schema(url, SCHEMA) if WORKER else url


def reset_schema(app) -> None:
    with app.app_context():
        if db.engine.dialect.name == "postgresql":
            with db.engine.begin() as connection:
                connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
                connection.execute(text(f"CREATE SCHEMA {SCHEMA}"))
        upgrade()


@pytest.fixture(scope="session")
def app(tmp_path_factory):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": _database_url(tmp_path_factory),
                      "SECRET_KEY": "test-secret", "NEEDS_PER_PAGE": 5,
                      "PASSWORD_HASH_METHOD": QUICK_HASH})
    reset_schema(app)
    _refuse_writes_in_read_transactions(app)
    yield app
    with app.app_context():
        db.engine.dispose()


def _refuse_writes_in_read_transactions(app) -> None:
    """Every test doubles as a check that a request which writes began with SQLite's write lock: a write
    inside a read transaction fails with "database is locked" as soon as another writer commits first."""
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            return

        @event.listens_for(db.engine, "before_cursor_execute")
        def _check(connection, _cursor, statement, *_args):
            if WRITES.match(statement) and not connection.info.get("write_lock", True):
                raise AssertionError(f"a write inside a read transaction (mark the view with @writes): {statement}")


WRITES = WRITE  # the one reading of "this statement writes", the one that raises the content version


@pytest.fixture(autouse=True)
def _fresh_rate_limits(request):
    """Each test starts with every allowance full, as a new minute would."""
    if "app" in request.fixturenames:
        app = request.getfixturevalue("app")
        with app.app_context():
            limiter.reset()
    yield


@pytest.fixture
def clean_tables(app):
    yield
    with app.app_context():
        db.session.remove()
        # The content version keeps counting, as it does in a deployment: a stored page never meets it again.
        tables = [table.name for table in reversed(db.metadata.sorted_tables) if table.name != "content_version"]
        with db.engine.begin() as connection:
            if connection.dialect.name == "postgresql":
                quoted = ", ".join(f'"{name}"' for name in tables)
                connection.execute(text(f"TRUNCATE {quoted} RESTART IDENTITY CASCADE"))
            else:
                for name in tables:
                    connection.execute(text(f'DELETE FROM "{name}"'))


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


def csrf_token(client, url="/account/sign-in") -> str:
    page = client.get(url).get_data(as_text=True)
    return re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1)


def post(client, url, data=None, **kwargs):
    """POST as a browser does: with the form's CSRF token."""
    return client.post(url, data={"csrf_token": csrf_token(client), **(data or {})}, **kwargs)


@pytest.fixture
def make_round(app):
    def make(slug="lewisham", phase="propose", **values):
        with app.app_context():
            round_ = Round(slug=slug, title=values.pop("title", f"Round {slug}"), phase=phase, **values)
            db.session.add(round_)
            db.session.commit()
            return round_.id
    return make


@pytest.fixture
def make_need(app):
    def make(round_slug="lewisham", title="Safe place for children to play", **values):
        with app.app_context():
            round_ = db.session.scalar(db.select(Round).filter_by(slug=round_slug))
            author = Participant(round_id=round_.id, display_name=values.pop("author", "Grace"))
            db.session.add(author)
            db.session.flush()
            defaults = {"description": "The estate has had no play area for two years.", "category": "children-young-people",
                        "language": "en"}
            need = Need(round_id=round_.id, title=title, participant_id=author.id, **{**defaults, **values})
            need.search_document = search_document(need)
            db.session.add(need)
            db.session.commit()
            return need.id
    return make


@pytest.fixture
def make_support(app):
    def make(need_id, count=1):
        with app.app_context():
            need = db.session.get(Need, need_id)
            for n in range(count):
                supporter = Participant(round_id=need.round_id, display_name=f"s{n}")
                db.session.add(supporter)
                db.session.flush()
                db.session.add(Support(need_id=need_id, participant_id=supporter.id))
            db.session.commit()
    return make


@pytest.fixture
def make_comment(app):
    def make(need_id, body="I agree, this matters.", parent_id=None, language="en"):
        with app.app_context():
            need = db.session.get(Need, need_id)
            author = Participant(round_id=need.round_id, display_name="Kwame")
            db.session.add(author)
            db.session.flush()
            comment = Comment(need_id=need_id, body=body, language=language, participant_id=author.id,
                              parent_id=parent_id)
            db.session.add(comment)
            db.session.commit()
            return comment.id
    return make


@pytest.fixture
def make_user(app):
    def make(email="facilitator@example.org", role="facilitator", round_slug=None):
        with app.app_context():
            round_ = db.session.scalar(db.select(Round).filter_by(slug=round_slug)) if round_slug else None
            return create_user(email, PASSWORD, Role(role), round_).id
    return make


@pytest.fixture
def sign_in(client):
    def do(email="facilitator@example.org"):
        response = post(client, "/account/sign-in", {"email": email, "password": PASSWORD})
        assert response.status_code == 302, response.get_data(as_text=True)
    return do


def days(n: int) -> date:
    return date.today() + timedelta(days=n)
