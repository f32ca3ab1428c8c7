"""The API's other lists: rounds, published grants, organisations and areas. Each list's records function
reads its filters, asks app/register/lists for one page and writes it as the schema in app/register/openapi
says; the JSON views page through it, and app/register/csv_lists writes every page as CSV."""
from flask import current_app, jsonify, request, url_for

from app.money import json_number
from app.panel.open_data import DEFAULT_PREFIX, need_url
from app.register import lists
from app.register.api_args import after, choice, next_link, since
from app.rounds.phases import Phase
from app.web import today
from app.voting.cofunding import payers


def _per_page() -> int:
    return current_app.config.get("API_PER_PAGE", 100)


def _area(args) -> str:
    return args.get("area", "").strip()[:120]


def _funders(round_) -> list[dict]:
    """Its co-funders by their pledges; with none, the organisation running it, else the funder named."""
    if round_.pledges:
        return [{"name": p.organisation.name, "org_id": p.organisation.org_id or None,
                 "pledged": json_number(round_.amount(p.amount))} for p in round_.pledges]
    if round_.organisation is not None:
        return [{"name": round_.organisation.name, "org_id": round_.organisation.org_id or None, "pledged": None}]
    name = round_.funder_name
    return [{"name": name, "org_id": round_.funder_id or None, "pledged": None}] if name else []


def _runner(round_) -> dict | None:
    found = round_.organisation
    return {"id": str(found.id), "name": found.name, "org_id": found.org_id or None} if found is not None else None


def round_record(round_) -> dict:
    published = round_.decisions_published_at
    return {"slug": round_.slug, "url": url_for("rounds.show", slug=round_.slug, _external=True),
            "title": round_.title, "area": {"name": round_.area or None, "code": round_.area_code or None},
            "phase": round_.phase_on(today()).value, "currency": round_.currency,
            "budget": json_number(round_.amount(round_.budget)) if round_.budget is not None else None,
            "funders": _funders(round_), "organisation": _runner(round_),
            "created_at": round_.created_at.isoformat(timespec="seconds"),
            "decisions_published_at": published.isoformat(timespec="seconds") if published else None}


def round_records(args, cursor: int, per_page: int) -> tuple[list[dict], int | None]:
    page = lists.rounds(_area(args), choice(args, "status", {p.value for p in Phase}), since(args), cursor, per_page)
    return [round_record(r) for r in page.items], page.next_after


def rounds():
    """Every round, oldest first, with its area, phase today, budget and funders."""
    records, cursor = round_records(request.args, after(request.args), _per_page())
    return jsonify({"rounds": records, "next": next_link("api.rounds", cursor)})


def grant_record(application, round_) -> dict:
    decision = application.decision
    prefix = round_.grant_prefix or DEFAULT_PREFIX
    paid = payers([(s.organisation.name, s.amount) for s in decision.shares], round_.sole_funder, decision.amount)
    return {"id": f"{prefix}-{round_.slug}-{application.id}", "title": application.title,
            "recipient": application.applicant, "amount": json_number(round_.amount(decision.amount or 0)),
            "currency": round_.currency, "round": round_.slug,
            "need": {"id": str(application.need_id), "url": need_url(application.need)},
            "funders": [{"name": name, "amount": json_number(round_.amount(amount))} for name, amount in paid],
            "awarded_at": round_.decisions_published_at.isoformat(timespec="seconds")}


def grant_records(args, cursor: int, per_page: int) -> tuple[list[dict], int | None]:
    page = lists.grants(_area(args), args.get("round", "").strip()[:80], since(args), cursor, per_page)
    rounds_ = lists.rounds_by_id({a.round_id for a in page.items})
    return [grant_record(a, rounds_[a.round_id]) for a in page.items], page.next_after


def grants():
    """Every published, funded grant, with the need it meets and what each funder pays."""
    records, cursor = grant_records(request.args, after(request.args), _per_page())
    return jsonify({"grants": records, "next": next_link("api.grants", cursor)})


def organisation_records(args, cursor: int, per_page: int) -> tuple[list[dict], int | None]:
    page = lists.organisations(since(args), cursor, per_page)
    pledges = lists.pledges_of([o.id for o in page.items])
    rounds_ = lists.rounds_by_id({p.round_id for found in pledges.values() for p in found})
    return [{"id": str(o.id), "name": o.name, "org_id": o.org_id or None,
             "pledges": [{"round": rounds_[p.round_id].slug,
                          "amount": json_number(rounds_[p.round_id].amount(p.amount)),
                          "currency": rounds_[p.round_id].currency} for p in pledges.get(o.id, [])]}
            for o in page.items], page.next_after


def organisations():
    """Funders, councils and groups, with what each pledged to which round."""
    records, cursor = organisation_records(request.args, after(request.args), _per_page())
    return jsonify({"organisations": records, "next": next_link("api.organisations", cursor)})


def area_records(args, cursor: int, per_page: int) -> tuple[list[dict], int | None]:
    page = lists.areas(args.get("round", "").strip()[:80], cursor, per_page)
    return [{"name": a.name, "code": a.code, "kind": a.kind, "round": a.round} for a in page.items], page.next_after


def areas():
    """Places with codes: the London local authorities (ONS codes), then every round's wards."""
    records, cursor = area_records(request.args, after(request.args), _per_page())
    return jsonify({"areas": records, "next": next_link("api.areas", cursor)})
