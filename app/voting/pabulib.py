"""Reading Pabulib participatory-budgeting files (pabulib.org/format). Pure Python.

A file has three sections, META, PROJECTS and VOTES, each a `;`-separated table under a
header row. Money is read exactly, as fractions of the decimals written (no floats).
"""
import csv
import io
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from app.voting.errors import FileLineError

SECTIONS = ("META", "PROJECTS", "VOTES")
VOTE_TYPES = ("approval", "choose-1", "cumulative", "ordinal", "scoring")


class PabulibError(FileLineError):
    pass


@dataclass(frozen=True)
class Vote:
    voter_id: str
    projects: tuple[str, ...]
    points: tuple[int, ...] | None = None


@dataclass(frozen=True)
class Election:
    meta: dict[str, str]
    projects: dict[str, dict[str, str]]
    votes: tuple[Vote, ...]

    @property
    def vote_type(self) -> str:
        return self.meta["vote_type"]

    @property
    def budget(self) -> Fraction:
        return exact_number(self.meta["budget"])

    def cost(self, project: str) -> Fraction:
        return exact_number(self.projects[project]["cost"])


def parse(text: str) -> Election:
    tables: dict[str, list[tuple[int, list[str]]]] = {}
    section = None
    for number, row in enumerate(csv.reader(text.splitlines(), delimiter=";"), start=1):
        if not row or not any(cell.strip() for cell in row):
            continue
        heading = row[0].strip().upper()
        if len(row) == 1 and heading in SECTIONS:
            section = heading
            tables[section] = []
            continue
        if section is None:
            raise PabulibError(number, "expected a META, PROJECTS or VOTES section first")
        tables[section].append((number, [cell.strip() for cell in row]))
    for name in SECTIONS:
        if name not in tables or not tables[name]:
            raise PabulibError(number if tables else 1, f"the {name} section is missing or empty")
    meta = {row[0]: (row[1] if len(row) > 1 else "") for _, row in tables["META"][1:]}
    projects = _projects(tables["PROJECTS"])
    votes = _votes(tables["VOTES"], projects, meta)
    _check_meta(meta, tables["META"][0][0])
    return Election(meta, projects, votes)


def _rows(table):
    (header_line, header), rows = table[0], table[1:]
    return header_line, header, rows


def _projects(table) -> dict[str, dict[str, str]]:
    header_line, header, rows = _rows(table)
    if "project_id" not in header or "cost" not in header:
        raise PabulibError(header_line, "PROJECTS needs project_id and cost columns")
    projects = {}
    for number, row in rows:
        record = dict(zip(header, row))
        cost = exact_number(record.get("cost", ""))
        if cost is None or cost < 0:
            raise PabulibError(number, f"cost {record.get('cost')!r} of project {record.get('project_id')!r} "
                                       "is not a number")
        projects[record["project_id"]] = record
    return projects


def exact_number(text: str) -> Fraction | None:
    """A decimal as written, exactly: "1716138.17" is 171613817/100. Not a number: None."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return Fraction(value) if value.is_finite() else None


def _votes(table, projects, meta) -> tuple[Vote, ...]:
    header_line, header, rows = _rows(table)
    if "vote" not in header:
        raise PabulibError(header_line, "VOTES needs a vote column")
    voter_at, vote_at = header.index("voter_id") if "voter_id" in header else None, header.index("vote")
    points_at = header.index("points") if "points" in header else None
    votes = []
    for number, row in rows:
        chosen = tuple(p.strip() for p in row[vote_at].split(",") if p.strip()) if vote_at < len(row) else ()
        for project in chosen:
            if project not in projects:
                raise PabulibError(number, f"a vote for unknown project {project!r}")
        points = None
        if points_at is not None and points_at < len(row) and row[points_at]:
            texts = [p.strip() for p in row[points_at].split(",")]
            if not all(t.lstrip("-").isdigit() for t in texts) or len(texts) != len(chosen):
                raise PabulibError(number, "points must be whole numbers, one for each project voted for")
            points = tuple(int(t) for t in texts)
        votes.append(Vote(row[voter_at] if voter_at is not None else str(number), chosen, points))
    return tuple(votes)


def _check_meta(meta, line) -> None:
    for key in ("budget", "vote_type"):
        if key not in meta:
            raise PabulibError(line, f"META has no {key}")
    if exact_number(meta["budget"]) is None:
        raise PabulibError(line, f"budget {meta['budget']!r} is not a number")
    if meta["vote_type"] not in VOTE_TYPES:
        raise PabulibError(line, f"unknown vote type {meta['vote_type']!r}; known: {', '.join(VOTE_TYPES)}")


def voters_per_project(election: Election) -> Counter:
    """How many voters named each project: Pabulib's `votes` column."""
    count = Counter({p: 0 for p in election.projects})
    for vote in election.votes:
        count.update(vote.projects)
    return count


def support(election: Election) -> Counter:
    """Each project's support as the vote type scores it: Pabulib's `score` column where it has one.

    Approval and choose-1: the number of voters. Cumulative and scoring: the points given.
    Ordinal: positional points k, k-1, ..., down each ballot, with k = META max_length; a file
    without max_length scores each ballot from its own length (L, L-1, ..., 1), which is how
    such files' published scores are made.
    """
    kind = election.vote_type
    if kind in ("approval", "choose-1"):
        return voters_per_project(election)
    total = Counter({p: 0 for p in election.projects})
    if kind in ("cumulative", "scoring"):
        for vote in election.votes:
            for project, points in zip(vote.projects, vote.points or (1,) * len(vote.projects)):
                total[project] += points
        return total
    max_length = election.meta.get("max_length")
    for vote in election.votes:
        k = int(max_length) if max_length else len(vote.projects)
        for position, project in enumerate(vote.projects):
            total[project] += k - position
    return total


def write(meta: dict[str, str], projects: list[dict[str, str]], votes: list[dict[str, str]]) -> str:
    """A Pabulib file: META, then PROJECTS and VOTES with the columns of their first rows."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\n")
    writer.writerow(["META"])
    writer.writerow(["key", "value"])
    writer.writerows(meta.items())
    for name, rows in (("PROJECTS", projects), ("VOTES", votes)):
        writer.writerow([name])
        columns = list(rows[0]) if rows else ["project_id", "cost"] if name == "PROJECTS" else ["voter_id", "vote"]
        writer.writerow(columns)
        writer.writerows([row.get(c, "") for c in columns] for row in rows)
    return out.getvalue()


def as_decimal(amount: Fraction) -> Decimal:
    """A sum of money as a Decimal: exact for amounts written in decimals, as money is."""
    return Decimal(amount.numerator) / Decimal(amount.denominator)


def decimal_text(amount: Fraction) -> str:
    """An exact decimal amount as Pabulib writes it: 1716138.17, 24186815."""
    return format(as_decimal(amount).normalize(), "f")
