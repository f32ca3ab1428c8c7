"""Translators write, correct and approve a comment's translations, or start from a machine draft."""
from flask import Blueprint, abort

from app.accounts.current import can_translate, requires
from app.loaders import get_comment, get_need
from app.models import CommentStatus
from app.needs import translation_pages
from app.needs.comment_translations import COMMENT
from app.needs.forms import CommentTranslationForm

bp = Blueprint("comment_translations", __name__,
               url_prefix="/rounds/<slug>/needs/<int:need_id>/comments/<int:comment_id>/translations")


def _comment(round_, need_id, comment_id):
    comment = get_comment(get_need(round_, need_id), comment_id)
    if comment.status == CommentStatus.HIDDEN:
        abort(404)  # a hidden comment is not translated for residents
    return comment


def _pages(slug, need_id, comment) -> translation_pages.Pages:
    return translation_pages.Pages("comment_translations.edit", "comment_translations.suggest",
                                   {"slug": slug, "need_id": need_id, "comment_id": comment.id})


@bp.route("", methods=["GET", "POST"])
@requires(can_translate)
def edit(round_, slug, need_id, comment_id):
    """Translators write, correct and approve the comment's translations."""
    comment = _comment(round_, need_id, comment_id)
    return translation_pages.edit(COMMENT, round_, comment, CommentTranslationForm, _pages(slug, need_id, comment),
                                  "needs/comment_translations.html", need_id=need_id, comment=comment)


@bp.post("/suggest")
@requires(can_translate)
def suggest(round_, slug, need_id, comment_id):
    """A machine draft of the comment, for a translator to correct and approve."""
    comment = _comment(round_, need_id, comment_id)
    return translation_pages.suggest(COMMENT, round_, comment, _pages(slug, need_id, comment))
