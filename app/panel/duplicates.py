"""Other money for the needs a panel is deciding: published grants from other rounds' funders, and
applications other rounds' panels are still deciding, for each need or a need merged into it (see
app/voting/duplicate_funding). Read in a fixed number of queries however many applications there are."""
from sqlalchemy import select

from app.extensions import db
from app.models import Application, GrantShare, Need, Organisation, Round
from app.voting.applications import SEEN_BY_PANEL
from app.voting.duplicate_funding import Elsewhere, Warning, warnings


def _lineage(need_ids: set[int]) -> dict[int, int]:
    """Each need and every need merged into it, however deep, mapped to the need the panel sees."""
    owner = {n: n for n in need_ids}
    frontier = set(need_ids)
    while frontier:
        rows = db.session.execute(select(Need.id, Need.merged_into_id).where(Need.merged_into_id.in_(frontier))).all()
        frontier = {row.id for row in rows if row.id not in owner}
        owner.update({row.id: owner[row.merged_into_id] for row in rows if row.id in frontier})
    return owner


def _funders(round_: Round, application: Application, shares: dict[int, list[tuple[str, int]]]):
    decision = application.decision
    if decision is not None and decision.funded and round_.decisions_published_at is not None:
        paid = shares.get(decision.id) or [(round_.sole_funder, decision.amount or 0)]
        return tuple((name, round_.amount(amount)) for name, amount in paid)
    runner = round_.organisation.name if round_.organisation is not None else ""
    lead = runner or round_.funder_name or (round_.pledges[0].organisation.name if round_.pledges else round_.title)
    return ((lead, round_.amount(application.amount)),)


def for_applications(round_: Round, apps: list[Application]) -> dict[int, list[Warning]]:
    """What the panel should hear before deciding each of its needs, by the need's id."""
    owner = _lineage({a.need_id for a in apps})
    others = list(db.session.scalars(select(Application).where(Application.need_id.in_(owner),
                                                                 Application.round_id != round_.id,
                                                                 Application.status.in_(SEEN_BY_PANEL))
                                      .order_by(Application.id)))
    if not others:
        return {}
    decision_ids = [a.decision.id for a in others if a.decision is not None]
    shares: dict[int, list[tuple[str, int]]] = {}
    for decision_id, name, amount in db.session.execute(
            select(GrantShare.decision_id, Organisation.name, GrantShare.amount)
            .join(Organisation, Organisation.id == GrantShare.organisation_id)
            .where(GrantShare.decision_id.in_(decision_ids)).order_by(GrantShare.id)):
        shares.setdefault(decision_id, []).append((name, amount))
    rounds = {r.id: r for r in db.session.scalars(select(Round).where(Round.id.in_({a.round_id for a in others})))}
    found: dict[int, list[Elsewhere]] = {}
    for application in others:
        other = rounds[application.round_id]
        funded = application.decision is not None and application.decision.funded
        found.setdefault(owner[application.need_id], []).append(Elsewhere(
            other.id, other.title, other.currency, _funders(other, application, shares), funded,
            other.decisions_published_at is not None))
    return {need_id: said for need_id, items in found.items() if (said := warnings(round_.id, items))}
