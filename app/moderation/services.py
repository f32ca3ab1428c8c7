"""Moderators' actions: hide and restore, edit with history, merge duplicates. Each one transaction."""
from sqlalchemy import delete, select, update

from app import audit
from app.extensions import db
from app.models import Comment, CommentStatus, Need, NeedRevision, NeedStatus, Report, Round, Support, User
from app.models.base import utcnow
from app.models.support_count import recount
from app.needs.services import touch

EDITABLE = ("title", "description", "affected", "location", "area", "category")


class MergeError(ValueError):
    pass


def _resolve_reports(need: Need, comment: Comment | None, user: User, resolution: str) -> None:
    target = Report.comment_id == comment.id if comment else Report.comment_id.is_(None)
    db.session.execute(
        update(Report).where(Report.need_id == need.id, target, Report.resolved_at.is_(None))
        .values(resolved_at=utcnow(), resolved_by_id=user.id, resolution=resolution)
    )


def _audit(user: User, action: str, need: Need, **detail) -> None:
    audit.record(user, action, db.session.get(Round, need.round_id), need=need.id, **detail)


def hide_need(need: Need, reason: str, user: User) -> None:
    need.status, need.moderation_reason, need.moderated_at = NeedStatus.HIDDEN, reason, utcnow()
    _resolve_reports(need, None, user, "hidden")
    _audit(user, "need-moderated", need, status="hidden", reason=reason)
    db.session.commit()


def restore_need(need: Need, user: User) -> None:
    if need.status == NeedStatus.HIDDEN:
        need.status, need.moderation_reason, need.moderated_at = NeedStatus.OPEN, "", utcnow()
        _audit(user, "need-moderated", need, status="open")
        db.session.commit()


def hide_comment(comment: Comment, reason: str, user: User) -> None:
    comment.status, comment.moderation_reason, comment.moderated_at = CommentStatus.HIDDEN, reason, utcnow()
    need = db.session.get(Need, comment.need_id)
    _resolve_reports(need, comment, user, "hidden")
    _audit(user, "comment-moderated", need, comment=comment.id, status="hidden", reason=reason)
    db.session.commit()


def restore_comment(comment: Comment, user: User) -> None:
    comment.status, comment.moderation_reason, comment.moderated_at = CommentStatus.VISIBLE, "", utcnow()
    _audit(user, "comment-moderated", db.session.get(Need, comment.need_id), comment=comment.id, status="visible")
    db.session.commit()


def dismiss_reports(need: Need, comment: Comment | None, user: User) -> None:
    _resolve_reports(need, comment, user, "kept")
    _audit(user, "need-moderated", need, comment=comment.id if comment else None, reports="dismissed")
    db.session.commit()


def edit_need(need: Need, values: dict, reason: str, user: User) -> NeedRevision:
    """Change a need's text, keeping the words it had before in its history."""
    revision = NeedRevision(need_id=need.id, editor_id=user.id, reason=reason,
                            **{name: getattr(need, name) for name in EDITABLE})
    db.session.add(revision)
    for name in EDITABLE:
        if name in values:
            setattr(need, name, values[name] or "")
    touch(need)
    changed = sorted(name for name in EDITABLE if getattr(revision, name) != getattr(need, name))
    _audit(user, "need-edited", need, changed=changed, reason=reason)
    db.session.commit()
    return revision


def merge_needs(merged: Need, kept: Need, reason: str, user: User) -> None:
    """Fold a duplicate into the need that stays: its supports and comments move across.

    A resident who supported both keeps one support. The merged need keeps its own
    words and points at the kept one, so the lineage stays visible.
    """
    if merged.id == kept.id or merged.round_id != kept.round_id:
        raise MergeError("a need can only be merged into another need of the same round")
    if merged.status != NeedStatus.OPEN or kept.status != NeedStatus.OPEN:
        raise MergeError("only open needs can be merged")
    already = select(Support.participant_id).where(Support.need_id == kept.id)
    db.session.execute(delete(Support).where(Support.need_id == merged.id, Support.participant_id.in_(already)))
    db.session.execute(update(Support).where(Support.need_id == merged.id).values(need_id=kept.id))
    recount(db.session, [merged.id, kept.id])
    db.session.execute(update(Comment).where(Comment.need_id == merged.id).values(need_id=kept.id))
    db.session.execute(update(Report).where(Report.need_id == merged.id, Report.comment_id.is_not(None))
                       .values(need_id=kept.id))
    _resolve_reports(merged, None, user, "merged")
    merged.status, merged.merged_into_id = NeedStatus.MERGED, kept.id
    merged.moderation_reason, merged.moderated_at = reason, utcnow()
    _audit(user, "needs-merged", merged, into=kept.id, reason=reason)
    db.session.commit()
