"""Feedback to each applicant once the panel publishes: marks per criterion against the funded applications'
average, the members' comments without their names, the reasons, and a mail in the group's language."""
import re
import smtplib

from tests.conftest import post
from tests.web.test_applications import FILLED, FORM, link_in, outbox, send, stored  # noqa: F401
from tests.web.test_panel import (apply as staff_apply, as_member, decide_by_two, mark, panel_round,  # noqa: F401
                                  publish_by_two, text_of)

PLAY = {**FILLED, "title": "Play kit", "amount": "5000", "contact_email": "play@example.org", "language": "pl",
        "plan": "Zestaw do zabawy dla dzieci z osiedla."}
MARKS = {  # (how well it meets the need, deliverability, value), from ada and from ben
    "LED lamps on Sydenham Road": ((5, 4, 4), (5, 5, 3)),
    "Three benches": ((4, 3, 3), (2, 3, 5)),
    "Play kit": ((2, 3, 2), (3, 2, 2)),
}
ROW = r'<tr><th scope="row"[^>]*>.*?</th>\s*<td>([^<]*)</td>\s*<td>([^<]*)</td>'
CHOICES = {"LED lamps on Sydenham Road": ("yes", "12000"), "Three benches": ("yes", "7000"), "Play kit": ("no", "")}


def marked_and_decided(app, panel_round, outbox):
    group, other = app.test_client(), app.test_client()
    send(group, FORM, action="submit", need=panel_round["lights"], **FILLED)
    send(other, FORM, action="submit", need=panel_round["play"], **PLAY)
    play = link_in(outbox)
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    staff_apply(ada, panel_round["benches"], "Friends of the Park", "Three benches", "7000")
    ids = {a.title: a.id for a in stored(app)}
    for title, (from_ada, from_ben) in MARKS.items():
        mark(ada, ids[title], *from_ada)
        mark(ben, ids[title], *from_ben)
    decide_by_two(app, ada, ids, CHOICES)
    return ada, other, play, ids


def test_a_declined_group_sees_its_marks_against_the_funded_average_once_published(app, panel_round, outbox):
    ada, other, play, ids = marked_and_decided(app, panel_round, outbox)
    assert "Feedback from the panel" not in text_of(other.get(play))  # decided, not yet published
    preview = text_of(ada.get(f"/rounds/lewisham/panel/applications/{ids['Play kit']}/feedback"))
    assert "A preview: the group sees this once the panel publishes" in preview and "2.33" in preview
    publish_by_two(app, ada)
    page = text_of(other.get(play + "?lang=en"))
    assert "Status: Not funded" in page and "Feedback from the panel" in page
    assert "marked by 2 panel members" in page and "average of the 2 funded applications" in page
    # Its own means (2.5, 2.5, 2) against the funded ones' (lamps 5, 4.5, 3.5; benches 3, 3, 4), worked by hand.
    cells = [" ".join(pair) for pair in re.findall(ROW, page, re.S)]
    assert cells == ["2.5 4", "2.5 3.75", "2 3.75", "2.33 3.83"]
    assert "A 3 because of the plan's detail." in page and "example.org" not in page.replace("play@example.org", "")


def test_groups_that_applied_online_are_mailed_in_their_language_when_decisions_are_published(
        app, panel_round, outbox):
    ada, other, play, ids = marked_and_decided(app, panel_round, outbox)
    before = len(outbox)
    publish_by_two(app, ada)
    told = {to: (subject, body) for to, subject, body in outbox[before:]}
    assert set(told) == {"lamps@sydenham.example", "play@example.org"}  # the paper one was typed in by staff
    assert "has published its decisions" in told["lamps@sydenham.example"][0]
    subject, body = told["play@example.org"]
    assert "opublikował" in subject and "/applications/" in body
    assert "Status: Not funded" in text_of(other.get(link_in([("", "", body)]) + "?lang=en"))


def test_the_panels_copy_waits_for_a_standing_decision(app, panel_round):
    ada = as_member(app, "ada@example.org")
    staff_apply(ada, panel_round["benches"], "Friends of the Park", "Three benches", "6000")
    [benches] = stored(app)
    page = text_of(ada.get(f"/rounds/lewisham/panel/applications/{benches.id}/feedback"))
    assert "has not decided on this application yet" in page and "Feedback from the panel" not in page


def test_the_panel_prints_a_paper_applicants_feedback(app, panel_round, outbox):
    ada, _, _, ids = marked_and_decided(app, panel_round, outbox)
    publish_by_two(app, ada)
    page = text_of(ada.get(f"/rounds/lewisham/panel/applications/{ids['Three benches']}/feedback"))
    assert "Funded: £7,000" in page and "Feedback from the panel" in page
    cells = [" ".join(pair) for pair in re.findall(ROW, page, re.S)]
    assert cells == ["3 4", "3 3.75", "4 3.75", "3.33 3.83"]
    link = f'/rounds/lewisham/panel/applications/{ids["Three benches"]}/feedback'
    assert link in text_of(ada.get(f"/rounds/lewisham/panel/applications/{ids['Three benches']}"))
    assert app.test_client().get(link).status_code in (302, 403)


def test_a_mail_server_refusing_one_group_tells_the_panel_and_mails_the_others(app, panel_round, outbox, monkeypatch):
    ada, other, play, ids = marked_and_decided(app, panel_round, outbox)
    sent = []

    def send(to, subject, body):
        if to == "play@example.org":
            raise smtplib.SMTPRecipientsRefused({to: (550, b"no such mailbox")})
        sent.append(to)
    monkeypatch.setattr("app.mail.send", send)
    post(ada, "/rounds/lewisham/panel/publish")
    published = post(as_member(app, "ben@example.org"), "/rounds/lewisham/panel/publish", follow_redirects=True)
    page = text_of(published)
    assert published.status_code == 200 and "The decisions are published." in page
    assert "The mail to 1 group that applied online could not be sent" in page
    assert sent == ["lamps@sydenham.example"]
    assert "Status: Not funded" in text_of(other.get(play))
