"""Translators write, correct and approve a comment's translations, or start from a machine draft."""
from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _

from app import labels
from app.accounts.current import can_translate, current_user, requires
from app.loaders import get_comment, get_need
from app.models import CommentStatus
from app.needs import comment_translations as service
from app.needs.categories import CONTENT_LANGUAGES
from app.needs.forms import CommentTranslationForm, SuggestForm
from app.needs.machine_translation import MachineTranslationError
from app.needs.translations import ApprovedAlready
from app.web import render_page

bp = Blueprint("comment_translations", __name__,
               url_prefix="/rounds/<slug>/needs/<int:need_id>/comments/<int:comment_id>/translations")


def _comment(round_, need_id, comment_id):
    comment = get_comment(get_need(round_, need_id), comment_id)
    if comment.status == CommentStatus.HIDDEN:
        abort(404)  # a hidden comment is not translated for residents
    return comment


def _languages(comment):
    return [(code, labels.language(code)) for code in CONTENT_LANGUAGES if code != comment.language]


@bp.route("", methods=["GET", "POST"])
@requires(can_translate)
def edit(round_, slug, need_id, comment_id):
    comment = _comment(round_, need_id, comment_id)
    languages = _languages(comment)
    form = CommentTranslationForm(languages=languages)
    if form.validate_on_submit():
        service.save(round_, comment, form.language.data, form.body.data, form.approved.data, current_user())
        flash(_("The translation is saved.") if not form.approved.data else
              _("The translation is saved, and residents who read %(language)s now see it.",
                language=labels.language(form.language.data)), "success")
        return redirect(url_for("comment_translations.edit", slug=slug, need_id=need_id, comment_id=comment.id))
    editing = service.find(comment, request.args.get("language", "")) if request.method == "GET" else None
    if editing is not None:
        form = CommentTranslationForm(languages=languages, obj=editing)
    return render_page("needs/comment_translations.html", round=round_, need_id=need_id, comment=comment, form=form,
                       editing=editing, existing=comment.translations,
                       suggest_form=SuggestForm(languages=languages), machine=bool(current_app.config["MT_URL"]),
                       status=422 if form.errors else 200)


@bp.post("/suggest")
@requires(can_translate)
def suggest(round_, slug, need_id, comment_id):
    """A machine draft, stored unapproved, for a person to read, correct and approve."""
    comment = _comment(round_, need_id, comment_id)
    form = SuggestForm(languages=_languages(comment))
    if not current_app.config["MT_URL"] or not form.validate_on_submit():
        abort(400)
    try:
        service.suggest(round_, comment, form.language.data, current_app.config["MT_URL"],
                        current_app.config["MT_API_KEY"], current_user())
    except ApprovedAlready:
        flash(_("A person has approved a translation into this language. Correct it instead."), "error")
    except MachineTranslationError:
        flash(_("The translation service did not answer. Try again later, or write the translation yourself."), "error")
    else:
        flash(_("Here is the machine's draft. Read it through, correct it, then approve it."), "success")
    return redirect(url_for("comment_translations.edit", slug=slug, need_id=need_id, comment_id=comment.id,
                            language=form.language.data))
