"""Residents who join by emailed link, and rounds that ask who may take part."""
import json
import re
from datetime import timedelta
from html import unescape

import pytest

from app.access import email_links
from app.extensions import db
from app.models import Ballot, EmailIdentity, EmailLink, Participant, Support
from tests.conftest import post
from tests.web.test_ballots import form_state


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def ask_for_link(client, caplog, email="Amina.Yusuf@example.org", slug="lewisham") -> str:
    caplog.clear()
    sent = post(client, f"/rounds/{slug}/join/email", {"email": email})
    assert sent.status_code == 200 and "Check your email" in text_of(sent)
    return re.findall(r"http://localhost(/rounds/\S+)", caplog.text)[-1]


@pytest.fixture
def email_round(make_round, make_need, caplog):
    caplog.set_level("INFO")
    make_round(phase="rank", access="email")
    return [make_need(title=t) for t in ("Street lights", "Play area")]


def test_an_emailed_link_lets_one_person_in_and_the_address_is_never_stored(app, client, email_round, caplog):
    link = ask_for_link(client, caplog)
    opened = client.get(link)
    assert opened.status_code == 200 and "Continue" in text_of(opened)
    with app.app_context():
        assert db.session.scalar(db.select(EmailLink.used_at)) is None  # opening the page uses nothing up
    joined = post(client, link)
    assert joined.status_code == 302 and joined.headers["Location"] == "/rounds/lewisham"
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [email_round[0]], "cast": "1"})

    # Another phone, the same address written differently: the same participant, one ballot.
    other = app.test_client()
    post(other, ask_for_link(other, caplog, " amina.yusuf@EXAMPLE.org "))
    other.post("/rounds/lewisham/ballot", data={**form_state(other), "order": [email_round[1]], "cast": "1"})
    with app.app_context():
        assert [json.loads(b)["ranking"] for b in db.session.scalars(db.select(Ballot.content))] == [[[email_round[1]]]]
        assert db.session.scalar(db.select(db.func.count(EmailIdentity.id))) == 1
        assert db.session.scalar(db.select(db.func.count(Participant.id))) == 3  # two need authors and Amina
        everything = repr([tuple(row) for table in db.metadata.sorted_tables
                           for row in db.session.execute(table.select())]).lower()
    assert "amina" not in everything and "example.org" not in everything


def test_a_link_works_once_and_for_an_hour_and_a_changed_one_not_at_all(app, client, email_round, caplog):
    link = ask_for_link(client, caplog)
    tampered = link[:-4] + ("aaaa" if not link.endswith("aaaa") else "bbbb")
    refused = post(app.test_client(), tampered)
    assert refused.status_code == 404 and "has been changed" in text_of(refused)
    assert post(client, link).status_code == 302
    again = post(app.test_client(), link)
    assert again.status_code == 404 and "already been used" in text_of(again)

    late = ask_for_link(client, caplog)
    with app.app_context():
        newest = db.session.scalar(db.select(EmailLink).order_by(EmailLink.id.desc()))
        newest.created_at = newest.created_at - email_links.LIFETIME - timedelta(seconds=1)
        db.session.commit()
    expired = post(app.test_client(), late)
    assert expired.status_code == 404 and "too old" in text_of(expired)


def test_a_link_for_one_round_does_not_open_another(app, client, make_round, email_round, caplog):
    make_round(slug="brent", access="email")
    link = ask_for_link(client, caplog)
    assert post(client, link.replace("/lewisham/", "/brent/")).status_code == 404


def test_without_joining_an_email_round_residents_are_sent_to_ask_for_a_link(client, email_round):
    sent = client.get("/rounds/lewisham/ballot")
    assert sent.headers["Location"] == "/rounds/lewisham/join/email?next=/rounds/lewisham/ballot"
    assert "Take part by email" in text_of(client.get("/rounds/lewisham"))


@pytest.mark.parametrize("email", ["", "not an address", "a@b"])
def test_a_wrong_address_is_refused_and_kept_to_correct(client, email_round, email):
    refused = post(client, "/rounds/lewisham/join/email", {"email": email})
    assert refused.status_code == 422 and "Please check the form" in text_of(refused)


@pytest.fixture
def eligible_round(make_round, make_need):
    make_round(phase="propose", eligibility=["I live, work or study in Lewisham", "I am 11 or older"],
               postcode_prefixes=["SE4", "SE6", "SE13"])
    return make_need()


def test_residents_declare_who_they_are_before_taking_part_and_the_declaration_is_kept(app, client, eligible_round):
    sent = client.get("/rounds/lewisham/needs/new")
    assert sent.headers["Location"] == "/rounds/lewisham/eligibility?next=/rounds/lewisham/needs/new"
    page = text_of(client.get(sent.headers["Location"]))
    assert "I live, work or study in Lewisham" in page and "Your postcode" in page
    refused = post(client, "/rounds/lewisham/eligibility", {"statement_0": "y", "postcode": "SE1 7PB",
                                                            "next": "/rounds/lewisham/needs/new"})
    assert refused.status_code == 422
    assert "Confirm this to take part." in text_of(refused)
    assert "This round is for postcodes starting SE4, SE6, SE13." in text_of(refused)
    assert 'value="SE1 7PB"' in text_of(refused)
    done = post(client, "/rounds/lewisham/eligibility", {"statement_0": "y", "statement_1": "y", "postcode": "se13 6ab",
                                                         "next": "/rounds/lewisham/needs/new"})
    assert done.headers["Location"] == "/rounds/lewisham/needs/new"
    assert post(client, f"/rounds/lewisham/needs/{eligible_round}/support").status_code in (200, 302)
    with app.app_context():
        declared = db.session.scalar(db.select(Participant.declaration).filter(Participant.declaration != ""))
        assert db.session.scalar(db.select(db.func.count(Support.id))) == 1
    assert json.loads(declared) == {"statements": ["I live, work or study in Lewisham", "I am 11 or older"],
                                    "postcode": "SE13"}


def test_posting_without_the_declaration_is_sent_to_the_questions_and_stores_nothing(app, client, eligible_round):
    sent = post(client, f"/rounds/lewisham/needs/{eligible_round}/support",
                headers={"Referer": f"http://localhost/rounds/lewisham/needs/{eligible_round}"})
    assert sent.headers["Location"] == f"/rounds/lewisham/eligibility?next=/rounds/lewisham/needs/{eligible_round}"
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Support.id))) == 0
