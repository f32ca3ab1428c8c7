"""The moderation queue: open reports, grouped by the item reported."""
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from app.extensions import db
from app.models import Comment, Need, Report, Round


@dataclass(frozen=True)
class QueueItem:
    need: Need
    comment: Comment | None
    reports: list[Report]


def queue(round_: Round) -> list[QueueItem]:
    reports = db.session.scalars(
        select(Report).where(Report.round_id == round_.id, Report.resolved_at.is_(None))
        .options(selectinload(Report.need), selectinload(Report.comment)).order_by(Report.id)
    ).all()
    grouped: dict[tuple[int, int | None], list[Report]] = {}
    for report in reports:
        grouped.setdefault((report.need_id, report.comment_id), []).append(report)
    return [QueueItem(items[0].need, items[0].comment, items) for items in grouped.values()]
