"""The funder panel: applications against the community's needs, marks, conflicts, decisions, open grants data."""
import json
import re
from html import unescape
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator
from referencing import Registry
from referencing.jsonschema import DRAFT202012

from app.extensions import db
from app.models import Application, AuditEntry, Ballot, Round
from app.panel import rubric
from tests.conftest import PASSWORD, csrf_token, post

SCHEMAS = Path(__file__).resolve().parents[1] / "data" / "360giving"


def text_of(response) -> str:
    return unescape(response.get_data(as_text=True))


@pytest.fixture
def panel_round(app, make_round, make_need, make_user):
    """Budget £20,000; residents approved lights (3), benches (2) and play (1)."""
    make_round(phase="decide", ballot_kind="approval", budget=20000, currency="GBP", area="Lewisham")
    needs = {name: make_need(title=title) for name, title in
             (("lights", "Street lights"), ("benches", "Benches at the bus stop"), ("play", "Play area"))}
    with app.app_context():
        round_id = db.session.scalar(db.select(Round.id))
        for n, approved in enumerate([["lights", "benches"], ["lights", "benches"], ["lights", "play"]]):
            db.session.add(Ballot(round_id=round_id, voter_key=f"v{n}", version=1, submission_key="", receipt=f"R{n:09d}",
                                  content=json.dumps({"approved": [needs[a] for a in approved]})))
        db.session.commit()
    for who in ("ada", "ben"):
        make_user(f"{who}@example.org", "panel", "lewisham")
    make_user("brent@example.org", "panel")  # a panel member of no round in particular: sees nothing here
    return needs


def as_member(app, email):
    client = app.test_client()
    client.post("/account/sign-in", data={"csrf_token": csrf_token(client), "email": email, "password": PASSWORD})
    return client


def apply(client, need, applicant, title, amount, **extra):
    return post(client, "/rounds/lewisham/panel/applications/new",
                {"need": need, "applicant": applicant, "title": title, "amount": amount, **extra})


def criterion_ids(client, application) -> list[int]:
    with client.application.app_context():
        round_ = db.session.get(Round, db.session.get(Application, application).round_id)
        return [c.id for c in rubric.criteria(round_)]


def declare_none(client, application, slug="lewisham"):
    return post(client, f"/rounds/{slug}/panel/applications/{application}/no-conflict")


def mark(client, application, *marks, slug="lewisham", declare=True):
    """Marks on the rubric's criteria in order (the three standard ones unless the panel changed them), each
    with a comment; `declare`: first declare no conflict of interest, as a member does before reading it."""
    if declare:
        declare_none(client, application, slug)
    data = {}
    for n, (criterion, given) in enumerate(zip(criterion_ids(client, application), marks)):
        data.update({f"entries-{n}-criterion_id": criterion, f"entries-{n}-mark": given,
                     f"entries-{n}-comment": f"A {given} because of the plan's detail."})
    return post(client, f"/rounds/{slug}/panel/applications/{application}/marks", data)


def application_ids(app):
    with app.app_context():
        return {a.title: a.id for a in db.session.scalars(db.select(Application))}


def test_a_member_adds_an_application_and_bad_input_keeps_what_was_typed(app, panel_round):
    ada = as_member(app, "ada@example.org")
    refused = apply(ada, panel_round["lights"], "", "LED lamps on Sydenham Road", "12.5", applicant_id="charity 12")
    page = text_of(refused)
    assert refused.status_code == 422 and "Please fill this in." in page
    assert "This round counts money in whole units: leave out the decimals." in page
    assert "for example GB-CHC-1234567" in page and 'value="LED lamps on Sydenham Road"' in page
    added = apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps on Sydenham Road", "12000",
                  applicant_id="GB-CHC-1234567")
    assert added.status_code == 302
    page = text_of(ada.get(added.headers["Location"]))
    assert "Sydenham Society (GB-CHC-1234567)" in page and "£12,000" in page and "Street lights" in page


def test_the_suggestion_follows_the_communitys_ranking_and_the_best_marks(app, panel_round):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    apply(ada, panel_round["lights"], "Lamp Co-op", "Solar lamps", "9000")
    apply(ada, panel_round["benches"], "Friends of the Park", "Three benches", "9000")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    ids = application_ids(app)
    for member in (ada, ben):
        mark(member, ids["LED lamps"], 5, 5, 4)
        mark(member, ids["Solar lamps"], 3, 2, 3)
        mark(member, ids["Three benches"], 4, 4, 4)
    page = text_of(ada.get("/rounds/lewisham/panel"))
    # Lights first (3 residents), then benches (2), then play (1); LED lamps beat solar on marks.
    assert page.index("Street lights") < page.index("Benches at the bus stop") < page.index("Play area")
    assert "4.67 out of 5, weighted, from 2 members" in page
    assert "Not suggested: another application for this need has better marks" in page
    # £12,000 + £9,000 is over £20,000, so benches are skipped and the play kit fits.
    assert "2 grants suggested, spending £17,000 and leaving £3,000." in page
    assert "Not suggested: it costs more than is left" in page
    # Equal Shares: lights take 4,000 from each of the three; benches would need 4,500 from each of its two,
    # which only a share of 8,500 gives, and then both would cost £21,000: Add1 stops before that.
    shares = text_of(ada.get("/rounds/lewisham/panel?rule=equalshares/add1"))
    assert "1 grant suggested, spending £12,000 and leaving £8,000." in shares


def test_a_declared_conflict_removes_the_members_marks_and_their_say_in_the_decision(app, panel_round):
    ada, ben = as_member(app, "ada@example.org"), as_member(app, "ben@example.org")
    apply(ada, panel_round["benches"], "Friends of the Park", "Three benches", "9000")
    bench = application_ids(app)["Three benches"]
    mark(ada, bench, 1, 1, 1)
    mark(ben, bench, 4, 4, 4)
    refused = post(ada, f"/rounds/lewisham/panel/applications/{bench}/conflict", {"reason": " "})
    assert refused.status_code == 422 and "Please fill this in." in text_of(refused)
    post(ada, f"/rounds/lewisham/panel/applications/{bench}/conflict", {"reason": "I chair Friends of the Park."})
    page = text_of(ada.get(f"/rounds/lewisham/panel/applications/{bench}"))
    assert "I chair Friends of the Park." in page and "so you cannot mark it" in page
    assert "4 out of 5, weighted, from 1 member" in text_of(ada.get("/rounds/lewisham/panel"))
    assert mark(ada, bench, 5, 5, 5).status_code == 302
    assert "4 out of 5, weighted, from 1 member" in text_of(ada.get("/rounds/lewisham/panel"))  # still only Ben's
    decided = post(ada, "/rounds/lewisham/panel/decisions", {
        "entries-0-application_id": bench, "entries-0-funded": "yes", "entries-0-amount": "9000",
        "rationale": "Benches came second in the residents' ranking and fit the budget."})
    assert decided.status_code == 422
    assert "another member decides it" in text_of(decided)
    with app.app_context():
        assert db.session.get(Application, bench).decision is None
        assert db.session.scalar(db.select(AuditEntry.action).filter_by(action="conflict-declared"))


def test_marks_outside_one_to_five_or_without_a_comment_are_refused_and_kept(app, panel_round):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    kit = application_ids(app)["Play kit"]
    fit, deliverability, value = criterion_ids(ada, kit)
    declare_none(ada, kit)
    refused = post(ada, f"/rounds/lewisham/panel/applications/{kit}/marks", {
        "entries-0-criterion_id": fit, "entries-0-mark": "9", "entries-0-comment": "Good plan",
        "entries-1-criterion_id": deliverability, "entries-1-mark": "3", "entries-1-comment": "",
        "entries-2-criterion_id": value, "entries-2-mark": "", "entries-2-comment": "Cheap"})
    page = text_of(refused)
    assert refused.status_code == 422 and "Not a valid choice" in page and "Good plan" in page
    assert re.search(r'<input checked id="entries-1-mark-2"[^>]*value="3"', page)
    assert "Please fill this in." in page  # the comment the second mark came without
    with app.app_context():
        assert db.session.get(Application, kit).scores == []


def decide_all(client, ids, choices, rationale="Lights came first with residents; the play kit fits what is left.",
               declare=True):
    """One member's decisions; `declare`: first declare no conflict of interest with each application."""
    if declare:
        for title in choices:
            declare_none(client, ids[title])
    data = {"rationale": rationale}
    for n, (title, (funded, amount)) in enumerate(choices.items()):
        data.update({f"entries-{n}-application_id": ids[title], f"entries-{n}-funded": funded,
                     f"entries-{n}-amount": amount, f"entries-{n}-reason": "",
                     # Kept only where the decision departs from the suggested grants.
                     f"entries-{n}-departure_reason": "The panel weighed this against the ranking."})
    return post(client, "/rounds/lewisham/panel/decisions", data)


def test_decisions_over_budget_or_without_reasons_are_refused_and_nothing_is_stored(app, panel_round):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000")
    apply(ada, panel_round["benches"], "Friends of the Park", "Three benches", "9000")
    ids = application_ids(app)
    over = decide_all(ada, ids, {"LED lamps": ("yes", "12000"), "Three benches": ("yes", "9000")})
    assert over.status_code == 422 and "more than the budget" in text_of(over)
    generous = decide_all(ada, ids, {"LED lamps": ("yes", "12001"), "Three benches": ("no", "")})
    assert generous.status_code == 422 and "more than the amount asked for" in text_of(generous)
    assert 'value="12001"' in text_of(generous)  # what was typed stays
    bare = decide_all(ada, ids, {"LED lamps": ("yes", "12000"), "Three benches": ("no", "")}, rationale="ok")
    assert bare.status_code == 422 and "Please write at least 20 characters." in text_of(bare)
    missing = decide_all(ada, ids, {"LED lamps": ("yes", ""), "Three benches": ("no", "")})
    assert missing.status_code == 422 and "Give the amount awarded." in text_of(missing)
    with app.app_context():
        assert all(a.decision is None for a in db.session.scalars(db.select(Application)))


def decide_by_two(app, client, ids, choices, second="ben@example.org", **kwargs):
    """The same decisions from `client` and a second member, so that each stands under the default quorum."""
    first = decide_all(client, ids, choices, **kwargs)
    decide_all(as_member(app, second), ids, choices, **kwargs)
    return first


def publish_by_two(app, client, second="ben@example.org", slug="lewisham"):
    """`client` asks to publish and a second member confirms."""
    post(client, f"/rounds/{slug}/panel/publish")
    return post(as_member(app, second), f"/rounds/{slug}/panel/publish")


def validator():
    package = json.loads((SCHEMAS / "360-giving-package-schema.json").read_text())
    grant = json.loads((SCHEMAS / "360-giving-schema.json").read_text())
    # The schemas name their dialect with http://, which referencing does not know: say it here.
    registry = Registry().with_resources([
        (package["properties"]["grants"]["items"]["$ref"], DRAFT202012.create_resource(grant)),
        (grant["$id"], DRAFT202012.create_resource(grant))])
    return Draft202012Validator(package, registry=registry)


def test_published_decisions_are_public_with_reasons_and_valid_360giving_data(app, client, panel_round):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["lights"], "Sydenham Society", "LED lamps", "12000", applicant_id="GB-CHC-1234567")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    ids = application_ids(app)
    assert client.get("/rounds/lewisham/grants.json").status_code == 404
    assert "has not published its decisions yet" in text_of(client.get("/rounds/lewisham/decisions"))
    decide_by_two(app, ada, ids, {"LED lamps": ("yes", "11500"), "Play kit": ("no", "")})
    assert client.get("/rounds/lewisham/grants.json").status_code == 404  # decided, not yet published
    assert publish_by_two(app, ada).status_code == 302
    page = text_of(client.get("/rounds/lewisham/decisions"))
    assert "1 grant, £11,500 in all" in page and "Lights came first with residents" in page
    assert "<bdi>Sydenham Society</bdi>, for the need “<bdi>Street lights</bdi>”" in page and "Play kit" in page
    grants = client.get("/rounds/lewisham/grants.json").json
    assert list(validator().iter_errors(grants)) == []
    [grant] = grants["grants"]
    assert grant["amountAwarded"] == 11500 and grant["amountAppliedFor"] == 12000 and grant["currency"] == "GBP"
    assert grant["recipientOrganization"] == [{"id": "GB-CHC-1234567", "name": "Sydenham Society"}]
    assert grant["id"] == f"360G-commonground-lewisham-{ids['LED lamps']}"
    rows = client.get("/rounds/lewisham/decisions.csv").get_data(as_text=True).splitlines()
    assert rows[0].startswith("application,need,need_title,applicant") and len(rows) == 3
    assert ",funded,11500," in rows[1] and ",not funded,," in rows[2]
    again = decide_all(ada, ids, {"LED lamps": ("yes", "12000"), "Play kit": ("no", "")})
    assert again.status_code == 422 and "already published" in text_of(again)


def test_facilitators_name_the_funder_for_the_open_data(app, client, panel_round, make_user, sign_in):
    make_user("facilitator@example.org", "facilitator", "lewisham")
    sign_in()
    wrong = post(client, "/rounds/lewisham/panel/funder", {"funder_name": "Lewisham Fund", "grant_prefix": "lewisham"})
    assert wrong.status_code == 422 and "starts with 360G-" in text_of(wrong)
    assert post(client, "/rounds/lewisham/panel/funder", {
        "funder_name": "Lewisham Fund", "funder_id": "GB-CHC-7654321", "grant_prefix": "360G-lewishamfund"}).status_code == 302
    apply(client, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    decide_by_two(app, client, application_ids(app), {"Play kit": ("yes", "5000")})
    publish_by_two(app, client)
    [grant] = client.get("/rounds/lewisham/grants.json").json["grants"]
    assert grant["fundingOrganization"] == [{"id": "GB-CHC-7654321", "name": "Lewisham Fund"}]
    assert grant["id"].startswith("360G-lewishamfund-lewisham-")


def test_once_published_the_record_is_final(app, panel_round):
    ada = as_member(app, "ada@example.org")
    apply(ada, panel_round["play"], "Kingsmead Parents", "Play kit", "5000")
    kit = application_ids(app)["Play kit"]
    mark(ada, kit, 4, 4, 4)
    decide_by_two(app, ada, {"Play kit": kit}, {"Play kit": ("yes", "5000")})
    publish_by_two(app, ada)
    attempts = (lambda: mark(ada, kit, 1, 1, 1),
                lambda: post(ada, f"/rounds/lewisham/panel/applications/{kit}/conflict", {"reason": "Too late."}),
                lambda: apply(ada, panel_round["lights"], "Late Group", "Late lamps", "100"))
    for attempt in attempts:
        refused = attempt()
        assert refused.status_code == 302
        assert "The decisions are already published." in text_of(ada.get(refused.headers["Location"]))
    with app.app_context():
        [application] = db.session.scalars(db.select(Application)).all()
        assert [sorted(s.sheet.values()) for s in application.scores] == [[4, 4, 4]] and application.conflicts == []


def test_an_imported_budget_round_with_a_need_that_has_no_cost_still_opens_the_panel(app, runner, make_user, make_need):
    slug = runner.invoke(args=["rounds", "import-pabulib", str(Path(__file__).resolve().parents[1] / "data"
                                                           / "pabulib" / "Poland_Swiecie_2023.pb")]).output.split()[-1]
    late = make_need(round_slug=slug, title="A need proposed after the import")  # no cost: budget rules cannot count it
    with app.app_context():  # imported in Results; the panel works in Decide
        db.session.scalar(db.select(Round).filter_by(slug=slug)).phase = "decide"
        db.session.commit()
    make_user("ada@example.org", "panel", slug)
    ada = as_member(app, "ada@example.org")
    post(ada, f"/rounds/{slug}/panel/applications/new",
         {"need": late, "applicant": "Świecie Youth", "title": "Youth club evenings", "amount": "1000"})
    page = ada.get(f"/rounds/{slug}/panel")
    assert page.status_code == 200 and "A need proposed after the import" in text_of(page)
    assert "1 grant suggested, spending" in text_of(page)
