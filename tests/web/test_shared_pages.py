"""Resident pages rendered once for visitors who have not taken part, and never out of date for anyone."""
import re
import time
from contextlib import contextmanager
from html import unescape

import pytest
from sqlalchemy import text

from app import create_app, page_cache
from app.extensions import db
from app.models import Ballot, Need, Round
from tests.conftest import PASSWORD, QUICK_HASH, csrf_token, post
from tests.web.test_ballots import form_state
from tests.web.test_query_counts import counted

TOKEN = re.compile(r'"X-CSRFToken": "([^"]+)"')


def page_of(client, path, **kwargs) -> str:
    response = client.get(path, **kwargs)
    assert response.status_code == 200
    return unescape(response.get_data(as_text=True))


def reads(app, client, path, **kwargs) -> int:
    """How many statements the page took: one (the content version) when it was served as stored."""
    with counted(app) as statements:
        page_of(client, path, **kwargs)
    return len(statements)


def version(app) -> int:
    with app.app_context():
        return db.session.execute(text("SELECT number FROM content_version")).scalar_one()


@pytest.fixture
def need(make_round, make_need, clean_tables):
    make_round(phase="discuss")
    return make_need(title="Street lights on Elm Road")


def test_a_second_visitor_is_served_the_stored_page_with_a_token_of_their_own(app, need):
    first, second = app.test_client(), app.test_client()
    path = f"/rounds/lewisham/needs/{need}"
    assert reads(app, first, path) > 5
    assert reads(app, second, path) == 1
    mine, theirs = page_of(first, path), page_of(second, path)
    my_token, token = TOKEN.search(mine).group(1), TOKEN.search(theirs).group(1)
    assert my_token != token
    assert mine.replace(my_token, "") == theirs.replace(token, "")
    # The stored page's token is the second visitor's own: their support counts.
    supported = second.post(f"{path}/support", data={"csrf_token": token})
    assert supported.status_code == 302
    with app.app_context():
        assert db.session.get(Need, need).support == 1


def test_a_write_by_anyone_shows_on_the_next_page_at_once(app, need, make_comment):
    visitor, resident = app.test_client(), app.test_client()
    path = f"/rounds/lewisham/needs/{need}"
    page_of(visitor, path)
    commented = post(resident, f"{path}/comments", {"body": "Two lamps have been out since May.", "language": "en",
                                                               "display_name": "Ama"})
    assert commented.status_code == 302, commented.get_data(as_text=True)
    assert "Two lamps have been out since May." in page_of(visitor, path)
    with app.app_context():  # a facilitator's edit, or any other write, committed straight to the database
        db.session.get(Need, need).title = "Street lights on Elm Road and Oak Lane"
        db.session.commit()
    assert "Street lights on Elm Road and Oak Lane" in page_of(visitor, path)
    assert "Street lights on Elm Road and Oak Lane" in page_of(visitor, "/rounds/lewisham/needs")


def test_a_write_through_another_worker_shows_too(app, need):
    visitor = app.test_client()
    path = f"/rounds/lewisham/needs/{need}"
    page_of(visitor, path)
    other = create_app({"SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], "SECRET_KEY": "test-secret",
                        "PASSWORD_HASH_METHOD": QUICK_HASH})
    with other.app_context():
        db.session.get(Need, need).title = "Lights on Elm Road, changed elsewhere"
        db.session.commit()
        db.engine.dispose()
    assert "Lights on Elm Road, changed elsewhere" in page_of(visitor, path)


def test_only_a_committed_write_raises_the_version_and_it_rises_once_a_transaction(app, need):
    before = version(app)
    with app.app_context():
        db.session.get(Need, need).title = "Never saved"
        db.session.flush()
        db.session.rollback()
    assert version(app) == before
    with app.app_context():
        db.session.get(Need, need).title = "Saved once"
        db.session.flush()
        db.session.get(Need, need).description = "In the same transaction"
        db.session.commit()
    assert version(app) == before + 1
    with app.app_context():
        db.session.scalars(db.select(Need)).all()
        db.session.commit()  # a transaction that only read
    assert version(app) == before + 1


def test_a_resident_who_took_part_sees_their_own_page_and_others_never_do(app, need):
    visitor, resident = app.test_client(), app.test_client()
    path = f"/rounds/lewisham/needs/{need}"
    page_of(visitor, path)
    assert post(resident, f"{path}/support").status_code == 302
    assert "You support this need." in page_of(resident, path)
    assert reads(app, resident, path) > 1
    assert "You support this need." not in page_of(visitor, path)
    assert "1 person says this matters to them" in page_of(visitor, path)


def test_a_signed_in_facilitator_is_never_served_a_visitors_page(app, need, make_user, client, sign_in):
    make_user(round_slug="lewisham")
    page_of(app.test_client(), "/rounds/lewisham")
    sign_in()
    assert reads(app, client, "/rounds/lewisham") > 1
    assert "Edit the round" in page_of(client, "/rounds/lewisham")
    assert "Edit the round" not in page_of(app.test_client(), "/rounds/lewisham")


def test_each_visitor_served_the_stored_ballot_gets_their_own_nonce_and_both_ballots_count(
        app, make_round, make_need, clean_tables):
    make_round(phase="rank", max_choices=2)
    lights, play = make_need(title="Street lights"), make_need(title="Play area")
    first, second = app.test_client(), app.test_client()
    pages = [page_of(first, "/rounds/lewisham/ballot")]
    assert reads(app, second, "/rounds/lewisham/ballot") == 1
    pages.append(page_of(second, "/rounds/lewisham/ballot"))
    nonces = [re.search(r'name="nonce" value="([^"]+)"', p).group(1) for p in pages]
    assert nonces[0] != nonces[1]
    for client, page, nonce, order in zip((first, second), pages, nonces, ([lights, play], [play, lights])):
        cast = client.post("/rounds/lewisham/ballot", data={"csrf_token": TOKEN.search(page).group(1),
                                                            "nonce": nonce, "based_on": 0, "order": order,
                                                            "cast": "1"})
        assert cast.status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Ballot.id))) == 2


def test_a_pairwise_ballot_draws_each_visitor_their_own_pair(app, make_round, make_need, clean_tables):
    make_round(phase="rank", ballot_kind="pairwise")
    for n in range(6):
        make_need(title=f"Need {n}")
    page_of(app.test_client(), "/rounds/lewisham/ballot")
    assert reads(app, app.test_client(), "/rounds/lewisham/ballot") > 1


def test_the_language_and_htmx_fragments_are_stored_apart(app, need):
    assert 'dir="ltr"' in page_of(app.test_client(), "/rounds/lewisham/needs", headers={"Accept-Language": "en"})
    arabic = page_of(app.test_client(), "/rounds/lewisham/needs", headers={"Accept-Language": "ar"})
    assert 'dir="rtl"' in arabic and 'lang="ar"' in arabic
    fragment = page_of(app.test_client(), "/rounds/lewisham/needs", headers={"HX-Request": "true"})
    assert "<html" not in fragment and "Street lights on Elm Road" in fragment
    assert "<html" in page_of(app.test_client(), "/rounds/lewisham/needs")
    chosen = app.test_client()
    chosen.set_cookie("lang", "ar")
    assert 'dir="rtl"' in page_of(chosen, "/rounds/lewisham/needs", headers={"Accept-Language": "en"})


def test_a_stored_page_is_rendered_again_after_its_minute(app, need, monkeypatch):
    path = f"/rounds/lewisham/needs/{need}"
    page_of(app.test_client(), path)
    assert reads(app, app.test_client(), path) == 1
    later = time.monotonic() + app.config["SHARED_PAGE_SECONDS"] + 1
    monkeypatch.setattr(page_cache.time, "monotonic", lambda: later)
    assert reads(app, app.test_client(), path) > 1


def test_a_message_for_the_visitor_is_shown_to_them_alone(app, need, make_user, client, sign_in):
    make_user()
    page_of(app.test_client(), "/")
    sign_in()
    signed_out = post(client, "/account/sign-out", follow_redirects=True)
    assert "You are signed out." in unescape(signed_out.get_data(as_text=True))
    assert "You are signed out." not in page_of(app.test_client(), "/")
    assert "You are signed out." not in page_of(client, "/")


def cast(client, slug, order) -> None:
    done = client.post(f"/rounds/{slug}/ballot", data={**form_state(client, slug), "order": order, "cast": "1"})
    assert done.status_code == 302


@contextmanager
def cast_under_way(app, slug="brent"):
    """A write transaction that casting has marked as its own, in the round `slug`; yields the round's id."""
    with app.test_request_context(method="POST"):
        round_id = db.session.scalar(db.select(Round.id).filter_by(slug=slug))
        page_cache.casting_in(round_id)
        yield round_id


@pytest.fixture
def two_rounds(make_round, make_need, clean_tables):
    """Lewisham discussing its needs while Brent ranks its own."""
    make_round(phase="discuss")
    lights = make_need(title="Street lights on Elm Road")
    make_round(slug="brent", phase="rank", max_choices=2)
    return lights, [make_need(round_slug="brent", title=title) for title in ("Cycle lanes", "Bus shelter")]


def test_a_cast_leaves_other_rounds_pages_stored_and_shows_at_once_where_it_counts(app, two_rounds):
    lights, brent_needs = two_rounds
    elsewhere = f"/rounds/lewisham/needs/{lights}"
    for path in (elsewhere, "/rounds/brent/results", "/"):
        page_of(app.test_client(), path)
    cast(app.test_client(), "brent", brent_needs)
    assert reads(app, app.test_client(), elsewhere) == 1
    assert "1 ballot counted." in page_of(app.test_client(), "/rounds/brent/results")
    assert reads(app, app.test_client(), "/") > 1  # the pages of every round together show every write


def test_any_write_but_a_cast_refreshes_every_rounds_pages(app, two_rounds):
    lights, brent_needs = two_rounds
    page_of(app.test_client(), f"/rounds/brent/needs/{brent_needs[0]}")
    with app.app_context():
        db.session.get(Need, lights).title = "Lights on Elm Road"  # written in Lewisham, shown...
        db.session.commit()
    assert reads(app, app.test_client(), f"/rounds/brent/needs/{brent_needs[0]}") > 1  # ...anywhere, for all it knows


def test_a_cast_that_writes_anything_else_too_refreshes_every_round(app, two_rounds):
    lights, _ = two_rounds
    path = f"/rounds/lewisham/needs/{lights}"
    page_of(app.test_client(), path)
    with cast_under_way(app):
        db.session.get(Need, lights).title = "Changed in the middle of a cast"
        db.session.commit()
    assert "Changed in the middle of a cast" in page_of(app.test_client(), path)


def test_a_casts_mark_ends_with_its_transaction(app, two_rounds):
    lights, _ = two_rounds
    path = f"/rounds/lewisham/needs/{lights}"
    page_of(app.test_client(), path)
    with cast_under_way(app) as brent:
        db.session.rollback()
        # A ballot written by the paper desk, say, without the mark: it may show anywhere.
        db.session.add(Ballot(round_id=brent, voter_key="paper-desk-1", version=1, submission_key="paper-1",
                              receipt="PAPER00001", content='{"kind": "ranking", "order": []}'))
        db.session.commit()
    assert reads(app, app.test_client(), path) > 1
