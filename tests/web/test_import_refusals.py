"""Malformed Pabulib and PrefLib files, each a small change to a real one, are refused by the import commands
with the line and the reason on one line, quickly, leaving no round, need or ballot behind."""
import time
from pathlib import Path

import pytest

from app.extensions import db
from app.models import Ballot, Need, Round
from app.voting import preflib

DATA = Path(__file__).resolve().parents[1] / "data"
ASSEN, KRAKOW = DATA / "pabulib" / "Netherlands_Assen_2024.pb", DATA / "pabulib" / "Poland_Krakow_2025_Stare_Miasto.pb"
POZNAN = DATA / "pabulib" / "Poland_Poznan_2025_9_-_Stare_Miasto__large.pb"
GRABOWKA = DATA / "pabulib" / "Poland_Czestochowa_2024_Grabowka.pb"
DEBIAN, TOC = DATA / "preflib" / "00002-00000001.soi", DATA / "preflib" / "00002-00000006.toc"
SOC, TOI = DATA / "preflib" / "00004-00000006.soc", DATA / "preflib" / "00016-00000002.toi"


def lines_of(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def at(lines: list[str], start: str, after: int = 0) -> int:
    """The number (from 1) of the first line from index `after` on that starts with `start`."""
    return next(i for i, line in enumerate(lines) if i >= after and line.startswith(start)) + 1


def first_vote(lines: list[str]) -> int:
    return at(lines, "VOTES") + 2


def first_row(lines: list[str]) -> int:
    return next(i for i, line in enumerate(lines) if line[:1].isdigit()) + 1


def edit(path: Path, find, change):
    """The file with one line changed: `find(lines)` gives its number, `change(line)` its new text."""
    lines = lines_of(path)
    number = find(lines)
    lines[number - 1] = change(lines[number - 1])
    return "\n".join(lines) + "\n", number


def set_key(path: Path, key: str, value: str):
    return edit(path, lambda lines: at(lines, f"{key};"), lambda line: f"{key};{value}")


def set_header(path: Path, key: str, value: str):
    return edit(path, lambda lines: at(lines, f"# {key}:"), lambda line: f"# {key}: {value}")


def set_cell(path: Path, find, column: int, value: str):
    def change(line):
        cells = line.split(";")
        cells[column] = value
        return ";".join(cells)
    return edit(path, find, change)


def below(made):
    """For an edit that added a line below the one it changed: that added line is the wrong one."""
    text, number = made
    return text, number + 1


def truncated(path: Path, keep: int):
    lines = lines_of(path)
    return "\n".join(lines[:first_vote(lines) - 1 + keep]) + "\n", at(lines, "num_votes;")


def duplicate_voter(path: Path):
    lines = lines_of(path)
    number = first_vote(lines) + 1
    lines[number - 1] = lines[number - 2].split(";")[0] + ";" + lines[number - 1].split(";", 1)[1]
    return "\n".join(lines) + "\n", number


def not_utf8(path: Path):
    text, number = edit(path, lambda lines: first_vote(lines) + 3, lambda line: line + "\udce9")
    return text.encode("utf-8", "surrogateescape"), number


def preflib_rows_dropped(path: Path, count: int):
    lines = lines_of(path)
    return "\n".join(lines[:-count]) + "\n", at(lines, "# NUMBER VOTERS:")


def huge_count(path: Path):
    text, number = edit(path, first_row, lambda line: "99999999999:" + line.split(":", 1)[1])
    voters = sum(int(line.split(":")[0]) for line in text.splitlines() if line[:1].isdigit())
    return text.replace("# NUMBER VOTERS: 475", f"# NUMBER VOTERS: {voters}"), number


PABULIB_CASES = {
    "truncated after 9 of 84 votes": (ASSEN, lambda: truncated(ASSEN, 9), "num_votes says 84 but the file has 9"),
    "a voter_id used twice": (ASSEN, lambda: duplicate_voter(ASSEN), "votes twice"),
    "num_votes too high": (ASSEN, lambda: set_key(ASSEN, "num_votes", "85"), "num_votes says 85"),
    "num_votes too low": (ASSEN, lambda: set_key(ASSEN, "num_votes", "83"), "num_votes says 83"),
    "num_votes not a number": (ASSEN, lambda: set_key(ASSEN, "num_votes", "eighty"), "not a whole number"),
    "num_projects wrong": (ASSEN, lambda: set_key(ASSEN, "num_projects", "15"), "num_projects says 15"),
    "rule dictator": (ASSEN, lambda: set_key(ASSEN, "rule", "dictator"), "unknown rule 'dictator'"),
    "vote type unknown": (ASSEN, lambda: set_key(ASSEN, "vote_type", "majority"), "unknown vote type 'majority'"),
    "a META key twice": (ASSEN, lambda: below(set_key(ASSEN, "currency", "EUR\ncurrency;PLN")), "given twice"),
    "budget of 10^40": (ASSEN, lambda: set_key(ASSEN, "budget", "1" + "0" * 40), "out of range"),
    "budget of 1e999999999": (ASSEN, lambda: set_key(ASSEN, "budget", "1e999999999"), "out of range"),
    "budget Infinity": (ASSEN, lambda: set_key(ASSEN, "budget", "Infinity"), "is not a number"),
    "currency not a code": (ASSEN, lambda: set_key(ASSEN, "currency", "EURO"), "not a three-letter code"),
    "cost of 10^40": (ASSEN, lambda: set_cell(ASSEN, lambda ls: at(ls, "3;"), 1, "1" + "0" * 40), "out of range"),
    "cost with 30 decimals": (ASSEN, lambda: set_cell(ASSEN, lambda ls: at(ls, "3;"), 1, "1e-30"), "out of range"),
    "cost of 1e-999999999": (ASSEN, lambda: set_cell(ASSEN, lambda ls: at(ls, "3;"), 1, "1e-999999999"),
                             "out of range"),
    "cost negative": (ASSEN, lambda: set_cell(ASSEN, lambda ls: at(ls, "3;"), 1, "-7200"), "is not a number"),
    "a 2 MB field": (ASSEN, lambda: set_cell(ASSEN, lambda ls: at(ls, "3;"), 3, "x" * 2_000_000), "field"),
    "a 50 kB field": (ASSEN, lambda: set_cell(ASSEN, lambda ls: at(ls, "3;"), 5, "y" * 50_000), "a field of 50000"),
    "a NUL byte in a name": (ASSEN, lambda: set_cell(ASSEN, lambda ls: at(ls, "3;"), 3, "Pop\x00Up"), "control"),
    "a project id twice": (ASSEN, lambda: set_cell(ASSEN, lambda ls: at(ls, "9;"), 0, "3"), "given twice"),
    "a project id of 100 characters": (ASSEN, lambda: set_cell(ASSEN, lambda ls: at(ls, "9;"), 0, "9" * 100),
                                       "too long"),
    "a vote for one project twice": (ASSEN, lambda: set_cell(ASSEN, first_vote, 1, "3,3"), "same project twice"),
    "a vote for an unknown project": (ASSEN, lambda: set_cell(ASSEN, first_vote, 1, "1,99"), "unknown project '99'"),
    "a second VOTES section": (ASSEN, lambda: below(edit(ASSEN, len, lambda line: line + "\nVOTES")),
                               "a second VOTES section"),
    "not UTF-8": (ASSEN, lambda: not_utf8(ASSEN), "not UTF-8"),
    "max_length 99999999999": (KRAKOW, lambda: set_key(KRAKOW, "max_length", "99999999999"), "not a whole number"),
    "two projects in a choose-1 vote": (POZNAN, lambda: set_cell(POZNAN, first_vote, 1, "RD-IX.1,RD-IX.2"), "choose-1 vote"),
    "points written as ²": (GRABOWKA, lambda: set_cell(GRABOWKA, first_vote, 2, "²"), "points must be whole"),
    "points 99999999999": (GRABOWKA, lambda: set_cell(GRABOWKA, first_vote, 2, "99999999999"), "points must be"),
    "points negative": (GRABOWKA, lambda: set_cell(GRABOWKA, first_vote, 2, "-5"), "points must be whole"),
}
PREFLIB_CASES = {
    "truncated soi": (DEBIAN, lambda: preflib_rows_dropped(DEBIAN, 10), "NUMBER VOTERS says '475'"),
    "NUMBER VOTERS wrong": (DEBIAN, lambda: set_header(DEBIAN, "NUMBER VOTERS", "476"), "NUMBER VOTERS says '476'"),
    "NUMBER ALTERNATIVES wrong": (DEBIAN, lambda: set_header(DEBIAN, "NUMBER ALTERNATIVES", "5"),
                                  "NUMBER ALTERNATIVES says '5'"),
    "NUMBER UNIQUE ORDERS wrong": (DEBIAN, lambda: set_header(DEBIAN, "NUMBER UNIQUE ORDERS", "40"),
                                   "NUMBER UNIQUE ORDERS says '40'"),
    "a tie in a strict soi": (DEBIAN, lambda: edit(DEBIAN, first_row, lambda line: "60: {3,1},2,4"), "a tie in a strict"),
    "a tie in a strict soc": (SOC, lambda: edit(SOC, first_row, lambda line: line.split(":")[0] + ": {1,2},3"),
                              "a tie in a strict"),
    "an incomplete soc vote": (SOC, lambda: edit(SOC, first_row, lambda line: line.split(":")[0] + ": 1,2"),
                               "does not rank every alternative"),
    "an unclosed brace": (TOC, lambda: edit(TOC, lambda ls: next(i for i, l in enumerate(ls) if "{" in l) + 1,
                                            lambda line: line.replace("}", "", 1)), "an unclosed '{'"),
    "a stray closing brace": (TOI, lambda: edit(TOI, first_row, lambda line: line + "}"), "a stray brace"),
    "an empty tie": (TOI, lambda: edit(TOI, first_row, lambda line: line + ",{}"), "an empty place"),
    "a count of 99999999999": (DEBIAN, lambda: huge_count(DEBIAN), "more than 1000000 voters"),
    "a count of 0": (DEBIAN, lambda: edit(DEBIAN, first_row, lambda line: "0:" + line.split(":", 1)[1]), "count of 0"),
    "a count written as ²": (DEBIAN, lambda: edit(DEBIAN, first_row, lambda line: "²:" + line.split(":", 1)[1]),
                             "expected 'count: a,b,{c,d}'"),
    "an unknown alternative": (DEBIAN, lambda: edit(DEBIAN, first_row, lambda line: "60: 3,1,2,9"),
                               "unknown alternative '9'"),
    "an alternative named twice": (DEBIAN, lambda: below(set_header(DEBIAN, "ALTERNATIVE NAME 4", "x\n# ALTERNATIVE NAME 3: y")),
                                   "named twice"),
    "a NUL byte in a name": (DEBIAN, lambda: set_header(DEBIAN, "ALTERNATIVE NAME 1", "Bran\x00den"), "control"),
    "a 2 MB name": (DEBIAN, lambda: set_header(DEBIAN, "ALTERNATIVE NAME 1", "B" * 2_000_000), "a header line of"),
    "a data type the extension contradicts": (DEBIAN, lambda: set_header(DEBIAN, "DATA TYPE", "toc"),
                                              "data type 'toc' in a .soi file"),
}


def counts(app):
    with app.app_context():
        return [db.session.scalar(db.select(db.func.count()).select_from(m)) for m in (Round, Need, Ballot)]


def refused(runner, app, tmp_path, command, source, make, reason):
    text, line = make()
    path = tmp_path / f"bad{source.suffix}"
    (path.write_bytes if isinstance(text, bytes) else lambda t: path.write_text(t, encoding="utf-8"))(text)
    before = counts(app)
    started = time.perf_counter()
    result = runner.invoke(args=["rounds", command, str(path)])
    elapsed = time.perf_counter() - started
    assert result.exit_code != 0, result.output
    assert len(result.stderr.strip().splitlines()) == 1 and "Traceback" not in result.output
    assert f"line {line}: " in result.stderr and reason in result.stderr, result.stderr
    # A guard against an input that makes the reader hang (a cost of 1e-999999999, a 2 MB field), not a
    # timing: it refuses in well under a second on an idle machine, and a loaded CI runner must not fail it.
    assert elapsed < 30, f"{elapsed:.1f} s to refuse"
    assert counts(app) == before


@pytest.mark.parametrize("case", PABULIB_CASES)
def test_a_malformed_pabulib_file_is_refused_with_its_line_and_reason(runner, app, tmp_path, case):
    source, make, reason = PABULIB_CASES[case]
    refused(runner, app, tmp_path, "import-pabulib", source, make, reason)


@pytest.mark.parametrize("case", PREFLIB_CASES)
def test_a_malformed_preflib_file_is_refused_with_its_line_and_reason(runner, app, tmp_path, case):
    source, make, reason = PREFLIB_CASES[case]
    refused(runner, app, tmp_path, "import-preflib", source, make, reason)


REAL_PREFLIB = sorted((DATA / "preflib").glob("*.*"))


@pytest.mark.parametrize("path", [p for p in REAL_PREFLIB if p.suffix in (".soc", ".soi", ".toc", ".toi")],
                         ids=lambda p: p.name)
def test_every_real_preflib_file_still_reads(path):
    election = preflib.parse(path.read_text(encoding="utf-8"), path.suffix[1:])
    assert sum(count for _, count in election.ballots) > 0
