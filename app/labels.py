"""Turns the codes of the domain (phases, categories, statuses, reasons) into words."""
from flask_babel import lazy_gettext as _l

from app.i18n import language_name
from app.models.report import ReportReason
from app.rounds.phases import Phase

PHASES = {
    Phase.PROPOSE: _l("Propose"),
    Phase.DISCUSS: _l("Discuss"),
    Phase.RANK: _l("Rank"),
    Phase.DECIDE: _l("Decide"),
    Phase.RESULTS: _l("Results"),
}

PHASE_HINTS = {
    Phase.PROPOSE: _l("Residents post the needs they see where they live."),
    Phase.DISCUSS: _l("Residents comment on and support needs; duplicates are merged."),
    Phase.RANK: _l("Residents rank the needs that matter most."),
    Phase.DECIDE: _l("The funder panel turns the ranked needs into decisions."),
    Phase.RESULTS: _l("Results and decisions are public for everyone to review."),
}

CATEGORIES = {
    "housing": _l("Housing"),
    "streets": _l("Streets and pavements"),
    "transport": _l("Transport"),
    "green-spaces": _l("Parks and green spaces"),
    "safety": _l("Safety"),
    "health": _l("Health and wellbeing"),
    "children-young-people": _l("Children and young people"),
    "older-people": _l("Older people"),
    "community-spaces": _l("Community spaces"),
    "environment": _l("Environment and climate"),
    "work-skills": _l("Work and skills"),
    "culture": _l("Arts and culture"),
    "other": _l("Something else"),
}

REPORT_REASONS = {
    ReportReason.SPAM: _l("Spam or advertising"),
    ReportReason.OFFENSIVE: _l("Offensive or abusive"),
    ReportReason.PERSONAL: _l("Shares someone's personal information"),
    ReportReason.DUPLICATE: _l("Duplicate of another need"),
    ReportReason.OTHER: _l("Something else"),
}

SORTS = {
    "newest": _l("Newest"),
    "supported": _l("Most supported"),
    "discussed": _l("Most discussed"),
}


def phase(code) -> str:
    return str(PHASES[Phase(code)])


def phase_hint(code) -> str:
    return str(PHASE_HINTS[Phase(code)])


def category(code: str) -> str:
    return str(CATEGORIES.get(code, code))


def report_reason(code) -> str:
    return str(REPORT_REASONS[ReportReason(code)])


def language(code: str) -> str:
    return language_name(code)
