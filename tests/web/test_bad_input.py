"""Input the database cannot hold gets a clear answer in the visitor's language, never a 500: ids beyond the
database's integers, NUL characters (which PostgreSQL refuses in text) and direction controls in titles."""
from html import unescape

import pytest

from app.extensions import db
from app.models import Comment, Need
from tests.conftest import post
from tests.web.test_needs import VALID

HUGE = "9" * 20
BEYOND_INT4 = str(2**31)


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def counts(app) -> tuple[int, int]:
    with app.app_context():
        return (db.session.scalar(db.select(db.func.count(Need.id))),
                db.session.scalar(db.select(db.func.count(Comment.id))))


@pytest.mark.parametrize("path", [f"/rounds/lewisham/needs/{HUGE}", f"/rounds/lewisham/needs/{BEYOND_INT4}",
                                  f"/rounds/lewisham/needs/{HUGE}/history", f"/rounds/lewisham/panel/applications/{HUGE}",
                                  f"/rounds/lewisham/workshops/{HUGE}", f"/rounds/lewisham/needs/{HUGE}/report"])
def test_an_id_beyond_the_databases_integers_is_not_found(client, make_round, path):
    make_round()
    response = client.get(path)
    assert response.status_code == 404 and "We could not find that page" in text_of(response)


def test_a_post_to_an_id_beyond_the_databases_integers_is_not_found(client, make_round, make_user, sign_in):
    make_round()
    make_user(role="admin")
    sign_in()
    assert post(client, f"/rounds/lewisham/moderation/needs/{HUGE}/hide", {"reason": "Spam"}).status_code == 404
    assert post(client, f"/rounds/lewisham/needs/{BEYOND_INT4}/support").status_code == 404


def test_ids_beyond_the_databases_integers_in_query_strings_are_ignored_or_not_found(client, make_round, make_need):
    make_round()
    need = make_need()
    assert client.get(f"/rounds/lewisham/needs/{need}?merged_from={HUGE}").status_code == 200
    assert client.get(f"/rounds/lewisham/needs?page={HUGE}").status_code == 200
    assert client.get(f"/rounds/lewisham/needs/{need}/report?comment={HUGE}").status_code == 200
    assert client.get(f"/rounds/lewisham/receipts?page={BEYOND_INT4}").status_code == 200


def test_a_nul_in_an_address_or_its_query_is_refused_in_the_visitors_language(client, make_round):
    make_round()
    assert client.get("/rounds/lew%00isham").status_code == 404
    refused = client.get("/rounds/lewisham/needs?q=play%00area", headers={"Accept-Language": "es"})
    assert refused.status_code == 400 and "No pudimos leer" in text_of(refused)
    assert client.get("/needs?q=%00").status_code == 400


def test_a_nul_in_a_need_is_refused_and_what_was_typed_comes_back(app, client, make_round):
    make_round()
    response = post(client, "/rounds/lewisham/needs/new", {**VALID, "description": "Broken\x00 swings at the park"})
    page = text_of(response)
    assert response.status_code == 422
    assert "This contains an invisible control character (NUL) that cannot be saved." in page
    assert VALID["title"] in page
    assert counts(app) == (0, 0)


def test_a_nul_in_a_comment_is_refused_and_nothing_is_stored(app, client, make_round, make_need):
    make_round(phase="discuss")
    need = make_need()
    response = post(client, f"/rounds/lewisham/needs/{need}/comments",
                    {"body": "I agree\x00", "language": "en", "display_name": "Kwame"})
    assert response.status_code == 422 and "(NUL)" in text_of(response)
    assert counts(app) == (1, 0)


@pytest.mark.parametrize("field,value", [("title", "Play area \u202etxt.exe"), ("display_name", "\u2067Grace\u2069")])
def test_direction_controls_in_a_title_or_a_name_are_refused(app, client, make_round, field, value):
    make_round()
    response = post(client, "/rounds/lewisham/needs/new", {**VALID, field: value})
    page = text_of(response)
    assert response.status_code == 422
    assert "change the direction of the text" in page and VALID["description"] in page
    assert counts(app) == (0, 0)


def test_direction_marks_in_right_to_left_text_are_kept(app, client, make_round):
    make_round()
    title = "\u0625\u0646\u0627\u0631\u0629 \u200fLED\u200f \u0644\u0644\u0634\u0627\u0631\u0639"
    response = post(client, "/rounds/lewisham/needs/new", {**VALID, "title": title, "language": "ar",
                                                           "description": "\u202bشرح\u202c " + VALID["description"]})
    assert response.status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(Need.title)) == title
