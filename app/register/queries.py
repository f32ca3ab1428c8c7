"""Reading the register: one page of needs across every round, with each need's status, rounds and
grants, in a fixed number of queries however many needs the page holds."""
from dataclasses import dataclass, field
from functools import cache
from datetime import datetime
from decimal import Decimal

from sqlalchemy import Row, case, func, or_, select
from sqlalchemy.orm import aliased, defer

from app import money
from app.extensions import db
from app.models import (Application, GrantDecision, GrantShare, GrantUpdate, Need, NeedCarry,
                        NeedStatus, Organisation, Round)
from app.needs import search
from app.needs.evidence import of_needs as evidence_of
from app.panel.open_data import DEFAULT_PREFIX
from app.register.linking import Linked, links_of
from app.register.status import RegisterStatus, RoundStage, rounds_where, status
from app.rounds.phases import ORDER, Action, PhaseStart, current_phase
from app.voting.progress import Report, percent_done
from app.web import today
from app.voting.cofunding import payers


@dataclass(frozen=True)
class Filters:
    area: str = ""  # a name or a code
    theme: str = ""
    status: RegisterStatus | None = None
    language: str = ""
    q: str = ""
    updated_since: datetime | None = None
    after: int = 0  # the last need id of the previous page


@dataclass(frozen=True)
class RoundPlace:
    round: "Round | RoundCard"
    place: int | None
    support: int


@dataclass(frozen=True)
class GrantPart:
    id: str
    funder: str
    amount: int  # the round's money units
    round: "RoundCard"
    percent: int = 0  # how much of the work is done, from the group's latest report
    complete: bool = False  # the funder marked the grant complete
    awarded: datetime | None = None  # when the round published its decisions (360Giving's awardDate)


@dataclass
class Entry:
    need: Need
    round: "RoundCard"  # the round it is in now
    status: RegisterStatus
    rounds: list[RoundPlace] = field(default_factory=list)
    grants: list[GrantPart] = field(default_factory=list)
    evidence: list[Row] = field(default_factory=list)  # id, title, url, published_on
    same: list[Linked] = field(default_factory=list)  # the same need in other rounds, linked


@dataclass(frozen=True)
class RegisterPage:
    entries: list[Entry]
    next_after: int | None


@dataclass(frozen=True)
class RoundCard:
    """What the register shows of a round, read as plain columns: a page can span a hundred rounds, and
    making each a whole Round cost more than the page's needs."""

    id: int
    slug: str
    title: str
    language: str
    currency: str | None
    money_scale: int
    grant_prefix: str | None
    funder_name: str | None  # who pays a grant no co-funder shares: the organisation running it, else the named funder
    stage: RoundStage

    def amount(self, stored: int | None) -> Decimal | None:
        return money.units(stored, self.money_scale)


_STARTS = [getattr(Round, f"{phase.value}_starts") for phase in ORDER]


def _stage_of(stored, live, decided, dates, on) -> RoundStage:
    phase = current_phase(stored, [PhaseStart(p, d) for p, d in zip(ORDER, dates)], on)
    return RoundStage(phase.value, phase.allows(Action.SEE_RESULTS, results_live=live), decided is not None)


def _stages() -> dict[int, RoundStage]:
    """Every round's stage today, to filter by status, read as plain columns."""
    on = today()
    return {rid: _stage_of(stored, live, decided, dates, on) for rid, stored, live, decided, *dates in
            db.session.execute(select(Round.id, Round.phase, Round.results_live, Round.decisions_published_at,
                                      *_STARTS))}


def _rounds(ids: set[int]) -> dict[int, RoundCard]:
    """The page's rounds, with what the register shows of them and their stage today."""
    if not ids:
        return {}
    on = today()
    return {row.id: RoundCard(row.id, row.slug, row.title, row.language, row.currency, row.money_scale,
                              row.grant_prefix, row.runner or row.funder_name,
                              _stage_of(row.phase, row.results_live, row.decisions_published_at, dates, on))
            for row, dates in ((row, row[-len(_STARTS):]) for row in db.session.execute(
                select(Round.id, Round.slug, Round.title, Round.language, Round.currency, Round.money_scale,
                       Round.grant_prefix, Round.funder_name, Organisation.name.label("runner"), Round.phase,
                       Round.results_live, Round.decisions_published_at, *_STARTS)
                .outerjoin(Organisation, Organisation.id == Round.organisation_id).where(Round.id.in_(ids))))}


def _in_rounds(ids: set[int], every: int):
    # Needs of many rounds: walking needs in id order finds a page sooner than gathering every need of
    # those rounds through the round index and sorting them all (SQLite's choice), so "+ 0" keeps the
    # index out. Needs of a few rounds: the index is quicker.
    column = Need.round_id + 0 if len(ids) * 8 > every else Need.round_id
    return column.in_(ids)


def _funded_needs(complete: bool = False):
    statement = (select(Application.need_id).join(GrantDecision, GrantDecision.application_id == Application.id)
            .join(Round, Round.id == Application.round_id)
            .where(GrantDecision.funded.is_(True), Round.decisions_published_at.is_not(None)))
    return statement.where(GrantDecision.completed_at.is_not(None)) if complete else statement


def _status_clause(wanted: RegisterStatus, stages: dict[int, RoundStage]):
    funded = Need.id.in_(_funded_needs())
    met = Need.id.in_(_funded_needs(complete=True))
    if wanted == RegisterStatus.MET:
        return (Need.status == NeedStatus.OPEN) & met
    if wanted == RegisterStatus.FUNDED:
        return (Need.status == NeedStatus.OPEN) & funded & ~met
    unfunded_here = ((Need.status == NeedStatus.OPEN) & ~funded
                     & _in_rounds(rounds_where(stages, wanted), len(stages)))
    if wanted == RegisterStatus.CLOSED:
        return or_(Need.status == NeedStatus.MERGED, unfunded_here)
    return unfunded_here


def page(filters: Filters, per_page: int) -> RegisterPage:
    # Every round's stage, only to filter by a status that a round's stage decides (not funded or met).
    by_stage = filters.status and filters.status not in (RegisterStatus.FUNDED, RegisterStatus.MET)
    stages = _stages() if by_stage else {}
    statement = select(Need).where(Need.status != NeedStatus.HIDDEN, Need.id > filters.after)
    if filters.area:
        statement = statement.where(or_(Need.area == filters.area, Need.area_code == filters.area))
    if filters.theme:
        statement = statement.where(Need.category == filters.theme)
    if filters.language:
        statement = statement.where(Need.language == filters.language)
    if filters.updated_since:
        statement = statement.where(Need.updated_at >= filters.updated_since)
    if filters.status:
        statement = statement.where(_status_clause(filters.status, stages))
    statement, _ = search.apply(statement, filters.q)
    rows = db.session.execute(statement.add_columns(_place().label("place")).options(defer(Need.search_document))
                              .order_by(Need.id).limit(per_page + 1)).all()
    more, rows = len(rows) > per_page, rows[:per_page]
    needs = [need for need, _ in rows]
    found_places = {need.id: (place, need.support) for need, place in rows if place is not None}
    carries = _carries([n.id for n in needs])
    rounds = _rounds({n.round_id for n in needs} | {c.round_id for c in carries})  # one query for both
    entries = _entries(needs, rounds, found_places, carries)
    return RegisterPage(entries, needs[-1].id if more and needs else None)


def _carries(need_ids: list[int]) -> list[Row]:
    """Where these needs were before they were carried into their current round, oldest first."""
    if not need_ids:
        return []
    return db.session.execute(select(NeedCarry.need_id, NeedCarry.round_id, NeedCarry.place, NeedCarry.support)
                              .where(NeedCarry.need_id.in_(need_ids)).order_by(NeedCarry.id)).all()


def _entries(needs: list[Need], rounds: dict[int, RoundCard], found_places: dict[int, tuple[int, int]],
             carries: list[Row]) -> list[Entry]:
    ids = [n.id for n in needs]
    grants = _grants(ids, rounds)
    evidence = evidence_of(ids)
    same = links_of(ids)
    carried: dict[int, list[RoundPlace]] = {}
    for carry in carries:
        carried.setdefault(carry.need_id, []).append(RoundPlace(rounds[carry.round_id], carry.place, carry.support))
    entries = []
    for need in needs:
        place, support = found_places.get(need.id, (None, 0))
        here = RoundPlace(rounds[need.round_id], place, support)
        found = grants.get(need.id, [])
        entries.append(Entry(need, here.round, status(here.round.stage, need.status == NeedStatus.MERGED, bool(found),
                                                      any(g.complete for g in found)),
                             [*carried.get(need.id, []), here], found, evidence.get(need.id, []),
                             same.get(need.id, [])))
    return entries


@cache
def _place():
    """An open need's place by residents' support in its current round: one more than the open needs there
    with more support (so ties share a place), counted from the kept supports through the round-status-support
    index, never by counting every need's support in the round."""
    other = aliased(Need)
    ahead = (select(func.count(other.id)).where(other.round_id == Need.round_id, other.status == NeedStatus.OPEN,
                                                 other.support > Need.support).correlate(Need).scalar_subquery())
    return case((Need.status == NeedStatus.OPEN, ahead + 1), else_=None)  # built once: a tenth of a page's time


def places(ids: list[int]) -> dict[int, tuple[int | None, int]]:
    """Each open need's place in its current round, and its support there."""
    if not ids:
        return {}
    rows = db.session.execute(select(Need.id, Need.support, _place().label("place"))
                              .where(Need.id.in_(ids), Need.status == NeedStatus.OPEN))
    return {row.id: (row.place, row.support) for row in rows}


def _grants(ids: list[int], rounds: dict[int, RoundCard]) -> dict[int, list[GrantPart]]:
    """Published, funded grants meeting these needs, one part per funder paying towards each."""
    if not ids:
        return {}
    rows = db.session.execute(
        select(Application.id, Application.need_id, Application.round_id, GrantDecision.id.label("decision"),
               GrantDecision.amount, GrantDecision.completed_at, Round.decisions_published_at.label("awarded"))
        .join(GrantDecision, GrantDecision.application_id == Application.id)
        .join(Round, Round.id == Application.round_id)
        .where(Application.need_id.in_(ids), GrantDecision.funded.is_(True), Round.decisions_published_at.is_not(None))
        .order_by(Application.id)).all()
    rounds = {**rounds, **_rounds({row.round_id for row in rows} - rounds.keys())}
    shares: dict[int, list[tuple[str, int]]] = {}
    reports: dict[int, list[Report]] = {}
    if rows:
        for decision_id, posted_at, percent in db.session.execute(
                select(GrantUpdate.decision_id, GrantUpdate.posted_at, GrantUpdate.percent)
                .where(GrantUpdate.decision_id.in_([r.decision for r in rows]))):
            reports.setdefault(decision_id, []).append(Report(posted_at, percent))
        for decision_id, name, amount in db.session.execute(
                select(GrantShare.decision_id, Organisation.name, GrantShare.amount)
                .join(Organisation, Organisation.id == GrantShare.organisation_id)
                .where(GrantShare.decision_id.in_([r.decision for r in rows])).order_by(GrantShare.id)):
            shares.setdefault(decision_id, []).append((name, amount))
    found: dict[int, list[GrantPart]] = {}
    for row in rows:
        round_ = rounds[row.round_id]
        grant_id = f"{round_.grant_prefix or DEFAULT_PREFIX}-{round_.slug}-{row.id}"
        paid = payers(shares.get(row.decision, []), round_.funder_name or round_.title, row.amount)
        done = percent_done(reports.get(row.decision, []), row.completed_at)
        found.setdefault(row.need_id, []).extend(GrantPart(grant_id, name, amount, round_, done,
                                                           row.completed_at is not None, row.awarded)
                                                 for name, amount in paid)
    return found


def rounds_of(need: Need) -> list[RoundPlace]:
    """Every round a carried need was in, earliest first, with its place and support in each."""
    earlier = [RoundPlace(c.round, c.place, c.support) for c in db.session.scalars(
        select(NeedCarry).where(NeedCarry.need_id == need.id).order_by(NeedCarry.id))]
    if not earlier:
        return []  # a need that was only ever in its own round: its page says nothing more
    place, support = places([need.id]).get(need.id, (None, 0))
    return [*earlier, RoundPlace(need.round, place, support)]
