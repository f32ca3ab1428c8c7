import re
from html import unescape

import pytest

from app.extensions import db
from app.models import Comment, Need, Report, Support
from tests.conftest import post

VALID = {
    "title": "Safe crossing outside the primary school",
    "description": "Cars speed past the school gate every morning and a child was nearly hit last week.",
    "affected": "Parents and children at Elm Road Primary",
    "location": "Elm Road",
    "category": "safety",
    "language": "en",
    "display_name": "Grace",
}


def count(app, model):
    with app.app_context():
        return db.session.scalar(db.select(db.func.count()).select_from(model))


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def test_a_resident_proposes_a_need_and_sees_it_on_its_own_page(client, app, make_round):
    make_round()
    response = post(client, "/rounds/lewisham/needs/new", VALID)
    assert response.status_code == 302
    page = text_of(client.get(response.headers["Location"]))
    assert VALID["title"] in page and VALID["description"] in page
    assert "Proposed by Grace" in page and "Elm Road" in page
    assert count(app, Need) == 1


def test_a_need_that_is_too_short_is_refused_beside_the_field_keeping_what_was_typed(client, app, make_round):
    make_round()
    typed = {**VALID, "title": "Bins", "description": "", "category": ""}
    response = post(client, "/rounds/lewisham/needs/new", typed)
    page = text_of(response)
    assert response.status_code == 422
    assert "Please write at least 5 characters." in page
    assert "Please say what the need is." in page
    assert "Please choose a category." in page
    assert 'value="Bins"' in page and VALID["affected"] in page
    assert 'aria-invalid="true"' in page
    assert count(app, Need) == 0


def test_a_title_longer_than_the_limit_is_refused(client, app, make_round):
    make_round()
    response = post(client, "/rounds/lewisham/needs/new", {**VALID, "title": "x" * 141})
    assert response.status_code == 422
    assert "Please keep this to 140 characters or fewer." in text_of(response)
    assert count(app, Need) == 0


def test_text_of_only_spaces_counts_as_empty(client, app, make_round):
    make_round()
    response = post(client, "/rounds/lewisham/needs/new", {**VALID, "display_name": "   "})
    assert response.status_code == 422
    assert "Please give a name to show with your post." in text_of(response)


def test_an_invalid_proposal_in_arabic_gets_arabic_messages(client, make_round):
    make_round()
    response = post(client, "/rounds/lewisham/needs/new", {**VALID, "title": ""},
                    headers={"Accept-Language": "ar"})
    assert response.status_code == 422
    assert "Please give your need a short title." not in text_of(response)


def test_proposing_is_refused_outside_the_propose_phase_and_stores_nothing(client, app, make_round):
    make_round(phase="discuss")
    page = text_of(client.get("/rounds/lewisham/needs/new"))
    assert "Proposing new needs is closed" in page and 'name="title"' not in page
    response = post(client, "/rounds/lewisham/needs/new", VALID, follow_redirects=True)
    assert "Proposing new needs is closed in this round." in text_of(response)
    assert count(app, Need) == 0


@pytest.mark.parametrize("payload", [
    "<script>alert(1)</script>",
    '<img src=x onerror="alert(1)">',
    '<a hx-get="/account/sign-out" hx-trigger="load">x</a>',
])
def test_what_residents_write_is_shown_as_text_never_run(client, make_round, payload):
    make_round()
    response = post(client, "/rounds/lewisham/needs/new",
                    {**VALID, "title": f"Lights {payload}", "description": f"{payload} {VALID['description']}",
                     "display_name": payload})
    need_page = client.get(response.headers["Location"]).get_data(as_text=True)
    listing = client.get("/rounds/lewisham/needs").get_data(as_text=True)
    for html in (need_page, listing):
        assert payload not in html
        assert "&lt;" in html
    assert "<script>alert" not in need_page and "onerror=\"alert" not in need_page and 'hx-get="/account' not in need_page


def test_similar_needs_appear_as_a_fragment_while_the_title_is_typed(client, make_round, make_need):
    make_round()
    make_need(title="Street lights broken on Sydenham Road")
    make_need(title="More benches in the park")
    response = client.get("/rounds/lewisham/needs/new?title=broken+street+lamp", headers={"HX-Request": "true"})
    html = text_of(response)
    assert "<html" not in html
    assert "Street lights broken on Sydenham Road" in html and "benches" not in html
    assert "Support this need instead" in html


def test_without_javascript_the_check_button_shows_similar_needs_and_keeps_the_form(client, make_round, make_need):
    make_round()
    make_need(title="Street lights broken on Sydenham Road")
    page = text_of(client.get("/rounds/lewisham/needs/new",
                              query_string={"title": "street lights", "description": "It is dark", "check": ""}))
    assert "<html" in page and "Street lights broken on Sydenham Road" in page
    assert 'value="street lights"' in page and "It is dark" in page


@pytest.mark.parametrize("stored,typed", [
    ("বাচ্চাদের খেলার মাঠ দরকার", "খেলার"),
    ("বাচ্চাদের খেলার মাঠ দরকার", "খেল"),
    ("نحتاج إلى إضاءة في الشارع", "اضاءة"),
    ("Brak ławek w parku przy ulicy Żółkiewskiego", "lawek"),
    ("Brak ławek w parku przy ulicy Żółkiewskiego", "Żółkiewskiego"),
])
def test_similar_needs_are_found_in_any_script(client, make_round, make_need, stored, typed):
    make_round()
    make_need(title=stored, language="bn")
    html = text_of(client.get("/rounds/lewisham/needs/new", query_string={"title": typed},
                              headers={"HX-Request": "true"}))
    assert stored in html


def test_the_needs_list_searches_filters_and_sorts_through_the_address(client, make_round, make_need,
                                                                       make_support, make_comment):
    make_round(area_choices=["Deptford", "Catford"])
    lights = make_need(title="Street lights broken", category="safety", area="Deptford")
    crossing = make_need(title="Safe crossing by the school", category="safety", area="Catford")
    make_need(title="More trees on the high street", category="environment", area="Deptford")
    make_support(crossing, 3)
    make_support(lights, 1)
    make_comment(lights)
    make_comment(lights)

    def titles(**query):
        html = text_of(client.get("/rounds/lewisham/needs", query_string=query))
        return re.findall(r'<a href="/rounds/lewisham/needs/\d+">([^<]+)</a>', html)

    assert sorted(titles(q="street")) == ["More trees on the high street", "Street lights broken"]
    assert sorted(titles(category="safety")) == ["Safe crossing by the school", "Street lights broken"]
    assert titles(category="safety", area="Catford") == ["Safe crossing by the school"]
    assert titles(sort="supported")[:2] == ["Safe crossing by the school", "Street lights broken"]
    assert titles(sort="discussed")[0] == "Street lights broken"
    assert titles(sort="newest")[0] == "More trees on the high street"


def test_the_needs_list_pages_through_long_lists(client, make_round, make_need):
    make_round()
    for n in range(7):
        make_need(title=f"Need number {n}")
    first = text_of(client.get("/rounds/lewisham/needs"))
    second = text_of(client.get("/rounds/lewisham/needs?page=2"))
    assert "Page 1 of 2" in first and "7 needs found" in first
    assert first.count("need-card") == 5 and second.count("need-card") == 2
    assert "Need number 0" in second and 'rel="prev"' in second
    assert "need-card" in text_of(client.get("/rounds/lewisham/needs?page=99"))


def test_support_counts_once_per_person_however_often_they_press(client, app, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    for _ in range(3):
        post(client, f"/rounds/lewisham/needs/{need_id}/support")
    page = text_of(client.get(f"/rounds/lewisham/needs/{need_id}"))
    assert "1 person says this matters to them" in page and "You support this need." in page
    assert count(app, Support) == 1
    other = app.test_client()
    post(other, f"/rounds/lewisham/needs/{need_id}/support")
    assert count(app, Support) == 2


def test_a_resident_can_withdraw_their_support(client, app, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    post(client, f"/rounds/lewisham/needs/{need_id}/support")
    response = post(client, f"/rounds/lewisham/needs/{need_id}/support", {"action": "withdraw"},
                    headers={"HX-Request": "true"})
    html = text_of(response)
    assert "<html" not in html and "This matters to me too" in html and "0 people say" in html
    assert count(app, Support) == 0


def test_support_is_refused_once_ranking_has_begun(client, app, make_round, make_need):
    make_round(phase="rank")
    need_id = make_need()
    response = post(client, f"/rounds/lewisham/needs/{need_id}/support", follow_redirects=True)
    assert "Support for needs is closed in this round." in text_of(response)
    assert count(app, Support) == 0


def test_comments_take_one_level_of_replies(client, app, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    post(client, f"/rounds/lewisham/needs/{need_id}/comments",
         {"body": "My children need this too.", "language": "en", "display_name": "Kwame"})
    with app.app_context():
        first = db.session.scalar(db.select(Comment.id))
    post(client, f"/rounds/lewisham/needs/{need_id}/comments",
         {"body": "Same on our street.", "language": "en", "display_name": "Ola", "reply_to": str(first)})
    with app.app_context():
        reply = db.session.scalar(db.select(Comment.id).where(Comment.parent_id == first))
    post(client, f"/rounds/lewisham/needs/{need_id}/comments",
         {"body": "Reply to the reply.", "language": "en", "display_name": "Ola", "reply_to": str(reply)})
    with app.app_context():
        parents = db.session.scalars(db.select(Comment.parent_id).order_by(Comment.id)).all()
    assert parents == [None, first, first]
    page = text_of(client.get(f"/rounds/lewisham/needs/{need_id}"))
    assert page.index("My children need this too.") < page.index("Same on our street.") < page.index("Reply to the reply.")


def test_an_htmx_comment_returns_the_comment_section(client, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    response = post(client, f"/rounds/lewisham/needs/{need_id}/comments",
                    {"body": "Count me in.", "language": "en", "display_name": "Ade"}, headers={"HX-Request": "true"})
    html = text_of(response)
    assert response.status_code == 200 and "<html" not in html
    assert html.lstrip().startswith('<section id="comments"') and "Count me in." in html
    assert re.search(r'<textarea[^>]*name="body"[^>]*>\s*</textarea>', html), "the comment box is empty again"
    assert 'value="Ade"' in html


def test_an_empty_comment_is_refused_and_the_name_typed_is_kept(client, app, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    response = post(client, f"/rounds/lewisham/needs/{need_id}/comments",
                    {"body": " ", "language": "en", "display_name": "Ade"}, headers={"HX-Request": "true"})
    html = text_of(response)
    assert response.status_code == 422 and "Please write your comment." in html and 'value="Ade"' in html
    assert count(app, Comment) == 0


def test_residents_report_a_need_or_a_comment_for_moderators(client, app, make_round, make_need, make_comment):
    make_round()
    need_id = make_need()
    comment_id = make_comment(need_id, body="Rude words here")
    assert "Rude words here" in text_of(client.get(f"/rounds/lewisham/needs/{need_id}/report?comment={comment_id}"))
    refused = post(client, f"/rounds/lewisham/needs/{need_id}/report", {"note": "??"})
    assert refused.status_code == 422 and "Please choose what is wrong." in text_of(refused)
    post(client, f"/rounds/lewisham/needs/{need_id}/report", {"reason": "offensive", "comment": str(comment_id)})
    done = post(client, f"/rounds/lewisham/needs/{need_id}/report", {"reason": "duplicate"}, follow_redirects=True)
    assert "A moderator will look at it." in text_of(done)
    with app.app_context():
        reports = db.session.execute(db.select(Report.reason, Report.comment_id).order_by(Report.id)).all()
    assert [(r.value, c) for r, c in reports] == [("offensive", comment_id), ("duplicate", None)]


def test_an_unknown_need_or_one_from_another_round_is_404(client, make_round, make_need):
    make_round()
    make_round(slug="brent")
    other = make_need(round_slug="brent")
    assert client.get("/rounds/lewisham/needs/9999").status_code == 404
    assert client.get(f"/rounds/lewisham/needs/{other}").status_code == 404


def test_screen_readers_hear_a_support_or_a_comment_being_saved(client, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    page = text_of(client.get(f"/rounds/lewisham/needs/{need_id}"))
    assert f'<div id="support-{need_id}" class="support" aria-live="polite">' in page
    fragment = text_of(post(client, f"/rounds/lewisham/needs/{need_id}/support", headers={"HX-Request": "true"}))
    assert "aria-live" not in fragment and "You support this need." in fragment
    added = text_of(post(client, f"/rounds/lewisham/needs/{need_id}/comments",
                         {"body": "Yes please.", "language": "en", "display_name": "Ade"}, headers={"HX-Request": "true"}))
    assert '<p class="flash flash--success" role="status">Your comment was added.</p>' in added
