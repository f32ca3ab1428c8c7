"""A round's needs as open data: the needs in it now, and the needs carried on from it into later rounds,
each with its place and support in this round (a carried need's as they stood when it moved on)."""
from sqlalchemy import select

from app.extensions import db
from app.models import Need, NeedCarry, NeedStatus, Round
from app.money import json_number
from app.needs.queries import comment_count, support_count
from app.register.queries import places


def records(round_: Round) -> list[dict]:
    here = db.session.execute(select(Need, support_count(), comment_count()).where(Need.round_id == round_.id)).all()
    carried = db.session.execute(select(Need, NeedCarry, comment_count()).join(NeedCarry, NeedCarry.need_id == Need.id)
                                 .where(NeedCarry.round_id == round_.id)).all()
    place_here = places([need.id for need, *_ in here])
    onward = _carried_into([need for need, *_ in carried], round_.id)
    found = [_record(round_, need, supports, comments, place_here.get(need.id, (None, 0))[0])
             for need, supports, comments in here]
    found += [_record(round_, need, stay.support, comments, stay.place, onward[need.id])
              for need, stay, comments in carried]
    return sorted(found, key=lambda record: int(record["id"]))


def _carried_into(needs: list[Need], round_id: int) -> dict[int, str]:
    """The round each carried need went on to from this one."""
    if not needs:
        return {}
    path = {need.id: [] for need in needs}
    for need_id, stay_round in db.session.execute(select(NeedCarry.need_id, NeedCarry.round_id)
                                                  .where(NeedCarry.need_id.in_(path)).order_by(NeedCarry.id)):
        path[need_id].append(stay_round)
    for need in needs:
        path[need.id].append(need.round_id)
    slugs = dict(db.session.execute(select(Round.id, Round.slug).where(
        Round.id.in_({rid for rounds in path.values() for rid in rounds}))).all())
    return {need_id: slugs[rounds[rounds.index(round_id) + 1]] for need_id, rounds in path.items()}


def _record(round_: Round, need: Need, supports: int, comments: int, place: int | None,
            carried_into: str | None = None) -> dict:
    # A hidden need keeps its row, so counts add up, but not the words a moderator took down.
    shown = need.status != NeedStatus.HIDDEN
    return {
        "id": str(need.id),
        "title": need.title if shown else None,
        "description": need.description if shown else None,
        "language": need.language,
        "cost": json_number(round_.amount(need.cost)),
        "support": supports,
        "place": place,
        "comments": comments,
        "status": need.status.value,
        "category": need.category,
        "area": need.area or None,
        "location": (need.location or None) if shown else None,
        "affected": (need.affected or None) if shown else None,
        "merged_into": str(need.merged_into_id) if need.merged_into_id else None,
        "carried_into": carried_into,
        "created_at": need.created_at.isoformat(),
    }
