"""The panel's published decisions as open data: a 360Giving package of the grants, and a CSV of
every decision. Plain functions over the stored rows; the routes are in app/opendata."""
from flask import url_for

from app.models import Application, Round
from app.money import json_number
from app.panel import services
from app.progress.services import progress_of
from app.register.areas import geo_code_type

DEFAULT_PREFIX = "360G-commonground"
DECISION_FIELDS = ("application", "need", "need_title", "applicant", "title", "asked", "decision", "awarded",
                   "reason", "departure", "departure_reason", "mean_mark", "members_marking", "conflicts_declared")


def _prefix(round_: Round) -> str:
    return round_.grant_prefix or DEFAULT_PREFIX


def grant(round_: Round, application: Application) -> dict:
    """One funded application as a 360Giving grant."""
    prefix = _prefix(round_)
    decision = application.decision
    record = {
        "id": f"{prefix}-{round_.slug}-{application.id}",
        "title": application.title,
        "description": application.description or application.title,
        "currency": round_.currency,
        "amountAppliedFor": json_number(round_.amount(application.amount)),
        "amountAwarded": json_number(round_.amount(decision.amount)),
        # A full date-time: a bare date matches both of the schema's oneOf branches when formats are not checked.
        "awardDate": round_.decisions_published_at.isoformat(timespec="seconds"),
        "dateModified": decision.decided_at.isoformat(timespec="seconds"),
        "recipientOrganization": [{"id": application.applicant_id or f"{prefix}-applicant-{application.id}",
                                   "name": application.applicant,
                                   **({"location": [{"name": application.recipient_location.name}]}
                                      if application.recipient_location else {})}],
        "fundingOrganization": funders(round_, decision),
        "grantProgramme": [{"code": round_.slug, "title": round_.title,
                            "url": url_for("rounds.show", slug=round_.slug, _external=True)}],
        "classifications": [{"vocabulary": "Commonground need", "code": application.need.public_id,
                             "title": application.need.title}],
        "dataSource": url_for("grants.decisions", slug=round_.slug, _external=True),
    }
    places = beneficiary_locations(round_, application.need)
    if places:
        record["beneficiaryLocation"] = places
    # Additional fields (360Giving allows them): the register's address of the need the grant meets,
    # and what each co-funder pays of it.
    record["meetsNeeds"] = [need_url(application.need)]
    record["progress"] = progress(decision)
    if decision.shares:
        record["fundingShares"] = [{"id": _org_id(share.organisation, prefix), "name": share.organisation.name,
                                    "amount": json_number(round_.amount(share.amount))} for share in decision.shares]
    return record


def _location(name: str, code: str) -> dict:
    kind = geo_code_type(code) if code else None
    return {"name": name, **({"geoCode": code} if code else {}), **({"geoCodeType": kind} if kind else {})}


def beneficiary_locations(round_: Round, need) -> list[dict]:
    """Where the grant's beneficiaries are: the need's own area (a ward, say), then the round's, each with its
    code where it has one, so a grant names a place as the need and the round do."""
    same = bool(need.area) and need.area.strip().casefold() == (round_.area or "").strip().casefold()
    places = [_location(need.area, need.area_code or (round_.area_code if same else ""))] if need.area else []
    if round_.area and not same:
        places.append(_location(round_.area, round_.area_code))
    return places


def progress(decision) -> dict:
    """The additional field that follows the grant after it is made: its state, how much is done,
    when the funder marked it complete, and the group's reports, oldest first."""
    found = progress_of(decision)
    return {"status": found.state.value, "percentDone": found.percent,
            "completedAt": found.completed_at.isoformat(timespec="seconds") if found.completed_at else None,
            "updates": [{"date": u.posted_at.isoformat(timespec="seconds"), "milestone": u.milestone,
                         "percentDone": u.percent, "description": u.body, "language": u.language}
                        for u in found.updates]}


def need_url(need) -> str:
    return url_for("needs.show", slug=need.round.slug, need_id=need.id, _external=True)


def _org_id(organisation, prefix: str) -> str:
    return organisation.org_id or f"{prefix}-org-{organisation.id}"


def funders(round_: Round, decision) -> list[dict]:
    """Every funder paying towards the grant: its co-funders by their shares; without them, the organisation
    running the round, else the funder named for open data."""
    prefix = _prefix(round_)
    if decision.shares:
        return [{"id": _org_id(s.organisation, prefix), "name": s.organisation.name} for s in decision.shares]
    if round_.organisation is not None:
        return [{"id": _org_id(round_.organisation, prefix), "name": round_.organisation.name}]
    return [{"id": round_.funder_id or f"{prefix}-funder", "name": round_.funder_name or round_.title}]


def package(round_: Round) -> dict | None:
    """The 360Giving package of the round's grants; None before publication or when nothing was funded
    (a package holds at least one grant)."""
    funded = [a for a in services.applications(round_) if a.decision and a.decision.funded]
    if round_.decisions_published_at is None or not funded:
        return None
    return {"version": "1.4", "title": round_.title, "issued": round_.decisions_published_at.isoformat(),
            "grants": [grant(round_, application) for application in funded]}


def decision_records(round_: Round, apps: list[Application]) -> list[dict]:
    proposals = {p.id: p for p in services.proposals(round_, apps)}
    records = []
    for application in apps:
        proposal, decision = proposals[str(application.id)], application.decision
        records.append({
            "application": str(application.id), "need": application.need.public_id,
            "need_title": application.need.title, "applicant": application.applicant, "title": application.title,
            "asked": json_number(round_.amount(application.amount)),
            "decision": "funded" if decision and decision.funded else "not funded",
            "awarded": json_number(round_.amount(decision.amount)) if decision and decision.funded else None,
            "reason": decision.reason if decision else "",
            "departure": decision.departure.value if decision and decision.departure else None,
            "departure_reason": decision.departure_reason if decision else "",
            "mean_mark": round(float(proposal.score), 2) if proposal.score is not None else None,
            "members_marking": proposal.marked_by, "conflicts_declared": len(application.conflicts),
        })
    return records
