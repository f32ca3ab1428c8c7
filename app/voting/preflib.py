"""Reading PrefLib election files (.soc, .soi, .toc, .toi). Pure Python.

Format: `# KEY: value` header lines, including `# ALTERNATIVE NAME n: name`, then rows
`count: a,b,{c,d}` listing alternatives best first, braces marking ties. A count is a weight:
it is kept as a number, never expanded into rows here.
"""
import re
from dataclasses import dataclass

from app.voting.errors import FileLineError
from app.voting.profiles import Ranking, RankingProfile

DATA_TYPES = ("soc", "soi", "toc", "toi")
ROW = re.compile(r"^\s*([0-9]{1,12})\s*:\s*(.*?)\s*$")
TIER = re.compile(r"\s*(?:\{(?P<tie>[^{}]*)\}|(?P<one>[^,{}]*[^,{}\s]))\s*(?:,|$)")
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
MAX_HEADER = 20_000  # characters in a header line
MAX_VOTERS = 1_000_000
MAX_ID = 64
COUNTS = {"NUMBER ALTERNATIVES": "alternatives", "NUMBER VOTERS": "voters", "NUMBER UNIQUE ORDERS": "orders"}


class PreflibError(FileLineError):
    pass


@dataclass(frozen=True)
class Election:
    title: str
    data_type: str
    alternatives: dict[str, str]
    ballots: tuple[tuple[Ranking, int], ...]

    def profile(self) -> RankingProfile:
        return RankingProfile(tuple(self.alternatives), self.ballots)


def parse(text: str, data_type: str = "") -> Election:
    """`data_type` is the file's extension: a file whose header says otherwise is refused."""
    header, lines, alternatives, ballots, rows, voters = {}, {}, {}, [], [], 0
    for number, line in enumerate(text.splitlines(), start=1):
        if CONTROL.search(line):
            raise PreflibError(number, "a control character (such as NUL) in the line")
        if not line.strip():
            continue
        if line.startswith("#"):
            _header_line(line, number, header, lines, alternatives)
            continue
        if not alternatives:
            raise PreflibError(number, "votes before any '# ALTERNATIVE NAME' line")
        ranking, count = _row(line, number, alternatives)
        voters += count
        if voters > MAX_VOTERS:
            raise PreflibError(number, f"more than {MAX_VOTERS} voters")
        ballots.append((ranking, count))
        rows.append(number)
    kind = _data_type(header, lines, data_type)
    if not ballots:
        raise PreflibError(len(text.splitlines()), "no votes")
    _check_kind(kind, zip(rows, ballots), len(alternatives))
    _check_counts(header, lines, {"alternatives": len(alternatives), "voters": voters, "orders": len(ballots)})
    return Election(header.get("TITLE", ""), kind, alternatives, tuple(ballots))


def _header_line(line: str, number: int, header: dict, lines: dict, alternatives: dict) -> None:
    if len(line) > MAX_HEADER:
        raise PreflibError(number, f"a header line of {len(line)} characters (at most {MAX_HEADER})")
    key, _, value = line[1:].partition(":")
    key, value = key.strip().upper(), value.strip()
    if key.startswith("ALTERNATIVE NAME "):
        alternative = key.removeprefix("ALTERNATIVE NAME ").strip()
        if alternative in alternatives or not alternative or len(alternative) > MAX_ID:
            raise PreflibError(number, f"alternative {alternative[:40]!r} is named twice, or its number is "
                                       "empty or too long")
        alternatives[alternative] = value
    else:
        header[key], lines[key] = value, number


def _data_type(header: dict, lines: dict, extension: str) -> str:
    written, extension = header.get("DATA TYPE", "").lower(), extension.lower()
    if written and extension in DATA_TYPES and written != extension:
        raise PreflibError(lines["DATA TYPE"], f"data type {written!r} in a .{extension} file")
    kind = written or extension
    if kind not in DATA_TYPES:
        raise PreflibError(lines.get("DATA TYPE", 1), f"not an ordinal PrefLib file (data type {kind or 'missing'!r})")
    return kind


def _row(line: str, number: int, alternatives: dict[str, str]) -> tuple[Ranking, int]:
    match = ROW.match(line)
    if not match:
        raise PreflibError(number, f"expected 'count: a,b,{{c,d}}', found {line.strip()[:60]!r}")
    count, body = int(match.group(1)), match.group(2)
    if count == 0:
        raise PreflibError(number, "a count of 0 voters")
    tiers, seen = [], set()
    for members in _tiers(body, number):
        for member in members:
            if member not in alternatives:
                raise PreflibError(number, f"unknown alternative {member[:40]!r}")
            if member in seen:
                raise PreflibError(number, f"alternative {member!r} listed twice")
            seen.add(member)
        tiers.append(members)
    if not tiers:
        raise PreflibError(number, "a vote that ranks nothing")
    return tuple(tiers), count


def _tiers(body: str, number: int):
    position = 0
    while position < len(body):
        match = TIER.match(body, position)
        if not match or (match.group(0).endswith(",") and match.end() == len(body)):
            raise PreflibError(number, f"cannot read the ranking from {body[position:position + 30]!r} "
                                       "(an unclosed '{', a stray brace or an empty place)")
        if match.group("tie") is not None:
            members = tuple(m.strip() for m in match.group("tie").split(","))
            if not all(members):
                raise PreflibError(number, "an empty place inside '{...}'")
            yield members
        else:
            yield (match.group("one").strip(),)
        position = match.end()


def _check_kind(kind: str, numbered_ballots, alternatives: int) -> None:
    """Strict orders (.soc, .soi) have no ties; complete ones (.soc, .toc) rank every alternative."""
    for number, (ranking, _) in numbered_ballots:
        if kind.startswith("s") and any(len(tier) > 1 for tier in ranking):
            raise PreflibError(number, f"a tie in a strict (.{kind}) file")
        if kind.endswith("c") and sum(len(tier) for tier in ranking) != alternatives:
            raise PreflibError(number, f"a vote that does not rank every alternative in a complete (.{kind}) file")


def _check_counts(header: dict, lines: dict, found: dict[str, int]) -> None:
    for key, what in COUNTS.items():
        if key not in header:
            continue
        written = header[key]
        if not written.isascii() or not written.isdigit() or int(written) != found[what]:
            raise PreflibError(lines[key], f"{key} says {written[:40]!r} but the file has {found[what]} {what}; "
                                           "is it complete?")
