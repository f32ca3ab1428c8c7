"""Casting ballots: one per resident, changeable, idempotent, unlinkable, refused when invalid or closed."""
import hashlib
import json
import re
import threading
from html import unescape

import pytest
from sqlalchemy import inspect

from app.ballots.keys import voter_key as voter_key_for
from app.extensions import db
from app.models import Ballot, Participation
from tests.conftest import csrf_token


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def form_state(client, slug="lewisham"):
    page = client.get(f"/rounds/{slug}/ballot").get_data(as_text=True)
    return {"csrf_token": re.search(r'"X-CSRFToken": "([^"]+)"', page).group(1),
            "nonce": re.search(r'name="nonce" value="([^"]+)"', page).group(1),
            "based_on": re.search(r'name="based_on" value="(\d+)"', page).group(1)}


def ballots(app):
    with app.app_context():
        return [json.loads(c) for c in db.session.scalars(db.select(Ballot.content))]


@pytest.fixture
def ranking_round(make_round, make_need):
    make_round(phase="rank", max_choices=2)
    return [make_need(title=t) for t in ("Street lights", "Play area", "Benches")]


def test_a_resident_taps_needs_into_order_and_casts_a_ranking(client, app, ranking_round):
    lights, play, _ = ranking_round
    state = form_state(client)
    added = client.post("/rounds/lewisham/ballot", data={**state, "edit": f"add:{play}"}, headers={"HX-Request": "true"})
    assert "<html" not in added.get_data(as_text=True)
    assert re.findall(r'name="order" value="(\d+)"', added.get_data(as_text=True)) == [str(play)]
    moved = client.post("/rounds/lewisham/ballot", data={**state, "order": [play, lights], "edit": f"up:{lights}"})
    assert re.findall(r'name="order" value="(\d+)"', moved.get_data(as_text=True)) == [str(lights), str(play)]
    assert ballots(app) == []
    done = client.post("/rounds/lewisham/ballot", data={**state, "order": [lights, play], "cast": "1"}, follow_redirects=True)
    assert "Your ballot is counted. Your receipt:" in text_of(done)
    assert ballots(app) == [{"ranking": [[lights], [play]]}]


def test_without_javascript_rank_numbers_make_the_ranking(client, app, ranking_round):
    lights, play, benches = ranking_round
    client.post("/rounds/lewisham/ballot", data={**form_state(client), f"rank-{benches}": "1", f"rank-{lights}": "2",
                                                 f"rank-{play}": "", "cast": "1"})
    assert ballots(app) == [{"ranking": [[benches], [lights]]}]


@pytest.mark.parametrize("data,message", [
    ({}, "Your ballot is empty"),
    ({"order": ["{0}", "{1}", "{2}"]}, "Choose at most 2 needs."),
    ({"rank-{0}": "1", "rank-{1}": "1"}, "Each rank number can be given to one need only."),
    ({"order": ["{0}", "999999"]}, "One of your choices is no longer on the list."),
])
def test_an_invalid_ranking_is_refused_and_keeps_the_residents_choices(client, app, ranking_round, data, message):
    filled = {k.format(*ranking_round): [v.format(*ranking_round) for v in vs] if isinstance(vs, list) else vs
              for k, vs in data.items()}
    response = client.post("/rounds/lewisham/ballot", data={**form_state(client), **filled, "cast": "1"})
    assert response.status_code == 422 and message in text_of(response)
    if "order" in filled:
        kept = re.findall(r'name="order" value="(\d+)"', response.get_data(as_text=True))
        assert kept == [v for v in filled["order"] if int(v) in ranking_round]
    assert ballots(app) == []


def test_a_double_submit_stores_one_ballot_with_one_receipt(client, app, ranking_round):
    state = {**form_state(client), "order": [ranking_round[0]], "cast": "1"}
    first = text_of(client.post("/rounds/lewisham/ballot", data=state, follow_redirects=True))
    second = text_of(client.post("/rounds/lewisham/ballot", data=state, follow_redirects=True))
    receipt = re.search(r"Your receipt: ([A-Z0-9]{5}-[A-Z0-9]{5})", first).group(1)
    assert re.search(r"Your receipt: ([A-Z0-9]{5}-[A-Z0-9]{5})", second).group(1) == receipt
    assert len(ballots(app)) == 1


def test_a_changed_ballot_replaces_the_first_and_an_old_form_replayed_changes_nothing(client, app, ranking_round):
    lights, play, _ = ranking_round
    old_form = form_state(client)
    client.post("/rounds/lewisham/ballot", data={**old_form, "order": [lights], "cast": "1"})
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [play], "cast": "1"})
    assert ballots(app) == [{"ranking": [[play]]}]
    replay = client.post("/rounds/lewisham/ballot", data={**old_form, "nonce": "another", "order": [lights], "cast": "1"},
                         follow_redirects=True)
    assert "this older version was not counted" in text_of(replay)
    assert ballots(app) == [{"ranking": [[play]]}]


def test_casting_outside_the_ranking_phase_is_refused_and_stores_nothing(client, app, make_round, make_need):
    make_round(phase="discuss")
    need = make_need()
    page = text_of(client.get("/rounds/lewisham/ballot"))
    assert "Ranking is not open in this round." in page
    response = client.post("/rounds/lewisham/ballot", data={"csrf_token": csrf_token(client), "order": [need], "cast": "1"},
                           follow_redirects=True)
    assert "no ballot was stored" in text_of(response) and ballots(app) == []


def test_the_ballot_table_has_no_column_that_identifies_a_voter(app):
    with app.app_context():
        columns = {c["name"] for c in inspect(db.engine).get_columns("ballot")}
        foreign = inspect(db.engine).get_foreign_keys("ballot")
    assert columns == {"id", "round_id", "voter_key", "version", "submission_key", "receipt", "content", "channel"}
    assert [f["referred_table"] for f in foreign] == ["round"]


def test_the_register_records_who_voted_without_pointing_at_their_ballot(client, app, ranking_round):
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [ranking_round[0]], "cast": "1"})
    with app.app_context():
        columns = {c["name"] for c in inspect(db.engine).get_columns("participation")}
        voter_key = db.session.scalar(db.select(Ballot.voter_key))
        registered = db.session.scalar(db.select(Participation.participant_id))
    assert columns == {"id", "round_id", "participant_id"}
    with app.app_context():
        round_id = db.session.scalar(db.select(Ballot.round_id))
    plain = hashlib.sha256(f"ballot:{round_id}:participant:{registered}".encode()).hexdigest()
    assert voter_key not in (plain, voter_key_for("another-secret", round_id, registered))
    assert voter_key == voter_key_for(app.config["SECRET_KEY"], round_id, registered)


def test_approval_and_points_ballots_check_their_limits(client, app, make_round, make_need):
    make_round(phase="rank", ballot_kind="approval", min_choices=2, max_choices=2)
    a, b, c = (make_need(title=t) for t in ("Lights", "Trees", "Bins"))
    few = client.post("/rounds/lewisham/ballot", data={**form_state(client), "approve": [a], "cast": "1"})
    assert few.status_code == 422 and "Choose at least 2 needs." in text_of(few) and "checked" in text_of(few)
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "approve": [a, c], "cast": "1"})
    assert ballots(app) == [{"approved": sorted([a, c])}]


def test_points_left_are_recounted_and_over_spending_is_refused(client, app, make_round, make_need):
    make_round(phase="rank", ballot_kind="points", points_total=10, points_per_need=6)
    a, b = make_need(title="Lights"), make_need(title="Trees")
    preview = client.post("/rounds/lewisham/ballot", data={**form_state(client), f"points-{a}": "4", "preview": "1"},
                          headers={"HX-Request": "true"})
    assert "6 points left" in text_of(preview)
    over = client.post("/rounds/lewisham/ballot", data={**form_state(client), f"points-{a}": "7", f"points-{b}": "6",
                                                        "cast": "1"})
    page = text_of(over)
    assert over.status_code == 422 and "At most 6 points on one need." in page and "10 points to give in all" in page
    assert 'value="7"' in page and ballots(app) == []
    client.post("/rounds/lewisham/ballot", data={**form_state(client), f"points-{a}": "6", f"points-{b}": "4", "cast": "1"})
    assert ballots(app) == [{"points": {str(a): 6, str(b): 4}}]


def test_pairwise_answers_add_up_and_every_need_gets_compared(client, app, make_round, make_need):
    make_round(phase="rank", ballot_kind="pairwise")
    ids = [make_need(title=f"Need {n}") for n in range(4)]
    seen = set()
    for _ in range(6):
        page = client.get("/rounds/lewisham/ballot").get_data(as_text=True)
        first, second = (int(re.search(rf'name="{k}" value="(\d+)"', page).group(1)) for k in ("first", "second"))
        seen |= {first, second}
        client.post("/rounds/lewisham/ballot/pair", data={"csrf_token": csrf_token(client), "first": first,
                                                          "second": second, "answer": str(min(first, second))})
    assert seen == set(ids)
    (ballot,) = ballots(app)
    assert len(ballot["answers"]) == 6
    assert "You have compared every pair" in text_of(client.get("/rounds/lewisham/ballot"))


def test_fifty_residents_casting_at_once_all_count(app, ranking_round):
    clients = [app.test_client() for _ in range(50)]
    states = [form_state(c) for c in clients]
    start, statuses = threading.Barrier(50), []

    def cast(n):
        start.wait()
        response = clients[n].post("/rounds/lewisham/ballot", data={**states[n], "order": [ranking_round[n % 3]], "cast": "1"})
        statuses.append(response.status_code)

    threads = [threading.Thread(target=cast, args=(n,)) for n in range(50)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [302] * 50 and len(ballots(app)) == 50


def test_results_stay_hidden_until_ranking_closes_unless_the_round_shows_them_live(client, app, make_round, make_need):
    make_round(phase="rank")
    need = make_need(title="Street lights")
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [need], "cast": "1"})
    assert "Results are published when ranking closes" in text_of(client.get("/rounds/lewisham/results"))
    assert client.get("/rounds/lewisham/results.json").status_code == 404
    make_round(slug="live", phase="rank", results_live=True)
    assert client.get("/rounds/live/results.json").status_code == 200


def test_the_results_page_shows_the_count_the_method_and_the_methods_side_by_side(client, app, make_round, make_need):
    make_round(phase="rank")
    a, b = make_need(title="Street lights"), make_need(title="Play area")
    for order in ([a, b], [a, b], [b, a]):
        other = app.test_client()
        other.post("/rounds/lewisham/ballot", data={**form_state(other), "order": order, "cast": "1"})
    with app.app_context():
        from app.models import Round
        db.session.scalar(db.select(Round)).phase = "decide"
        db.session.commit()
    page = text_of(client.get("/rounds/lewisham/results"))
    assert "3 ballots counted." in page and "Schulze method" in page
    assert page.index("Street lights") < page.index("Play area")
    assert "Every method puts the same need first." in page and "Instant runoff" in page
    receipts = text_of(client.get("/rounds/lewisham/receipts"))
    assert "3 ballots are counted" in receipts and receipts.count('<li><bdi dir="ltr" class="ballot">') == 3


def cast_rankings(app, orders):
    receipts = []
    for order in orders:
        other = app.test_client()
        page = text_of(other.post("/rounds/lewisham/ballot", data={**form_state(other), "order": order, "cast": "1"},
                                  follow_redirects=True))
        receipts.append(re.search(r"Your receipt: ([A-Z0-9]{5}-[A-Z0-9]{5})", page).group(1))
    return receipts


def publish(app):
    with app.app_context():
        from app.models import Round
        db.session.scalar(db.select(Round)).phase = "results"
        db.session.commit()


def test_a_receipt_typed_loosely_is_found_as_counted_and_never_shows_what_the_ballot_says(
        client, app, ranking_round):
    lights, play, _ = ranking_round
    mine, _other = cast_rankings(app, [[play, lights], [lights]])
    loose = mine.lower().replace("-", " ")
    page = text_of(client.get(f"/rounds/lewisham/receipts?receipt={loose}"))
    # Said back as printed on the receipt; the box keeps what was typed.
    assert f'The ballot with receipt <bdi dir="ltr" class="receipt-code">{mine}</bdi> is counted.' in page
    assert f'value="{loose}"' in page and 'class="ballot"' not in page
    publish(app)
    page = text_of(client.get(f"/rounds/lewisham/receipts?receipt={mine}"))
    notice = re.search(r'<p class="notice" role="status">(.*?)</p>', page, re.S).group(1)
    assert notice == f'The ballot with receipt <bdi dir="ltr" class="receipt-code">{mine}</bdi> is counted.'
    assert f'<li><bdi dir="ltr" class="ballot">{play} > {lights}</bdi></li>' in page  # listed, but not by receipt
    assert mine not in "".join(re.findall(r"<li>.*?</li>", page))


def test_a_receipt_that_is_not_there_or_cannot_be_one_is_said_plainly(client, app, ranking_round):
    cast_rankings(app, [[ranking_round[0]]])
    unknown = text_of(client.get("/rounds/lewisham/receipts?receipt=ZZZZZ-ZZZZZ"))
    assert 'No counted ballot has the receipt <bdi dir="ltr" class="receipt-code">ZZZZZ-ZZZZZ</bdi>. Check each' in unknown
    wrong = client.get("/rounds/lewisham/receipts?receipt=hello")
    assert wrong.status_code == 400 and 'aria-invalid="true"' in text_of(wrong)
    assert "A receipt has ten letters and numbers, like ABCDE-23456." in text_of(wrong)
    assert 'value="hello"' in text_of(wrong)


def test_ballots_are_listed_only_after_results_a_page_at_a_time_and_as_csv_without_receipts(
        client, app, make_round, make_need, monkeypatch):
    from app.ballots import receipts

    monkeypatch.setattr(receipts, "PER_PAGE", 2)
    make_round(phase="rank", max_choices=2)
    need = make_need(title="Street lights")
    made = cast_rankings(app, [[need]] * 5)
    during = text_of(client.get("/rounds/lewisham/receipts"))
    assert "5 ballots are counted" in during and "<li>" not in during and not any(r in during for r in made)
    assert client.get("/rounds/lewisham/receipts.csv").status_code == 404
    publish(app)
    first = text_of(client.get("/rounds/lewisham/receipts"))
    assert first.count('<li><bdi dir="ltr" class="ballot">') == 2 and "Page 1 of 3" in first
    last = text_of(client.get("/rounds/lewisham/receipts?page=3"))
    assert last.count("<li><bdi") == 1 and '<ol class="receipts" start="5">' in last
    sheet = client.get("/rounds/lewisham/receipts.csv").get_data(as_text=True)
    assert sheet.splitlines() == ["ballot", *[str(need)] * 5]
    assert not any(r in first + last + sheet for r in made)


@pytest.mark.parametrize("content,short", [
    ({"ranking": [[3], [1, 2], [9]]}, "c > a=b"),  # need 9 is no longer counted: left out
    ({"approved": [2, 3]}, "b, c"),
    ({"points": {"1": 3, "3": 2}}, "a×3, c×2"),
    ({"answers": {"1-2": "2", "1-3": "none"}}, "b>a, a~c"),
])
def test_each_kind_of_ballot_is_written_out_for_a_recount(content, short):
    from app.ballots.receipts import written

    assert written(json.dumps(content), {1: "a", 2: "b", 3: "c"}) == short


def test_published_results_follow_every_new_or_changed_ballot_and_hidden_need(client, app, make_round, make_need):
    from app.models import Need

    make_round(phase="rank", results_live=True)
    lights, play = make_need(title="Street lights"), make_need(title="Play area")
    first = app.test_client()
    first.post("/rounds/lewisham/ballot", data={**form_state(first), "order": [lights, play], "cast": "1"})
    assert client.get("/rounds/lewisham/results.json").json["ranking"] == [str(lights), str(play)]
    assert client.get("/rounds/lewisham/results.json").json["ranking"] == [str(lights), str(play)]
    first.post("/rounds/lewisham/ballot", data={**form_state(first), "order": [play, lights], "cast": "1"})
    assert client.get("/rounds/lewisham/results.json").json["ranking"] == [str(play), str(lights)]
    with app.app_context():
        db.session.get(Need, play).status = "hidden"
        db.session.commit()
    assert client.get("/rounds/lewisham/results.json").json["ranking"] == [str(lights)]


def test_a_tap_on_the_ranking_announces_only_the_change_and_keeps_the_focus_on_the_moved_need(client, ranking_round):
    lights, play, _ = ranking_round
    state = form_state(client)
    page = client.get("/rounds/lewisham/ballot").get_data(as_text=True)
    assert '<div id="ballot">' in page and 'role="status"' in page and 'aria-live="polite">' not in page
    moved = client.post("/rounds/lewisham/ballot", data={**state, "order": [play, lights], "edit": f"up:{lights}"},
                        headers={"HX-Request": "true"}).get_data(as_text=True)
    assert '<p id="ballot-change" hx-swap-oob="innerHTML">Street lights moved to place 1.</p>' in moved
    assert re.findall(r'id="([a-z]+-\d+)"[^>]*autofocus', moved) == [f"down-{lights}"]
    added = client.post("/rounds/lewisham/ballot", data={**state, "order": [lights], "edit": f"add:{play}"},
                        headers={"HX-Request": "true"}).get_data(as_text=True)
    assert "Play area added to your ranking at place 2." in added
    assert re.findall(r'id="([a-z]+)"[^>]*autofocus', added) == ["cast"]  # two of two: the ranking is full


def test_each_need_on_the_ballot_opens_to_what_it_is_in_the_residents_language_with_the_original_a_tap_away(
        app, client, make_round, make_need):
    from app.models import NeedTranslation

    make_round(phase="rank")
    need = make_need(title="Okul önüne bitki kutuları ve bank", language="tr", location="Elm Road",
                     description="Okulun önünde oturacak yer yok.", affected="Veliler ve çocuklar")
    with app.app_context():
        db.session.add(NeedTranslation(need_id=need, language="en", title="Planters and a bench by the school",
                                       description="There is nowhere to sit outside the school.", approved=True))
        db.session.commit()
    page = text_of(client.get("/rounds/lewisham/ballot", headers={"Accept-Language": "en"}))
    about = re.search(r'<details class="ballot-about">(.*?)</details>\s*</details>', page, re.S).group(1)
    assert "More about this need" in about and "There is nowhere to sit outside the school." in about
    assert "Elm Road" in about and "Veliler ve çocuklar" in about and "Translated from Turkish" in about
    assert re.search(r"<summary>Show the original</summary>\s*<p[^>]*>Okul önüne bitki kutuları ve bank</p>", about)
    assert "Okulun önünde oturacak yer yok." in about
