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
# An ONS (GSS) code: the nation's letter, the kind of area in two figures, then six: E09000023, E05013725.
ONS_CODE = re.compile(r"^[EWSNK][0-9]{8}$", re.IGNORECASE)
MAX_LINES = 2000
# 360Giving's geoCodeType for the kinds of area an ONS code names by its first three characters
# (the standard's codelists/geoCodeType.csv).
GEO_CODE_TYPES = {
    "E00": "OA", "E01": "LSOA", "E02": "MSOA", "E04": "PAR", "E05": "WD", "E06": "UA", "E07": "NMD", "E08": "MD",
    "E09": "LONB", "E10": "CTY", "E14": "WPC", "W00": "OA", "W01": "LSOA", "W02": "MSOA", "W05": "WD", "W06": "UA",
    "W07": "WPC", "S00": "OA", "S12": "CA", "S13": "WD", "S14": "WPC", "N06": "WPC",
}


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


def borough(code_or_name: str, by_name_only: bool = False) -> Place | None:
    """The shipped London local authority of that code or name (case and surrounding spaces aside)."""
    wanted = (code_or_name or "").strip().casefold()
    if not wanted:
        return None
    return next((p for p in london_boroughs()
                 if wanted == p.name.casefold() or (not by_name_only and wanted == p.code.casefold())), None)


def borough_named(name: str) -> Place | None:
    return borough(name, by_name_only=True)


def round_code(area: str, given: str, before: str = "") -> str:
    """The code a round's area carries: a shipped London local authority's own, found by its name; otherwise
    the code given, unless it is only the code filled in for the local authority the round named `before`."""
    place = borough_named(area)
    if place is not None:
        return place.code
    earlier = borough_named(before)
    if earlier is not None and given.upper() == earlier.code:
        return ""
    return given.upper()


def geo_code_type(code: str) -> str | None:
    """360Giving's name for the kind of area an ONS code names (LONB, WD...), None when it is not one it lists."""
    return GEO_CODE_TYPES.get(code[:3].upper()) if ONS_CODE.match(code or "") else None


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
