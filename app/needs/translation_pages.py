"""The translation pages of needs and of comments, one way for both: write, correct and approve a translation, or
start from a machine draft."""
from dataclasses import dataclass, field

from flask import abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _

from app import labels
from app.accounts.current import current_user
from app.models import Round
from app.needs import translating
from app.needs.categories import CONTENT_LANGUAGES
from app.needs.forms import SuggestForm
from app.needs.machine_translation import MachineTranslationError
from app.web import render_page


@dataclass(frozen=True)
class Pages:
    """Where one owner's translations are edited and drafted; the templates link to them too."""

    edit: str
    suggest: str
    args: dict = field(default_factory=dict)

    def edit_url(self, **language) -> str:
        return url_for(self.edit, **self.args, **language)

    def suggest_url(self) -> str:
        return url_for(self.suggest, **self.args)


def languages_besides(language: str) -> list[tuple[str, str]]:
    return [(code, labels.language(code)) for code in CONTENT_LANGUAGES if code != language]


def edit(kind: translating.Translated, round_: Round, owner, form_class, pages: Pages, template: str, **context):
    """Save a translation and come back to the page, or show the page: ?language= opens that translation."""
    languages = languages_besides(owner.language)
    form = form_class(languages=languages)
    if form.validate_on_submit():
        translating.save(kind, round_, owner, form.language.data, {name: form[name].data for name in kind.texts},
                         form.approved.data, current_user())
        flash(_("The translation is saved.") if not form.approved.data else
              _("The translation is saved, and residents who read %(language)s now see it.",
                language=labels.language(form.language.data)), "success")
        return redirect(pages.edit_url())
    editing = translating.find(kind, owner, request.args.get("language", "")) if request.method == "GET" else None
    if editing is not None:
        form = form_class(languages=languages, obj=editing)
    return render_page(template, round=round_, form=form, editing=editing, existing=translating.of(kind, owner),
                       suggest_form=SuggestForm(languages=languages), machine=bool(current_app.config["MT_URL"]),
                       pages=pages, status=422 if form.errors else 200, **context)


def suggest(kind: translating.Translated, round_: Round, owner, pages: Pages):
    """A machine draft, stored unapproved, for a person to read, correct and approve."""
    form = SuggestForm(languages=languages_besides(owner.language))
    if not current_app.config["MT_URL"] or not form.validate_on_submit():
        abort(400)
    try:
        translating.suggest(kind, round_, owner, form.language.data, current_app.config["MT_URL"],
                            current_app.config["MT_API_KEY"], current_user())
    except translating.ApprovedAlready:
        flash(_("A person has approved a translation into this language. Correct it instead."), "error")
    except MachineTranslationError:
        flash(_("The translation service did not answer. Try again later, or write the translation yourself."), "error")
    else:
        flash(_("Here is the machine's draft. Read it through, correct it, then approve it."), "success")
    return redirect(pages.edit_url(language=form.language.data))
