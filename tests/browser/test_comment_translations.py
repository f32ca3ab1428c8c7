"""A resident on a phone reads a comment translated into their language, with the comment as written one tap
away, in English and in Arabic; a comment only drafted by the machine stays as written; axe clean."""
import pytest
from playwright.sync_api import expect

from app.extensions import db
from app.models import CommentTranslation
from tests.browser.conftest import assert_accessible

pytestmark = pytest.mark.browser
POLISH = "Potwierdzam, tam jest bardzo ciemno. Zgłaszałam to do rady już dwa razy."
WORDS = {"en": ("I can confirm it is very dark there. I have reported it to the council twice already.", True),
         "ar": ("أؤكد أن المكان مظلم جداً هناك. أبلغت المجلس بذلك مرتين بالفعل.", True),
         "tr": ("Orası gerçekten çok karanlık.", False)}  # a machine draft: never shown to residents


@pytest.fixture
def translated(app, make_round, make_need, make_comment):
    make_round(phase="discuss")
    need = make_need(title="Street lights broken on Sydenham Road")
    comment = make_comment(need, body=POLISH, language="pl")
    with app.app_context():
        for language, (body, approved) in WORDS.items():
            db.session.add(CommentTranslation(comment_id=comment, language=language, body=body,
                                              by_machine=not approved, approved=approved))
        db.session.commit()
    return need


@pytest.mark.parametrize("phone", ["en", "ar"], indirect=True)
def test_a_resident_reads_a_translated_comment_and_opens_the_original(phone, live_server, axe_source, translated):
    lang = phone.evaluate("navigator.language")[:2]
    phone.goto(f"{live_server}/rounds/lewisham/needs/{translated}")
    comment = phone.locator("#comments article.comment").first
    expect(comment.locator(f".prose[lang={lang}]").first).to_have_text(WORDS[lang][0])
    original = comment.locator("details.translated .prose[lang=pl]")
    expect(original).to_be_hidden()
    comment.locator("details.translated summary").click()
    expect(original).to_have_text(POLISH)
    assert_accessible(phone, axe_source, f"comment-translated-{lang}")
    assert phone.script_errors == [], "\n".join(phone.script_errors)


@pytest.mark.parametrize("phone", ["tr"], indirect=True)
def test_a_machine_draft_is_not_shown_to_residents(phone, live_server, translated):
    phone.goto(f"{live_server}/rounds/lewisham/needs/{translated}")
    comment = phone.locator("#comments article.comment").first
    expect(comment.locator(".prose[lang=pl]")).to_have_text(POLISH)
    expect(comment.get_by_text(WORDS["tr"][0])).to_have_count(0)
    expect(comment.locator("details.translated")).to_have_count(0)
