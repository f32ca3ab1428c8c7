"""Carrying an unfunded need from a finished round into a later one, and folding a need that came back
in a later round (a duplicate across rounds) into the need that came first. Each action one transaction.

A carried need keeps its id, words, comments and merge lineage; its stay in the earlier round is kept
as a NeedCarry row (its place and support there when it moved on), and that round's addresses lead on."""
from enum import StrEnum

from sqlalchemy import select

from app import audit
from app.extensions import db
from app.models import Application, GrantDecision, Need, NeedCarry, NeedStatus, Round, User
from app.moderation.services import merge_needs
from app.needs import search
from app.needs.queries import merge_candidates
from app.needs.services import touch
from app.register.queries import places
from app.rounds.phases import Phase
from app.web import today

TAKING_NEEDS = frozenset({Phase.PROPOSE, Phase.DISCUSS})
RANKING_OVER = frozenset({Phase.DECIDE, Phase.RESULTS})
CANDIDATES = 50


class Refusal(StrEnum):
    SAME_ROUND = "same-round"
    NOT_OPEN = "not-open"  # hidden or merged
    FUNDED = "funded"
    NOT_OVER = "not-over"  # its round is still ranking it
    NOT_TAKING = "not-taking"  # the later round's ranking has begun


class CarryRefused(ValueError):
    def __init__(self, refusal: Refusal):
        super().__init__(refusal.value)
        self.refusal = refusal


def _funded_needs():
    return select(Application.need_id).join(GrantDecision, GrantDecision.application_id == Application.id).where(
        GrantDecision.funded.is_(True))


def _finished_rounds(into: Round) -> list[int]:
    on = today()
    return [r.id for r in db.session.scalars(select(Round)) if r.id != into.id and r.phase_on(on) in RANKING_OVER]


def refusal(need: Need, into: Round) -> Refusal | None:
    """Why this need cannot be carried into that round, or None when it can."""
    on = today()
    if need.round_id == into.id:
        return Refusal.SAME_ROUND
    if need.status != NeedStatus.OPEN:
        return Refusal.NOT_OPEN
    if into.phase_on(on) not in TAKING_NEEDS:
        return Refusal.NOT_TAKING
    if db.session.get(Round, need.round_id).phase_on(on) not in RANKING_OVER:
        return Refusal.NOT_OVER
    if db.session.scalar(_funded_needs().where(Application.need_id == need.id).limit(1)) is not None:
        return Refusal.FUNDED
    return None


def candidates(into: Round, q: str = "", limit: int = CANDIDATES) -> list[Need]:
    """Unfunded open needs of finished rounds, newest first (best match first when searching)."""
    rounds = _finished_rounds(into)
    if not rounds or into.phase_on(today()) not in TAKING_NEEDS:
        return []
    statement = select(Need).where(Need.round_id.in_(rounds), Need.status == NeedStatus.OPEN,
                                   Need.id.not_in(_funded_needs()))
    statement, relevance = search.apply(statement, q, any_word=True)
    order = [relevance] if relevance is not None else []
    return list(db.session.scalars(statement.order_by(*order, Need.id.desc()).limit(limit)))


def _move(need: Need, into: Round, actor: User) -> None:
    problem = refusal(need, into)
    if problem is not None:
        raise CarryRefused(problem)
    earlier = db.session.get(Round, need.round_id)
    place, support = places([need.id]).get(need.id, (None, 0))
    db.session.add(NeedCarry(need_id=need.id, round_id=earlier.id, place=place, support=support,
                             carried_by_id=actor.id))
    need.round_id, need.round = into.id, into
    touch(need)
    audit.record(actor, "need-carried", into, need=need.id, earlier=earlier.slug, place=place, support=support)


def carry(need: Need, into: Round, actor: User) -> None:
    """The need moves on into the later round, where residents can support, discuss and rank it again."""
    _move(need, into, actor)
    db.session.commit()


def fold_into_earlier(duplicate: Need, earlier: Need, reason: str, actor: User) -> None:
    """A need proposed again in a later round joins the need first proposed in an earlier one: that need is
    carried into the later round and the duplicate merged into it, as a merge within a round would."""
    if duplicate.round_id == earlier.round_id or duplicate.status != NeedStatus.OPEN:
        raise CarryRefused(Refusal.SAME_ROUND if duplicate.round_id == earlier.round_id else Refusal.NOT_OPEN)
    _move(earlier, db.session.get(Round, duplicate.round_id), actor)
    merge_needs(duplicate, earlier, reason, actor)


def merge_choices(need: Need, earlier_too: bool) -> list[Need]:
    """What a duplicate can be merged into: the round's other open needs and, for its facilitators,
    similar unfunded needs of finished rounds."""
    found = merge_candidates(need)
    if earlier_too:
        found += candidates(db.session.get(Round, need.round_id), need.title)
    return found


def merge(duplicate: Need, kept: Need, reason: str, actor: User) -> None:
    if kept.round_id == duplicate.round_id:
        merge_needs(duplicate, kept, reason, actor)
    else:
        fold_into_earlier(duplicate, kept, reason, actor)
