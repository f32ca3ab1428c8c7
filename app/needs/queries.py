"""Reading needs: the filtered list, similar needs, counts and comment threads."""
from dataclasses import dataclass, field
from math import ceil

from sqlalchemy import func, select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Comment, CommentStatus, Need, NeedStatus, Participant, Round, Support
from app.needs import search

SORTS = ("newest", "supported", "discussed")


@dataclass(frozen=True)
class NeedRow:
    need: Need
    supports: int
    comments: int


@dataclass(frozen=True)
class NeedPage:
    rows: list[NeedRow]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        return max(1, ceil(self.total / self.per_page))


@dataclass
class Thread:
    comment: Comment
    replies: list[Comment] = field(default_factory=list)


def _current_supports():
    # Participants belong to one round: a carried need counts afresh in each round it is in, and the
    # support it had before is kept with its stay there (NeedCarry).
    return select(func.count(Support.id)).join(Participant, Participant.id == Support.participant_id)


def support_count():
    return (_current_supports().where(Support.need_id == Need.id, Participant.round_id == Need.round_id)
            .correlate(Need).scalar_subquery())


def comment_count():
    return (
        select(func.count(Comment.id))
        .where(Comment.need_id == Need.id, Comment.status == CommentStatus.VISIBLE)
        .correlate(Need).scalar_subquery()
    )


def list_needs(round_: Round, q: str = "", category: str = "", area: str = "", sort: str = "newest",
               page: int = 1, per_page: int = 20) -> NeedPage:
    supports, comments = support_count().label("supports"), comment_count().label("comments")
    statement = select(Need, supports, comments).where(Need.round_id == round_.id, Need.status == NeedStatus.OPEN)
    if category:
        statement = statement.where(Need.category == category)
    if area:
        statement = statement.where(Need.area == area)
    statement, relevance = search.apply(statement, q)
    total = db.session.scalar(select(func.count()).select_from(statement.subquery()))
    order = {"supported": [supports.desc()], "discussed": [comments.desc()]}.get(sort, [])
    if relevance is not None and sort == "newest" and q:
        order = [relevance]
    statement = statement.order_by(*order, Need.created_at.desc(), Need.id.desc())
    page = min(max(1, page), max(1, ceil(total / per_page)))
    rows = db.session.execute(statement.limit(per_page).offset((page - 1) * per_page)).all()
    return NeedPage([NeedRow(*row) for row in rows], total, page, per_page)


def similar_needs(round_: Round, text: str, limit: int = 5) -> list[NeedRow]:
    """Open needs sharing words with `text`, best match first: shown while a resident types a title."""
    statement = select(Need, support_count(), comment_count()).where(
        Need.round_id == round_.id, Need.status == NeedStatus.OPEN
    )
    statement, relevance = search.apply(statement, text, any_word=True)
    if relevance is None:
        return []
    rows = db.session.execute(statement.order_by(relevance, Need.id).limit(limit)).all()
    return [NeedRow(*row) for row in rows]


def supporters(need: Need) -> int:
    return db.session.scalar(_current_supports().where(Support.need_id == need.id,
                                                       Participant.round_id == need.round_id))


def supported_by(need: Need, participant: Participant | None) -> bool:
    if participant is None:
        return False
    return db.session.scalar(
        select(Support.id).where(Support.need_id == need.id, Support.participant_id == participant.id)
    ) is not None


def threads(need: Need) -> list[Thread]:
    comments = db.session.scalars(select(Comment).where(Comment.need_id == need.id)
                                  .options(selectinload(Comment.author), selectinload(Comment.translations))
                                  .order_by(Comment.id)).all()
    by_id = {c.id: Thread(c) for c in comments if c.parent_id is None}
    for comment in comments:
        if comment.parent_id is not None and comment.parent_id in by_id:
            by_id[comment.parent_id].replies.append(comment)
    return list(by_id.values())


def merged_from(need: Need) -> list[Need]:
    return list(db.session.scalars(select(Need).where(Need.merged_into_id == need.id).order_by(Need.id)))


def final_need(need: Need) -> Need:
    """Follow a chain of merges to the need that is kept in the end."""
    seen = {need.id}
    while need.merged_into is not None and need.merged_into.id not in seen:
        need = need.merged_into
        seen.add(need.id)
    return need


def round_counts(round_: Round) -> dict[str, int]:
    open_needs = select(Need.id).where(Need.round_id == round_.id, Need.status == NeedStatus.OPEN)
    counts = select(
        select(func.count()).select_from(open_needs.subquery()).scalar_subquery(),
        select(func.count(Support.id)).where(Support.need_id.in_(open_needs)).scalar_subquery(),
        select(func.count(Comment.id)).where(Comment.need_id.in_(open_needs),
                                             Comment.status == CommentStatus.VISIBLE).scalar_subquery(),
        select(func.count(Participant.id)).where(Participant.round_id == round_.id).scalar_subquery(),
    )
    return dict(zip(("needs", "supports", "comments", "participants"), db.session.execute(counts).one()))


def merge_candidates(need: Need) -> list[Need]:
    return list(db.session.scalars(select(Need).where(
        Need.round_id == need.round_id, Need.status == NeedStatus.OPEN, Need.id != need.id
    ).order_by(Need.title)))
