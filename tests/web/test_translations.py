"""Needs in residents' own languages: translations people approve, machine drafts that wait for them."""
import json
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from html import unescape

import pytest

from app.extensions import db
from app.models import AuditEntry, NeedTranslation
from tests.conftest import post


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


@pytest.fixture
def polish_need(make_round, make_need, make_user):
    make_round(phase="discuss")
    make_user("translator@example.org", "translator", "lewisham")
    return make_need(title="Ławki przy przystanku", description="Starsi ludzie nie mają gdzie usiąść.", language="pl")


def translate(client, need, approved, title="Benches at the bus stop", language="en"):
    data = {"language": language, "title": title, "description": "Older people have nowhere to sit."}
    if approved:
        data["approved"] = "y"
    return post(client, f"/rounds/lewisham/needs/{need}/translations", data)


def english_reader(app):
    return app.test_client(), {"Accept-Language": "en-GB"}


def test_residents_see_an_approved_translation_marked_as_one_with_the_original_a_tap_away(app, client, sign_in,
                                                                                      polish_need):
    sign_in("translator@example.org")
    assert translate(client, polish_need, approved=False).status_code == 302
    reader, english = english_reader(app)
    page = text_of(reader.get(f"/rounds/lewisham/needs/{polish_need}", headers=english))
    assert "Ławki przy przystanku" in page and "Benches at the bus stop" not in page  # not approved: not shown

    translate(client, polish_need, approved=True)
    page = text_of(reader.get(f"/rounds/lewisham/needs/{polish_need}", headers=english))
    assert '<article class="need" lang="en">' in page and "<h1 dir=\"auto\">Benches at the bus stop</h1>" in page
    assert "Translated from Polish" in page and "Show the original" in page
    original = text_of(reader.get(f"/rounds/lewisham/needs/{polish_need}?original=1", headers=english))
    assert '<article class="need" lang="pl">' in original and "Starsi ludzie nie mają gdzie usiąść." in original
    listed = text_of(reader.get("/rounds/lewisham/needs", headers=english))
    assert 'lang="en" dir="auto"><a href="/rounds/lewisham/needs/' in listed and "Benches at the bus stop" in listed
    arabic = text_of(app.test_client().get(f"/rounds/lewisham/needs/{polish_need}", headers={"Accept-Language": "ar"}))
    assert "Ławki przy przystanku" in arabic  # no Arabic translation: the original, in its own language
    with app.app_context():
        entries = db.session.scalars(db.select(AuditEntry.detail).filter_by(action="need-translated")).all()
    assert [json.loads(e)["approved"] for e in entries] == [False, True]


def test_a_translation_needs_words_and_keeps_what_was_typed(client, sign_in, polish_need):
    sign_in("translator@example.org")
    refused = translate(client, polish_need, approved=True, title="   ")
    assert refused.status_code == 422 and "Please fill this in." in text_of(refused)
    assert "Older people have nowhere to sit." in text_of(refused)


def test_only_the_rounds_translators_facilitators_and_admins_translate(app, client, make_user, sign_in, polish_need,
                                                                    make_round):
    make_round(slug="brent")
    make_user("brent-translator@example.org", "translator", "brent")
    sign_in("brent-translator@example.org")
    assert client.get(f"/rounds/lewisham/needs/{polish_need}/translations").status_code == 403
    assert translate(client, polish_need, approved=True).status_code == 403
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(NeedTranslation.id))) == 0


class _Translator(BaseHTTPRequestHandler):
    """A LibreTranslate stand-in: upper-cases the text and says which languages it was asked for."""

    def do_POST(self):
        asked = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        self.server.asked.append(asked)
        if self.server.broken:
            self.send_response(500)
            self.end_headers()
            return
        body = json.dumps({"translatedText": f"[{asked['source']}>{asked['target']}] {asked['q'].upper()}"}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def machine(app):
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Translator)
    server.asked, server.broken = [], False
    threading.Thread(target=server.serve_forever, daemon=True).start()
    app.config.update(MT_URL=f"http://127.0.0.1:{server.server_port}", MT_API_KEY="k")
    yield server
    app.config.update(MT_URL="", MT_API_KEY="")
    server.shutdown()
    server.server_close()


def test_a_machine_draft_waits_unapproved_until_a_person_approves_it(app, client, sign_in, polish_need, machine):
    sign_in("translator@example.org")
    drafted = post(client, f"/rounds/lewisham/needs/{polish_need}/translations/suggest", {"language": "en"},
                   follow_redirects=True)
    page = text_of(drafted)
    assert "Here is the machine's draft." in page and "[pl>en] ŁAWKI PRZY PRZYSTANKU" in page
    assert "This text came from machine translation." in page
    assert machine.asked[0] == {"q": "Ławki przy przystanku", "source": "pl", "target": "en", "format": "text",
                                "api_key": "k"}
    reader, english = english_reader(app)
    assert "ŁAWKI" not in text_of(reader.get(f"/rounds/lewisham/needs/{polish_need}", headers=english))

    post(client, f"/rounds/lewisham/needs/{polish_need}/translations",
         {"language": "en", "title": "[pl>en] ŁAWKI PRZY PRZYSTANKU", "approved": "y",
          "description": "[pl>en] STARSI LUDZIE NIE MAJĄ GDZIE USIĄŚĆ."})
    with app.app_context():
        kept = db.session.scalar(db.select(NeedTranslation))
        assert kept.approved and kept.by_machine  # approved as the machine wrote it, and still marked as such
    assert "ŁAWKI" in text_of(reader.get(f"/rounds/lewisham/needs/{polish_need}", headers=english))

    # A person's approved words are never replaced by a new machine draft.
    translate(client, polish_need, approved=True)
    refused = post(client, f"/rounds/lewisham/needs/{polish_need}/translations/suggest", {"language": "en"},
                   follow_redirects=True)
    assert "A person has approved a translation into this language." in text_of(refused)
    with app.app_context():
        assert db.session.scalar(db.select(NeedTranslation.title)) == "Benches at the bus stop"


def test_when_the_machine_fails_nothing_is_stored_and_the_translator_is_told(app, client, sign_in, polish_need,
                                                                          machine):
    machine.broken = True
    sign_in("translator@example.org")
    failed = post(client, f"/rounds/lewisham/needs/{polish_need}/translations/suggest", {"language": "en"},
                  follow_redirects=True)
    assert "The translation service did not answer." in text_of(failed)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(NeedTranslation.id))) == 0


def test_without_a_machine_service_there_is_no_draft_button(client, sign_in, polish_need):
    sign_in("translator@example.org")
    assert "Get a draft" not in text_of(client.get(f"/rounds/lewisham/needs/{polish_need}/translations"))
    assert post(client, f"/rounds/lewisham/needs/{polish_need}/translations/suggest", {"language": "en"}).status_code == 400


def test_residents_find_a_need_by_a_translation_not_yet_approved_but_read_it_only_once_approved(app, client, sign_in,
                                                                                              polish_need):
    sign_in("translator@example.org")
    reader, english = english_reader(app)
    translate(client, polish_need, approved=False)
    found = text_of(reader.get("/rounds/lewisham/needs?q=benches", headers=english))
    assert "Ławki przy przystanku" in found and "Benches at the bus stop" not in found
    translate(client, polish_need, approved=True)
    assert "Benches at the bus stop" in text_of(reader.get("/rounds/lewisham/needs?q=benches", headers=english))
    # Its own words still find it too, shown in the reader's language.
    assert "Benches at the bus stop" in text_of(reader.get("/rounds/lewisham/needs?q=%C5%82awki", headers=english))


def test_the_ballot_and_the_results_show_a_need_in_the_residents_language(app, client, sign_in, polish_need):
    from app.models import Round

    sign_in("translator@example.org")
    translate(client, polish_need, approved=True)
    reader, english = english_reader(app)
    with app.app_context():
        db.session.scalar(db.select(Round)).phase = "rank"
        db.session.commit()
    ballot = text_of(reader.get("/rounds/lewisham/ballot", headers=english))
    assert '<span lang="en" dir="auto">Benches at the bus stop</span>' in ballot
    # The original is folded away under the translation, one tap from it, and nowhere else on the ballot.
    assert ballot.count("Ławki") == 1 and '<p class="ballot-original-title" lang="pl" dir="auto">Ławki' in ballot
    polish = text_of(app.test_client().get("/rounds/lewisham/ballot", headers={"Accept-Language": "pl"}))
    assert '<span lang="pl" dir="auto">Ławki przy przystanku</span>' in polish
    with app.app_context():
        db.session.scalar(db.select(Round)).phase = "results"
        db.session.commit()
    results = text_of(reader.get("/rounds/lewisham/results", headers=english))
    assert '<span class="result-title" lang="en" dir="auto">Benches at the bus stop</span>' in results
