"""Comments in a resident's language: a person-approved translation, or the comment as written; machine
drafts wait, unapproved, for a translator (app.needs.translations does the same for needs)."""
from dataclasses import dataclass

from app import audit
from app.extensions import db
from app.models import Comment, CommentTranslation, Round, User
from app.models.base import utcnow
from app.needs.machine_translation import translate
from app.needs.translations import ApprovedAlready


@dataclass(frozen=True)
class ShownComment:
    body: str
    language: str
    original: str | None = None  # the comment as written, when this is a translation
    translated_from: str | None = None


def shown(comment: Comment, language: str) -> ShownComment:
    """Reads the comment's translations, loaded with it (app.needs.queries.threads)."""
    approved = next((t for t in comment.translations if t.language == language and t.approved), None)
    if approved is None or comment.language == language:
        return ShownComment(comment.body, comment.language)
    return ShownComment(approved.body, approved.language, comment.body, comment.language)


def shown_in(threads, language: str) -> dict[int, ShownComment]:
    comments = [c for thread in threads for c in (thread.comment, *thread.replies)]
    return {c.id: shown(c, language) for c in comments}


def find(comment: Comment, language: str) -> CommentTranslation | None:
    return db.session.scalar(db.select(CommentTranslation).filter_by(comment_id=comment.id, language=language))


def _row(comment: Comment, language: str) -> CommentTranslation:
    translation = find(comment, language)
    if translation is None:
        translation = CommentTranslation(comment_id=comment.id, language=language, by_machine=False)
        db.session.add(translation)
    return translation


def save(round_: Round, comment: Comment, language: str, body: str, approved: bool,
         translator: User) -> CommentTranslation:
    """A person writes or corrects a translation; machine text they leave unchanged stays marked as machine text."""
    translation = _row(comment, language)
    translation.by_machine = bool(translation.by_machine and translation.body == body)
    translation.body, translation.approved = body, approved
    translation.translator_id, translation.updated_at = translator.id, utcnow()
    audit.record(translator, "comment-translated", round_, comment=comment.id, language=language,
                 approved=approved, by_machine=translation.by_machine)
    db.session.commit()
    return translation


def suggest(round_: Round, comment: Comment, language: str, base_url: str, api_key: str,
            translator: User) -> CommentTranslation:
    """Ask the machine for a first draft, kept unapproved. Raises MachineTranslationError."""
    if (existing := find(comment, language)) is not None and existing.approved:
        raise ApprovedAlready(language)
    body = translate(base_url, api_key, comment.body, comment.language, language)
    translation = _row(comment, language)
    translation.body, translation.by_machine, translation.approved = body, True, False
    translation.translator_id, translation.updated_at = translator.id, utcnow()
    audit.record(translator, "comment-translated", round_, comment=comment.id, language=language, approved=False,
                 by_machine=True)
    db.session.commit()
    return translation
