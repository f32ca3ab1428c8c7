"""Residents find needs across languages: stems, stop words, translations and machine drafts."""
from html import unescape

from flask_migrate import upgrade
from sqlalchemy import text

from app import create_app
from app.extensions import db
from app.models import Need, NeedTranslation, Round
from app.needs.services import search_document
from tests import search_set
from tests.web.test_migrations import empty_database_url

ENGLISH = {"Accept-Language": "en-GB"}
# The labelled set scored on the search before stemming, stop words and drafts (the same on SQLite and
# PostgreSQL): (precision, recall).
BEFORE = {"list": (0.500, 0.258), "similar": (0.422, 0.303)}


def listed(client, query: str) -> str:
    return unescape(client.get("/rounds/lewisham/needs", query_string={"q": query}, headers=ENGLISH)
                    .get_data(as_text=True))


def similar(client, title: str) -> str:
    return unescape(client.get("/rounds/lewisham/needs/new", query_string={"title": title},
                               headers={"HX-Request": "true", **ENGLISH}).get_data(as_text=True))


def polish_need_with_english_draft(app, make_need) -> int:
    need_id = make_need(title="Brak oświetlenia na ścieżce do stacji", language="pl",
                        description="Ścieżka do stacji jest zupełnie ciemna po zmroku.")
    with app.app_context():
        need = db.session.get(Need, need_id)
        db.session.add(NeedTranslation(need_id=need_id, language="en", by_machine=True, approved=False,
                                       title="No lighting on the path to the station",
                                       description="The path to the station is completely dark after dusk."))
        db.session.flush()
        need.search_document = search_document(need)
        db.session.commit()
    return need_id


def test_an_english_query_finds_a_polish_need_by_its_machine_draft_and_shows_the_polish(app, client, make_round,
                                                                                      make_need):
    make_round()
    polish_need_with_english_draft(app, make_need)
    make_need(title="More benches in the park")
    for page in (listed(client, "lighting path to station"), similar(client, "lighting path to station")):
        assert "Brak oświetlenia na ścieżce do stacji" in page and "benches" not in page
        assert "No lighting on the path" not in page  # a draft helps search, and is never shown to residents


def test_another_form_of_a_polish_word_finds_the_need(app, client, make_round, make_need):
    make_round()
    polish_need_with_english_draft(app, make_need)
    assert "Brak oświetlenia" in listed(client, "oświetlenie")
    assert "Brak oświetlenia" in listed(client, "oswietlenie")  # typed without the Polish letters


def test_a_stop_word_alone_surfaces_nothing(app, client, make_round, make_need):
    make_round()
    polish_need_with_english_draft(app, make_need)
    make_need(title="Toilets at the market for the stallholders")
    for query in ("to", "the"):
        assert "Toilets" not in listed(client, query) and "Brak" not in listed(client, query)
        assert "Toilets" not in similar(client, query) and "Brak" not in similar(client, query)
    assert "Toilets at the market" in listed(client, "toilets")


def test_precision_and_recall_on_the_labelled_set_beat_the_search_before(app):
    with app.app_context():
        round_ = Round(slug="labelled-set", title="Labelled set", phase="propose")
        db.session.add(round_)
        db.session.commit()
        scores = search_set.score(round_, search_set.load(round_))
    for mode, (precision, recall) in BEFORE.items():
        assert scores[mode].precision >= precision + 0.25, (mode, scores[mode].precision)
        assert scores[mode].recall >= recall + 0.10, (mode, scores[mode].recall)


def test_upgrading_rewrites_the_search_of_needs_already_stored(app, tmp_path):
    fresh = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": empty_database_url(app, tmp_path)})
    with fresh.app_context():
        upgrade(revision="0027_operator_role")
        with db.engine.begin() as connection:
            connection.execute(text(
                "INSERT INTO round (id, slug, title, description, area, area_choices, language, phase, created_at) "
                "VALUES (1, 'old', 'Old round', '', '', '[]', 'pl', 'discuss', CURRENT_TIMESTAMP)"))
            connection.execute(text(
                "INSERT INTO need (id, round_id, title, description, affected, location, area, category, language, "
                "status, moderation_reason, search_document, created_at, updated_at) VALUES (1, 1, "
                "'Brak oświetlenia', 'Ciemno', '', '', '', 'safety', 'pl', 'open', '', 'brak oswietlenia ciemno', "
                "CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"))
            connection.execute(text(
                "INSERT INTO need_translation (need_id, language, title, description, by_machine, approved, "
                "updated_at) VALUES (1, 'en', 'No lighting', 'Dark', true, false, CURRENT_TIMESTAMP)"))
        upgrade()
        from app.needs import search

        def found(query):
            statement, _ = search.apply(db.select(Need.id), query)
            return db.session.scalars(statement).all()

        assert found("oświetlenie") == [1] and found("lighting") == [1]
        db.session.remove()
        db.engine.dispose()
