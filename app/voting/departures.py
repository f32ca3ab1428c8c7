"""Where the panel's decisions depart from the suggested grants, and so owe their own reason. Pure Python.

The suggestion (app.voting.grants) follows the community's ranking and the panel's marks. The panel may
decide otherwise, but each departure is explained on its own and marked as one in public: funding an
application the suggestion leaves out, or declining one it funds.
"""
from enum import StrEnum


class Departure(StrEnum):
    FUNDED_OUTSIDE = "funded-outside"  # funded, though the suggestion does not fund it
    DECLINED_INSIDE = "declined-inside"  # declined, though the suggestion funds it


def departure(funded: bool, suggested: bool) -> Departure | None:
    if funded and not suggested:
        return Departure.FUNDED_OUTSIDE
    if suggested and not funded:
        return Departure.DECLINED_INSIDE
    return None


def departures(funded: dict[str, bool], suggested: set[str] | None) -> dict[str, Departure]:
    """Each decided application that departs from the suggested set; none when there is no suggestion
    (a round without a budget, or without marks to suggest from)."""
    if suggested is None:
        return {}
    found = {key: departure(is_funded, key in suggested) for key, is_funded in funded.items()}
    return {key: code for key, code in found.items() if code is not None}


def unexplained(found: dict[str, Departure], reasons: dict[str, str]) -> list[str]:
    """The departures that come without a reason of their own, in the order given."""
    return [key for key in found if not reasons.get(key, "").strip()]
