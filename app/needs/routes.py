from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _

from app.bounds import parse_int, read_int
from app import labels
from app.accounts.current import can_manage, can_moderate, can_translate, current_user, requires
from app.extensions import db
from app.i18n import language_code
from app.loaders import get_need, get_need_or_carried, get_round
from app.models import Need, NeedStatus
from app.needs import evidence as evidence_service
from app.needs import comment_translations, queries, services, story, translation_pages
from app.register import linking
from app.register import queries as register_queries
from app.needs import translations as translations_service
from app.needs.categories import CATEGORIES, CONTENT_LANGUAGES
from app.needs.forms import CommentForm, NeedForm, ReportForm, SupportForm, TranslationForm
from app.participation import current_participant, join_first, participant_for
from app.rounds.phases import Action
from app.web import render_page, safe_next, today, wants_fragment
from app.ratelimits import resident_writes
from app.page_cache import shared_page

bp = Blueprint("needs", __name__, url_prefix="/rounds/<slug>/needs")


def _languages():
    return [(code, labels.language(code)) for code in CONTENT_LANGUAGES]


def _need_form(round_, **kwargs) -> NeedForm:
    categories = [(code, labels.category(code)) for code in CATEGORIES]
    return NeedForm(areas=round_.area_choices, categories=categories, languages=_languages(), **kwargs)


def _comment_form(round_, blank: bool = False) -> CommentForm:
    """The comment form: bound to what was posted, or blank (after a comment was added)."""
    participant = current_participant(round_)
    form = CommentForm(languages=_languages(), **({"formdata": None} if blank else {}))
    if blank or not form.is_submitted():
        form.language.data = language_code()
        form.display_name.data = participant.display_name if participant else ""
    return form


def _int_arg(name: str, default: int = 1) -> int:
    return request.args.get(name, default, type=parse_int) or default


@bp.get("")
@shared_page
def index(slug):
    """The round's needs: search, filter by category and area, sort and page, all in the address."""
    round_ = get_round(slug)
    filters = {
        "q": request.args.get("q", "").strip()[:200],
        "category": request.args.get("category", "") if request.args.get("category") in CATEGORIES else "",
        "area": request.args.get("area", "") if request.args.get("area") in round_.area_choices else "",
        "sort": request.args.get("sort") if request.args.get("sort") in queries.SORTS else "newest",
    }
    page = queries.list_needs(round_, **filters, page=_int_arg("page"),
                              per_page=current_app.config["NEEDS_PER_PAGE"])
    shown = translations_service.shown_in([row.need for row in page.rows], language_code())
    return render_page("needs/index.html", "needs/_results.html", round=round_, page=page, filters=filters,
                       shown=shown)


@bp.route("/new", methods=["GET", "POST"])
@resident_writes
def propose(slug):
    """A resident proposes a need; similar needs show as the title is typed."""
    round_ = get_round(slug)
    join_first(round_)
    phase = round_.phase_on(today())
    participant = current_participant(round_)
    if request.method == "GET" and request.args:
        form = _need_form(round_, formdata=request.args)
    else:
        form = _need_form(round_)
    if request.method == "GET" and not request.args.get("language"):
        form.language.data = language_code()
        form.display_name.data = participant.display_name if participant else ""
    similar = queries.similar_needs(round_, form.title.data or "") if form.title.data else []
    if request.method == "GET" and wants_fragment():
        return render_page("needs/_similar.html", round=round_, similar=similar, support_form=SupportForm())
    if request.method == "POST" and form.validate_on_submit():
        try:
            need = services.propose_need(
                round_, participant_for(round_, form.display_name.data), form.data, phase)
        except services.PhaseClosed:
            flash(_("Proposing new needs is closed in this round."), "error")
            return redirect(url_for("rounds.show", slug=slug))
        flash(_("Thank you: your need is now on the list."), "success")
        return redirect(url_for("needs.show", slug=slug, need_id=need.id))
    return render_page(
        "needs/propose.html", round=round_, form=form, similar=similar, support_form=SupportForm(),
        open_for_proposals=phase.allows(Action.PROPOSE), status=422 if form.errors else 200,
    )


def _need_page(round_, need, comment_form=None, status=200, comment_added=False):
    participant = current_participant(round_)
    phase = round_.phase_on(today())
    supports = queries.supporters(need)
    threads = queries.threads(need)
    return render_page(
        f"needs/status/{need.status.value}.html", "needs/_comments.html", status=status, round=round_, need=need,
        supports=supports, supported=queries.supported_by(need, participant),
        story=story.story(round_, need, supports) if need.status == NeedStatus.OPEN else None,
        threads=threads, comment_text=comment_translations.shown_in(threads, language_code()),
        merged_from=queries.merged_from(need),
        merged_notice=_merged_notice(need), support_form=SupportForm(),
        comment_form=comment_form or _comment_form(round_), discussing=phase.allows(Action.COMMENT),
        moderator=can_moderate(current_user(), round_), comment_added=comment_added,
        text=_shown(need), translator=can_translate(current_user(), round_), stays=register_queries.rounds_of(need),
        evidence=evidence_service.of_needs([need.id]).get(need.id, []), manager=can_manage(current_user(), round_),
        same=linking.links_of([need.id]).get(need.id, []),
    )


def _shown(need):
    """The need in the visitor's language when a person has approved a translation; ?original=1 for its own words."""
    translation = translations_service.approved_in([need.id], language_code()).get(need.id)
    return translations_service.shown(need, translation, original=request.args.get("original") == "1")


def _merged_notice(need):
    merged_id = request.args.get("merged_from", type=parse_int)
    if not merged_id:
        return None
    merged = db.session.get(Need, merged_id)
    return merged if merged and merged.status == NeedStatus.MERGED else None


@bp.get("/<int:need_id>")
@shared_page
def show(slug, need_id):
    """A need with its supports and comments; a merged need sends the visitor to the need it joined."""
    round_ = get_round(slug)
    need = get_need_or_carried(round_, need_id)
    if need.round_id != round_.id:
        return redirect(url_for("needs.show", slug=need.round.slug, need_id=need.id), 301)
    if need.status == NeedStatus.MERGED:
        kept = queries.final_need(need)
        return redirect(url_for("needs.show", slug=kept.round.slug, need_id=kept.id, merged_from=need.id))
    return _need_page(round_, need)


@bp.post("/<int:need_id>/support")
@resident_writes
def support(slug, need_id):
    """Add or withdraw "this matters to me too"."""
    round_ = get_round(slug)
    need = get_need(round_, need_id)
    SupportForm().validate_on_submit() or abort(400)
    phase = round_.phase_on(today())
    try:
        if request.form.get("action") == "withdraw":
            participant = current_participant(round_)
            if participant:
                services.withdraw_support(need, participant, phase)
        else:
            services.support_need(need, participant_for(round_), phase)
    except services.PhaseClosed:
        flash(_("Support for needs is closed in this round."), "error")
    if wants_fragment():
        participant = current_participant(round_)
        return render_page("needs/_support.html", round=round_, need=need, support_form=SupportForm(),
                           supports=queries.supporters(need), supported=queries.supported_by(need, participant))
    return redirect(safe_next(request.form.get("next"), url_for("needs.show", slug=slug, need_id=need.id)))


@bp.post("/<int:need_id>/comments")
@resident_writes
def comment(slug, need_id):
    """A resident comments on a need, or replies to a comment."""
    round_ = get_round(slug)
    need = get_need(round_, need_id)
    form = _comment_form(round_)
    if not form.validate_on_submit():
        return _need_page(round_, need, comment_form=form, status=422)
    reply_id = form.reply_to.data or ""
    reply_to = services.visible_comment(need, read_int(reply_id))
    try:
        services.add_comment(need, participant_for(round_, form.display_name.data), form.body.data,
                             form.language.data, round_.phase_on(today()), reply_to=reply_to)
    except services.PhaseClosed:
        flash(_("Comments are closed in this round."), "error")
        return redirect(url_for("needs.show", slug=slug, need_id=need.id))
    if wants_fragment():
        return _need_page(round_, need, comment_form=_comment_form(round_, blank=True), comment_added=True)
    flash(_("Your comment was added."), "success")
    return redirect(url_for("needs.show", slug=slug, need_id=need.id, _anchor="comments"))


@bp.route("/<int:need_id>/report", methods=["GET", "POST"])
@resident_writes
def report(slug, need_id):
    """Tell the moderators about a need or a comment."""
    round_ = get_round(slug)
    need = get_need(round_, need_id)
    reasons = [(code, label) for code, label in labels.REPORT_REASONS.items()]
    form = ReportForm(reasons=reasons)
    comment_id = form.comment.data if form.is_submitted() else request.args.get("comment", type=parse_int)
    comment = services.visible_comment(need, comment_id)
    if comment_id and comment is None:
        abort(404)
    if form.validate_on_submit():
        services.report(need, current_participant(round_), form.reason.data, form.note.data, round_.phase_on(today()),
                        comment=comment)
        flash(_("Thank you. A moderator will look at it."), "success")
        return redirect(url_for("needs.show", slug=slug, need_id=need.id))
    form.comment.data = comment.id if comment else None
    return render_page("needs/report.html", round=round_, need=need, comment=comment, form=form,
                       status=422 if form.errors else 200)


@bp.get("/<int:need_id>/history")
def history(slug, need_id):
    """Every earlier version of a need that moderators edited."""
    round_ = get_round(slug)
    need = get_need_or_carried(round_, need_id)
    if need.round_id != round_.id:
        return redirect(url_for("needs.history", slug=need.round.slug, need_id=need.id), 301)
    if need.status == NeedStatus.HIDDEN and not can_moderate(current_user(), round_):
        abort(404)
    return render_page("needs/history.html", round=round_, need=need)


def _translation_pages(slug, need) -> translation_pages.Pages:
    return translation_pages.Pages("needs.translations", "needs.suggest_translation",
                                   {"slug": slug, "need_id": need.id})


@bp.route("/<int:need_id>/translations", methods=["GET", "POST"])
@requires(can_translate)
def translations(round_, slug, need_id):
    """Facilitators and translators write, correct and approve a need's translations."""
    need = get_need(round_, need_id)
    return translation_pages.edit(translations_service.NEED, round_, need, TranslationForm,
                                  _translation_pages(slug, need), "needs/translations.html", need=need)


@bp.post("/<int:need_id>/translations/suggest")
@requires(can_translate)
def suggest_translation(round_, slug, need_id):
    """A machine draft of the need's words, for a translator to correct and approve."""
    need = get_need(round_, need_id)
    return translation_pages.suggest(translations_service.NEED, round_, need, _translation_pages(slug, need))
