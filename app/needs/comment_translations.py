"""Comments in a resident's language: a person-approved translation, or the comment as written; machine
drafts wait, unapproved, for a translator (app.needs.translating writes both)."""
from dataclasses import dataclass

from app.models import Comment, CommentTranslation
from app.needs.translating import Translated

COMMENT = Translated(CommentTranslation, "comment_id", ("body",))


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
