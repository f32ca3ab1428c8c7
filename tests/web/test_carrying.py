"""Carrying an unfunded need from a finished round into a later one, and folding a need proposed again
in a later round into the need first raised in an earlier one."""
import csv
import io
import re

import pytest

from app.extensions import db
from app.models import Application, AuditEntry, GrantDecision, Need, NeedCarry, NeedStatus
from tests.conftest import post
from tests.web.test_access import text_of


@pytest.fixture
def rounds(make_round, make_user, sign_in):
    make_round("spring", phase="results", title="Spring 2026")
    make_round("autumn", phase="propose", title="Autumn 2026")
    make_user("autumn@example.org", "facilitator", "autumn")
    sign_in("autumn@example.org")


def carry(client, need_id, into="autumn"):
    return post(client, f"/rounds/{into}/carry/{need_id}")


def test_a_carried_need_keeps_its_address_comments_and_lineage_and_shows_every_round_it_was_in(
        app, client, rounds, make_need, make_support, make_comment):
    lights = make_need("spring", "Street lights on Rye Lane")
    other = make_need("spring", "A bench by the library")
    duplicate = make_need("spring", "Dark street near the station")
    make_support(lights, 3)
    make_support(other, 5)
    make_comment(lights, body="It has been dark for a year")
    with app.app_context():
        db.session.get(Need, duplicate).status, db.session.get(Need, duplicate).merged_into_id = NeedStatus.MERGED, lights
        db.session.commit()

    response = carry(client, lights)
    assert response.status_code == 302 and response.headers["Location"] == f"/rounds/autumn/needs/{lights}"

    old = app.test_client().get(f"/rounds/spring/needs/{lights}")
    assert old.status_code == 301 and old.headers["Location"] == f"/rounds/autumn/needs/{lights}"
    merged = app.test_client().get(f"/rounds/spring/needs/{duplicate}")
    assert merged.headers["Location"] == f"/rounds/autumn/needs/{lights}?merged_from={duplicate}"
    page = text_of(app.test_client().get(f"/rounds/autumn/needs/{lights}"))
    assert "It has been dark for a year" in page and "Needs merged into this one" in page
    rounds_section = page.split("Rounds this need was in")[1].split("</section>")[0]
    assert re.search(r"Spring 2026</bdi></a>:\s*place 2, 3 supporters", rounds_section)
    assert re.search(r"Autumn 2026</bdi></a>:\s*place 1, 0 supporters", rounds_section)
    assert "Street lights on Rye Lane" in text_of(app.test_client().get("/rounds/autumn/needs"))
    assert "Street lights on Rye Lane" not in text_of(app.test_client().get("/rounds/spring/needs"))
    with app.app_context():
        assert db.session.scalar(db.select(AuditEntry.action).where(AuditEntry.action == "need-carried"))


def test_the_register_lists_each_round_with_place_and_support_and_the_earlier_results_still_count_it(
        app, client, rounds, make_need, make_support):
    lights = make_need("spring", "Street lights on Rye Lane")
    make_support(lights, 2)
    before = app.test_client().get("/rounds/spring/results.json")
    carry(client, lights)
    record = next(n for n in app.test_client().get("/api/needs").json["needs"] if n["id"] == str(lights))
    assert record["rounds"] == [{"round": "spring", "rank": 1, "support": 2},
                                {"round": "autumn", "rank": 1, "support": 0}]
    assert record["status"] == "open"  # where it stands now: in a round taking needs
    assert record["url"].endswith(f"/rounds/autumn/needs/{lights}")
    after = app.test_client().get("/rounds/spring/results.json")
    assert before.status_code == after.status_code == 200
    assert after.json["ranking"] == before.json["ranking"] == [str(lights)]


def test_a_carried_need_stays_in_the_earlier_rounds_open_data_with_its_place_and_support_there(
        app, client, rounds, make_need, make_support):
    lights = make_need("spring", "Street lights on Rye Lane")
    bench = make_need("spring", "A bench by the library")
    make_support(lights, 2)
    make_support(bench, 5)
    carry(client, lights)
    visitor = app.test_client()
    spring = {n["id"]: n for n in visitor.get("/rounds/spring/needs.json").json["needs"]}
    assert spring[str(lights)]["support"] == 2 and spring[str(lights)]["place"] == 2
    assert spring[str(lights)]["carried_into"] == "autumn" and spring[str(lights)]["title"] == "Street lights on Rye Lane"
    assert spring[str(bench)]["place"] == 1 and spring[str(bench)]["carried_into"] is None
    rows = {row["id"]: row for row in csv.DictReader(io.StringIO(visitor.get("/rounds/spring/needs.csv").get_data(as_text=True)))}
    assert (rows[str(lights)]["support"], rows[str(lights)]["place"], rows[str(lights)]["carried_into"]) == ("2", "2", "autumn")
    autumn = visitor.get("/rounds/autumn/needs.json").json["needs"]
    assert [(n["id"], n["support"], n["place"], n["carried_into"]) for n in autumn] == [(str(lights), 0, 1, None)]


def test_residents_of_the_later_round_support_it_afresh(app, client, rounds, make_need, make_support):
    lights = make_need("spring", "Street lights on Rye Lane")
    make_support(lights, 4)
    carry(client, lights)
    resident = app.test_client()
    post(resident, f"/rounds/autumn/needs/{lights}/support")
    assert "1 person says this matters to them" in text_of(resident.get(f"/rounds/autumn/needs/{lights}"))


def test_funded_hidden_unfinished_and_same_round_needs_are_refused_with_a_reason(
        app, client, rounds, make_round, make_need):
    make_round("summer", phase="rank")
    funded = make_need("spring", "Swimming lessons")
    hidden = make_need("spring", "Spam")
    running = make_need("summer", "Youth club")
    here = make_need("autumn", "Already here")
    with app.app_context():
        application = Application(round_id=db.session.get(Need, funded).round_id, need_id=funded,
                                  applicant="Swim Club", title="Lessons", amount=500)
        db.session.add(application)
        db.session.flush()
        db.session.add(GrantDecision(application_id=application.id, funded=True, amount=500))
        db.session.get(Need, hidden).status = NeedStatus.HIDDEN
        db.session.commit()
    reasons = {
        funded: "That need was funded: it does not need carrying.",
        hidden: "Only needs that are shown, not hidden or merged, can be carried.",
        running: "That need's round is still going: carry it once its ranking has closed.",
        here: "That need is in this round already.",
    }
    for need_id, reason in reasons.items():
        response = carry(client, need_id)
        assert response.headers["Location"] == "/rounds/autumn/carry"
        assert reason in text_of(client.get("/rounds/autumn/carry"))
    assert carry(client, 999999).status_code == 302
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(NeedCarry.id))) == 0
    listed = text_of(client.get("/rounds/autumn/carry"))
    assert "Swimming lessons" not in listed and "Youth club" not in listed and "Spam" not in listed


def test_the_carry_page_lists_unfunded_needs_of_finished_rounds_and_searches_them(client, rounds, make_need):
    make_need("spring", "Street lights on Rye Lane")
    make_need("spring", "A bench by the library")
    page = text_of(client.get("/rounds/autumn/carry"))
    assert "Street lights on Rye Lane" in page and "A bench by the library" in page
    searched = text_of(client.get("/rounds/autumn/carry?q=lights"))
    assert "Street lights on Rye Lane" in searched and "A bench by the library" not in searched


def test_a_round_past_proposals_takes_no_carried_needs(app, client, make_round, make_need, make_user, sign_in):
    make_round("spring", phase="results")
    make_round("autumn", phase="rank")
    make_user("autumn@example.org", "facilitator", "autumn")
    sign_in("autumn@example.org")
    lights = make_need("spring", "Street lights")
    carry(client, lights)
    assert "only while it takes needs" in text_of(client.get("/rounds/autumn/carry"))
    with app.app_context():
        assert db.session.get(Need, lights).round.slug == "spring"


def test_a_need_raised_again_in_a_later_round_is_merged_into_the_earlier_one(
        app, client, rounds, make_need, make_support, make_comment):
    earlier = make_need("spring", "Street lights on Rye Lane")
    again = make_need("autumn", "Rye Lane lights are still broken")
    make_support(earlier, 2)
    make_comment(again, body="Still dark in November")
    resident = app.test_client()
    post(resident, f"/rounds/autumn/needs/{again}/support")
    form = text_of(client.get(f"/rounds/autumn/moderation/needs/{again}/merge"))
    assert f"#{earlier} Street lights on Rye Lane (from Spring 2026)" in form

    response = post(client, f"/rounds/autumn/moderation/needs/{again}/merge",
                    {"kept": str(earlier), "reason": "The same lights"})
    assert response.headers["Location"] == f"/rounds/autumn/needs/{earlier}"
    with app.app_context():
        duplicate = db.session.get(Need, again)
        assert duplicate.status == NeedStatus.MERGED and duplicate.merged_into_id == earlier
        assert db.session.get(Need, earlier).round.slug == "autumn"
    page = text_of(app.test_client().get(f"/rounds/autumn/needs/{again}", follow_redirects=True))
    assert "Still dark in November" in page and "1 person says this matters to them" in page
    assert "Rounds this need was in" in page
    assert app.test_client().get(f"/rounds/spring/needs/{earlier}").status_code == 301


def test_moderators_who_do_not_run_the_round_merge_only_within_it(app, client, make_round, make_need, make_user,
                                                                  sign_in):
    make_round("spring", phase="results")
    make_round("autumn", phase="propose")
    make_user("mod@example.org", "moderator", "autumn")
    sign_in("mod@example.org")
    earlier = make_need("spring", "Street lights on Rye Lane")
    again = make_need("autumn", "Rye Lane lights are still broken")
    response = post(client, f"/rounds/autumn/moderation/needs/{again}/merge", {"kept": str(earlier), "reason": "x"})
    assert response.status_code == 422
    with app.app_context():
        assert db.session.get(Need, again).status == NeedStatus.OPEN
