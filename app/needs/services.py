"""What residents do with needs: propose, support, comment, report. Each one transaction."""
from sqlalchemy import select

from app.extensions import db
from app.register.services import area_code
from app.models import Comment, CommentStatus, Need, NeedStatus, NeedTranslation, Participant, Report, Round, Support
from app.models.base import utcnow
from app.models.support_count import recount
from app.needs import terms
from app.rounds.phases import Action, Phase
from app.unique import insert_once

NEED_FIELDS = ("title", "description", "affected", "location", "area", "category", "language")


class PhaseClosed(Exception):
    """The round is not in a phase that allows this action."""


def _allowed(phase: Phase, action: Action, need: Need | None = None) -> None:
    """Refuse what the phase does not allow, and support or comments on a need that is hidden or merged."""
    if not phase.allows(action) or (need is not None and need.status != NeedStatus.OPEN):
        raise PhaseClosed


def search_document(need: Need) -> str:
    """The stemmed terms of the need's own words and of every translation of it, approved or a machine draft
    (drafts only help search find the need: residents read approved translations only)."""
    translated = []
    if need.id is not None:
        translated = db.session.execute(db.select(
            NeedTranslation.language, NeedTranslation.title, NeedTranslation.description).filter_by(
            need_id=need.id).order_by(NeedTranslation.language)).all()
    own = " ".join(part for part in (need.title, need.description, need.affected, need.location) if part)
    return terms.document([(need.language, own),
                           *((row.language, f"{row.title} {row.description}") for row in translated)])


def propose_need(round_: Round, participant: Participant, values: dict, phase: Phase) -> Need:
    _allowed(phase, Action.PROPOSE)
    need = Need(round_id=round_.id, participant_id=participant.id,
                **{name: values.get(name) or "" for name in NEED_FIELDS})
    need.area_code = area_code(round_, need.area)
    need.search_document = search_document(need)
    db.session.add(need)
    db.session.commit()
    return need


def support_need(need: Need, participant: Participant, phase: Phase) -> None:
    """Add this participant's support; a second click, or a double submit, changes nothing."""
    _allowed(phase, Action.SUPPORT, need)

    def stored():
        return db.session.scalar(
            select(Support).where(Support.need_id == need.id, Support.participant_id == participant.id))

    if stored() is None:
        insert_once(Support(need_id=need.id, participant_id=participant.id), stored)
    db.session.commit()


def withdraw_support(need: Need, participant: Participant, phase: Phase) -> None:
    _allowed(phase, Action.SUPPORT)
    db.session.execute(
        db.delete(Support).where(Support.need_id == need.id, Support.participant_id == participant.id)
    )
    recount(db.session, [need.id])
    db.session.commit()


def add_comment(need: Need, participant: Participant, body: str, language: str, phase: Phase,
                reply_to: Comment | None = None) -> Comment:
    _allowed(phase, Action.COMMENT, need)
    # One level of replies: a reply to a reply joins the thread of the first comment.
    parent_id = None if reply_to is None else (reply_to.parent_id or reply_to.id)
    comment = Comment(need_id=need.id, participant_id=participant.id, body=body, language=language,
                      parent_id=parent_id)
    db.session.add(comment)
    db.session.commit()
    return comment


def report(need: Need, participant: Participant | None, reason: str, note: str, phase: Phase,
           comment: Comment | None = None) -> Report:
    _allowed(phase, Action.REPORT)
    item = Report(round_id=need.round_id, need_id=need.id, comment_id=comment.id if comment else None,
                  participant_id=participant.id if participant else None, reason=reason, note=note)
    db.session.add(item)
    db.session.commit()
    return item


def visible_comment(need: Need, comment_id: int | None) -> Comment | None:
    if not comment_id:
        return None
    comment = db.session.get(Comment, comment_id)
    if comment is None or comment.need_id != need.id or comment.status != CommentStatus.VISIBLE:
        return None
    return comment


def touch(need: Need) -> None:
    need.updated_at = utcnow()
    need.search_document = search_document(need)
