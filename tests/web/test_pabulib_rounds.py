"""`flask rounds import-pabulib`, `tally` with budget rules, `export-pabulib` and /export.pb (CONTRACT.md)."""
import json
from fractions import Fraction
from pathlib import Path

import pytest
from pabutools.election import Cost_Sat, parse_pabulib
from pabutools.rules import greedy_utilitarian_welfare
from pabutools.tiebreaking import lexico_tie_breaking

from app.extensions import db
from app.models import Ballot, Need, Round
from app.voting import pabulib

PABULIB = Path(__file__).resolve().parents[1] / "data" / "pabulib"


def import_file(runner, path, *extra):
    result = runner.invoke(args=["rounds", "import-pabulib", str(path), *extra])
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def tally(runner, *args):
    result = runner.invoke(args=["rounds", "tally", *args])
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def export(runner, slug):
    result = runner.invoke(args=["rounds", "export-pabulib", slug])
    assert result.exit_code == 0, result.stderr
    return result.stdout


def funded(name):
    election = pabulib.parse((PABULIB / name).read_text(encoding="utf-8"))
    return {p for p, row in election.projects.items() if row["selected"] in ("1", "2")}


@pytest.mark.parametrize("name", ["Poland_Wieliczka_2023_Green_Budget.pb", "Poland_Katowice_2023_Srodmiescie.pb",
                                  "Poland_Krakow_2025_Stare_Miasto.pb", "Poland_Wroclaw_2018_Rejon_nr_9_250.pb"])
def test_an_imported_city_tallies_to_what_the_city_funded(runner, name):
    slug = import_file(runner, PABULIB / name)
    outcome = tally(runner, slug)
    assert set(outcome["selected"]) == funded(name)
    assert 0 < outcome["spent"] <= outcome["budget"]
    assert all(isinstance(need, str) for need in outcome["selected"])


def test_an_import_keeps_names_costs_language_currency_and_every_voter(runner, app):
    slug = import_file(runner, PABULIB / "Poland_Krakow_2025_Stare_Miasto.pb", "--slug", "krakow-stare-miasto")
    assert slug == "krakow-stare-miasto"
    with app.app_context():
        round_ = db.session.scalar(db.select(Round).filter_by(slug=slug))
        needs = {n.external_id: n for n in db.session.scalars(db.select(Need).filter_by(round_id=round_.id))}
        voters = db.session.scalar(db.select(db.func.count(Ballot.id)).filter_by(round_id=round_.id))
        assert (round_.language, round_.currency, round_.ballot_kind.value) == ("pl", "PLN", "ranking")
        assert str(round_.amount(round_.budget)) == "1716138.17"  # grosze kept exactly
        assert voters == 1882 and len(needs) == 22
        assert all(n.title and n.cost for n in needs.values())
    assert tally(runner, slug)["budget"] == 1716138.17


def test_a_budget_rule_can_be_named_and_tie_breaks_apply(runner):
    slug = import_file(runner, PABULIB / "Netherlands_Assen_2024.pb")
    shares = tally(runner, slug)
    greedy = tally(runner, slug, "--rule", "greedy", "--tie-break", "max-cost")
    assert shares["rule"] == "equalshares/add1" and set(shares["selected"]) == funded("Netherlands_Assen_2024.pb")
    assert greedy["rule"] == "greedy" and greedy["tie_break"] == "max-cost"
    assert set(greedy["selected"]) != set(shares["selected"])
    assert tally(runner, slug, "--rule", "phragmen")["selected"]


@pytest.mark.parametrize("name", ["Netherlands_Assen_2024.pb", "Switzerland_Zurich_D10.pb",
                                  "Switzerland_Zurich_S5R.pb", "Poland_Wroclaw_2018_Rejon_nr_9_250.pb"])
def test_an_exported_round_reads_back_to_the_same_tally_here_and_in_pabutools(runner, tmp_path, name):
    slug = import_file(runner, PABULIB / name)
    original = tally(runner, slug, "--rule", "greedy")
    text = export(runner, slug)
    path = tmp_path / "exported.pb"
    path.write_text(text, encoding="utf-8")
    again = import_file(runner, path)
    assert tally(runner, again, "--rule", "greedy")["selected"] == original["selected"]
    assert tally(runner, again)["selected"] == tally(runner, slug)["selected"]
    instance, profile = parse_pabulib(str(path))
    assert profile.num_ballots() == len(pabulib.parse(text).votes)
    if pabulib.parse(text).vote_type == "approval":
        theirs = greedy_utilitarian_welfare(instance, profile, sat_class=Cost_Sat, tie_breaking=lexico_tie_breaking)
        assert {p.name for p in theirs} == set(original["selected"])


def test_an_export_numbers_voters_without_linking_them_and_keeps_the_meta(runner):
    slug = import_file(runner, PABULIB / "Netherlands_Assen_2024.pb")
    election = pabulib.parse(export(runner, slug))
    assert [v.voter_id for v in election.votes] == [str(n) for n in range(1, 85)]
    assert election.meta["currency"] == "EUR" and election.meta["rule"] == "equalshares/add1"
    assert election.budget == Fraction(100000)
    source = pabulib.parse((PABULIB / "Netherlands_Assen_2024.pb").read_text(encoding="utf-8"))
    assert sorted(v.projects for v in election.votes) == sorted(v.projects for v in source.votes)


BAD_FILES = {
    "no votes section": ("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;50\n",
                         "line", "VOTES section is missing"),
    "unknown vote type": ("META\nkey;value\nbudget;100\nvote_type;majority\nPROJECTS\nproject_id;cost\n1;50\n"
                          "VOTES\nvoter_id;vote\n1;1\n", "line 4", "unknown vote type 'majority'"),
    "cost not a number": ("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;fifty\n"
                          "VOTES\nvoter_id;vote\n1;1\n", "line 7", "cost 'fifty'"),
    "vote for an unknown project": ("META\nkey;value\nbudget;100\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
                                    "1;50\nVOTES\nvoter_id;vote\n1;1\n2;1,9\n", "line 11", "unknown project '9'"),
}


@pytest.mark.parametrize("case", BAD_FILES)
def test_a_bad_file_is_refused_with_its_line_and_nothing_stays(runner, app, tmp_path, case):
    text, line, reason = BAD_FILES[case]
    path = tmp_path / "bad.pb"
    path.write_text(text, encoding="utf-8")
    with app.app_context():
        before = db.session.scalar(db.select(db.func.count(Round.id)))
    result = runner.invoke(args=["rounds", "import-pabulib", str(path)])
    assert result.exit_code != 0
    assert line in result.stderr and reason in result.stderr and len(result.stderr.strip().splitlines()) == 1
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Round.id))) == before


def test_the_export_url_waits_for_published_results(runner, client, app):
    slug = import_file(runner, PABULIB / "Netherlands_Assen_2024.pb")
    response = client.get(f"/rounds/{slug}/export.pb")
    assert response.status_code == 200 and response.mimetype == "text/plain"
    assert f'filename="{slug}.pb"' in response.headers["Content-Disposition"]
    assert pabulib.parse(response.get_data(as_text=True)).meta["num_votes"] == "84"
    with app.app_context():
        db.session.scalar(db.select(Round).filter_by(slug=slug)).phase = "rank"
        db.session.commit()
    assert client.get(f"/rounds/{slug}/export.pb").status_code == 404


def test_the_results_page_says_why_each_need_was_or_was_not_funded(runner, client, app):
    slug = import_file(runner, PABULIB / "Netherlands_Assen_2024.pb", "--slug", "assen")
    page = client.get(f"/rounds/{slug}/results").get_data(as_text=True)
    outcome = tally(runner, slug)
    with app.app_context():
        round_ = db.session.scalar(db.select(Round).filter_by(slug=slug))
        names = {n.external_id: n.title for n in db.session.scalars(db.select(Need).filter_by(round_id=round_.id))}
    assert f"{len(outcome['selected'])} needs funded, spending €76,700 of €100,000." in page
    assert page.count("Funded: its ") == len(outcome["selected"])
    assert page.count("Not funded: its supporters had ") == len(names) - len(outcome["selected"])
    assert names[outcome["selected"][0]] in page
    assert "Compare counting rules" not in page  # residents do not get the what-if link


def test_a_facilitator_compares_rules_on_the_same_ballots(runner, client, app, make_user, sign_in):
    slug = import_file(runner, PABULIB / "Netherlands_Assen_2024.pb", "--slug", "assen")
    url = f"/rounds/{slug}/results/compare?rule=greedy&rule=equalshares/add1&rule=phragmen"
    assert client.get(url).status_code == 302  # not signed in
    make_user("facilitator@example.org", role="facilitator")
    sign_in("facilitator@example.org")
    page = client.get(url).get_data(as_text=True)
    greedy, shares = tally(runner, slug, "--rule", "greedy"), tally(runner, slug)
    assert "Voters with at least one funded need they voted for" in page
    for outcome in (greedy, shares):
        assert f"<td>{len(outcome['selected'])}</td>" in page
    assert "€76,700 / €100,000" in page and "phragmen" in page


def test_a_round_from_lodz_gets_a_readable_slug():
    from app.rounds.services import slugify

    assert slugify("Municipal PB in Łódź") == "municipal-pb-in-lodz"
    assert slugify("Straße, Ærø") == "strasse-aero"


def test_a_need_without_a_cost_in_a_budget_round_gives_a_ranking_not_an_error(app, client, runner, make_need):
    slug = runner.invoke(args=["rounds", "import-pabulib", str(PABULIB / "Poland_Swiecie_2023.pb")]).output.split()[-1]
    make_need(round_slug=slug, title="A need proposed after the import")
    page = client.get(f"/rounds/{slug}/results")
    assert page.status_code == 200 and "Some needs have no cost yet" in page.get_data(as_text=True)
    assert client.get(f"/rounds/{slug}/results.json").json["rule"] == "approval"
    refused = runner.invoke(args=["rounds", "tally", slug])
    assert refused.exit_code != 0 and "a cost for every need" in refused.output
