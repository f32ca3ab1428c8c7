"""Reading Pabulib participatory-budgeting files (pabulib.org/format). Pure Python.

A file has three sections, META, PROJECTS and VOTES, each a `;`-separated table under a
header row. Money is read exactly, as fractions of the decimals written (no floats).
"""
import csv
import io
import re
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from app.voting.budget_rules import BUDGET_RULES
from app.voting.errors import FileLineError

SECTIONS = ("META", "PROJECTS", "VOTES")
VOTE_TYPES = ("approval", "choose-1", "cumulative", "ordinal", "scoring")
# Pabulib's `rule` names the rule the city used; `unknown` is written when it is not known.
RULES = (*BUDGET_RULES, "unknown")
WHOLE_KEYS = ("num_projects", "num_votes", "min_length", "max_length", "min_points", "max_points",
              "min_sum_points", "max_sum_points", "min_project_score_threshold")
WHOLE = re.compile(r"[0-9]{1,12}")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_FIELD = 20_000  # characters; the longest field in the real files is about 1,100
MAX_AMOUNT, MAX_DECIMALS = 10 ** 14, 4
MAX_WHOLE = 10 ** 9
MAX_ID = 64
CURRENCY = re.compile(r"[A-Z]{3}")
MAX_VOTES = 1_000_000


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
    tables, last = _sections(text)
    meta, meta_lines = _meta(tables["META"])
    _check_meta(meta, meta_lines, tables["META"][0][0])
    projects = _projects(tables["PROJECTS"])
    votes = _votes(tables["VOTES"], projects, meta["vote_type"])
    _check_counts(meta, meta_lines, len(projects), len(votes), last)
    return Election(meta, projects, votes)


def _sections(text: str) -> tuple[dict[str, list[tuple[int, list[str]]]], int]:
    tables: dict[str, list[tuple[int, list[str]]]] = {}
    control = CONTROL.search(text)
    if control:
        raise PabulibError(text.count("\n", 0, control.start()) + 1, "a control character (such as NUL) in a field")
    section, reader = None, csv.reader(text.splitlines(), delimiter=";")
    try:
        for row in reader:
            number = reader.line_num
            if not row or not any(cell.strip() for cell in row):
                continue
            if (longest := max(map(len, row))) > MAX_FIELD:
                raise PabulibError(number, f"a field of {longest} characters (at most {MAX_FIELD})")
            heading = row[0].strip().upper()
            if len(row) == 1 and heading in SECTIONS:
                if heading in tables:
                    raise PabulibError(number, f"a second {heading} section")
                section = heading
                tables[section] = []
                continue
            if section is None:
                raise PabulibError(number, "expected a META, PROJECTS or VOTES section first")
            tables[section].append((number, [cell.strip() for cell in row]))
    except csv.Error as error:  # a field longer than the csv module reads, or an unreadable quote
        raise PabulibError(reader.line_num or 1, f"unreadable row ({error})") from error
    for name in SECTIONS:
        if name not in tables or not tables[name]:
            raise PabulibError(reader.line_num or 1, f"the {name} section is missing or empty")
    return tables, reader.line_num


def _meta(table) -> tuple[dict[str, str], dict[str, int]]:
    meta, lines = {}, {}
    for number, row in table[1:]:
        if row[0] in meta:
            raise PabulibError(number, f"META key {row[0]!r} given twice")
        meta[row[0]], lines[row[0]] = (row[1] if len(row) > 1 else ""), number
    return meta, lines


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
        project = record.get("project_id", "")
        if not project or project in projects or len(project) > MAX_ID:
            raise PabulibError(number, f"project id {project[:40]!r} is empty, too long or given twice")
        _check_amount("cost", record.get("cost", ""), number, f" of project {project[:40]!r}")
        projects[project] = record
    return projects


def exact_number(text: str) -> Fraction | None:
    """A decimal as written, exactly: "1716138.17" is 171613817/100. Not a number: None."""
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return Fraction(value) if value.is_finite() else None


def _check_amount(name: str, text: str, number: int, owner: str = "") -> None:
    # Bounded so that an amount in its smallest unit fits the database's 64-bit integers. The
    # range is checked on the Decimal, before an exact fraction of 1e999999999 is ever made.
    try:
        value = Decimal(text)
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite() or value < 0:
        raise PabulibError(number, f"{name} {text[:40]!r}{owner} is not a number")
    if (value > MAX_AMOUNT or value.as_tuple().exponent < -MAX_FIELD
            or (Fraction(value) * 10 ** MAX_DECIMALS).denominator != 1):
        raise PabulibError(number, f"{name} {text[:40]!r}{owner} is out of range (at most {MAX_AMOUNT}, "
                                   f"with {MAX_DECIMALS} decimals at most)")


def _votes(table, projects, vote_type: str) -> tuple[Vote, ...]:
    header_line, header, rows = _rows(table)
    if "vote" not in header:
        raise PabulibError(header_line, "VOTES needs a vote column")
    if len(rows) > MAX_VOTES:
        raise PabulibError(rows[MAX_VOTES][0], f"more than {MAX_VOTES} votes")
    voter_at, vote_at = header.index("voter_id") if "voter_id" in header else None, header.index("vote")
    points_at = header.index("points") if "points" in header else None
    votes, voters = [], set()
    for number, row in rows:
        voter = row[voter_at] if voter_at is not None and voter_at < len(row) else str(number)
        if voter in voters:
            raise PabulibError(number, f"voter {voter[:40]!r} votes twice")
        voters.add(voter)
        chosen = _chosen(row[vote_at] if vote_at < len(row) else "", projects, vote_type, number)
        points = None
        if points_at is not None and points_at < len(row) and row[points_at]:
            points = _points(row[points_at], len(chosen), number)
        votes.append(Vote(voter, chosen, points))
    return tuple(votes)


def _chosen(text: str, projects, vote_type: str, number: int) -> tuple[str, ...]:
    chosen = tuple(p.strip() for p in text.split(",") if p.strip())
    for project in chosen:
        if project not in projects:
            raise PabulibError(number, f"a vote for unknown project {project[:40]!r}")
    if len(set(chosen)) != len(chosen):
        raise PabulibError(number, "a vote names the same project twice")
    if vote_type == "choose-1" and len(chosen) > 1:
        raise PabulibError(number, f"a choose-1 vote for {len(chosen)} projects")
    return chosen


def _points(text: str, count: int, number: int) -> tuple[int, ...]:
    texts = [p.strip() for p in text.split(",")]
    if not all(WHOLE.fullmatch(t) and int(t) <= MAX_WHOLE for t in texts) or len(texts) != count:
        raise PabulibError(number, "points must be whole numbers from 0 to "
                                   f"{MAX_WHOLE}, one for each project voted for")
    return tuple(int(t) for t in texts)


def _check_meta(meta, lines, header_line) -> None:
    for key in ("budget", "vote_type"):
        if key not in meta:
            raise PabulibError(header_line, f"META has no {key}")
    _check_amount("budget", meta["budget"], lines["budget"])
    if meta["vote_type"] not in VOTE_TYPES:
        raise PabulibError(lines["vote_type"],
                           f"unknown vote type {meta['vote_type']!r}; known: {', '.join(VOTE_TYPES)}")
    if meta.get("rule") and meta["rule"] not in RULES:
        raise PabulibError(lines["rule"], f"unknown rule {meta['rule'][:40]!r}; known: {', '.join(RULES)}")
    if meta.get("currency") and not CURRENCY.fullmatch(meta["currency"]):
        raise PabulibError(lines["currency"], f"currency {meta['currency'][:40]!r} is not a three-letter code")
    for key in WHOLE_KEYS:
        value = meta.get(key)
        if value and not (WHOLE.fullmatch(value) and int(value) <= MAX_WHOLE):
            raise PabulibError(lines[key], f"{key} {value[:40]!r} is not a whole number from 0 to {MAX_WHOLE}")


def _check_counts(meta, lines, projects: int, votes: int, last: int) -> None:
    """The counts META declares must match the file: a file cut short, or edited, says otherwise."""
    for key, found, what in (("num_projects", projects, "projects"), ("num_votes", votes, "votes")):
        if meta.get(key) and int(meta[key]) != found:
            raise PabulibError(lines[key], f"{key} says {meta[key]} but the file has {found} {what} "
                                           f"(up to line {last}); is it complete?")


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
