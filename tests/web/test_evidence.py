"""Facilitators attach evidence to a need (a dataset or report: title, web address, date), correct it or
take it off, each recorded in the audit log; everyone sees it on the need's page and in the register's API;
only http and https addresses are taken."""
import json

import pytest

from app.extensions import db
from app.models import AuditEntry, NeedEvidence
from tests.conftest import post
from tests.web.test_access import text_of
from tests.web.test_register import valid


@pytest.fixture
def need(make_round, make_need, make_user, sign_in):
    make_round(phase="discuss")
    make_user("lewisham@example.org", "facilitator", "lewisham")
    sign_in("lewisham@example.org")
    return make_need(title="Street lights on Rye Lane")


def attach(client, need_id, **values):
    data = {"title": "Road casualties by ward, 2025", "url": "https://data.london.gov.uk/dataset/road-casualties",
            "published_on": "2026-03-14", **values}
    return post(client, f"/rounds/lewisham/needs/{need_id}/evidence", data)


def test_attached_evidence_shows_on_the_need_page_and_in_the_api(app, client, need):
    response = attach(client, need)
    assert response.status_code == 302 and response.headers["Location"] == f"/rounds/lewisham/needs/{need}#evidence"
    page = text_of(app.test_client().get(f"/rounds/lewisham/needs/{need}"))
    section = page.split('id="evidence"')[1].split("</section>")[0]
    assert 'href="https://data.london.gov.uk/dataset/road-casualties"' in section
    assert "Road casualties by ward, 2025" in section and "14 March 2026" in section
    assert "Attach evidence" not in section  # residents see the evidence, not the facilitator's link
    record = next(n for n in valid(app.test_client(), app.test_client().get("/api/needs"))["needs"]
                  if n["id"] == str(need))
    assert record["evidence"] == [{"title": "Road casualties by ward, 2025",
                                   "url": "https://data.london.gov.uk/dataset/road-casualties", "date": "2026-03-14"}]


@pytest.mark.parametrize("url", ["javascript:alert(1)", "ftp://example.org/data.csv", "data:text/html,hi",
                                 "//example.org/report", "https://", "https://exa mple.org/report", "example.org"])
def test_only_web_addresses_are_taken_and_the_form_keeps_what_was_typed(app, client, need, url):
    response = attach(client, need, url=url, title="My report")
    assert response.status_code == 422
    page = text_of(response)
    assert "Please give a web address beginning with http:// or https://." in page
    assert 'value="My report"' in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(NeedEvidence.id))) == 0


def test_a_missing_title_or_a_wrong_date_is_refused_clearly(client, need):
    response = attach(client, need, title=" ", published_on="14/13/2026")
    assert response.status_code == 422
    page = text_of(response)
    assert "Please give the evidence a title." in page and "Not a valid date value." in page


def test_a_plain_http_address_is_taken(app, client, need):
    assert attach(client, need, url="http://www.example.org/needs-assessment.pdf").status_code == 302


def test_facilitators_see_the_link_to_attach_evidence(client, need):
    assert f'href="/rounds/lewisham/needs/{need}/evidence"' in text_of(client.get(f"/rounds/lewisham/needs/{need}"))


def test_a_facilitator_corrects_evidence_and_the_log_keeps_what_it_said(app, client, need):
    attach(client, need)
    with app.app_context():
        item = db.session.scalar(db.select(NeedEvidence.id))
    page = text_of(client.get(f"/rounds/lewisham/needs/{need}"))
    assert f'href="/rounds/lewisham/needs/{need}/evidence/{item}"' in page
    form = text_of(client.get(f"/rounds/lewisham/needs/{need}/evidence/{item}"))
    assert 'value="Road casualties by ward, 2025"' in form
    bad = post(client, f"/rounds/lewisham/needs/{need}/evidence/{item}",
               {"title": "Casualties 2025", "url": "not a web address", "published_on": "2026-03-01"})
    assert bad.status_code == 422 and 'value="Casualties 2025"' in text_of(bad)
    response = post(client, f"/rounds/lewisham/needs/{need}/evidence/{item}",
                    {"title": "Road casualties by ward, 2025 (revised)", "url": "https://data.london.gov.uk/x2",
                     "published_on": "2026-03-01"})
    assert response.status_code == 302 and response.headers["Location"].endswith("#evidence")
    record = next(n for n in app.test_client().get("/api/needs").json["needs"] if n["id"] == str(need))
    assert record["evidence"] == [{"title": "Road casualties by ward, 2025 (revised)",
                                   "url": "https://data.london.gov.uk/x2", "date": "2026-03-01"}]
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "evidence-edited"))
        assert json.loads(entry.detail)["was"]["title"] == "Road casualties by ward, 2025"


def test_a_facilitator_removes_evidence_and_the_log_keeps_it(app, client, need):
    attach(client, need)
    with app.app_context():
        item = db.session.scalar(db.select(NeedEvidence.id))
    response = post(client, f"/rounds/lewisham/needs/{need}/evidence/{item}/remove")
    assert response.status_code == 302
    assert "Road casualties by ward" not in text_of(app.test_client().get(f"/rounds/lewisham/needs/{need}"))
    assert next(n for n in app.test_client().get("/api/needs").json["needs"] if n["id"] == str(need))["evidence"] == []
    with app.app_context():
        entry = db.session.scalar(db.select(AuditEntry).where(AuditEntry.action == "evidence-removed"))
        assert json.loads(entry.detail)["url"].startswith("https://")
    assert post(client, f"/rounds/lewisham/needs/{need}/evidence/{item}/remove").status_code == 404


def test_evidence_of_another_need_cannot_be_changed_through_this_one(app, client, need, make_need):
    attach(client, need)
    other = make_need(title="Another need")
    with app.app_context():
        item = db.session.scalar(db.select(NeedEvidence.id))
    assert client.get(f"/rounds/lewisham/needs/{other}/evidence/{item}").status_code == 404
    assert post(client, f"/rounds/lewisham/needs/{other}/evidence/{item}/remove").status_code == 404
