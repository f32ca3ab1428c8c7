"""The 360Giving data quality checks GrantNav applies, run on grants before they are published. Pure Python.

Each finding is a warning, not a refusal: the panel can publish anyway, but each one says what to fix.
Organisation identifiers are checked against the registers' own number formats: a charity in England
and Wales has 6 or 7 digits (GB-CHC-1234567), in Scotland SC and 6 digits (GB-SC-SC012345), in Northern
Ireland 6 digits (GB-NIC-100002); a company has 8 characters, digits or two letters and 6 digits,
leading zeros kept (GB-COH-01234567, GB-COH-SC123456).
"""
import re
from dataclasses import dataclass
from enum import StrEnum

LONGEST_TITLE = 140
CHARITY_NUMBERS = {"GB-CHC-": re.compile(r"\d{6,7}"), "GB-SC-": re.compile(r"SC\d{6}"),
                   "GB-NIC-": re.compile(r"\d{6}")}
COMPANY_NUMBER = re.compile(r"(\d{8}|[A-Z]{2}\d{6})")
EMAIL_LIKE = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+")


class Check(StrEnum):
    CHARITY_NUMBER = "charity-number"
    COMPANY_NUMBER = "company-number"
    TITLE_TOO_LONG = "title-too-long"
    TITLE_IS_DESCRIPTION = "title-is-description"
    NO_RECIPIENT_LOCATION = "no-recipient-location"
    NO_BENEFICIARY_LOCATION = "no-beneficiary-location"
    EMAIL_IN_TEXT = "email-in-text"


@dataclass(frozen=True)
class GrantText:
    """What a grant will publish, as the checks read it."""

    id: str
    title: str
    description: str
    recipient_id: str
    recipient_location: str
    beneficiary_location: str


def identifier_problem(org_id: str) -> Check | None:
    """Whether a charity or company identifier breaks its register's number format."""
    for prefix, number in CHARITY_NUMBERS.items():
        if org_id.upper().startswith(prefix):
            return None if number.fullmatch(org_id[len(prefix):].upper()) else Check.CHARITY_NUMBER
    if org_id.upper().startswith("GB-COH-"):
        return None if COMPANY_NUMBER.fullmatch(org_id[len("GB-COH-"):].upper()) else Check.COMPANY_NUMBER
    return None


def check(grant: GrantText) -> list[Check]:
    """Every warning for one grant, in a fixed order."""
    found = []
    if problem := identifier_problem(grant.recipient_id.strip()):
        found.append(problem)
    if len(grant.title) > LONGEST_TITLE:
        found.append(Check.TITLE_TOO_LONG)
    if grant.description.strip() and grant.title.strip().casefold() == grant.description.strip().casefold():
        found.append(Check.TITLE_IS_DESCRIPTION)
    if not grant.recipient_location.strip():
        found.append(Check.NO_RECIPIENT_LOCATION)
    if not grant.beneficiary_location.strip():
        found.append(Check.NO_BENEFICIARY_LOCATION)
    if EMAIL_LIKE.search(grant.title) or EMAIL_LIKE.search(grant.description):
        found.append(Check.EMAIL_IN_TEXT)
    return found


def check_all(grants: list[GrantText]) -> dict[str, list[Check]]:
    """The grants with warnings, each with its own; grants without any are left out."""
    return {grant.id: found for grant in grants if (found := check(grant))}
