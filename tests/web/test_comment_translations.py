"""Comments in residents' own languages: a translator's words or a machine draft, shown once a person approves."""
import json

from app.extensions import db
from app.models import AuditEntry, CommentTranslation, Need
from tests.conftest import PASSWORD, post
from tests.web.test_translations import machine, polish_need, text_of  # noqa: F401

ENGLISH = {"Accept-Language": "en-GB"}


def translations_of(need, comment):
    return f"/rounds/lewisham/needs/{need}/comments/{comment}/translations"


def test_a_machine_draft_of_a_comment_waits_for_a_person_then_residents_read_it_with_the_original(
        app, client, sign_in, polish_need, make_comment, machine):
    comment = make_comment(polish_need, body="Zgadzam się, ławka by pomogła.", language="pl")
    reader = app.test_client()
    sign_in("translator@example.org")
    assert f'href="{translations_of(polish_need, comment)}"' in text_of(client.get(f"/rounds/lewisham/needs/{polish_need}"))
    assert "Translate this comment" not in text_of(reader.get(f"/rounds/lewisham/needs/{polish_need}"))

    drafted = post(client, translations_of(polish_need, comment) + "/suggest", {"language": "en"},
                   follow_redirects=True)
    page = text_of(drafted)
    assert "Here is the machine's draft." in page and "[pl>en] ZGADZAM SIĘ, ŁAWKA BY POMOGŁA." in page
    assert "This text came from machine translation." in page
    assert machine.asked[-1]["source"] == "pl" and machine.asked[-1]["target"] == "en"
    assert "ZGADZAM" not in text_of(reader.get(f"/rounds/lewisham/needs/{polish_need}", headers=ENGLISH))

    post(client, translations_of(polish_need, comment),
         {"language": "en", "body": "I agree, a bench would help.", "approved": "y"})
    page = text_of(reader.get(f"/rounds/lewisham/needs/{polish_need}", headers=ENGLISH))
    assert '<div class="prose" lang="en" dir="auto">I agree, a bench would help.</div>' in page
    assert "Translated from Polish" in page and "Zgadzam się, ławka by pomogła." in page  # a tap away
    polish = text_of(app.test_client().get(f"/rounds/lewisham/needs/{polish_need}", headers={"Accept-Language": "pl"}))
    assert "I agree, a bench would help." not in polish and "Zgadzam się, ławka by pomogła." in polish
    with app.app_context():
        kept = db.session.scalar(db.select(CommentTranslation))
        assert kept.approved and not kept.by_machine  # a person rewrote the draft
        entries = db.session.scalars(db.select(AuditEntry.detail).filter_by(action="comment-translated")).all()
    assert [(json.loads(e)["approved"], json.loads(e)["by_machine"]) for e in entries] == [(False, True), (True, False)]
    refused = post(client, translations_of(polish_need, comment) + "/suggest", {"language": "en"},
                   follow_redirects=True)
    assert "A person has approved a translation into this language." in text_of(refused)


def test_a_comment_translation_needs_words_and_only_translators_write_one(app, client, sign_in, polish_need,
                                                                       make_comment, make_user, make_round):
    comment = make_comment(polish_need, body="Zgadzam się.", language="pl")
    sign_in("translator@example.org")
    refused = post(client, translations_of(polish_need, comment), {"language": "en", "body": "  ", "approved": "y"})
    assert refused.status_code == 422 and "Please fill this in." in text_of(refused)
    assert client.get(translations_of(polish_need, comment + 1000)).status_code == 404
    make_round(slug="brent")
    make_user("brent-translator@example.org", "translator", "brent")
    other = app.test_client()
    post(other, "/account/sign-in", {"email": "brent-translator@example.org", "password": PASSWORD})
    assert other.get(translations_of(polish_need, comment)).status_code == 403
    assert post(other, translations_of(polish_need, comment), {"language": "en", "body": "Yes."}).status_code == 403
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(CommentTranslation.id))) == 0


def test_the_demo_shows_a_translated_comment_and_keeps_its_machine_draft_from_residents(app, runner):
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        need = db.session.scalar(db.select(Need.id).filter_by(title="Street lights broken on Sydenham Road"))
    english = text_of(app.test_client().get(f"/rounds/lewisham-2027/needs/{need}", headers=ENGLISH))
    assert "I have reported it to the council twice already." in english and "Translated from Polish" in english
    arabic = text_of(app.test_client().get(f"/rounds/lewisham-2027/needs/{need}", headers={"Accept-Language": "ar"}))
    assert "أبلغت المجلس" not in arabic and "Zgłaszałam to do rady już dwa razy." in arabic
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(CommentTranslation.id))) == 2
