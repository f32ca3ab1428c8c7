"""Before publication the panel sees the 360Giving data quality warnings on the grants it stands to make,
fixes them, and the published grant carries the fixes."""
from app.extensions import db
from app.models import AuditEntry
from tests.conftest import post
from tests.web.test_panel import (application_ids, apply, as_member, decide_by_two, panel_round,  # noqa: F401
                                  publish_by_two, text_of, validator)


def test_the_panel_is_warned_of_open_data_problems_and_fixes_them_before_publishing(app, client, panel_round):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000", applicant_id="GB-CHC-12345",
          description="Ask lamps@sydenham.example for the plan.")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    ids = application_ids(app)
    assert "Open data checks before publishing" not in text_of(ada.get("/rounds/lewisham/panel"))  # nothing funded yet
    decide_by_two(app, ada, ids, {"LED lamps": ("yes", "12000"), "Play kit": ("yes", "5000")})
    page = text_of(ada.get("/rounds/lewisham/panel"))
    assert "Open data checks before publishing" in page and "Fix “LED lamps”" in page
    assert "The charity number does not look like its register's" in page
    assert "looks like an email address" in page and page.count("Where the group is based is missing.") == 2
    # The play kit has no description, so it would publish its title twice.
    assert "The title and the description are the same" in page

    refused = post(ada, f"/rounds/lewisham/panel/applications/{ids['LED lamps']}/details",
                   {"title": "", "description": "Twelve lamps", "applicant_id": "charity", "recipient_location": ""})
    assert refused.status_code == 422 and 'value="charity"' in text_of(refused)
    fixed = post(ada, f"/rounds/lewisham/panel/applications/{ids['LED lamps']}/details", {
        "title": "LED lamps", "description": "Twelve lamps on the dark stretch of Sydenham Road.",
        "applicant_id": "GB-CHC-1234567", "recipient_location": "Sydenham, Lewisham"})
    assert fixed.status_code == 302
    page = text_of(ada.get("/rounds/lewisham/panel"))
    assert "Fix “LED lamps”" not in page and "Fix “Play kit”" in page
    publish_by_two(app, ada)
    grants = client.get("/rounds/lewisham/grants.json").json
    assert list(validator().iter_errors(grants)) == []
    lamps = next(g for g in grants["grants"] if g["title"] == "LED lamps")
    assert lamps["recipientOrganization"] == [{"id": "GB-CHC-1234567", "name": "Sydenham Society",
                                               "location": [{"name": "Sydenham, Lewisham"}]}]
    assert lamps["description"] == "Twelve lamps on the dark stretch of Sydenham Road."
    with app.app_context():
        assert db.session.scalar(db.select(AuditEntry.action).filter_by(action="application-details-corrected"))
    late = post(ada, f"/rounds/lewisham/panel/applications/{ids['Play kit']}/details",
                {"title": "Play kit", "description": "Swings.", "recipient_location": "Catford"})
    assert "already published" in text_of(ada.get(late.headers["Location"]))
