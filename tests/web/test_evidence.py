"""Facilitators attach evidence to a need (a dataset or report: title, web address, date); everyone sees it
on the need's page and in the register's API; only http and https addresses are taken."""
import pytest

from app.extensions import db
from app.models import NeedEvidence
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
