"""Reading Pabulib files: every real file parses, and support per vote type matches the file's own columns."""
from fractions import Fraction
from pathlib import Path

import pytest

from app.voting.pabulib import PabulibError, parse, support, voters_per_project

PABULIB = Path(__file__).resolve().parents[1] / "data" / "pabulib"
FILES = sorted(PABULIB.glob("*.pb"))


def read(path: Path):
    return parse(path.read_text(encoding="utf-8"))


def test_the_real_files_are_there():
    assert len(FILES) == 24, f"expected the 24 Pabulib files in tests/data/pabulib, found {len(FILES)}"


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_projects_voter_count_matches_the_files_votes_column(path):
    election = read(path)
    counted = voters_per_project(election)
    published = {p: int(row["votes"]) for p, row in election.projects.items() if row.get("votes")}
    assert published and {p: counted[p] for p in published} == published
    assert int(election.meta["num_votes"]) == len(election.votes)


SCORED = [p for p in FILES if "score" in p.read_text(encoding="utf-8")[:4000].split("PROJECTS")[-1].splitlines()[1]]


@pytest.mark.parametrize("path", SCORED, ids=lambda p: p.stem)
def test_support_matches_the_files_score_column(path):
    election = read(path)
    ours = support(election)
    published = {p: Fraction(row["score"]) for p, row in election.projects.items()}
    differences = {p: ours[p] - published[p] for p in published if ours[p] != published[p]}
    if path.stem == "Switzerland_Zurich_S5R":
        # One voter ranked a single project. With k = max_length (5) its first place is worth 5
        # points; the published score counts it as 1 (the ballot's own length): 4 points apart.
        (short,) = [v for v in election.votes if len(v.projects) < int(election.meta["max_length"])]
        assert differences == {short.projects[0]: int(election.meta["max_length"]) - len(short.projects)}
    else:
        assert differences == {}


def test_money_is_read_exactly():
    election = parse("META\nkey;value\nbudget;1716138.17\nvote_type;approval\nPROJECTS\nproject_id;cost\n"
                     "1;4000.0\n2;1000.10\nVOTES\nvoter_id;vote\n1;1,2\n")
    assert election.budget == Fraction(171613817, 100)
    assert election.cost("1") == 4000 and election.cost("2") == Fraction(10001, 10)


@pytest.mark.parametrize("text,reason", [
    ("META\nkey;value\nbudget;10\nvote_type;approval\nVOTES\nvoter_id;vote\n1;1\n", "the PROJECTS section is missing"),
    ("META\nkey;value\nbudget;10\nvote_type;rankedish\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n1;1\n",
     "line 4: unknown vote type 'rankedish'"),
    ("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;five\nVOTES\nvoter_id;vote\n1;1\n",
     "line 7: cost 'five' of project '1' is not a number"),
    ("META\nkey;value\nbudget;10\nvote_type;approval\nPROJECTS\nproject_id;cost\n1;5\nVOTES\nvoter_id;vote\n1;1\n2;1,9\n",
     "line 11: a vote for unknown project '9'"),
    ("budget;10\n", "line 1: expected a META, PROJECTS or VOTES section first"),
])
def test_bad_files_are_refused_with_the_line_and_the_reason(text, reason):
    with pytest.raises(PabulibError) as refused:
        parse(text)
    assert reason in str(refused.value)
