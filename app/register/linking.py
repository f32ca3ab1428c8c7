"""Linking a need to the same need raised in another round, without merging them: each keeps its own
page, support and history, and each names the other. A facilitator of either round links or unlinks;
each action is one transaction, recorded in both rounds' audit logs."""
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import delete, or_, select
from sqlalchemy.orm import joinedload

from app import audit
from app.extensions import db
from app.models import Need, NeedLink, NeedStatus, Round, User
from app.needs import search
from app.needs.services import touch

CANDIDATES = 20


class Refusal(StrEnum):
    SAME_ROUND = "same-round"  # merge it instead: both are in one round
    NOT_OPEN = "not-open"  # hidden or merged
    LINKED = "linked"  # linked already
    NOT_LINKED = "not-linked"


class LinkRefused(ValueError):
    def __init__(self, refusal: Refusal):
        super().__init__(refusal.value)
        self.refusal = refusal


@dataclass(frozen=True)
class Linked:
    """The same need in another round, as a page about one of them names it."""

    need: Need
    round: Round


def _pair(need: Need, other: Need) -> tuple[int, int]:
    return min(need.id, other.id), max(need.id, other.id)


def _stored(need: Need, other: Need) -> NeedLink | None:
    low, high = _pair(need, other)
    return db.session.scalar(select(NeedLink).where(NeedLink.need_id == low, NeedLink.other_id == high))


def refusal(need: Need, other: Need) -> Refusal | None:
    if need.round_id == other.round_id:
        return Refusal.SAME_ROUND
    if need.status != NeedStatus.OPEN or other.status != NeedStatus.OPEN:
        return Refusal.NOT_OPEN
    if _stored(need, other) is not None:
        return Refusal.LINKED
    return None


def _audit(action: str, need: Need, other: Need, actor: User) -> None:
    for here, there in ((need, other), (other, need)):
        audit.record(actor, action, db.session.get(Round, here.round_id), need=here.id, other=there.id,
                     other_round=db.session.get(Round, there.round_id).slug)


def link(need: Need, other: Need, actor: User) -> None:
    """Both pages say from now on that this is the same need as the other, in the other's round."""
    problem = refusal(need, other)
    if problem is not None:
        raise LinkRefused(problem)
    low, high = _pair(need, other)
    db.session.add(NeedLink(need_id=low, other_id=high, linked_by_id=actor.id))
    touch(need)
    touch(other)  # the register's updated_since finds both again
    _audit("needs-linked", need, other, actor)
    db.session.commit()


def unlink(need: Need, other: Need, actor: User) -> None:
    """Undo a link: each need goes on alone, as before."""
    low, high = _pair(need, other)
    if not db.session.execute(delete(NeedLink).where(NeedLink.need_id == low, NeedLink.other_id == high)).rowcount:
        raise LinkRefused(Refusal.NOT_LINKED)
    touch(need)
    touch(other)
    _audit("needs-unlinked", need, other, actor)
    db.session.commit()


def links_of(need_ids: list[int]) -> dict[int, list[Linked]]:
    """The needs each of these is linked to, oldest link first, in two queries; hidden ones are left out."""
    if not need_ids:
        return {}
    pairs = db.session.execute(select(NeedLink.need_id, NeedLink.other_id).where(
        or_(NeedLink.need_id.in_(need_ids), NeedLink.other_id.in_(need_ids))).order_by(NeedLink.id)).all()
    ends = {end for pair in pairs for end in pair}
    if not ends:
        return {}
    others = {need.id: need for need in db.session.scalars(
        select(Need).options(joinedload(Need.round)).where(Need.id.in_(ends), Need.status != NeedStatus.HIDDEN))}
    wanted, found = set(need_ids), {}
    for low, high in pairs:
        for here, there in ((low, high), (high, low)):
            if here in wanted and there in others:
                found.setdefault(here, []).append(Linked(others[there], others[there].round))
    return found


def linked_and_candidates(need: Need, q: str = "") -> tuple[list, list[Need]]:
    """What the linking page shows: the needs linked to this one, then those that may be the same."""
    linked = links_of([need.id]).get(need.id, [])
    return linked, candidates(need, q, {item.need.id for item in linked})


def candidates(need: Need, q: str, linked: set[int], limit: int = CANDIDATES) -> list[Need]:
    """Open needs of other rounds that could be the same need, best match of its title (or q) first."""
    statement = (select(Need).options(joinedload(Need.round))
                 .where(Need.round_id != need.round_id, Need.status == NeedStatus.OPEN, Need.id.not_in(linked or [0])))
    statement, relevance = search.apply(statement, q or need.title, any_word=True)
    order = [relevance] if relevance is not None else []
    return list(db.session.scalars(statement.order_by(*order, Need.id.desc()).limit(limit)))
