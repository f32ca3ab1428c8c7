import re
from html import unescape

from app.extensions import db
from app.models import Comment, Need, Support
from tests.conftest import post


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def moderator(make_round, make_user, sign_in, phase="discuss"):
    make_round(phase=phase)
    make_user(email="mod@example.org", role="moderator", round_slug="lewisham")
    sign_in("mod@example.org")


def test_the_queue_shows_reported_items_to_moderators_only(client, app, make_round, make_need, make_user, sign_in):
    make_round()
    need_id = make_need(title="Buy cheap watches here")
    post(client, f"/rounds/lewisham/needs/{need_id}/report", {"reason": "spam", "note": "advert"})
    assert client.get("/rounds/lewisham/moderation").status_code == 302
    make_user(email="other@example.org", role="moderator", round_slug=None)
    make_round(slug="brent")
    make_user(email="brent@example.org", role="facilitator", round_slug="brent")
    sign_in("brent@example.org")
    assert client.get("/rounds/lewisham/moderation").status_code == 403
    make_user(email="mod@example.org", role="moderator", round_slug="lewisham")
    sign_in("mod@example.org")
    page = text_of(client.get("/rounds/lewisham/moderation"))
    assert "Buy cheap watches here" in page and "Spam or advertising" in page and "advert" in page


def test_a_hidden_need_leaves_the_list_and_shows_the_reason_in_its_place(client, app, make_round, make_need,
                                                                          make_user, sign_in):
    moderator(make_round, make_user, sign_in)
    need_id = make_need(title="Buy cheap watches here")
    post(client, f"/rounds/lewisham/needs/{need_id}/report", {"reason": "spam"})
    post(client, f"/rounds/lewisham/moderation/needs/{need_id}/hide", {"reason": "Advertising"})
    resident = app.test_client()
    assert "Buy cheap watches here" not in text_of(resident.get("/rounds/lewisham/needs"))
    page = text_of(resident.get(f"/rounds/lewisham/needs/{need_id}"))
    assert "A moderator hid this need. Reason: Advertising" in page and "Buy cheap watches here" not in page
    assert "Nothing is waiting" in text_of(client.get("/rounds/lewisham/moderation"))
    post(client, f"/rounds/lewisham/moderation/needs/{need_id}/restore")
    assert "Buy cheap watches here" in text_of(resident.get("/rounds/lewisham/needs"))


def test_hiding_needs_a_reason(client, app, make_round, make_need, make_user, sign_in):
    moderator(make_round, make_user, sign_in)
    need_id = make_need()
    response = post(client, f"/rounds/lewisham/moderation/needs/{need_id}/hide", {"reason": " "}, follow_redirects=True)
    assert "please give a reason" in text_of(response)
    with app.app_context():
        assert db.session.get(Need, need_id).status.value == "open"


def test_a_hidden_comment_shows_its_reason_in_place_and_its_replies_stay(client, app, make_round, make_need,
                                                                         make_comment, make_user, sign_in):
    moderator(make_round, make_user, sign_in)
    need_id = make_need()
    first = make_comment(need_id, body="You are all idiots")
    make_comment(need_id, body="Please be kind", parent_id=first)
    post(client, f"/rounds/lewisham/moderation/needs/{need_id}/comments/{first}/hide", {"reason": "Personal abuse"})
    page = text_of(app.test_client().get(f"/rounds/lewisham/needs/{need_id}"))
    assert "A moderator hid this comment. Reason: Personal abuse" in page
    assert "You are all idiots" not in page and "Please be kind" in page
    post(client, f"/rounds/lewisham/moderation/needs/{need_id}/comments/{first}/restore")
    assert "You are all idiots" in text_of(app.test_client().get(f"/rounds/lewisham/needs/{need_id}"))


def test_dismissing_reports_keeps_the_item_and_empties_the_queue(client, make_round, make_need, make_user, sign_in):
    moderator(make_round, make_user, sign_in)
    need_id = make_need(title="Fix the lift in Tower Block A")
    post(client, f"/rounds/lewisham/needs/{need_id}/report", {"reason": "other"})
    post(client, f"/rounds/lewisham/moderation/needs/{need_id}/dismiss")
    assert "Nothing is waiting" in text_of(client.get("/rounds/lewisham/moderation"))
    assert "Fix the lift in Tower Block A" in text_of(client.get("/rounds/lewisham/needs"))


def test_an_edit_keeps_the_earlier_words_in_a_public_history(client, app, make_round, make_need, make_user, sign_in):
    moderator(make_round, make_user, sign_in)
    need_id = make_need(title="Fix the lift, call 07700 900123")
    refused = post(client, f"/rounds/lewisham/moderation/needs/{need_id}/edit",
                   {"title": "Fix the lift", "description": "The lift is broken.", "category": "housing", "reason": ""})
    assert refused.status_code == 422 and "Please give a reason." in text_of(refused)
    post(client, f"/rounds/lewisham/moderation/needs/{need_id}/edit",
         {"title": "Fix the lift in Tower Block A", "description": "The lift has been broken for weeks.",
          "category": "housing", "reason": "Removed a phone number"})
    resident = app.test_client()
    page = text_of(resident.get(f"/rounds/lewisham/needs/{need_id}"))
    assert "Fix the lift in Tower Block A" in page and "see the history" in page
    history = text_of(resident.get(f"/rounds/lewisham/needs/{need_id}/history"))
    assert "Fix the lift, call 07700 900123" in history and "Removed a phone number" in history
    assert "lift in tower block a" in text_of(resident.get("/rounds/lewisham/needs?q=tower")).lower()


def test_merging_moves_supports_and_comments_and_the_old_address_leads_to_the_kept_need(
        client, app, make_round, make_need, make_comment, make_user, sign_in):
    moderator(make_round, make_user, sign_in)
    kept = make_need(title="Street lights broken on Sydenham Road")
    duplicate = make_need(title="Dark street near the bus stop")
    make_comment(duplicate, body="It is so dark there")
    both, only_duplicate = app.test_client(), app.test_client()
    for resident in (both,):
        post(resident, f"/rounds/lewisham/needs/{kept}/support")
    for resident in (both, only_duplicate):
        post(resident, f"/rounds/lewisham/needs/{duplicate}/support")

    response = post(client, f"/rounds/lewisham/moderation/needs/{duplicate}/merge",
                    {"kept": str(kept), "reason": "Same street lights"})
    assert response.headers["Location"] == f"/rounds/lewisham/needs/{kept}"

    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Support.id)).where(Support.need_id == kept)) == 2
        assert db.session.scalar(db.select(db.func.count(Support.id)).where(Support.need_id == duplicate)) == 0
        assert db.session.scalar(db.select(Comment.need_id)) == kept
    old_address = app.test_client().get(f"/rounds/lewisham/needs/{duplicate}")
    assert old_address.status_code == 302
    page = text_of(app.test_client().get(old_address.headers["Location"]))
    assert "“Dark street near the bus stop” was merged into this need." in page
    assert "Needs merged into this one" in page and "Reason: Same street lights" in page
    assert "It is so dark there" in page and "2 people say this matters to them" in page
    records = {r["id"]: r for r in app.test_client().get("/rounds/lewisham/needs.json").get_json()["needs"]}
    assert records[str(duplicate)]["status"] == "merged" and records[str(duplicate)]["merged_into"] == str(kept)


def test_a_need_cannot_be_merged_into_itself_or_into_a_need_of_another_round(client, app, make_round, make_need,
                                                                             make_user, sign_in):
    moderator(make_round, make_user, sign_in)
    make_round(slug="brent")
    need_id = make_need()
    elsewhere = make_need(round_slug="brent")
    for target in (need_id, elsewhere):
        response = post(client, f"/rounds/lewisham/moderation/needs/{need_id}/merge", {"kept": str(target), "reason": "x"})
        assert response.status_code == 422 and "Please choose the need to keep." in text_of(response)
    with app.app_context():
        assert db.session.get(Need, need_id).status.value == "open"


def test_hiding_a_reported_comment_from_the_queue_goes_back_to_the_queue(client, make_round, make_need, make_comment,
                                                                         make_user, sign_in):
    moderator(make_round, make_user, sign_in)
    need_id = make_need()
    comment_id = make_comment(need_id, body="Buy cheap watches here")
    post(client, f"/rounds/lewisham/needs/{need_id}/report?comment={comment_id}", {"reason": "spam", "comment": comment_id})
    queue = client.get("/rounds/lewisham/moderation").get_data(as_text=True)
    hide_form = re.search(r'<form method="post" action="([^"]+/hide)">(.*?)</form>', queue, re.S)
    fields = dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', hide_form.group(2)))
    hidden = client.post(hide_form.group(1), data={**fields, "reason": "Advertising"})
    assert hidden.status_code == 302 and hidden.headers["Location"] == "/rounds/lewisham/moderation"
    assert "Nothing is waiting" in text_of(client.get(hidden.headers["Location"]))
    from_need = post(client, f"/rounds/lewisham/moderation/needs/{need_id}/comments/{comment_id}/hide", {"reason": "Spam"})
    assert from_need.headers["Location"] == f"/rounds/lewisham/needs/{need_id}"
