"""The facilitator's side of a workshop: starting sessions, the phone-sized console, dots and the report."""
from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _

from app import labels
from app.access import services as access
from app.access.gates import code_refusal
from app.accounts.current import can_manage, current_user, requires
from app.ballots.tally import counted_needs
from app.i18n import language_name
from app.rounds import services as rounds
from app.web import render_page, today
from app.workshops import report as reports, services, station as stations
from app.workshops.forms import ActionForm, LanguageForm, ShowNeedForm, StartForm, StationForm, TimerForm, dots_form
from app.workshops.links import join_link, projector_link

bp = Blueprint("workshops", __name__, url_prefix="/rounds/<slug>/workshops")


def _session(round_, session_id):
    session = services.session_of(round_, session_id)
    if session is None:
        abort(404)
    return session


@bp.route("", methods=["GET", "POST"])
@requires(can_manage)
def index(round_, slug):
    """A round's workshop sessions, and the form to start one."""
    form = StartForm()
    if form.validate_on_submit():
        session = services.start(round_, form.name.data, form.place.data, form.starts_at.data, current_user())
        flash(_("The session has started. Open the projector link on the venue's screen."), "success")
        return redirect(url_for("workshops.console", slug=slug, session_id=session.id))
    return render_page("workshops/index.html", round=round_, form=form, sessions=services.sessions_of(round_),
                       status=422 if form.errors else 200)


def _console(round_, session, timer_form=None, status=200):
    needs = counted_needs(round_)
    show_form = ShowNeedForm(need=session.shown_need_id or 0)
    show_form.need.choices = [(0, _("No need on the big screen"))] + [(n.id, n.title) for n in needs]
    language_form = LanguageForm(language=session.language)
    language_form.language.choices = [("", _("The round's language"))] + [
        (code, language_name(code)) for code in round_.offered_languages(current_app.config["LANGUAGES"])]
    return render_page(
        "workshops/console.html", status=status, round=round_, session=session, action=ActionForm(),
        timer_form=timer_form or TimerForm(), show_form=show_form, language_form=language_form,
        snapshot=services.current_snapshot(session), results_allowed=round_.results_published_on(today()),
        projector_link=projector_link(session),
        join_link=join_link(session), next_phase=round_.next_on(today()))


@bp.get("/<int:session_id>")
@requires(can_manage)
def console(round_, slug, session_id):
    """The facilitator's console, made for a phone: timer, results, phase, the need on the big screen."""
    return _console(round_, _session(round_, session_id))


@bp.post("/<int:session_id>/timer")
@requires(can_manage)
def timer(round_, slug, session_id):
    session = _session(round_, session_id)
    if request.form.get("stop"):
        ActionForm().validate_on_submit() or abort(400)
        services.stop_timer(session, current_user())
        return redirect(url_for("workshops.console", slug=slug, session_id=session.id))
    form = TimerForm()
    if not form.validate_on_submit():
        return _console(round_, session, timer_form=form, status=422)
    services.start_timer(session, form.minutes.data, current_user())
    return redirect(url_for("workshops.console", slug=slug, session_id=session.id))


@bp.post("/<int:session_id>/results")
@requires(can_manage)
def results(round_, slug, session_id):
    session = _session(round_, session_id)
    ActionForm().validate_on_submit() or abort(400)
    services.show_results(session, request.form.get("show") == "1", current_user())
    return redirect(url_for("workshops.console", slug=slug, session_id=session.id))


@bp.post("/<int:session_id>/phase")
@requires(can_manage)
def phase(round_, slug, session_id):
    session = _session(round_, session_id)
    ActionForm().validate_on_submit() or abort(400)
    opened = rounds.advance_phase(round_, today(), current_user())
    services.recount_soon(session)
    if opened:
        flash(_("The %(phase)s phase is now open.", phase=labels.phase(opened)), "success")
    return redirect(url_for("workshops.console", slug=slug, session_id=session.id))


@bp.post("/<int:session_id>/need")
@requires(can_manage)
def show_need(round_, slug, session_id):
    session = _session(round_, session_id)
    form = ShowNeedForm()
    form.need.choices = [(0, "")] + [(n.id, n.title) for n in counted_needs(round_)]
    form.validate_on_submit() or abort(400)
    services.show_need(session, form.need.data or None, current_user())
    return redirect(url_for("workshops.console", slug=slug, session_id=session.id))


@bp.post("/<int:session_id>/language")
@requires(can_manage)
def language(round_, slug, session_id):
    session = _session(round_, session_id)
    form = LanguageForm()
    form.language.choices = [("", "")] + [(c, c) for c in round_.offered_languages(current_app.config["LANGUAGES"])]
    form.validate_on_submit() or abort(400)
    services.set_language(session, form.language.data, current_user())
    return redirect(url_for("workshops.console", slug=slug, session_id=session.id))


@bp.post("/<int:session_id>/end")
@requires(can_manage)
def end(round_, slug, session_id):
    session = _session(round_, session_id)
    ActionForm().validate_on_submit() or abort(400)
    services.end(session, current_user())
    flash(_("The session has ended: its projector link and join code no longer work."), "success")
    return redirect(url_for("workshops.report", slug=slug, session_id=session.id))


@bp.route("/<int:session_id>/dots", methods=["GET", "POST"])
@requires(can_manage)
def dots(round_, slug, session_id):
    """Totals from a flip chart's dot voting, need by need; shown apart from the ballots."""
    session = _session(round_, session_id)
    needs = counted_needs(round_)
    form = dots_form(needs, services.dots_of(session))
    if form.validate_on_submit():
        services.record_dots(session, {n.id: form[f"dots-{n.id}"].data or 0 for n in needs}, current_user())
        flash(_("The dots are saved."), "success")
        return redirect(url_for("workshops.console", slug=slug, session_id=session.id))
    return render_page("workshops/dots.html", round=round_, session=session, form=form, needs=needs,
                       status=422 if form.errors else 200)


@bp.get("/<int:session_id>/report")
@requires(can_manage)
def report(round_, slug, session_id):
    """The printable record of the session: attendance, ballots, results once revealed, dots."""
    session = _session(round_, session_id)
    return render_page("workshops/report.html", round=round_, session=session,
                       report=reports.report(round_, session, today()))


@bp.route("/<int:session_id>/station", methods=["GET", "POST"])
@requires(can_manage)
def station(round_, slug, session_id):
    """The helper's station: a blank screen that starts the next resident's ballot, by card code or a new one."""
    session = _session(round_, session_id)
    stations.open_station(round_, session)
    form, status = StationForm(), 200
    if request.method == "POST" and session.live and request.form.get("fresh"):
        ActionForm().validate_on_submit() or abort(400)
        participant = stations.resident_without_card(round_, current_user())
        if participant is not None:
            stations.hand_over(round_, session, participant)
            return redirect(url_for("ballots.ballot", slug=slug))
        flash(_("This round lets people in only by an emailed link, which the station cannot give."), "error")
        status = 400
    elif request.method == "POST" and session.live:
        if form.validate_on_submit():
            try:
                stations.hand_over(round_, session, access.redeem(round_, form.code.data))
                return redirect(url_for("ballots.ballot", slug=slug))
            except access.CodeRefused as refused:
                form.code.errors = [code_refusal(refused.reason)]
        status = 422
    return render_page("workshops/station.html", round=round_, session=session, form=form, action=ActionForm(),
                       status=status)


@bp.post("/<int:session_id>/station/leave")
@requires(can_manage)
def leave_station(round_, slug, session_id):
    session = _session(round_, session_id)
    ActionForm().validate_on_submit() or abort(400)
    stations.close_station(round_)
    return redirect(url_for("workshops.console", slug=slug, session_id=session.id))


@bp.after_app_request
def _nothing_kept_on_a_station(response):
    # Back and forward on the tablet must not bring a previous voter's page out of the browser's cache.
    if request.endpoint != "static" and stations.is_station():
        response.headers["Cache-Control"] = "no-store"
    return response
