"""Workshop sessions: the projector link and its snapshot, joining in the room, the console, the helper's
station, flip-chart dots and the report."""
import json
import re
import sqlite3
from datetime import datetime, timedelta, timezone
from html import unescape

import pytest

from app import create_app
from app.extensions import db
from app.models import AccessCode, Ballot, WorkshopSession
from tests.conftest import post
from tests.web.test_ballots import form_state

KEYS = {"joined", "ballots", "results_shown", "ranking", "timer_ends_at"}


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def start(runner, slug="lewisham", name="Evening at the library") -> str:
    result = runner.invoke(args=["workshops", "start", slug, "--name", name])
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def path_of(link: str) -> str:
    return "/" + link.split("/", 3)[3]


def workshop(app) -> WorkshopSession:
    with app.app_context():
        return db.session.scalar(db.select(WorkshopSession))


@pytest.fixture
def later(monkeypatch):
    """Moves the sessions' clock on, as if time had passed since the snapshot was counted."""
    from app.workshops import services

    real, shift = services.utcnow, [timedelta(0)]
    monkeypatch.setattr(services, "utcnow", lambda: real() + shift[0])

    def advance(seconds: float = 1.5) -> None:
        shift[0] += timedelta(seconds=seconds)
    return advance


def snapshot(client, link) -> dict:
    response = client.get(path_of(link) + "/snapshot.json")
    assert response.status_code == 200 and response.headers["Cache-Control"] == "no-store"
    return response.get_json()


@pytest.fixture
def ranked(make_round, make_need):
    make_round(phase="rank", title="Lewisham Local", results_live=True)
    return [make_need(title=t) for t in ("Street lights", "Play area", "Benches")]


@pytest.fixture
def facilitator(make_user, sign_in):
    make_user(round_slug="lewisham")
    sign_in()


def phone_joins(app, link, name="Amira"):
    phone = app.test_client()
    code = workshop(app).join_code
    assert phone.get(f"/w/{code}").status_code == 200  # asks for a name first
    joined = post(phone, f"/w/{code}", {"code": code, "display_name": name})
    assert joined.status_code == 302 and joined.headers["Location"] == "/rounds/lewisham/ballot"
    return phone


def cast(phone, order):
    response = phone.post("/rounds/lewisham/ballot", data={**form_state(phone), "order": order, "cast": "1"})
    assert response.status_code == 302, response.get_data(as_text=True)


def test_the_command_prints_a_projector_link_that_opens_without_signing_in(app, client, runner, ranked):
    link = start(runner)
    assert re.fullmatch(r"http://localhost:5000/workshops/[A-Za-z0-9_-]{43}", link)
    page = client.get(path_of(link))
    assert page.status_code == 200 and "Lewisham Local" in text_of(page) and "<svg" in text_of(page)
    assert f"/w/{workshop(app).join_code}" in text_of(page)
    assert snapshot(client, link) == {"joined": 0, "ballots": 0, "results_shown": False, "ranking": [],
                                      "timer_ends_at": None}
    assert client.get("/workshops/" + "x" * 43).status_code == 404
    assert client.get("/workshops/" + "x" * 43 + "/snapshot.json").status_code == 404
    failed = runner.invoke(args=["workshops", "start", "nowhere"])
    assert failed.exit_code != 0 and "nowhere" in failed.output


def test_phones_that_join_and_vote_are_counted_and_results_wait_for_the_facilitator(app, client, runner, ranked,
                                                                                 facilitator, later):
    link = start(runner)
    lights, play, _ = ranked
    first, second = phone_joins(app, link, "Amira"), phone_joins(app, link, "Bogdan")
    cast(first, [play, lights])
    later()
    shot = snapshot(client, link)
    assert set(shot) == KEYS and (shot["joined"], shot["ballots"]) == (2, 1)
    assert shot["results_shown"] is False and shot["ranking"] == []
    assert "Amira" not in text_of(client.get(path_of(link)))  # the big screen shows no personal data

    post(client, f"/rounds/lewisham/workshops/{workshop(app).id}/results", {"show": "1"})
    shot = snapshot(client, link)
    assert shot["results_shown"] is True and shot["ranking"][:2] == [str(play), str(lights)]
    assert "Results so far" in text_of(client.get(path_of(link)))
    cast(second, [lights])
    assert snapshot(client, link)["ballots"] == 1  # shared for up to a second, not counted again per screen
    later()
    assert snapshot(client, link)["ballots"] == 2


def test_a_screen_that_cannot_have_the_write_lock_in_time_still_gets_a_fresh_count(app, client, runner, ranked,
                                                                                  later):
    with app.app_context():
        if db.engine.dialect.name != "sqlite":
            pytest.skip("SQLite's write lock; PostgreSQL waits for the session's row alone")
        path = db.engine.url.database
    link = start(runner)
    lights, play, _ = ranked
    cast(phone_joins(app, link, "Amira"), [play, lights])
    later()
    impatient = create_app({"SQLALCHEMY_DATABASE_URI": app.config["SQLALCHEMY_DATABASE_URI"], "SECRET_KEY": "test-secret",
                            "SQLITE_BUSY_TIMEOUT_MS": 50})
    writer = sqlite3.connect(path, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")  # another worker's long write
    try:
        response = impatient.test_client().get(path_of(link) + "/snapshot.json")
    finally:
        writer.execute("ROLLBACK")
        writer.close()
        with impatient.app_context():
            db.engine.dispose()
    assert response.status_code == 200 and response.get_json()["ballots"] == 1
    assert snapshot(client, link)["ballots"] == 1


def test_a_round_that_hides_results_until_ranking_closes_keeps_them_off_the_big_screen(app, client, runner,
                                                                                     make_round, make_need,
                                                                                     facilitator):
    make_round(phase="rank", results_live=False)
    make_need(title="Street lights")
    link = start(runner)
    console = f"/rounds/lewisham/workshops/{workshop(app).id}"
    post(client, console + "/results", {"show": "1"})
    assert snapshot(client, link)["results_shown"] is False
    assert "keeps its results hidden until ranking closes" in text_of(client.get(console))
    post(client, console + "/phase")  # ranking closes
    shot = snapshot(client, link)
    assert shot["results_shown"] is True and len(shot["ranking"]) == 1


def test_the_countdown_starts_and_stops_and_a_bad_number_is_kept_with_its_error(app, client, runner, ranked,
                                                                              facilitator):
    link = start(runner)
    console = f"/rounds/lewisham/workshops/{workshop(app).id}"
    before = datetime.now(timezone.utc)
    assert post(client, console + "/timer", {"minutes": "5"}).status_code == 302
    ends = datetime.fromisoformat(snapshot(client, link)["timer_ends_at"])
    assert timedelta(minutes=5) <= ends - before < timedelta(minutes=5, seconds=30)
    assert "5:00" in text_of(client.get(path_of(link))) or "4:5" in text_of(client.get(path_of(link)))
    refused = post(client, console + "/timer", {"minutes": "999"})
    assert refused.status_code == 422 and 'value="999"' in text_of(refused)
    post(client, console + "/timer", {"stop": "1"})
    assert snapshot(client, link)["timer_ends_at"] is None


def test_a_need_shown_on_the_big_screen_with_its_dots_apart_from_the_ballots(app, client, runner, ranked,
                                                                           facilitator, make_round, make_need):
    make_round(slug="elsewhere")
    foreign = make_need(round_slug="elsewhere", title="Somewhere else")
    link = start(runner)
    lights, play, benches = ranked
    console = f"/rounds/lewisham/workshops/{workshop(app).id}"
    assert post(client, console + "/need", {"need": str(play)}).status_code == 302
    assert post(client, console + "/dots", {f"dots-{play}": "12", f"dots-{lights}": "3"}).status_code == 302
    page = text_of(client.get(path_of(link)))
    assert "Play area" in page and "12 dots in the room" in page
    assert post(client, console + "/need", {"need": str(foreign)}).status_code == 400
    refused = post(client, console + "/dots", {f"dots-{play}": "-4"})
    assert refused.status_code == 422 and 'value="-4"' in text_of(refused)
    report = text_of(client.get(console + "/report"))
    assert "15 dots in the room" in report and "not part of the ballot count" in report
    tally = json.loads(runner.invoke(args=["rounds", "tally", "lewisham"]).output)
    assert tally["scores"] == {str(n): 0 for n in ranked}  # the dots are not ballots


def test_ending_the_session_turns_off_its_link_and_join_code_and_keeps_its_report(app, client, runner, ranked,
                                                                                facilitator):
    link = start(runner)
    phone_joins(app, link)
    session = workshop(app)
    assert post(client, f"/rounds/lewisham/workshops/{session.id}/end").status_code == 302
    assert client.get(path_of(link)).status_code == 404
    assert client.get(path_of(link) + "/snapshot.json").status_code == 404
    late = app.test_client().get(f"/w/{session.join_code}")
    assert late.status_code == 404 and "stops working when the session ends" in text_of(late)
    report = text_of(client.get(f"/rounds/lewisham/workshops/{session.id}/report"))
    assert "Evening at the library" in report and "Joined" in report


def test_a_facilitator_starts_a_session_from_the_form_and_a_blank_name_is_refused(app, client, ranked,
                                                                                facilitator):
    refused = post(client, "/rounds/lewisham/workshops", {"name": "  ", "place": "Library"})
    assert refused.status_code == 422 and 'value="Library"' in text_of(refused)
    made = post(client, "/rounds/lewisham/workshops", {"name": "Saturday", "place": "Library",
                                                       "starts_at": "2026-12-05T10:30"})
    session = workshop(app)
    assert made.headers["Location"] == f"/rounds/lewisham/workshops/{session.id}"
    assert session.starts_at == datetime(2026, 12, 5, 10, 30, tzinfo=timezone.utc)
    console = text_of(client.get(made.headers["Location"]))
    assert f"/workshops/{session.projector_token}" in console and "Saturday" in console


def test_the_projector_speaks_the_language_the_facilitator_chose(app, client, runner, ranked, facilitator):
    link = start(runner)
    assert '<html lang="en-GB" dir="ltr">' in text_of(client.get(path_of(link)))
    post(client, f"/rounds/lewisham/workshops/{workshop(app).id}/language", {"language": "ar"})
    page = text_of(app.test_client().get(path_of(link)))
    assert '<html lang="ar" dir="rtl">' in page and "Join from your phone" not in page


def test_the_projector_refreshes_its_live_part_alone_for_htmx(app, client, runner, ranked):
    link = start(runner)
    fragment = text_of(client.get(path_of(link), headers={"HX-Request": "true"}))
    assert fragment.lstrip().startswith('<div id="projector-live"') and "<html" not in fragment
    assert 'hx-trigger="every 1s"' in fragment
    assert '<meta http-equiv="refresh"' in text_of(client.get(path_of(link)))  # without JavaScript


def test_a_typed_session_code_lets_a_phone_in_and_a_wrong_one_is_kept_with_a_reason(app, client, runner, ranked):
    start(runner)
    wrong = post(client, "/w", {"code": "NOPE42", "display_name": "Amira"})
    assert wrong.status_code == 422 and "not the code of a session in progress" in text_of(wrong)
    assert 'value="NOPE42"' in text_of(wrong)
    code = workshop(app).join_code
    joined = post(client, "/w", {"code": code.lower(), "display_name": "Amira"})
    assert joined.headers["Location"] == "/rounds/lewisham/ballot"
    assert snapshot(client, "http://x/workshops/" + workshop(app).projector_token)["joined"] == 1


def test_in_a_card_round_the_session_sends_phones_to_the_card_and_counts_cards_used(app, client, runner,
                                                                                 make_round, make_need, later):
    make_round(phase="rank", access="codes")
    make_need(title="Street lights")
    link = start(runner)
    card = runner.invoke(args=["codes", "generate", "lewisham", "--count", "1"]).output.split()[0]
    sent = client.get(f"/w/{workshop(app).join_code}")
    assert sent.status_code == 302 and sent.headers["Location"].startswith("/rounds/lewisham/join?next=")
    assert "Then enter the code from your card." in text_of(client.get(path_of(link)))
    client.get(f"/rounds/lewisham/join?code={card}")
    later()
    assert snapshot(client, link)["joined"] == 1


STAFF_ROUTES = [("get", ""), ("get", "/{id}"), ("post", "/{id}/timer"), ("post", "/{id}/results"),
                ("post", "/{id}/phase"), ("post", "/{id}/need"), ("post", "/{id}/language"), ("post", "/{id}/end"),
                ("get", "/{id}/dots"), ("post", "/{id}/dots"), ("get", "/{id}/report"), ("get", "/{id}/station"),
                ("post", "/{id}/station"), ("post", "/{id}/station/leave")]


@pytest.mark.parametrize("method, route", STAFF_ROUTES)
def test_only_the_rounds_facilitators_run_its_sessions(app, client, runner, ranked, make_round, make_user, sign_in,
                                                        method, route):
    start(runner)
    url = "/rounds/lewisham/workshops" + route.format(id=workshop(app).id)
    send = (lambda: client.get(url)) if method == "get" else (lambda: post(client, url))
    assert send().headers["Location"].startswith("/account/sign-in")
    make_round(slug="elsewhere")
    make_user(email="other@example.org", round_slug="elsewhere")
    make_user(email="panel@example.org", role="panel", round_slug="lewisham")
    for email in ("other@example.org", "panel@example.org"):
        sign_in(email)
        assert send().status_code == 403
    assert client.get("/rounds/lewisham/workshops/999999").status_code in (403, 404)


def test_the_helpers_station_gives_each_resident_a_fresh_ballot_and_shows_none_after(app, client, runner,
                                                                                   make_round, make_need,
                                                                                   facilitator):
    make_round(phase="rank", access="codes")
    lights, play = make_need(title="Street lights"), make_need(title="Play area")
    start(runner)
    card = runner.invoke(args=["codes", "generate", "lewisham", "--count", "1"]).output.split()[0]
    station = f"/rounds/lewisham/workshops/{workshop(app).id}/station"
    assert client.get(station).headers["Cache-Control"] == "no-store"
    wrong = post(client, station, {"code": "nothing"})
    assert wrong.status_code == 422 and "That is not an access code" in text_of(wrong)
    assert post(client, station, {"code": card}).headers["Location"] == "/rounds/lewisham/ballot"
    done = client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [play, lights], "cast": "1"})
    assert done.headers["Location"] == station
    blank = text_of(client.get(station))
    assert "the ballot is counted" in blank and "Your receipt" not in blank and "Play area" not in blank

    # The next resident has no card: the station makes a one-time code and a new participant.
    assert post(client, station, {"fresh": "1"}).headers["Location"] == "/rounds/lewisham/ballot"
    fresh = text_of(client.get("/rounds/lewisham/ballot"))
    assert "Your receipt" not in fresh and 'class="ranked-title"' not in fresh
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(AccessCode.id))) == 2
        assert db.session.scalar(db.select(db.func.count(Ballot.id))) == 1
    assert snapshot(client, "http://x/workshops/" + workshop(app).projector_token)["joined"] == 2


def test_a_ballot_cast_outside_a_station_still_shows_its_receipt(app, client, runner, ranked):
    start(runner)
    lights = ranked[0]
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [lights], "cast": "1"})
    assert "Your receipt" in text_of(client.get("/rounds/lewisham/ballot"))


def test_the_demo_has_a_session_in_progress_and_one_finished_with_its_report(app, client, runner):
    first = runner.invoke(args=["demo"])
    link = next(line for line in first.output.splitlines() if line.startswith("workshop projector: ")).split()[-1]
    shot = snapshot(client, link)
    assert (shot["joined"], shot["ballots"], shot["results_shown"], shot["ranking"]) == (14, 9, False, [])
    assert shot["timer_ends_at"] is not None
    runner.invoke(args=["demo"])
    with app.app_context():
        sessions = list(db.session.scalars(db.select(WorkshopSession).order_by(WorkshopSession.starts_at)))
    assert [s.live for s in sessions] == [False, True]  # the second run added none
    post(client, "/account/sign-in", {"email": "facilitator@demo.commonground.test", "password": "demo-facilitator-2027"})
    report = text_of(client.get(f"/rounds/brent-green-streets/workshops/{sessions[0].id}/report"))
    assert "Harlesden library evening" in report and "23 dots in the room" in report
