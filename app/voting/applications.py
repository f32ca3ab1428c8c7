"""Groups' own applications for grants: when a round takes them, what a complete one holds, who is eligible,
and which status an applicant sees. Pure Python.

A group applies online against one of the round's needs, saves a draft and comes back through an emailed link,
then submits. The panel's yes/no eligibility questions decide, on submission, whether it is eligible; the panel
then marks it (under review) and its published decision makes it funded or declined.
"""
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from enum import StrEnum

from app.rounds.phases import Action, Phase

# A group may come back to its draft for weeks, and to its status page until the decisions are out.
LINK_LIFETIME = timedelta(days=180)
TITLE_MAX = 140
PLAN_MAX = 5000
TEXT_MAX = 2000
PLACE_MAX = 200
QUESTION_MAX = 300


class ApplicationStatus(StrEnum):
    """Draft, submitted, eligible and ineligible are stored; the rest follow from marks and decisions."""

    DRAFT = "draft"
    SUBMITTED = "submitted"  # no eligibility questions to check against (or a paper application)
    ELIGIBLE = "eligible"
    INELIGIBLE = "ineligible"
    UNDER_REVIEW = "under-review"  # a panel member has marked it, or the panel has decided and not published
    FUNDED = "funded"
    DECLINED = "declined"


# What the panel reads and decides: never a draft, and not an application its own questions screened out.
SEEN_BY_PANEL = frozenset({ApplicationStatus.SUBMITTED, ApplicationStatus.ELIGIBLE})


class Window(StrEnum):
    """When the public form takes applications: in the Decide phase (the default), from now, or not at all."""

    DECIDE = "decide"
    OPEN = "open"
    CLOSED = "closed"


def accepting(window: Window, phase: Phase, published: bool) -> bool:
    """Whether groups may start, change and submit applications: never once decisions are published, nor in
    a phase that takes no applications; from the Decide phase on unless the panel opened them earlier."""
    if published or window == Window.CLOSED or not phase.allows(Action.ENTER_APPLICATION):
        return False
    return window == Window.OPEN or phase == Phase.DECIDE


@dataclass(frozen=True)
class Question:
    id: int
    required: bool  # the answer an eligible group gives


def failed(questions: list[Question], answers: dict[int, bool]) -> list[int]:
    """The questions answered otherwise than the panel requires, in the panel's order."""
    return [q.id for q in questions if q.id in answers and answers[q.id] != q.required]


def unanswered(questions: list[Question], answers: dict[int, bool]) -> list[int]:
    return [q.id for q in questions if q.id not in answers]


def on_submission(questions: list[Question], answers: dict[int, bool]) -> ApplicationStatus:
    if not questions:
        return ApplicationStatus.SUBMITTED
    return ApplicationStatus.INELIGIBLE if failed(questions, answers) else ApplicationStatus.ELIGIBLE


def shown(stored: ApplicationStatus, marked: bool, funded: bool | None, published: bool) -> ApplicationStatus:
    """The status the applicant sees. `funded` is the panel's decision (None before it decides), which
    counts only once the panel has published it."""
    if stored not in SEEN_BY_PANEL:
        return stored
    if published and funded is not None:
        return ApplicationStatus.FUNDED if funded else ApplicationStatus.DECLINED
    if marked or funded is not None:
        return ApplicationStatus.UNDER_REVIEW
    return stored


@dataclass(frozen=True)
class Draft:
    """What a group has typed so far; the amount in stored money units, None when not given."""

    applicant: str = ""
    unregistered: bool = False
    applicant_id: str = ""
    contact_email: str = ""
    title: str = ""
    amount: int | None = None
    plan: str = ""
    beneficiaries: str = ""
    location: str = ""


REQUIRED_TEXT = ("applicant", "contact_email", "title", "plan", "beneficiaries", "location")


def missing(draft: Draft) -> list[str]:
    """The fields a submitted application must have, by name, in the form's order; empty when complete."""
    found = [name for name in REQUIRED_TEXT if not getattr(draft, name).strip()]
    if not draft.unregistered and not draft.applicant_id.strip():
        found.insert(1, "applicant_id")
    if draft.amount is None:
        found.append("amount")
    return found


def over_budget(amount: int | None, budget: int | None) -> bool:
    """More than the round's whole budget, which no panel could grant."""
    return amount is not None and budget is not None and amount > budget


class IdRefusal(StrEnum):
    CHARITY = "charity"  # GB-CHC- and 6 or 7 digits
    COMPANY = "company"  # GB-COH- and 8 characters: digits, or two letters and six digits
    SCOTTISH = "scottish"  # GB-SC-SC and 6 digits
    NORTHERN_IRISH = "northern-irish"  # GB-NIC- and 5 or 6 digits
    THREE_SIXTY = "360giving"  # 360G- and letters, digits and dashes
    UNKNOWN = "unknown"  # none of the registers a community group is found in


ID_FORMATS = {
    "GB-CHC-": (IdRefusal.CHARITY, r"\d{6,7}"),
    "GB-COH-": (IdRefusal.COMPANY, r"(\d{8}|[A-Z]{2}\d{6})"),
    "GB-SC-": (IdRefusal.SCOTTISH, r"SC\d{6}"),
    "GB-NIC-": (IdRefusal.NORTHERN_IRISH, r"\d{5,6}"),
    "360G-": (IdRefusal.THREE_SIXTY, r"[A-Za-z0-9]+(-[A-Za-z0-9]+)*"),
}


def normal_id(text: str) -> str:
    """An identifier as 360Giving writes it: no spaces, the register's code in capitals (a 360G- identifier
    keeps the case its funder gave it)."""
    found = re.sub(r"\s+", "", text)
    if found.upper().startswith("360G-"):
        return "360G-" + found[5:]
    return found.upper()


def id_refusal(text: str) -> IdRefusal | None:
    """Why an organisation identifier is not one of the 360Giving identifiers a group may have; None if it is.
    The number after the register's code is checked as GrantNav's data quality checks read it."""
    found = normal_id(text)
    for prefix, (refusal, number) in ID_FORMATS.items():
        if found.startswith(prefix):
            return None if re.fullmatch(number, found[len(prefix):]) else refusal
    return IdRefusal.UNKNOWN


def link_expired(issued_at: datetime, now: datetime) -> bool:
    return now - issued_at > LINK_LIFETIME or issued_at > now
