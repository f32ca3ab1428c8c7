"""Reading the register's other lists for the API: rounds, published grants, organisations and areas,
each a page after a cursor, in a fixed number of queries per page."""
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Application, GrantDecision, Organisation, Pledge, Round, Ward
from app.register.areas import london_boroughs
from app.web import today


@dataclass(frozen=True)
class Page:
    items: list
    next_after: int | None


def _page(statement, key, after: int, per_page: int) -> Page:
    rows = list(db.session.scalars(statement.where(key > after).order_by(key).limit(per_page + 1)))
    more, rows = len(rows) > per_page, rows[:per_page]
    return Page(rows, rows[-1].id if more and rows else None)


def rounds(area: str, phase: str, since: datetime | None, after: int, per_page: int) -> Page:
    statement = select(Round).options(selectinload(Round.pledges), selectinload(Round.organisation))
    if area:
        statement = statement.where(or_(Round.area == area, Round.area_code == area))
    if since:
        statement = statement.where(or_(Round.created_at >= since, Round.decisions_published_at >= since))
    if phase:  # the phase a round is in depends on today's date: chosen in Python, over the few rounds there are
        on = today()
        statement = statement.where(Round.id.in_([r.id for r in db.session.scalars(select(Round))
                                                  if r.phase_on(on).value == phase] or [0]))
    return _page(statement, Round.id, after, per_page)


def grants(area: str, round_slug: str, since: datetime | None, after: int, per_page: int) -> Page:
    """Applications funded by published decisions, oldest first."""
    statement = (select(Application).join(GrantDecision, GrantDecision.application_id == Application.id)
                 .join(Round, Round.id == Application.round_id)
                 .where(GrantDecision.funded.is_(True), Round.decisions_published_at.is_not(None)))
    if area:
        statement = statement.where(or_(Round.area == area, Round.area_code == area))
    if round_slug:
        statement = statement.where(Round.slug == round_slug)
    if since:
        statement = statement.where(Round.decisions_published_at >= since)
    return _page(statement, Application.id, after, per_page)


def organisations(since: datetime | None, after: int, per_page: int) -> Page:
    statement = select(Organisation)
    if since:
        statement = statement.where(Organisation.created_at >= since)
    return _page(statement, Organisation.id, after, per_page)


def pledges_of(organisation_ids: list[int]) -> dict[int, list[Pledge]]:
    found: dict[int, list[Pledge]] = {}
    if organisation_ids:
        for pledge in db.session.scalars(select(Pledge).where(Pledge.organisation_id.in_(organisation_ids))
                                         .order_by(Pledge.id)):
            found.setdefault(pledge.organisation_id, []).append(pledge)
    return found


@dataclass(frozen=True)
class Area:
    number: int  # its place in the list, the cursor
    name: str
    code: str
    kind: str  # "local-authority" or "ward"
    round: str | None


def areas(round_slug: str, after: int, per_page: int) -> Page:
    """The London local authorities shipped with the app, then every round's own wards."""
    found = [] if round_slug else [(p.name, p.code, "local-authority", None) for p in london_boroughs()]
    statement = select(Ward.name, Ward.code, Round.slug).join(Round, Round.id == Ward.round_id)
    if round_slug:
        statement = statement.where(Round.slug == round_slug)
    found += [(name, code, "ward", slug) for name, code, slug in db.session.execute(statement.order_by(Ward.id))]
    numbered = [Area(n, *item) for n, item in enumerate(found, 1) if n > after][:per_page + 1]
    more, numbered = len(numbered) > per_page, numbered[:per_page]
    return Page(numbered, numbered[-1].number if more and numbered else None)


def rounds_by_id(ids: set[int]) -> dict[int, Round]:
    statement = select(Round).options(selectinload(Round.organisation)).where(Round.id.in_(ids))
    return {r.id: r for r in db.session.scalars(statement)} if ids else {}
