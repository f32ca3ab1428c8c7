"""Reading PrefLib election files (.soc, .soi, .toc, .toi). Pure Python.

Format: `# KEY: value` header lines, including `# ALTERNATIVE NAME n: name`, then rows
`count: a,b,{c,d}` listing alternatives best first, braces marking ties.
"""
import re
from dataclasses import dataclass

from app.voting.errors import FileLineError
from app.voting.profiles import Ranking, RankingProfile

ROW = re.compile(r"^\s*(\d+)\s*:\s*(.*?)\s*$")


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
    header, alternatives, ballots = {}, {}, []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        if line.startswith("#"):
            key, _, value = line[1:].partition(":")
            key, value = key.strip().upper(), value.strip()
            if key.startswith("ALTERNATIVE NAME "):
                alternatives[key.removeprefix("ALTERNATIVE NAME ").strip()] = value
            else:
                header[key] = value
            continue
        if not alternatives:
            raise PreflibError(number, "votes before any '# ALTERNATIVE NAME' line")
        ballots.append(_row(line, number, alternatives))
    data_type = (header.get("DATA TYPE") or data_type).lower()
    if data_type not in ("soc", "soi", "toc", "toi"):
        raise PreflibError(1, f"not an ordinal PrefLib file (data type {data_type or 'missing'!r})")
    if not ballots:
        raise PreflibError(len(text.splitlines()), "no votes")
    return Election(header.get("TITLE", ""), data_type, alternatives, tuple(ballots))


def _row(line: str, number: int, alternatives: dict[str, str]) -> tuple[Ranking, int]:
    match = ROW.match(line)
    if not match:
        raise PreflibError(number, f"expected 'count: a,b,{{c,d}}', found {line.strip()[:60]!r}")
    count, body = int(match.group(1)), match.group(2)
    tiers, seen = [], set()
    for tier_text in re.findall(r"\{[^}]*\}|[^,{}]+", body):
        members = tuple(m.strip() for m in tier_text.strip("{}").split(",") if m.strip())
        for member in members:
            if member not in alternatives:
                raise PreflibError(number, f"unknown alternative {member!r}")
            if member in seen:
                raise PreflibError(number, f"alternative {member!r} listed twice")
            seen.add(member)
        if members:
            tiers.append(members)
    if not tiers:
        raise PreflibError(number, "a vote that ranks nothing")
    return tuple(tiers), count
