import re
from html import unescape

from app.extensions import db
from app.models import Application, Need, PanelScore, Participant, Round, User
from tests.conftest import PASSWORD, days, post
from tests.web.test_ballots import form_state

ROUND = {"title": "Lewisham Local 2027", "description": "What does your street need?", "area": "Lewisham",
         "area_choices": "Deptford\nCatford", "language": "en", "budget": "250000", "currency": "GBP",
         "propose_starts": str(days(-1)), "discuss_starts": str(days(20)), "rank_starts": str(days(40)),
         "decide_starts": "", "results_starts": ""}


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


def test_home_lists_open_rounds_apart_from_past_ones(client, make_round):
    make_round(slug="open-one", title="Kingsmead play spaces", phase="discuss")
    make_round(slug="done-one", title="Newham healthy streets", phase="results")
    page = text_of(client.get("/"))
    assert page.index("Open rounds") < page.index("Kingsmead play spaces") < page.index("Past rounds") \
        < page.index("Newham healthy streets")


def test_every_round_page_says_which_phase_it_is_in_and_what_comes_next(client, make_round):
    make_round(phase="discuss", rank_starts=days(10))
    page = text_of(client.get("/rounds/lewisham"))
    assert "Now: Discuss" in page and 'aria-current="step"' in page
    assert "Next: Rank, from" in page


def test_a_phase_opens_by_itself_on_its_date(client, make_round):
    make_round(phase="propose", discuss_starts=days(-1))
    assert "Now: Discuss" in text_of(client.get("/rounds/lewisham"))


def test_a_facilitator_creates_a_round_with_its_phases_and_budget(client, app, make_user, sign_in):
    make_user()
    sign_in()
    response = post(client, "/rounds/new", ROUND)
    assert response.status_code == 302 and response.headers["Location"] == "/rounds/lewisham-local-2027"
    page = text_of(client.get(response.headers["Location"]))
    assert "Lewisham Local 2027" in page and "£250,000" in page and "Now: Propose" in page
    assert "Facilitator tools" in page


def test_a_round_form_with_mistakes_is_returned_with_every_message_and_the_input(client, app, make_user, sign_in):
    make_user()
    sign_in()
    bad = {**ROUND, "title": "", "currency": "", "slug": "Not A Slug", "discuss_starts": str(days(-10))}
    response = post(client, "/rounds/new", bad)
    page = text_of(response)
    assert response.status_code == 422
    assert "Please fill this in." in page
    assert "Choose the currency of the budget." in page
    assert "Use lower-case letters, numbers and single dashes only." in page
    assert "This date is before the start of an earlier phase." in page
    assert "What does your street need?" in page and 'value="250000"' in page
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Round.id))) == 0


def test_a_facilitator_edits_a_round_and_opens_the_next_phase_with_the_button(client, make_round, make_user, sign_in):
    make_round()
    make_user(round_slug="lewisham")
    sign_in()
    post(client, "/rounds/lewisham/edit", {**ROUND, "title": "Lewisham renamed"})
    assert "Lewisham renamed" in text_of(client.get("/rounds/lewisham"))
    response = post(client, "/rounds/lewisham/phase", follow_redirects=True)
    assert "The Discuss phase is now open." in text_of(response) and "Now: Discuss" in text_of(response)


def test_only_signed_in_staff_reach_round_settings(client, make_round, make_user, sign_in):
    make_round()
    response = client.get("/rounds/lewisham/edit")
    assert response.status_code == 302 and "/account/sign-in?next=" in response.headers["Location"]
    assert client.get("/rounds/new").status_code == 302
    assert client.post("/rounds/lewisham/phase").status_code in (302, 400)


def test_a_facilitator_of_one_round_cannot_change_another(client, make_round, make_user, sign_in):
    make_round(slug="brent")
    make_round(slug="lewisham")
    make_user(role="moderator", round_slug="brent")
    sign_in()
    assert client.get("/rounds/lewisham/edit").status_code == 403
    assert post(client, "/rounds/lewisham/phase").status_code == 403
    assert client.get("/rounds/new").status_code == 403


def test_a_wrong_password_is_refused_and_sign_out_ends_the_session(client, make_user, sign_in):
    make_user()
    refused = post(client, "/account/sign-in", {"email": "facilitator@example.org", "password": "nope"})
    assert refused.status_code == 422 and "do not match an account" in text_of(refused)
    sign_in()
    assert "facilitator@example.org" in text_of(client.get("/"))
    post(client, "/account/sign-out")
    assert "Staff sign in" in text_of(client.get("/"))


def test_sign_in_sends_staff_back_where_they_were_going_but_never_off_site(client, make_user):
    make_user()
    data = {"email": "facilitator@example.org", "password": PASSWORD}
    assert post(client, "/account/sign-in?next=/rounds/new", data).headers["Location"] == "/rounds/new"
    assert post(client, "/account/sign-in?next=https://evil.example", data).headers["Location"] == "/"


def test_users_create_reads_the_password_from_stdin(runner, client, make_round):
    make_round()
    result = runner.invoke(args=["users", "create", "Mod@Example.org", "--role", "moderator", "--round", "lewisham"],
                           input="a long enough password\n")
    assert result.exit_code == 0, result.output
    response = post(client, "/account/sign-in", {"email": "mod@example.org", "password": "a long enough password"})
    assert response.status_code == 302


def test_users_create_refuses_a_short_password_or_an_unknown_round(runner, app):
    short = runner.invoke(args=["users", "create", "a@example.org", "--role", "admin"], input="short\n")
    unknown = runner.invoke(args=["users", "create", "a@example.org", "--role", "panel", "--round", "nope"],
                            input="a long enough password\n")
    assert short.exit_code != 0 and "at least" in short.output
    assert unknown.exit_code != 0 and "no round" in unknown.output
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(User.id))) == 0


def test_demo_loads_a_round_in_each_phase_and_a_second_run_changes_nothing(runner, app, client):
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    with app.app_context():
        phases = sorted(r.phase_on(days(0)).value for r in db.session.scalars(db.select(Round)))
        languages = set(db.session.scalars(db.select(Need.language)))
        counts = [db.session.scalar(db.select(db.func.count()).select_from(m))
                  for m in (Round, Need, Participant, Application, PanelScore, User)]
    assert set(phases) == {"propose", "discuss", "rank", "decide", "results"}
    assert {"en", "pl", "bn", "ar"} <= languages
    second = runner.invoke(args=["demo"])
    assert second.exit_code == 0 and "already loaded" in second.output
    with app.app_context():
        assert [db.session.scalar(db.select(db.func.count()).select_from(m))
                for m in (Round, Need, Participant, Application, PanelScore, User)] == counts
    assert client.get("/rounds/lewisham-2027").status_code == 200
    grants = client.get("/rounds/newham-2026/grants.json").json["grants"]
    assert [g["recipientOrganization"][0]["name"] for g in grants] == ["Newham Swim Club", "Canning Town Growers",
                                                                       "Green Street Mosque volunteers"]
    assert client.get("/rounds/southwark-community-spaces/grants.json").status_code == 404  # still deciding
    post(client, "/account/sign-in", {"email": "amara@demo.commonground.test", "password": "demo-panel-2027"})
    panel = text_of(client.get("/rounds/southwark-community-spaces/panel"))
    assert "Fit out the church hall kitchen" in panel and "1 member declared a conflict of interest" in panel


def test_every_page_of_a_round_shows_its_phase_and_what_comes_next(client, make_round, make_need):
    make_round(phase="discuss", rank_starts=days(10))
    need_id = make_need()
    for url in ("/rounds/lewisham/needs", "/rounds/lewisham/needs/new", f"/rounds/lewisham/needs/{need_id}",
                f"/rounds/lewisham/needs/{need_id}/report", f"/rounds/lewisham/needs/{need_id}/history"):
        page = text_of(client.get(url))
        assert "Now: Discuss" in page and "Next: Rank, from" in page, url


def test_a_round_picks_its_ballot_and_counting_method(client, app, make_user, sign_in):
    make_user()
    sign_in()
    post(client, "/rounds/new", {**ROUND, "ballot_kind": "points", "points_total": "10", "points_per_need": "4",
                                 "rule": "", "tie_break": "min-cost", "results_live": "y"})
    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        assert (round_.ballot_kind.value, round_.points_total, round_.points_per_need, round_.tie_break,
                round_.results_live) == ("points", 10, 4, "min-cost", True)
    refused = post(client, "/rounds/new", {**ROUND, "title": "Another", "ballot_kind": "approval", "rule": "schulze",
                                           "min_choices": "5", "max_choices": "2"})
    page = text_of(refused)
    assert refused.status_code == 422
    assert "This counting method cannot count this kind of ballot." in page
    assert "The fewest cannot be more than the most." in page
    missing = post(client, "/rounds/new", {**ROUND, "title": "Third", "ballot_kind": "points"})
    assert "Say how many points each resident spreads." in text_of(missing)


def test_a_round_never_takes_an_address_the_app_uses_for_its_own_pages(client, app, make_user, sign_in):
    make_user()
    sign_in()
    created = post(client, "/rounds/new", {**ROUND, "title": "New"})
    assert created.headers["Location"] == "/rounds/new-2"
    assert "Now: Propose" in text_of(client.get("/rounds/new-2"))
    refused = post(client, "/rounds/new", {**ROUND, "title": "Another", "slug": "new"})
    assert refused.status_code == 422 and "kept for one of the app's own pages" in text_of(refused)


def test_what_ballots_mean_is_locked_once_one_is_cast(client, app, runner, make_round, make_need, make_user, sign_in):
    make_round(phase="rank", ballot_kind="points", points_total=10, results_live=True)
    needs = [make_need(title=t) for t in ("Street lights", "Play area")]
    resident = app.test_client()
    resident.post("/rounds/lewisham/ballot", data={**form_state(resident), f"points-{needs[0]}": "6",
                                                   f"points-{needs[1]}": "4", "cast": "1"})
    make_user(round_slug="lewisham")
    sign_in()
    form = text_of(client.get("/rounds/lewisham/edit"))
    assert "Ballots have been cast, so the kind of ballot" in form
    assert re.search(r'<select[^>]*disabled[^>]*name="ballot_kind"|<select[^>]*name="ballot_kind"[^>]*disabled', form)
    ranking_now = {**ROUND, "propose_starts": str(days(-3)), "discuss_starts": str(days(-2)),
                   "rank_starts": str(days(-1))}
    refused = post(client, "/rounds/lewisham/edit", {**ranking_now, "ballot_kind": "ranking", "points_total": "5"})
    assert refused.status_code == 422
    # Beside each of the two fields, and in the summary at the top.
    assert text_of(refused).count("This cannot change now: ballots have been cast with it.") == 4
    with app.app_context():
        round_ = db.session.scalar(db.select(Round))
        assert (round_.ballot_kind.value, round_.points_total) == ("points", 10)
    assert client.get("/rounds/lewisham/results.json").status_code == 200
    assert runner.invoke(args=["rounds", "tally", "lewisham"]).exit_code == 0
    # The counting method, and every other setting, can still change.
    saved = post(client, "/rounds/lewisham/edit", {**ranking_now, "title": "Lewisham renamed", "tie_break": "min-cost",
                                                   "budget": "", "currency": ""})
    assert saved.status_code == 302


def test_the_demo_ships_approved_translations_of_its_needs_and_a_second_run_adds_none(runner, app, client):
    from app.models import NeedTranslation

    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        languages = set(db.session.scalars(db.select(NeedTranslation.language).filter_by(approved=True)))
        count = db.session.scalar(db.select(db.func.count(NeedTranslation.id)))
    assert {"en", "ar", "pl"} <= languages
    assert runner.invoke(args=["demo"]).exit_code == 0
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(NeedTranslation.id))) == count
    ballot = text_of(client.get("/rounds/brent-green-streets/ballot", headers={"Accept-Language": "en"}))
    assert "Planters and benches outside the school" in ballot and "Translated from Turkish" in ballot
    polish = text_of(client.get("/rounds/brent-green-streets/needs", headers={"Accept-Language": "pl"}))
    assert "Donice i ławki przed szkołą" in polish
