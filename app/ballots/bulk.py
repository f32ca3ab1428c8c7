"""A round, its counted needs and its ballots read through the database driver itself (sqlite3 or
psycopg), in three statements, for `flask rounds tally`: without SQLAlchemy and the models, whose
import and mapping were most of the command's start-up. No Flask, no SQLAlchemy.

It reads what app/ballots/tally.py reads through the ORM (counted_needs, ballot_contents); the tally
commands' tests run it on both databases against the same published results.
"""
from dataclasses import dataclass

from app.needs.status import NeedStatus
from app.voting.ballot_content import BallotKind
from app.voting.feasibility import Verdict

_ROUND = ('SELECT id, slug, ballot_kind, budget, money_scale, max_choices, support_threshold, tie_break, rule '
          'FROM "round" WHERE slug = ?')
_NEEDS = ("SELECT id, external_id, cost FROM need WHERE (round_id = ? OR id IN "
          "(SELECT need_id FROM need_carry WHERE round_id = ?)) AND status = ? AND feasibility <> ? ORDER BY id")
# Every ballot's text in one value: a city's ballots as one string instead of a row object each (half
# the time). JSON text holds no raw control character, so the record separator splits them safely.
_SEPARATOR = "\x1e"
_BALLOTS = {"sqlite": "SELECT group_concat(content, ?) FROM ballot WHERE round_id = ?",
            "postgresql": "SELECT string_agg(content, ?) FROM ballot WHERE round_id = ?"}


@dataclass(frozen=True)
class StoredRound:
    """The settings a count depends on, as the Round model names them."""

    id: int
    slug: str
    ballot_kind: BallotKind
    budget: int | None
    money_scale: int
    max_choices: int | None
    support_threshold: int | None
    tie_break: str
    rule: str


@dataclass(frozen=True)
class StoredNeed:
    id: int
    public_id: str
    cost: int | None


def _sqlite(connection) -> bool:
    return type(connection).__module__.startswith("sqlite3")


def _execute(connection, statement: str, parameters: tuple):
    """sqlite3 takes ? for parameters, psycopg %s."""
    if not _sqlite(connection):
        statement = statement.replace("?", "%s")
    return connection.execute(statement, parameters)


def read_round(connection, slug: str) -> StoredRound | None:
    row = _execute(connection, _ROUND, (slug,)).fetchone()
    if row is None:
        return None
    id_, slug, kind, *rest = row
    return StoredRound(id_, slug, BallotKind(kind), *rest)


def counted_needs(connection, round_: StoredRound) -> list[StoredNeed]:
    """The needs on the ballot, as tally.counted_needs reads them: open, not found not feasible, and
    those carried on from the round since."""
    rows = _execute(connection, _NEEDS, (round_.id, round_.id, NeedStatus.OPEN.value, Verdict.NOT_FEASIBLE.value))
    return [StoredNeed(id_, external or str(id_), cost) for id_, external, cost in rows.fetchall()]


def ballot_contents(connection, round_: StoredRound) -> list[str]:
    """The text of every ballot of the round, in no particular order."""
    statement = _BALLOTS["sqlite" if _sqlite(connection) else "postgresql"]
    joined = _execute(connection, statement, (_SEPARATOR, round_.id)).fetchone()[0]
    return joined.split(_SEPARATOR) if joined else []
