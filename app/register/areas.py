"""Places with codes: the London local authorities shipped with the app (ONS codes, no network needed),
and a round's own wards or neighbourhoods read from a CSV of name,code lines. Pure Python."""
import csv
import io
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

DATA = Path(__file__).with_name("data")
CODE = re.compile(r"^[A-Za-z0-9]{1,16}$")
MAX_LINES = 2000


@dataclass(frozen=True)
class Place:
    name: str
    code: str


class Refusal(StrEnum):
    EMPTY = "empty"
    COLUMNS = "columns"  # not exactly a name and a code
    NO_NAME = "no-name"
    LONG_NAME = "long-name"
    BAD_CODE = "bad-code"
    REPEATED_CODE = "repeated-code"
    TOO_MANY = "too-many"


class WardsRefused(ValueError):
    def __init__(self, line: int, refusal: Refusal):
        super().__init__(f"line {line}: {refusal.value}")
        self.line, self.refusal = line, refusal


@cache
def london_boroughs() -> tuple[Place, ...]:
    """The 33 London local authorities (32 boroughs and the City of London), E09000001 to E09000033."""
    with (DATA / "london_boroughs.csv").open(encoding="utf-8") as handle:
        return tuple(Place(row["name"], row["code"]) for row in csv.DictReader(handle))


def borough(code_or_name: str) -> Place | None:
    wanted = code_or_name.strip().casefold()
    return next((p for p in london_boroughs() if wanted in (p.code.casefold(), p.name.casefold())), None)


def read_wards(text: str) -> list[Place]:
    """name,code lines (a name,code header line is allowed); the first wrong line refuses the whole file."""
    rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    numbered = [(n, row) for n, row in enumerate(rows, 1) if any(cell.strip() for cell in row)]
    if numbered and [c.strip().casefold() for c in numbered[0][1]] == ["name", "code"]:
        numbered = numbered[1:]
    if not numbered:
        raise WardsRefused(1, Refusal.EMPTY)
    places, seen = [], set()
    for line, row in numbered:
        if line > MAX_LINES:
            raise WardsRefused(line, Refusal.TOO_MANY)
        if len(row) != 2:
            raise WardsRefused(line, Refusal.COLUMNS)
        name, code = row[0].strip(), row[1].strip()
        if not name:
            raise WardsRefused(line, Refusal.NO_NAME)
        if len(name) > 120:
            raise WardsRefused(line, Refusal.LONG_NAME)
        if not CODE.match(code):
            raise WardsRefused(line, Refusal.BAD_CODE)
        if code.upper() in seen:
            raise WardsRefused(line, Refusal.REPEATED_CODE)
        seen.add(code.upper())
        places.append(Place(name, code.upper()))
    return places
