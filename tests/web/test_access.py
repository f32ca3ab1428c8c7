"""Rounds that let people in with printed access codes: joining, coming back, cards, and guessing."""
import json
import re
from html import unescape

import pytest
import segno

from app.extensions import db
from app.models import AccessCode, AuditEntry, Ballot, Participant, Participation, Round, Support
from app.models.audit import AuditLogIsAppendOnly
from tests.conftest import csrf_token, post
from tests.web.test_ballots import form_state


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def generate(runner, slug="lewisham", count=3) -> list[str]:
    result = runner.invoke(args=["codes", "generate", slug, "--count", str(count)])
    assert result.exit_code == 0, result.output
    return result.output.split()


@pytest.fixture
def coded_round(make_round, make_need):
    make_round(phase="rank", access="codes", max_choices=2)
    return [make_need(title=t) for t in ("Street lights", "Play area", "Benches")]


def participants(app) -> int:
    with app.app_context():
        return db.session.scalar(db.select(db.func.count(Participant.id)).filter(Participant.display_name == ""))


def test_the_command_prints_the_codes_it_made_one_per_line(app, runner, make_round):
    make_round()
    codes = generate(runner, count=25)
    assert len(codes) == len(set(codes)) == 25
    with app.app_context():
        stored = set(db.session.scalars(db.select(AccessCode.code)))
        entry = db.session.scalar(db.select(AuditEntry))
    assert stored == set(codes)
    assert (entry.actor, entry.action, entry.round_slug) == ("command line", "codes-generated", "lewisham")
    assert json.loads(entry.detail) == {"batch": 1, "count": 25}
    failed = runner.invoke(args=["codes", "generate", "nowhere", "--count", "2"])
    assert failed.exit_code != 0 and "nowhere" in failed.output


def test_a_scanned_card_lets_its_participant_in_and_the_same_code_brings_them_back(app, client, runner, coded_round):
    code = generate(runner)[0]
    joined = client.get(f"/rounds/lewisham/join?code={code}")
    assert joined.status_code == 302 and joined.headers["Location"] == "/rounds/lewisham"
    assert "Enter your access code" not in text_of(client.get("/rounds/lewisham"))
    lights, play, _ = coded_round
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [lights], "cast": "1"})

    # The same card typed on another phone, with spaces and small letters, is the same participant.
    other_phone = app.test_client()
    typed = f"{code[:5].lower()} {code[5:].lower()}"
    back = post(other_phone, "/rounds/lewisham/join", {"code": typed}, headers={"Referer": "http://localhost/"})
    assert back.status_code == 302
    other_phone.post("/rounds/lewisham/ballot", data={**form_state(other_phone), "order": [play, lights], "cast": "1"})
    with app.app_context():
        assert [json.loads(b) for b in db.session.scalars(db.select(Ballot.content))] == [{"ranking": [[play], [lights]]}]
        assert db.session.scalar(db.select(db.func.count(Participation.id))) == 1
        access = db.session.scalar(db.select(AccessCode).filter_by(code=code))
        assert access.first_used_at is not None and access.participant_id is not None
    assert participants(app) == 1


@pytest.mark.parametrize("code,status,message", [
    ("ZZZZZ-ZZZZZ", 404, "not one of this round's codes"),
    ("12345", 400, "That is not an access code"),
])
def test_an_unknown_or_malformed_code_gets_a_clear_page_and_no_participant(client, app, coded_round, code, status, message):
    refused = client.get(f"/rounds/lewisham/join?code={code}")
    assert refused.status_code == status and message in text_of(refused)
    assert f'value="{code}"' in text_of(refused)  # what they typed stays, to correct it and send again
    token = re.search(r'name="csrf_token" type="hidden" value="([^"]+)"', text_of(refused)).group(1)
    corrected = client.post("/rounds/lewisham/join", data={"csrf_token": token, "code": "7KQ2M-XW4PD"})
    assert corrected.status_code == 422 and "not one of this round's codes" in text_of(corrected)
    assert "Enter your access code" in text_of(client.get("/rounds/lewisham"))
    assert participants(app) == 0


def test_a_void_code_lets_nobody_in_even_the_participant_who_used_it(app, client, runner, coded_round, make_user, sign_in):
    code = generate(runner)[0]
    resident = app.test_client()
    assert resident.get(f"/rounds/lewisham/join?code={code}").status_code == 302
    state = form_state(resident)
    make_user(round_slug="lewisham")
    sign_in()
    with app.app_context():
        code_id = db.session.scalar(db.select(AccessCode.id).filter_by(code=code))
    cancelled = post(client, f"/rounds/lewisham/codes/{code_id}/void", follow_redirects=True)
    assert "lets nobody in any more" in text_of(cancelled)
    refused = app.test_client().get(f"/rounds/lewisham/join?code={code}")
    assert refused.status_code == 404 and "cancelled by the organisers" in text_of(refused)
    lights = coded_round[0]
    kept_out = resident.post("/rounds/lewisham/ballot", data={**state, "order": [lights], "cast": "1"})
    assert kept_out.status_code == 302 and "/rounds/lewisham/join" in kept_out.headers["Location"]
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Ballot.id))) == 0


def test_without_a_code_residents_are_sent_to_the_join_page_before_they_type_and_come_back_after(
        app, client, runner, make_round, make_need):
    make_round(phase="propose", access="codes")
    need = make_need()
    for page in ("/rounds/lewisham/needs/new", "/rounds/lewisham/ballot"):
        sent = client.get(page)
        assert sent.status_code == 302 and sent.headers["Location"] == f"/rounds/lewisham/join?next={page}"
    supported = post(client, f"/rounds/lewisham/needs/{need}/support",
                     headers={"Referer": f"http://localhost/rounds/lewisham/needs/{need}"})
    assert supported.headers["Location"] == f"/rounds/lewisham/join?next=/rounds/lewisham/needs/{need}"
    code = generate(runner)[0]
    joined = post(client, "/rounds/lewisham/join", {"code": code, "next": "/rounds/lewisham/needs/new"})
    assert joined.headers["Location"] == "/rounds/lewisham/needs/new"
    assert client.get("/rounds/lewisham/needs/new").status_code == 200
    assert post(client, f"/rounds/lewisham/needs/{need}/support").status_code in (200, 302)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(Support)) == 1


def test_a_typed_code_that_is_wrong_comes_back_to_the_form_with_what_was_typed(client, coded_round):
    refused = post(client, "/rounds/lewisham/join", {"code": "7kq2m-xw4pd"})
    assert refused.status_code == 422
    assert "not one of this round's codes" in text_of(refused) and 'value="7kq2m-xw4pd"' in text_of(refused)


def test_htmx_requests_are_redirected_to_the_join_page_with_a_header(client, coded_round):
    lights = coded_round[0]
    state = {"csrf_token": csrf_token(client, "/rounds/lewisham/join"), "nonce": "a" * 32, "based_on": "0"}
    response = client.post("/rounds/lewisham/ballot", data={**state, "order": [lights], "cast": "1"},
                           headers={"HX-Request": "true", "Referer": "http://localhost/rounds/lewisham/ballot"})
    assert response.status_code == 204
    assert response.headers["HX-Redirect"] == "/rounds/lewisham/join?next=/rounds/lewisham/ballot"


def test_sixty_phones_on_one_wifi_all_join_and_vote_within_a_minute(app, runner, coded_round):
    codes = generate(runner, count=60)
    phones = [app.test_client() for _ in codes]
    for n, (phone, code) in enumerate(zip(phones, codes)):
        assert phone.get(f"/rounds/lewisham/join?code={code}").status_code == 302
        cast = phone.post("/rounds/lewisham/ballot",
                          data={**form_state(phone), "order": [coded_round[n % 3]], "cast": "1"})
        assert cast.status_code == 302, n
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Ballot.id))) == 60


def test_guessing_codes_is_stopped_after_a_handful_of_wrong_tries(app, client, runner, coded_round):
    code = generate(runner)[0]
    statuses = [client.get(f"/rounds/lewisham/join?code=ZZZZZ-ZZZZ{n}").status_code for n in range(8)]
    assert statuses[:5] == [404] * 5 and statuses[5:] == [429] * 3
    assert "Too many tries" in text_of(client.get("/rounds/lewisham/join?code=ZZZZZ-ZZZZZ"))
    # The phone's own card still works: a right code is never refused.
    assert client.get(f"/rounds/lewisham/join?code={code}").status_code == 302
    # Clearing cookies does not help for long: the address has its own count of wrong tries.
    for n in range(30):
        app.test_client().get(f"/rounds/lewisham/join?code=YYYYY-YYYY{n % 10}")
    assert app.test_client().get("/rounds/lewisham/join?code=YYYYY-YYYYY").status_code == 429


def test_wrong_codes_from_one_phone_lock_no_honest_phone_at_the_venue_out(app, runner, coded_round):
    codes = generate(runner, count=6)
    # A guesser clearing cookies between tries: the venue's address has used up its wrong tries.
    for n in range(40):
        app.test_client().get(f"/rounds/lewisham/join?code=ZZZZZ-ZZZ{n:02d}")
    assert app.test_client().get("/rounds/lewisham/join?code=ZZZZZ-ZZZZZ").status_code == 429
    assert [app.test_client().get(f"/rounds/lewisham/join?code={c}").status_code for c in codes] == [302] * 6
    typed = app.test_client()
    assert post(typed, "/rounds/lewisham/join", {"code": codes[0]}).status_code == 302


def test_right_codes_never_use_up_the_tries(app, runner, coded_round):
    codes = generate(runner, count=40)
    phone = app.test_client()
    first, *others = [phone.get(f"/rounds/lewisham/join?code={c}") for c in codes]
    # After the first, each card asks whether to switch to it: asked, never refused.
    assert first.status_code == 302 and all(r.status_code == 200 and "Which card do you keep?" in text_of(r) for r in others)


def test_facilitators_make_codes_see_how_many_were_used_and_print_cards(app, client, runner, coded_round, make_user, sign_in):
    make_user(round_slug="lewisham")
    sign_in()
    made = post(client, "/rounds/lewisham/codes", {"count": "10"}, follow_redirects=True)
    assert "10 new codes are ready to print." in text_of(made)
    with app.app_context():
        codes = list(db.session.scalars(db.select(AccessCode.code)))
    app.test_client().get(f"/rounds/lewisham/join?code={codes[0]}")
    page = text_of(client.get("/rounds/lewisham/codes"))
    figures = dict(re.findall(r"<dt>([^<]+)</dt><dd>(\d+)</dd>", page))
    assert figures == {"Made": "10", "Used": "1", "Not used yet": "9", "Cancelled": "0"}
    cards = text_of(client.get("/rounds/lewisham/codes/cards"))
    assert cards.count('class="card"') == 9 and cards.count("<svg") == 9
    assert codes[0][:5] not in cards  # used codes are not printed again
    assert f"{codes[1][:5]}-{codes[1][5:]}" in cards
    assert cards.count('class="sheet"') == 2  # eight to a sheet


def test_a_card_qr_code_opens_the_join_link_of_its_own_code(app, client, runner, coded_round, make_user, sign_in):
    code = generate(runner, count=1)[0]
    make_user(round_slug="lewisham")
    sign_in()
    cards = client.get("/rounds/lewisham/codes/cards").get_data(as_text=True)
    link = f"http://localhost/rounds/lewisham/join?code={code}"
    qr = segno.make(link, error="m")
    assert qr.svg_inline(border=4, omitsize=True, svgclass="card-qr") in cards
    # Scaled whole by its viewBox, quiet zone of four modules included; no fixed size to clip it.
    width = qr.symbol_size(scale=1, border=4)[0]
    assert f'<svg viewBox="0 0 {width} {width}" class="card-qr">' in cards


@pytest.mark.parametrize("count", ["0", "", "5000", "many"])
def test_a_wrong_number_of_codes_is_refused_and_makes_none(app, client, coded_round, make_user, sign_in, count):
    make_user(round_slug="lewisham")
    sign_in()
    refused = post(client, "/rounds/lewisham/codes", {"count": count})
    assert refused.status_code == 422 and "Please check the form" in text_of(refused)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(AccessCode.id))) == 0


def test_codes_pages_are_for_the_rounds_own_facilitators(app, client, runner, make_round, make_user, sign_in):
    make_round()
    make_round(slug="brent")
    generate(runner, "brent", 2)
    with app.app_context():
        brent_code = db.session.scalar(db.select(AccessCode.id))
    assert client.get("/rounds/brent/codes").status_code == 302  # residents are asked to sign in
    make_user(round_slug="lewisham")
    sign_in()
    assert client.get("/rounds/lewisham/codes").status_code == 200
    for url in ("/rounds/brent/codes", "/rounds/brent/codes/cards"):
        assert client.get(url).status_code == 403
    assert post(client, "/rounds/brent/codes", {"count": "5"}).status_code == 403
    assert post(client, f"/rounds/brent/codes/{brent_code}/void").status_code == 403
    # A code of another round cannot be voided through this one either.
    assert post(client, f"/rounds/lewisham/codes/{brent_code}/void").status_code == 404
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(AccessCode.id))) == 2
        assert db.session.scalar(db.select(db.func.count(AccessCode.id)).filter(AccessCode.voided_at.is_not(None))) == 0


def test_a_code_works_only_in_its_own_round(app, runner, make_round):
    make_round(access="codes")
    make_round(slug="brent", access="codes")
    code = generate(runner, "brent", 1)[0]
    assert app.test_client().get(f"/rounds/lewisham/join?code={code}").status_code == 404


def test_facilitators_choose_codes_in_the_settings_and_the_change_is_audited(app, client, make_round, make_user, sign_in):
    make_round()
    make_user(round_slug="lewisham")
    sign_in()
    page = text_of(client.get("/rounds/lewisham/edit"))
    assert "Only people with an access code" in page
    form = {"title": "Round lewisham", "language": "en", "currency": "", "ballot_kind": "ranking", "rule": "",
            "tie_break": "lexicographic", "min_choices": "1", "access": "codes"}
    assert post(client, "/rounds/lewisham/edit", form).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(Round.access)).value == "codes"
        entry = db.session.scalar(db.select(AuditEntry).filter_by(action="round-settings-changed"))
    assert entry.actor == "facilitator@example.org" and json.loads(entry.detail)["changed"]["access"] == ["open", "codes"]


def test_the_audit_log_cannot_be_changed_or_deleted(app, runner, make_round):
    make_round()
    generate(runner)
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry))
        entry.action = "nothing-happened"
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.commit()
        db.session.rollback()
        db.session.delete(db.session.scalar(db.select(AuditEntry)))
        with pytest.raises(AuditLogIsAppendOnly):
            db.session.commit()
        db.session.rollback()
        assert db.session.scalar(db.select(AuditEntry.action)) == "codes-generated"


def test_over_https_the_browser_is_told_to_stay_on_https_and_cookies_are_secure(client, coded_round):
    page = client.get("/rounds/lewisham/join", base_url="https://localhost")
    assert page.headers["Strict-Transport-Security"].startswith("max-age=31536000")
    cookie = page.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie
    plain = client.get("/rounds/lewisham/join")
    assert "Strict-Transport-Security" not in plain.headers
    csp = plain.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe" not in csp and "object-src 'none'" in csp
    assert "base-uri 'none'" in csp and "frame-ancestors 'none'" in csp
    assert plain.headers["X-Content-Type-Options"] == "nosniff" and plain.headers["Referrer-Policy"] == "same-origin"
