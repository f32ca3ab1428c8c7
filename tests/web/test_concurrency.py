"""Many residents pressing at once: every write lands, none fails on a locked database."""
import json
import re
import threading
from datetime import datetime, timezone

import pytest
from sqlalchemy import update

from app.ballots import casting
from app.extensions import db
from app.models import AccessCode, Ballot, EmailIdentity, EmailLink, Participant, Participation, ReplacedReceipt, Round, Support
from tests.conftest import csrf_token
from tests.web.test_ballots import form_state

RESIDENTS = 50


def test_fifty_residents_supporting_at_the_same_moment_all_count(app, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    clients = [app.test_client() for _ in range(RESIDENTS)]
    tokens = [csrf_token(c, "/rounds/lewisham") for c in clients]
    start, statuses = threading.Barrier(RESIDENTS), [None] * RESIDENTS

    def press(n):
        start.wait()
        response = clients[n].post(f"/rounds/lewisham/needs/{need_id}/support", data={"csrf_token": tokens[n]})
        statuses[n] = response.status_code

    threads = [threading.Thread(target=press, args=(n,)) for n in range(RESIDENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [302] * RESIDENTS
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Support.id))) == RESIDENTS
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == RESIDENTS + 1


def test_sixty_phones_scanning_their_cards_at_the_same_moment_all_get_in(app, runner, make_round):
    make_round(phase="rank", access="codes")
    codes = runner.invoke(args=["codes", "generate", "lewisham", "--count", "60"]).output.split()
    phones = [app.test_client() for _ in codes]
    start, outcomes = threading.Barrier(len(codes)), [None] * len(codes)

    def scan(n):
        start.wait()
        try:
            outcomes[n] = phones[n].get(f"/rounds/lewisham/join?code={codes[n]}").status_code
        except Exception as error:  # the test client re-raises what would have been a 500
            outcomes[n] = repr(error)

    threads = [threading.Thread(target=scan, args=(n,)) for n in range(len(codes))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert outcomes == [302] * len(codes)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == len(codes)


def _twin(app, client):
    """A second tab of the same phone: the same cookies, its own requests."""
    twin = app.test_client()
    twin.set_cookie("session", client.get_cookie("session").value)
    return twin


def _in_parallel(*calls):
    start, outcomes = threading.Barrier(len(calls)), [None] * len(calls)

    def run(n):
        start.wait()
        try:
            outcomes[n] = calls[n]()
        except Exception as error:  # the test client re-raises what would have been a 500
            outcomes[n] = repr(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(len(calls))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_a_first_ballot_sent_twice_at_once_is_stored_once_with_one_receipt(app, runner, make_round, make_need):
    make_round(phase="rank", access="codes", max_choices=2)
    needs = [make_need(title=t) for t in ("Street lights", "Play area")]
    codes = runner.invoke(args=["codes", "generate", "lewisham", "--count", "20"]).output.split()
    calls = []
    for n, code in enumerate(codes):
        phone = app.test_client()
        phone.get(f"/rounds/lewisham/join?code={code}")
        data = {**form_state(phone), "order": [needs[n % 2]], "cast": "1"}
        for tab in (phone, _twin(app, phone)):
            calls.append(lambda tab=tab, data=data: _receipt(tab.post("/rounds/lewisham/ballot", data=data,
                                                                      follow_redirects=True)))
    receipts = _in_parallel(*calls)
    assert all(len(r) == 10 for r in receipts), receipts
    assert receipts[0::2] == receipts[1::2]  # each phone's two tabs show the same receipt
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Ballot.id))) == len(codes)
        assert db.session.scalar(db.select(db.func.count(Participation.id))) == len(codes)


def _receipt(response) -> str:
    assert response.status_code == 200, response.status_code
    found = re.search(r"Your receipt: ([0-9A-Z-]+)", response.get_data(as_text=True))
    return found.group(1).replace("-", "") if found else "none"


def test_a_support_sent_twice_at_once_counts_once(app, make_round, make_need):
    make_round(phase="discuss")
    need_id = make_need()
    calls = []
    for _ in range(20):
        phone = app.test_client()
        token = csrf_token(phone, "/rounds/lewisham")
        phone.post(f"/rounds/lewisham/needs/{need_id}/support", data={"csrf_token": token})
        phone.post(f"/rounds/lewisham/needs/{need_id}/support", data={"csrf_token": token, "action": "withdraw"})
        for tab in (phone, _twin(app, phone)):
            calls.append(lambda tab=tab, token=token: tab.post(f"/rounds/lewisham/needs/{need_id}/support",
                                                               data={"csrf_token": token}).status_code)
    assert _in_parallel(*calls) == [302] * len(calls)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Support.id))) == 20


def test_a_card_scanned_twice_at_once_lets_in_one_participant(app, runner, make_round):
    make_round(phase="rank", access="codes")
    codes = runner.invoke(args=["codes", "generate", "lewisham", "--count", "20"]).output.split()
    calls = [lambda code=code: app.test_client().get(f"/rounds/lewisham/join?code={code}").status_code
             for code in codes for _ in range(2)]
    assert _in_parallel(*calls) == [302] * len(calls)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == len(codes)


def test_a_sign_in_link_asked_for_twice_at_once_keeps_one_identity(app, make_round):
    make_round(phase="rank", access="email")
    calls = []
    for n in range(10):
        phone = app.test_client()
        data = {"csrf_token": csrf_token(phone, "/rounds/lewisham/join/email"), "email": f"resident{n}@example.org"}
        for tab in (phone, _twin(app, phone)):
            calls.append(lambda tab=tab, data=data: tab.post("/rounds/lewisham/join/email", data=data).status_code)
    assert _in_parallel(*calls) == [200] * len(calls)
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(EmailIdentity.id))) == 10
        assert db.session.scalar(db.select(db.func.count(EmailLink.id))) == 20


PHONES = 15


def test_a_ballot_changed_from_two_windows_at_once_keeps_one_change_and_the_other_window_is_told(
        app, make_round, make_need):
    make_round(phase="rank", max_choices=3)
    needs = [make_need(title=t) for t in ("Street lights", "Play area", "Benches")]
    orders = ([needs[1], needs[0]], [needs[2], needs[1], needs[0]])
    phones, calls = [], []
    for _ in range(PHONES):
        phone = app.test_client()
        phone.post("/rounds/lewisham/ballot", data={**form_state(phone), "order": [needs[0]], "cast": "1"})
        tabs = (phone, _twin(app, phone))
        states = [form_state(tab) for tab in tabs]  # both windows opened on the first ballot, version 1
        phones.append(phone)
        for tab, state, order in zip(tabs, states, orders):
            calls.append(lambda tab=tab, data={**state, "order": order, "cast": "1"}: tab.post(
                "/rounds/lewisham/ballot", data=data, follow_redirects=True).get_data(as_text=True))
    pages = _in_parallel(*calls)
    told = [STALE in page for page in pages]
    assert all(told[n] != told[n + 1] for n in range(0, len(told), 2)), "each phone: one change counted, one told"
    with app.app_context():
        stored = {b.version: b for b in db.session.scalars(db.select(Ballot))}.keys()
        assert list(stored) == [2] and db.session.scalar(db.select(db.func.count(Ballot.id))) == PHONES
        assert db.session.scalar(db.select(db.func.count()).select_from(ReplacedReceipt)) == PHONES
    for n, phone in enumerate(phones):
        counted = orders[1] if told[2 * n] else orders[0]
        assert _order_on(phone) == counted, "the ballot is the change that was counted, whole"


def test_pairwise_answers_sent_from_two_windows_at_once_are_both_kept(app, runner, make_round, make_need):
    make_round(phase="rank", ballot_kind="pairwise", access="codes")
    a, b, c = (make_need(title=t) for t in ("Street lights", "Play area", "Benches"))
    codes = runner.invoke(args=["codes", "generate", "lewisham", "--count", str(PHONES)]).output.split()
    calls = []
    for n, code in enumerate(codes):
        phone = app.test_client()
        phone.get(f"/rounds/lewisham/join?code={code}")
        if n % 2:  # half the phones answered a pair before; the other half send their first two at once
            phone.post("/rounds/lewisham/ballot/pair", data={"csrf_token": csrf_token(phone, "/rounds/lewisham/ballot"),
                                                             "first": b, "second": c, "answer": str(b)})
        for tab, (first, second) in zip((phone, _twin(app, phone)), ((a, b), (a, c))):
            data = {"csrf_token": csrf_token(tab, "/rounds/lewisham/ballot"), "first": first, "second": second,
                    "answer": str(first)}
            calls.append(lambda tab=tab, data=data: tab.post("/rounds/lewisham/ballot/pair", data=data).status_code)
    assert _in_parallel(*calls) == [302] * len(calls)
    with app.app_context():
        stored = [json.loads(content) for content in db.session.scalars(db.select(Ballot.content))]
        assert len(stored) == PHONES
        assert db.session.scalar(db.select(db.func.count(Participation.id))) == PHONES
    assert sorted(len(ballot["answers"]) for ballot in stored) == sorted(2 + n % 2 for n in range(PHONES)), stored


STALE = "You changed your ballot in another window after opening this one"


def _order_on(phone) -> list[int]:
    page = phone.get("/rounds/lewisham/ballot").get_data(as_text=True)
    return [int(n) for n in re.findall(r'name="order" value="(\d+)"', page)]


@pytest.mark.parametrize("meanwhile", ["ranking closes", "the card is cancelled"])
def test_what_changes_between_reading_the_form_and_storing_the_ballot_is_seen_before_anything_is_written(
        app, runner, make_round, make_need, monkeypatch, meanwhile):
    make_round(phase="rank", access="codes")
    need = make_need(title="Street lights")
    (code,) = runner.invoke(args=["codes", "generate", "lewisham", "--count", "1"]).output.split()
    phone = app.test_client()
    phone.get(f"/rounds/lewisham/join?code={code}")
    change = (update(Round).values(phase="decide") if meanwhile == "ranking closes"
              else update(AccessCode).values(voided_at=datetime.now(timezone.utc)))
    locking = casting.write_transaction

    def commit_elsewhere():
        with app.app_context(), db.engine.begin() as connection:
            connection.execute(change)

    def another_request_commits_first():
        elsewhere = threading.Thread(target=commit_elsewhere)
        elsewhere.start()
        elsewhere.join()
        return locking()

    monkeypatch.setattr(casting, "write_transaction", another_request_commits_first)
    response = phone.post("/rounds/lewisham/ballot", data={**form_state(phone), "order": [need], "cast": "1"})
    assert response.status_code in (302, 403), response.status_code
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Ballot.id))) == 0
        assert db.session.scalar(db.select(db.func.count(Participation.id))) == 0
