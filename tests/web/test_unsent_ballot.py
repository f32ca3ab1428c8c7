"""A half-filled ballot survives reloading the page, and is gone once cast."""
import re

import pytest

from app.extensions import db
from app.models import NeedStatus, Need
from tests.web.test_ballots import form_state


@pytest.fixture
def needs(make_round, make_need):
    make_round(phase="rank", max_choices=3)
    return [make_need(title=t) for t in ("Street lights", "Play area", "Benches")]


def ranked(client) -> list[str]:
    page = client.get("/rounds/lewisham/ballot").get_data(as_text=True)
    return re.findall(r'class="ranked-title"[^>]*>([^<]+)<', page)


def test_reloading_the_ballot_keeps_the_needs_tapped_so_far_until_it_is_cast(app, client, needs):
    lights, play, benches = needs
    state = form_state(client)
    client.post("/rounds/lewisham/ballot", data={**state, "order": [play], "edit": f"add:{lights}"},
                headers={"HX-Request": "true"})
    assert ranked(client) == ["Play area", "Street lights"]  # the reload shows the half-filled ballot
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [play, lights], "cast": "1"})
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [play, lights],
                                                 "edit": f"add:{benches}"})
    with app.app_context():
        db.session.get(Need, benches).status = NeedStatus.HIDDEN  # hidden by a moderator meanwhile
        db.session.commit()
    assert ranked(client) == ["Play area", "Street lights"]
    client.post("/rounds/lewisham/ballot", data={**form_state(client), "order": [lights], "cast": "1"})
    assert ranked(client) == ["Street lights"]  # once cast, the page shows the ballot as counted
