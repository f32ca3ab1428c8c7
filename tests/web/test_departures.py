"""Departures from the suggested grants need their own reason and are published as departures; wide spreads
of marks are flagged on the panel's table."""
from app.extensions import db
from app.models import GrantDecision
from tests.conftest import post
from tests.web.test_panel import (application_ids, apply, as_member, declare_none, mark, panel_round,  # noqa: F401
                                  publish_by_two, text_of)

RATIONALE = "Benches came second with residents and serve the bus stop every day; we lowered the grant to fit."


def decide(client, ids, reasons=None, rule="ranking"):
    """Fund the lamps (suggested) and the benches at £8,000 (not suggested: they did not fit), decline the play
    kit (suggested)."""
    reasons = reasons or {}
    for application in ids.values():
        declare_none(client, application)
    data = {"rationale": RATIONALE, "rule": rule}
    for n, (title, funded, amount) in enumerate([("LED lamps", "yes", "12000"), ("Three benches", "yes", "8000"),
                                                 ("Play kit", "no", "")]):
        data.update({f"entries-{n}-application_id": ids[title], f"entries-{n}-funded": funded,
                     f"entries-{n}-amount": amount, f"entries-{n}-reason": "",
                     f"entries-{n}-departure_reason": reasons.get(title, "")})
    return post(client, "/rounds/lewisham/panel/decisions", data)


def test_a_departure_from_the_suggestion_needs_its_own_reason_and_is_published_as_one(app, client, panel_round):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    apply(ada, panel_round["benches"], "Friends of the Park", "Three benches", "9000")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    ids = application_ids(app)
    assert "2 grants suggested, spending £17,000" in text_of(ada.get("/rounds/lewisham/panel"))

    refused = decide(ada, ids, {"Three benches": "The bus stop benches serve more people every day."})
    page = text_of(refused)
    assert refused.status_code == 422 and "give each its own reason" in page
    assert page.count("Please give the reason for this departure.") == 1  # the play kit's; the benches have one
    assert "The bus stop benches serve more people every day." in page and RATIONALE in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(GrantDecision.id))) == 0

    reasons = {"Three benches": "The bus stop benches serve more people every day.",
               "Play kit": "The play officer found the kit unsafe for under-fives.",
               "LED lamps": "Not a departure, so not kept."}
    assert decide(ada, ids, reasons).status_code == 302
    assert decide(as_member(app, "ben@example.org"), ids, reasons).status_code == 302
    with app.app_context():
        stored = {d.application_id: (d.departure, d.departure_reason) for d in db.session.scalars(
            db.select(GrantDecision))}
    assert stored == {ids["LED lamps"]: (None, ""),
                      ids["Three benches"]: ("funded-outside", "The bus stop benches serve more people every day."),
                      ids["Play kit"]: ("declined-inside", "The play officer found the kit unsafe for under-fives.")}
    assert publish_by_two(app, ada).status_code == 302
    public = text_of(client.get("/rounds/lewisham/decisions"))
    assert "Departure from the suggested grants: funded, though the suggestion left it out." in public
    assert "Departure from the suggested grants: not funded, though the suggestion funded it." in public
    assert "The play officer found the kit unsafe for under-fives." in public
    rows = client.get("/rounds/lewisham/decisions.csv").get_data(as_text=True).splitlines()
    assert ",departure,departure_reason," in rows[0]
    assert sum(",funded-outside,The bus stop benches" in row for row in rows) == 1


def test_members_who_mark_far_apart_are_told_to_talk_it_over(app, panel_round):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    lamps = application_ids(app)["LED lamps"]
    mark(ada, lamps, 5, 4, 4)
    mark(ben, lamps, 3, 3, 4)
    page = text_of(ada.get("/rounds/lewisham/panel"))
    assert "Members disagree on “How well it meets the need”: marks from 3 to 5." in page
    assert "Members disagree on “How likely" not in page and "Members disagree on “Value" not in page
