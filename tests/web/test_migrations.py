"""The migrations build exactly the schema the models describe, on SQLite and on PostgreSQL."""
import os

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import create_engine, inspect, text

from app import create_app
from app.extensions import db
from app.schema import compare_type, include_object
from tests.conftest import WORKER, in_schema

SCHEMA = f"migration_check_{WORKER}" if WORKER else "migration_check"


def empty_database_url(app, tmp_path) -> str:
    url = app.config["SQLALCHEMY_DATABASE_URI"]
    if not url.startswith("postgresql"):
        return f"sqlite:///{tmp_path / 'empty.db'}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {SCHEMA} CASCADE"))
        connection.execute(text(f"CREATE SCHEMA {SCHEMA}"))
    engine.dispose()
    return in_schema(os.environ["TEST_DATABASE_URL"], SCHEMA)


def test_upgrading_an_empty_database_gives_the_models_and_downgrading_removes_them(app, tmp_path):
    fresh = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": empty_database_url(app, tmp_path)})
    with fresh.app_context():
        upgrade()
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"compare_type": compare_type, "include_object": include_object})
            assert compare_metadata(context, db.metadata) == []
            tables = set(inspect(connection).get_table_names())
        assert {table.name for table in db.metadata.sorted_tables} <= tables
        if db.engine.dialect.name == "sqlite":
            assert "need_fts" in tables
        downgrade(revision="base")
        with db.engine.connect() as connection:
            assert set(inspect(connection).get_table_names()) <= {"alembic_version"}
        db.engine.dispose()


def test_the_search_index_follows_edits_and_deletes(ctx, clean_tables):
    from app.models import Need, Round
    from app.needs import search
    from app.needs.services import search_document

    round_ = Round(slug="r", title="R")
    db.session.add(round_)
    db.session.flush()
    need = Need(round_id=round_.id, title="Broken lift", description="x", category="housing", language="en")
    need.search_document = search_document(need)
    db.session.add(need)
    db.session.commit()

    def found(words):
        statement, _ = search.apply(db.select(Need.id), words)
        return db.session.scalars(statement).all()

    assert found("lift") == [need.id]
    need.title = "Broken stairs"
    need.search_document = search_document(need)
    db.session.commit()
    assert found("lift") == [] and found("stairs") == [need.id]
    db.session.delete(need)
    db.session.commit()
    assert found("stairs") == []


def test_upgrading_a_database_with_rounds_in_it_keeps_every_row_and_the_search(app, tmp_path):
    fresh = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": empty_database_url(app, tmp_path)})
    with fresh.app_context():
        upgrade(revision="0001")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO round (id, slug, title, description, area, area_choices, language, phase, created_at) "
                "VALUES (1, 'old', 'Old round', '', '', '', 'en', 'discuss', CURRENT_TIMESTAMP)"))
            connection.execute(text("INSERT INTO participant (id, round_id, display_name, created_at) "
                                    "VALUES (1, 1, 'Grace', CURRENT_TIMESTAMP)"))
            connection.execute(text(
                "INSERT INTO need (id, round_id, participant_id, title, description, affected, location, area, "
                "category, language, status, moderation_reason, search_document, created_at, updated_at) VALUES "
                "(1, 1, 1, 'Broken lift', 'x', '', '', '', 'housing', 'en', 'open', '', 'broken lift', "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
            connection.execute(text("INSERT INTO support (id, need_id, participant_id, created_at) "
                                    "VALUES (1, 1, 1, CURRENT_TIMESTAMP)"))
        upgrade()
        from app.models import Need, Round, Support
        from app.needs import search

        round_ = db.session.get(Round, 1)
        assert round_.ballot_kind.value == "ranking" and round_.tie_break == "lexicographic"
        assert not round_.results_live and round_.min_choices == 1
        assert db.session.scalar(db.select(db.func.count(Support.id))) == 1
        assert db.session.get(Need, 1).support == 1  # counted for the register's places
        statement, _ = search.apply(db.select(Need.id), "lift")
        assert db.session.scalars(statement).all() == [1]
        db.session.remove()
        db.engine.dispose()


OLD_LISTS = {"area_choices": "Deptford\n\n New Cross \nCatford", "interface_languages": "en  pl",
             "eligibility": "I live in Lewisham\nI am 11 or older\n", "postcode_prefixes": "SE4, SE6 se13"}


def test_a_rounds_lists_written_as_text_arrive_as_lists_and_go_back_as_text(app, tmp_path):
    fresh = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": empty_database_url(app, tmp_path)})
    with fresh.app_context():
        upgrade(revision="0009")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO round (id, slug, title, description, area, area_choices, language, phase, created_at, "
                "interface_languages, eligibility, postcode_prefixes) VALUES (1, 'old', 'Old round', '', '', "
                ":area_choices, 'en', 'discuss', CURRENT_TIMESTAMP, :interface_languages, :eligibility, "
                ":postcode_prefixes)"), OLD_LISTS)
            connection.execute(text("INSERT INTO round (id, slug, title, description, area, area_choices, language, "
                                    "phase, created_at) VALUES (2, 'bare', 'Bare', '', '', '', 'en', 'propose', "
                                    "CURRENT_TIMESTAMP)"))
        upgrade()
        from app.models import Round

        old, bare = db.session.get(Round, 1), db.session.get(Round, 2)
        assert old.area_choices == ["Deptford", "New Cross", "Catford"]
        assert old.interface_languages == ["en", "pl"] and old.offered_languages(["en", "pl", "ar"]) == ["en", "pl"]
        assert old.eligibility == ["I live in Lewisham", "I am 11 or older"]
        assert old.postcode_prefixes == ["SE4", "SE6", "se13"]
        assert (bare.area_choices, bare.interface_languages, bare.eligibility, bare.postcode_prefixes) == ([],) * 4
        assert not bare.asks_eligibility
        db.session.remove()
        downgrade(revision="0009")
        with db.engine.connect() as connection:
            back = connection.execute(text("SELECT area_choices, interface_languages, eligibility, postcode_prefixes "
                                           "FROM round ORDER BY id")).all()
        assert back == [("Deptford\nNew Cross\nCatford", "en pl", "I live in Lewisham\nI am 11 or older", "SE4 SE6 se13"),
                        ("", "", "", "")]
        db.engine.dispose()


def test_staff_accounts_gain_an_organisation_and_rounds_naming_a_london_borough_its_code(app, tmp_path):
    fresh = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": empty_database_url(app, tmp_path)})
    with fresh.app_context():
        upgrade(revision="0030_paper_pairwise")
        with db.engine.begin() as connection:
            for id_, slug, area, code in ((1, "lewisham", " lewisham ", ""), (2, "city", "City of London", ""),
                                          (3, "kingsmead", "Kingsmead estate", ""), (4, "coded", "Hackney", "E05009367"),
                                          (5, "nowhere", "", "")):
                connection.execute(text(
                    "INSERT INTO round (id, slug, title, description, area, area_code, area_choices, language, phase, "
                    "created_at) VALUES (:id, :slug, :slug, '', :area, :code, '[]', 'en', 'propose', CURRENT_TIMESTAMP)"),
                    {"id": id_, "slug": slug, "area": area, "code": code})
            connection.execute(text("INSERT INTO \"user\" (id, email, password_hash, is_admin, created_at) "
                                    "VALUES (1, 'ada@example.org', '', false, CURRENT_TIMESTAMP)"))
        upgrade(revision="0033_staff_organisations")
        with db.engine.begin() as connection:
            codes = dict(connection.execute(text("SELECT slug, area_code FROM round")).all())
            assert connection.execute(text('SELECT organisation_id FROM "user"')).scalar() is None
            connection.execute(text("INSERT INTO organisation (id, name, org_id, created_at) "
                                    "VALUES (1, 'Lewisham Council', 'GB-LAE-LEW', CURRENT_TIMESTAMP)"))
            connection.execute(text('UPDATE "user" SET organisation_id = 1'))
        # A borough's name, however written, gets its code; a code given before is kept; other places get none.
        assert codes == {"lewisham": "E09000023", "city": "E09000001", "kingsmead": "", "coded": "E05009367",
                         "nowhere": ""}
        with db.engine.connect() as connection:
            columns = {c["name"] for c in inspect(connection).get_columns("user")}
            foreign = {fk["referred_table"] for fk in inspect(connection).get_foreign_keys("user")}
        assert "organisation_id" in columns and "organisation" in foreign
        with db.engine.begin() as connection:  # an organisation removed leaves its staff without one
            connection.execute(text("DELETE FROM organisation"))
            assert connection.execute(text('SELECT organisation_id FROM "user"')).scalar() is None
        downgrade(revision="0030_paper_pairwise")
        with db.engine.connect() as connection:
            assert "organisation_id" not in {c["name"] for c in inspect(connection).get_columns("user")}
            assert connection.execute(text('SELECT email FROM "user"')).scalar() == "ada@example.org"
            assert connection.execute(text("SELECT area_code FROM round WHERE slug = 'lewisham'")).scalar() == "E09000023"
        db.engine.dispose()
