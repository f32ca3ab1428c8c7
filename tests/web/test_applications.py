"""Groups apply for grants themselves: a draft saved and resumed by its emailed link, eligibility questions the
panel sets, a status page that follows the panel's published decisions, and a panel that sees only what is
submitted."""
import re
import threading
from datetime import timedelta

import pytest

from app.applications import links
from app.extensions import db
from app.models import Application, AuditEntry, EligibilityAnswer
from app.models.base import utcnow
from app.voting.applications import LINK_LIFETIME
from tests.conftest import csrf_token, post
from tests.web.test_panel import (apply as staff_apply, as_member, declare_none, decide_all, decide_by_two,  # noqa: F401
                                  mark, panel_round, publish_by_two, text_of)

FORM = "/rounds/lewisham/apply"
FILLED = {"applicant": "Sydenham Society", "applicant_id": "GB-CHC-1234567", "contact_email": "lamps@sydenham.example",
          "title": "LED lamps on Sydenham Road", "amount": "12000", "plan": "Twelve lamps, fitted by March.",
          "beneficiaries": "Everyone walking home after dark, about 3,000 people a week.",
          "location": "Sydenham Road, SE26", "language": "en"}


@pytest.fixture
def outbox(monkeypatch):
    sent = []
    monkeypatch.setattr("app.mail.send", lambda to, subject, body: sent.append((to, subject, body)))
    return sent


def link_in(outbox) -> str:
    return re.search(r"http://localhost(/applications/\S+)", outbox[-1][2]).group(1)


def form_key(page: str) -> str:
    return re.search(r'name="form_key" type="hidden" value="([^"]+)"', page).group(1)


def send(client, url, action="save", **fields):
    page = client.get(url).get_data(as_text=True)
    key = re.search(r'name="form_key" type="hidden" value="([^"]*)"', page)
    data = {"csrf_token": csrf_token(client, url), "action": action, **fields}
    if key:
        data.setdefault("form_key", key.group(1))
    return client.post(url, data=data)


def stored(app, **where) -> list[Application]:
    with app.app_context():
        found = list(db.session.scalars(db.select(Application).filter_by(**where).order_by(Application.id)))
        for application in found:
            db.session.expunge(application)
        return found


def add_question(member, text, required, reason):
    return post(member, "/rounds/lewisham/panel/eligibility/questions",
                {"text": text, "required": required, "reason": reason})


def question_ids(app) -> list[int]:
    with app.app_context():
        return list(db.session.scalars(db.text("SELECT id FROM eligibility_question ORDER BY id")))


def test_a_group_saves_a_draft_comes_back_by_its_link_and_submits(app, panel_round, outbox):
    group = app.test_client()
    page = text_of(group.get(FORM))
    assert "Apply for a grant" in page and "The round's whole budget is £20,000." in page
    # The community's order: lights (3 residents) before benches (2) before play (1).
    assert page.index("Street lights") < page.index("Benches at the bus stop") < page.index("Play area")
    refused = send(group, FORM, need=panel_round["lights"], applicant="Sydenham Society")
    assert refused.status_code == 422 and "we send the link to your draft there" in text_of(refused)
    assert 'value="Sydenham Society"' in text_of(refused) and outbox == []

    saved = send(group, FORM, need=panel_round["lights"], applicant="Sydenham Society",
                 contact_email="lamps@sydenham.example", title="LED lamps", amount="12000")
    assert saved.status_code == 302 and "We have emailed lamps@sydenham.example" in text_of(group.get(saved.location))
    [(to, subject, body)] = outbox
    assert to == "lamps@sydenham.example" and "draft" in subject and "/applications/" in body
    [draft] = stored(app)
    assert draft.status == "draft" and draft.channel == "internet" and draft.language == "en"

    later = app.test_client()  # another day, another browser: the link is the key
    link = link_in(outbox)
    page = text_of(later.get(link))
    assert "This is your draft" in page and 'value="LED lamps"' in page and 'value="12000"' in page
    incomplete = send(later, link, action="submit", need=panel_round["lights"], applicant="Sydenham Society",
                      contact_email="lamps@sydenham.example", title="LED lamps", amount="12000")
    page = text_of(incomplete)
    assert incomplete.status_code == 422 and "Please fill this in." in page
    assert "Please say which register your group is on" in page and 'value="LED lamps"' in page
    assert stored(app)[0].status == "draft"
    done = send(later, link, action="submit", need=panel_round["lights"], **FILLED)
    assert done.status_code == 302
    page = text_of(later.get(link))
    assert "Status: Submitted" in page and "Sydenham Society (GB-CHC-1234567)" in page and "£12,000" in page
    assert "This is your draft" not in page and "is submitted" in outbox[-1][1]
    assert len(stored(app)) == 1
    with app.app_context():  # staff can see in the audit log when the group submitted, as with a paper one
        [entry] = db.session.scalars(db.select(AuditEntry).filter_by(action="application-submitted"))
        assert entry.actor == "lamps@sydenham.example" and '"applicant": "Sydenham Society"' in entry.detail


def test_a_changed_or_expired_link_opens_nothing_and_says_why(app, panel_round, outbox):
    group = app.test_client()
    send(group, FORM, need=panel_round["lights"], contact_email="lamps@sydenham.example")
    [draft] = stored(app)
    with app.test_request_context():
        old = links.make_token(draft, now=utcnow() - LINK_LIFETIME - timedelta(minutes=1))
        fresh = links.make_token(draft)
    expired = group.get(f"/applications/{old}")
    assert expired.status_code == 410 and "This link is too old." in text_of(expired)
    assert send(group, f"/applications/{old}", title="Taken over").status_code == 410
    changed = group.get(f"/applications/{fresh[:-2]}xx")
    assert changed.status_code == 404 and "Copy the whole link from the email." in text_of(changed)
    assert group.get(f"/applications/{fresh}").status_code == 200
    assert group.get("/applications/%00").status_code == 404


def test_bad_input_is_refused_in_the_visitors_language_and_kept(app, panel_round, outbox):
    group = app.test_client()
    group.set_cookie("lang", "bn")
    refused = send(group, FORM, action="submit", need=panel_round["lights"],
                   **{**FILLED, "applicant_id": "GB-CHC-12", "amount": "12.5", "language": "bn",
                      "contact_email": "not an address", "title": "x" * 141})
    page = text_of(refused)
    assert refused.status_code == 422 and 'lang="bn"' in page
    assert 'value="GB-CHC-12"' in page and 'value="12.5"' in page and 'value="not an address"' in page
    assert "A charity number is GB-CHC-" not in page  # said in Bengali
    assert "GB-CHC-1234567" in page and stored(app) == []
    over = send(app.test_client(), FORM, action="submit", need=panel_round["lights"], **{**FILLED, "amount": "25000"})
    assert over.status_code == 422 and "more than the round's whole budget" in text_of(over)
    nobody = send(app.test_client(), FORM, need="999999999999", contact_email="a@b.example")
    assert nobody.status_code == 422 and stored(app) == []
    unknown = send(app.test_client(), FORM, action="submit", need=panel_round["lights"],
                   **{**FILLED, "applicant_id": "CHARITY 1234567"})
    assert unknown.status_code == 422 and "tick the box below" in text_of(unknown)
    unregistered = send(app.test_client(), FORM, action="submit", need=panel_round["lights"],
                        **{**FILLED, "applicant_id": "", "unregistered": "y"})
    assert unregistered.status_code == 302 and stored(app)[0].unregistered
    no_token = app.test_client().post(FORM, data={"action": "save", **FILLED})
    assert no_token.status_code == 400 and len(stored(app)) == 1


def test_a_double_submit_makes_one_application(app, panel_round, outbox):
    group = app.test_client()
    page = group.get(FORM).get_data(as_text=True)
    data = {"csrf_token": csrf_token(group, FORM), "form_key": form_key(page), "action": "submit",
            "need": panel_round["lights"], **FILLED}
    assert group.post(FORM, data=data).status_code == 302
    assert group.post(FORM, data=data).status_code == 302
    assert len(stored(app)) == 1 and len(outbox) == 1
    link = link_in(outbox)
    assert send(group, link, action="submit", **FILLED).status_code == 302  # submitted already: a repeat
    assert len(outbox) == 1


def test_eligibility_questions_screen_applications_and_say_why(app, panel_round, outbox):
    ada = as_member(app, "ada@example.org")
    assert add_question(ada, " ", "", "").status_code == 422
    add_question(ada, "Is your group based in Lewisham?", "yes", "This fund is for groups working in Lewisham.")
    add_question(ada, "Do you make a profit for shareholders?", "no", "The fund gives only to not-for-profit groups.")
    based, profit = question_ids(app)
    page = text_of(ada.get("/rounds/lewisham/panel/eligibility"))
    assert "Is your group based in Lewisham?" in page and "Eligible groups answer: No." in page

    group = app.test_client()
    unanswered = send(group, FORM, action="submit", need=panel_round["lights"], **FILLED)
    assert unanswered.status_code == 422 and "Please answer this question." in text_of(unanswered)
    draft = send(group, FORM, need=panel_round["lights"], **FILLED, **{f"q{based}": "no", f"q{profit}": "no"})
    assert draft.status_code == 302
    link = link_in(outbox)
    page = text_of(group.get(link))
    assert "would not be eligible" in page and "This fund is for groups working in Lewisham." in page
    assert "only to not-for-profit" not in page
    send(group, link, action="submit", need=panel_round["lights"], **FILLED, **{f"q{based}": "no", f"q{profit}": "no"})
    page = text_of(group.get(link))
    assert "Status: Not eligible" in page and "This fund is for groups working in Lewisham." in page

    other = app.test_client()
    send(other, FORM, action="submit", need=panel_round["benches"],
         **{**FILLED, "title": "Three benches", "contact_email": "benches@example.org"},
         **{f"q{based}": "yes", f"q{profit}": "no"})
    assert "Status: Eligible" in text_of(other.get(link_in(outbox)))
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count()).select_from(EligibilityAnswer)) == 4
    benches = stored(app, title="Three benches")[0].id
    assert "Answers to the eligibility questions" not in text_of(ada.get(f"/rounds/lewisham/panel/applications/{benches}"))
    declare_none(ada, benches)  # the answers are part of the application a member reads once declared
    read = text_of(ada.get(f"/rounds/lewisham/panel/applications/{benches}"))
    answers = read[read.index("Answers to the eligibility questions"):]
    assert re.search(r"based in Lewisham\?</span> <strong>Yes</strong>", answers)
    assert re.search(r"profit for shareholders\?</span> <strong>No</strong>", answers)

    panel = text_of(ada.get("/rounds/lewisham/panel"))
    assert "Three benches" in panel and "LED lamps on Sydenham Road" not in panel
    screened = text_of(ada.get("/rounds/lewisham/panel/eligibility"))
    assert "LED lamps on Sydenham Road" in screened and "can no longer change" in screened
    assert add_question(ada, "Another question?", "yes", "Too late for this.").status_code == 409
    assert len(question_ids(app)) == 2


def test_the_panel_sees_only_submitted_applications_and_staff_still_enter_paper_ones(app, panel_round, outbox):
    send(app.test_client(), FORM, need=panel_round["lights"], **{**FILLED, "title": "Half-written lamps"})
    ada = as_member(app, "ada@example.org")
    staff_apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000",
                beneficiaries="Children on the Kingsmead estate, about 200.", location="Kingsmead playground")
    page = text_of(ada.get("/rounds/lewisham/panel"))
    assert "Play kit" in page and "Half-written lamps" not in page
    draft, paper = stored(app)
    assert (draft.status, draft.channel) == ("draft", "internet")
    assert (paper.status, paper.channel) == ("submitted", "paper")
    assert ada.get(f"/rounds/lewisham/panel/applications/{draft.id}").status_code == 404
    assert "On paper, typed in by staff" in text_of(ada.get(f"/rounds/lewisham/panel/applications/{paper.id}"))
    assert (paper.beneficiaries, paper.location) == ("Children on the Kingsmead estate, about 200.",
                                                     "Kingsmead playground")
    declare_none(ada, paper.id)
    read = text_of(ada.get(f"/rounds/lewisham/panel/applications/{paper.id}"))
    assert "Children on the Kingsmead estate, about 200." in read and "Kingsmead playground" in read
    assert "1 draft is not submitted yet." in text_of(ada.get("/rounds/lewisham/panel/eligibility"))


def test_the_status_page_follows_the_panels_published_decisions(app, panel_round, outbox):
    group, other = app.test_client(), app.test_client()
    send(group, FORM, action="submit", need=panel_round["lights"], **FILLED)
    lamps = link_in(outbox)
    send(other, FORM, action="submit", need=panel_round["play"],
         **{**FILLED, "title": "Play kit", "amount": "5000", "contact_email": "play@example.org"})
    play = link_in(outbox)
    ada = as_member(app, "ada@example.org")
    ids = {a.title: a.id for a in stored(app)}
    mark(ada, ids["Play kit"], 2, 3, 2)
    assert "Status: Under review by the panel" in text_of(other.get(play))
    assert "Status: Submitted" in text_of(group.get(lamps))
    decide_all(ada, ids, {"LED lamps on Sydenham Road": ("yes", "12000"), "Play kit": ("no", "")})
    assert "Status: Under review by the panel" in text_of(group.get(lamps))  # one member's decision
    decide_by_two(app, ada, ids, {"LED lamps on Sydenham Road": ("yes", "12000"), "Play kit": ("no", "")})
    assert "Status: Under review by the panel" in text_of(group.get(lamps))  # decided, not yet published
    publish_by_two(app, ada)
    page = text_of(group.get(lamps))
    assert "Status: Funded" in page and "Amount awarded" in page
    assert "Status: Not funded" in text_of(other.get(play))
    closed = text_of(app.test_client().get(FORM))
    assert "Applications are not open" in closed and "published its decisions" in closed


def test_the_form_opens_in_decide_or_when_the_panel_opens_it_and_closes_when_told(app, make_round, make_need,
                                                                                make_user, outbox):
    make_round(phase="rank", budget=5000, currency="GBP")
    need = make_need(title="Lights")
    make_user("ada@example.org", "panel", "lewisham")
    group = app.test_client()
    assert "Applications are not open" in text_of(group.get(FORM))
    refused = send(group, FORM, need=need, **FILLED)
    assert refused.status_code == 409 and 'value="Sydenham Society"' in text_of(refused) and stored(app) == []
    ada = as_member(app, "ada@example.org")
    assert post(ada, "/rounds/lewisham/panel/eligibility/window", {"window": "sideways"}).status_code == 422
    post(ada, "/rounds/lewisham/panel/eligibility/window", {"window": "open"})
    assert send(group, FORM, need=need, **{**FILLED, "amount": "500"}).status_code == 302
    link = link_in(outbox)
    post(ada, "/rounds/lewisham/panel/eligibility/window", {"window": "closed"})
    page = text_of(group.get(link))
    assert "Status: Draft" in page and "can no longer be submitted" in page
    late = send(group, link, action="submit", need=need, **{**FILLED, "amount": "500", "title": "Late lamps"})
    assert late.status_code == 409 and 'value="Late lamps"' in text_of(late)
    assert stored(app)[0].status == "draft"


def test_a_group_that_lost_its_email_gets_its_links_again(app, panel_round, outbox):
    group = app.test_client()
    send(group, FORM, need=panel_round["lights"], **FILLED)
    answer = post(group, "/rounds/lewisham/apply/link", {"email": "LAMPS@sydenham.example"})
    assert answer.status_code == 302 and len(outbox) == 2 and "again" in outbox[-1][2]
    assert 'value="LED lamps on Sydenham Road"' in text_of(app.test_client().get(link_in(outbox)))
    nobody = post(group, "/rounds/lewisham/apply/link", {"email": "nobody@example.org"})
    assert "If you applied with nobody@example.org" in text_of(group.get(nobody.location)) and len(outbox) == 2


def _at_once(count, press) -> list:
    start, outcomes = threading.Barrier(count), [None] * count

    def run(n):
        start.wait()
        try:
            outcomes[n] = press(n).status_code
        except Exception as error:  # the test client re-raises what would have been a 500
            outcomes[n] = repr(error)

    threads = [threading.Thread(target=run, args=(n,)) for n in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcomes


def test_submits_at_the_same_moment_make_one_application_and_one_email(app, panel_round, outbox):
    tabs = [app.test_client() for _ in range(6)]
    key = form_key(tabs[0].get(FORM).get_data(as_text=True))
    forms = [{"csrf_token": csrf_token(tab, FORM), "form_key": key, "action": "submit",
              "need": panel_round["lights"], **FILLED} for tab in tabs]
    assert _at_once(len(tabs), lambda n: tabs[n].post(FORM, data=forms[n])) == [302] * len(tabs)
    assert len(stored(app)) == 1 and len(outbox) == 1

    send(app.test_client(), FORM, need=panel_round["benches"], **{**FILLED, "contact_email": "b@example.org"})
    link = link_in(outbox)
    forms = [{"csrf_token": csrf_token(tab, link), "action": "submit", "need": panel_round["benches"],
              **{**FILLED, "contact_email": "b@example.org"}} for tab in tabs]
    assert _at_once(len(tabs), lambda n: tabs[n].post(link, data=forms[n])) == [302] * len(tabs)
    assert [a.status for a in stored(app)] == ["submitted", "submitted"]
    assert [subject for _, subject, _ in outbox].count("Your application to Round lewisham is submitted") == 2


def test_the_form_is_rate_limited_like_residents_posts_and_wrong_links_like_wrong_codes(app, panel_round):
    group = app.test_client()
    token = csrf_token(group, FORM)
    statuses = [group.post(FORM, data={"csrf_token": token, "action": "save"}).status_code for _ in range(31)]
    assert statuses[:30] == [422] * 30 and statuses[30] == 429
    guesser = app.test_client()
    statuses = [guesser.get(f"/applications/guess{n}").status_code for n in range(6)]
    assert statuses == [404] * 5 + [429]


def test_the_panel_words_its_questions_in_other_languages_and_groups_read_theirs(app, panel_round, outbox):
    ada = as_member(app, "ada@example.org")
    add_question(ada, "Is your group based in Lewisham?", "yes", "This fund is for groups working in Lewisham.")
    [based] = question_ids(app)
    wording = f"/rounds/lewisham/panel/eligibility/questions/{based}/wording"
    refused = post(ada, wording, {f"w{based}-language": "pl", f"w{based}-text": "Czy wasza grupa działa w Lewisham?",
                                  f"w{based}-reason": " "})
    assert refused.status_code == 422 and 'value="Czy wasza grupa działa w Lewisham?"' in text_of(refused)
    assert post(ada, wording, {f"w{based}-language": "pl", f"w{based}-text": "Czy wasza grupa działa w Lewisham?",
                               f"w{based}-reason": "Ten fundusz jest dla grup działających w Lewisham."}
                ).status_code == 302
    polish = app.test_client()
    polish.set_cookie("lang", "pl")
    form = text_of(polish.get(FORM))
    assert '<legend class="field-label" lang="pl" dir="auto">Czy wasza grupa działa w Lewisham?</legend>' in form
    english = text_of(app.test_client().get(FORM))
    assert "Is your group based in Lewisham?" in english and "Czy wasza" not in english
    send(polish, FORM, action="submit", need=panel_round["lights"], **{**FILLED, "language": "pl"},
         **{f"q{based}": "no"})
    status = text_of(polish.get(link_in(outbox)))
    assert "Ten fundusz jest dla grup działających w Lewisham." in status
    assert "Lewisham?</span> <strong>" in status and "Czy wasza grupa działa w Lewisham?" in status
