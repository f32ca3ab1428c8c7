"""`flask rounds import-preflib`, `flask rounds tally` and results.json, as CONTRACT.md describes them."""
import json
from pathlib import Path

import pytest

from app.extensions import db
from app.models import Ballot, Need, Round

PREFLIB = Path(__file__).resolve().parents[1] / "data" / "preflib"


def import_file(runner, name, *extra):
    result = runner.invoke(args=["rounds", "import-preflib", str(PREFLIB / name), *extra])
    assert result.exit_code == 0, result.output
    return result.output.strip().splitlines()[-1]


def tally(runner, *args):
    result = runner.invoke(args=["rounds", "tally", *args])
    return result.exit_code, result.stdout, result.stderr


@pytest.mark.parametrize("name,rule,winner", [
    ("00002-00000001.soi", "schulze", "3"), ("00002-00000006.toc", "schulze", "1"), ("00016-00000002.toi", "irv", "4")])
def test_an_imported_election_tallies_to_its_real_winner(runner, name, rule, winner):
    slug = import_file(runner, name)
    code, out, _ = tally(runner, slug, "--rule", rule)
    outcome = json.loads(out)
    assert code == 0 and outcome["ranking"][0] == winner
    assert set(outcome) == {"round", "rule", "tie_break", "budget", "spent", "selected", "ranking", "scores", "ties"}
    assert outcome["round"] == slug and outcome["rule"] == rule and outcome["selected"] == []
    assert all(isinstance(key, str) for key in outcome["scores"])


def test_an_import_keeps_the_files_ids_names_and_every_voter(runner, app):
    slug = import_file(runner, "00016-00000002.toi", "--slug", "aspen")
    assert slug == "aspen"
    with app.app_context():
        round_ = db.session.scalar(db.select(Round).filter_by(slug="aspen"))
        needs = {n.external_id: n.title for n in db.session.scalars(db.select(Need).filter_by(round_id=round_.id))}
        voters = db.session.scalar(db.select(db.func.count(Ballot.id)).filter_by(round_id=round_.id))
    assert needs["4"] == "Mick Ireland" and len(needs) == 5 and voters == 2527


def test_the_round_rule_is_used_unless_another_is_named(runner):
    slug = import_file(runner, "00002-00000006.toc")
    assert json.loads(tally(runner, slug)[1])["rule"] == "schulze"
    assert json.loads(tally(runner, slug, "--rule", "borda")[1])["rule"] == "borda"


@pytest.mark.parametrize("args,reason", [
    (["nowhere"], "no round with slug 'nowhere'"),
    (["{slug}", "--rule", "points"], "cannot count ranking ballots"),
    (["{slug}", "--rule", "majority-judgment"], "unknown rule"),
    (["{slug}", "--tie-break", "coin"], "unknown tie-break 'coin'"),
])
def test_what_cannot_be_tallied_exits_non_zero_with_one_line_on_stderr(runner, args, reason):
    slug = import_file(runner, "00002-00000001.soi")
    code, out, err = tally(runner, *[a.format(slug=slug) for a in args])
    assert code != 0 and out == "" and reason in err and len(err.strip().splitlines()) == 1


def test_a_bad_file_is_refused_with_its_line_and_leaves_nothing_behind(runner, app, tmp_path):
    bad = tmp_path / "bad.soc"
    bad.write_text("# DATA TYPE: soc\n# ALTERNATIVE NAME 1: A\n# ALTERNATIVE NAME 2: B\n3: 1,2\n2: 2,7\n")
    result = runner.invoke(args=["rounds", "import-preflib", str(bad)])
    assert result.exit_code != 0 and "line 5: unknown alternative '7'" in result.stderr
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Round.id))) == 0


def test_results_json_is_404_until_results_are_published(runner, client, make_round):
    make_round(slug="open", phase="rank")
    assert client.get("/rounds/open/results.json").status_code == 404
    slug = import_file(runner, "00002-00000001.soi")
    published = client.get(f"/rounds/{slug}/results.json")
    assert published.status_code == 200 and published.get_json()["ranking"][0] == "3"


def test_an_import_onto_a_slug_already_in_use_is_refused(runner, make_round):
    make_round(slug="taken")
    result = runner.invoke(args=["rounds", "import-preflib", str(PREFLIB / "00002-00000001.soi"), "--slug", "taken"])
    assert result.exit_code != 0 and "a round with slug 'taken' already exists" in result.stderr
