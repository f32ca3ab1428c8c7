"""Postcode checks for eligibility. Pure Python.

A round lists the postcode beginnings it serves ("SE4 SE6 SE13", or a whole area such as "SE").
For a UK postcode only its outward code counts (SE13 in "SE13 6AB"), so SE1 does not admit SE13;
other postcodes are matched by their beginning.
"""
import re

_UK = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)([0-9][A-Z]{2})$")


def normalise(typed: str) -> str:
    return "".join((typed or "").split()).upper()


def prefixes(*listed: str) -> list[str]:
    """The beginnings as checked, from the round's list or from text typed with spaces or commas."""
    return [normalise(p) for text in listed for p in re.split(r"[\s,;]+", text or "") if p.strip()]


def outward(postcode: str) -> str:
    """The part of the postcode a round checks, and the part the app keeps."""
    code = normalise(postcode)
    match = _UK.match(code)
    return match.group(1) if match else code


def fits(postcode: str, allowed: list[str]) -> bool:
    code = normalise(postcode)
    district = outward(code)
    uk = bool(_UK.match(code)) or bool(re.fullmatch(r"[A-Z]{1,2}[0-9][A-Z0-9]?", code))
    for prefix in allowed:
        if not uk and code.startswith(prefix):
            return True
        if district == prefix:
            return True
        if prefix.isalpha() and district.startswith(prefix) and district[len(prefix):len(prefix) + 1].isdigit():
            return True
    return False
