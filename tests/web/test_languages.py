"""Which language a visitor sees: their choice, then their browser, then the round's own; rounds may offer fewer."""
from app.extensions import db
from app.models import Round
from tests.conftest import post


def lang_of(response) -> str:
    page = response.get_data(as_text=True)
    return page[page.index('<html lang="') + 12:].split('"')[0]


def test_a_browser_asking_for_no_offered_language_gets_the_rounds_own(client, make_round):
    make_round(language="ar")
    assert lang_of(client.get("/rounds/lewisham", headers={"Accept-Language": "de"})) == "ar"
    assert lang_of(client.get("/rounds/lewisham", headers={"Accept-Language": "de, en;q=0.5"})) == "en-GB"
    assert lang_of(client.get("/", headers={"Accept-Language": "de"})) == "en-GB"  # no round: the app's default


def test_the_visitors_choice_comes_before_the_browser_and_the_round(client, make_round):
    make_round(language="en")
    post(client, "/language", {"lang": "ar", "next": "/rounds/lewisham"})
    assert lang_of(client.get("/rounds/lewisham", headers={"Accept-Language": "en"})) == "ar"


def test_a_round_offering_one_language_shows_it_and_no_switcher(app, client, make_round):
    make_round(language="ar", interface_languages=["ar"])
    post(client, "/language", {"lang": "en", "next": "/"})
    page = client.get("/rounds/lewisham", headers={"Accept-Language": "en"})
    assert lang_of(page) == "ar" and 'name="lang"' not in page.get_data(as_text=True)
    assert lang_of(client.get("/", headers={"Accept-Language": "en"})) == "en-GB"  # elsewhere the choice stands


def test_facilitators_choose_the_languages_a_round_offers(app, client, make_round, make_user, sign_in):
    make_round()
    make_user(round_slug="lewisham")
    sign_in()
    form = {"title": "Round lewisham", "language": "en", "currency": "", "ballot_kind": "ranking", "rule": "",
            "tie_break": "lexicographic", "min_choices": "1", "access": "open", "interface_languages": ["ar"]}
    assert post(client, "/rounds/lewisham/edit", form).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(Round.interface_languages)) == ["ar"]
    page = client.get("/rounds/lewisham/edit").get_data(as_text=True)
    assert '<input checked id="interface_languages-4" name="interface_languages" type="checkbox" value="ar">' in page
    assert '<input id="interface_languages-0" name="interface_languages" type="checkbox" value="en">' in page
    refused = post(client, "/rounds/lewisham/edit", {**form, "interface_languages": ["xx"]})
    assert refused.status_code == 422
