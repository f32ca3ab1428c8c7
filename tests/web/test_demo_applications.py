"""The demo shows groups that applied online: one in Bengali, a draft, and one its answers screened out."""
from urllib.parse import urlsplit

from app.extensions import db
from app.models import Application, EligibilityAnswer, EligibilityQuestion
from tests.conftest import post
from tests.web.test_panel import text_of

ROUND = "/rounds/southwark-community-spaces"


def counts(app) -> list[int]:
    with app.app_context():
        return [db.session.scalar(db.select(db.func.count()).select_from(m))
                for m in (Application, EligibilityQuestion, EligibilityAnswer)]


def test_the_demo_round_shows_groups_that_applied_online(app, client, runner):
    loaded = runner.invoke(args=["demo"])
    assert loaded.exit_code == 0, loaded.output
    links = {line.split(": ")[0]: urlsplit(line.split()[-1]).path for line in loaded.output.splitlines()
             if line.startswith("online application")}
    bengali = text_of(client.get(links["online application status link (Bengali)"]))
    assert "মহিলাদের জন্য সাপ্তাহিক রান্নার ক্লাস" in bengali and 'lang="bn"' in bengali
    assert "unregistered group" in bengali and "Eligible" in bengali
    assert "This is your draft" in text_of(client.get(links["online application draft link"]))
    assert "Apply for a grant" in text_of(client.get(ROUND))

    post(client, "/account/sign-in", {"email": "amara@demo.commonground.test", "password": "demo-panel-2027"})
    panel = text_of(client.get(f"{ROUND}/panel"))
    assert "মহিলাদের জন্য সাপ্তাহিক রান্নার ক্লাস" in panel and "Instruments and a sprung floor" in panel
    assert "Saturday lunch club" not in panel and "Paid dance nights" not in panel
    screened = text_of(client.get(f"{ROUND}/panel/eligibility"))
    assert "Paid dance nights" in screened and "The fund gives only to not-for-profit groups" in screened
    assert "1 draft is not submitted yet." in screened

    before = counts(app)
    again = runner.invoke(args=["demo"])
    assert again.exit_code == 0 and counts(app) == before
