"""Other money for the needs a panel is deciding: published grants from other rounds' funders, and
applications other rounds' panels are still deciding, for each need, a need merged into it, or the same need
linked to it from another round (see app/voting/duplicate_funding). Read in a fixed number of queries however
many applications there are (two more for each step of merges and links followed)."""
from sqlalchemy import and_, or_, select

from app.extensions import db
from app.models import Application, GrantShare, Need, NeedLink, Organisation, Round
from app.voting.applications import SEEN_BY_PANEL
from app.voting.duplicate_funding import Elsewhere, LinkedNeed, Warning, warnings
from app.voting.cofunding import payers


def _steps(frontier: set[int]) -> list[tuple[int, int, bool]]:
    """Every step from these needs to the same need: (from, to, through a link). Merges are followed both
    ways (a need merged into it, the need it was merged into), and so are links across rounds."""
    steps = []
    for need_id, into in db.session.execute(select(Need.id, Need.merged_into_id).where(or_(
            Need.merged_into_id.in_(frontier), and_(Need.id.in_(frontier), Need.merged_into_id.is_not(None))))):
        steps += [(into, need_id, False), (need_id, into, False)]
    for low, high in db.session.execute(select(NeedLink.need_id, NeedLink.other_id).where(
            or_(NeedLink.need_id.in_(frontier), NeedLink.other_id.in_(frontier)))):
        steps += [(low, high, True), (high, low, True)]
    return [step for step in steps if step[0] in frontier]


def _lineage(need_ids: set[int]) -> dict[int, dict[int, bool]]:
    """Every need that is the same need as one the panel sees, however far: merged into it (or it into them),
    or linked to it as the same need in another round, and so on from those. Each maps to the panel's needs it
    is the same as, and whether a link leads to it (the panel then hears its title: merges alone lead to needs
    the panel's need already shows as its own). Two queries a step, however many needs."""
    reached: dict[int, dict[int, bool]] = {n: {n: False} for n in need_ids}
    frontier = set(need_ids)
    while frontier:
        found: set[int] = set()
        for here, there, linked in _steps(frontier):
            for owner, through_link in list(reached[here].items()):
                if owner not in reached.setdefault(there, {}):
                    reached[there][owner] = through_link or linked
                    found.add(there)
        frontier = found
    return reached


def _linked_needs(ids: set[int]) -> dict[int, LinkedNeed]:
    if not ids:
        return {}
    return {row.id: LinkedNeed(row.id, row.title, row.language, row.slug) for row in db.session.execute(
        select(Need.id, Need.title, Need.language, Round.slug).join(Round, Round.id == Need.round_id)
        .where(Need.id.in_(ids)))}


def _funders(round_: Round, application: Application, shares: dict[int, list[tuple[str, int]]]):
    decision = application.decision
    if decision is not None and decision.funded and round_.decisions_published_at is not None:
        paid = payers(shares.get(decision.id, []), round_.sole_funder, decision.amount)
        return tuple((name, round_.amount(amount)) for name, amount in paid)
    return ((round_.lead_funder, round_.amount(application.amount)),)


def for_applications(round_: Round, apps: list[Application]) -> dict[int, list[Warning]]:
    """What the panel should hear before deciding each of its needs, by the need's id."""
    reached = _lineage({a.need_id for a in apps})
    others = list(db.session.scalars(select(Application).where(Application.need_id.in_(reached),
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
    linked = _linked_needs({a.need_id for a in others if any(reached[a.need_id].values())})
    found: dict[int, list[Elsewhere]] = {}
    for application in others:
        other = rounds[application.round_id]
        funded = application.decision is not None and application.decision.funded
        for owner, through_link in reached[application.need_id].items():
            found.setdefault(owner, []).append(Elsewhere(
                other.id, other.title, other.currency, _funders(other, application, shares), funded,
                other.decisions_published_at is not None, linked[application.need_id] if through_link else None))
    return {need_id: said for need_id, items in found.items() if (said := warnings(round_.id, items))}
