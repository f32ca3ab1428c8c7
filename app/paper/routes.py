"""Paper ballots, the staff side: batches and their accounts, printing, keying, supervisors' decisions."""
from flask import Blueprint, abort, current_app, flash, redirect, request, url_for
from flask_babel import gettext as _

from app.accounts.current import can_key_paper, can_manage, current_user, requires
from app.extensions import db
from app.models import PaperBallot, PaperBatch
from app.ballots.tally import counted_needs
from app.paper import audit as paper_audit, desk as desk_service, keying, labels, report, services
from app.paper.forms import ActionForm, AccountForm, AuditForm, BatchForm, DeskForm, GraceForm, KeyForm, PrintForm
from app.paper.reconcile import Account
from app.web import render_page, today

bp = Blueprint("paper", __name__, url_prefix="/rounds/<slug>/paper")


def _batch(round_, batch_id) -> PaperBatch:
    batch = db.session.get(PaperBatch, batch_id)
    if batch is None or batch.round_id != round_.id:
        abort(404)
    return batch


def _index(round_, form=None, grace=None, status=200):
    return render_page("paper/index.html", status=status, round=round_, reports=report.batch_reports(round_),
                       form=form or BatchForm(), grace=grace or GraceForm(days=round_.paper_grace_days),
                       keying_open=services.keying_open(round_, today()), paper_labels=labels)


@bp.get("")
@requires(can_manage)
def index(round_, slug):
    """The round's paper batches, each reconciled against its ballot paper account."""
    return _index(round_)


@bp.post("/batches")
@requires(can_manage)
def new_batch(round_, slug):
    form = BatchForm()
    if not form.validate_on_submit():
        return _index(round_, form=form, status=422)
    try:
        batch = services.create_batch(round_, form.name.data, form.site.data or "", form.held_on.data, current_user())
    except services.BatchNameTaken:
        form.name.errors.append(_("This round already has a batch with that name."))
        return _index(round_, form=form, status=422)
    return redirect(url_for("paper.batch", slug=slug, batch_id=batch.id))


@bp.post("/settings")
@requires(can_manage)
def settings(round_, slug):
    grace = GraceForm()
    if not grace.validate_on_submit():
        return _index(round_, grace=grace, status=422)
    services.set_grace(round_, grace.days.data, current_user())
    flash(_("Saved."), "success")
    return redirect(url_for("paper.index", slug=slug))


def _batch_page(round_, batch, account_form=None, print_form=None, status=200):
    account = services.current_account(batch)
    if account_form is None:
        account_form = AccountForm(obj=account) if account else AccountForm()
    printed = db.session.scalar(db.select(db.func.count(PaperBallot.id)).filter_by(batch_id=batch.id))
    return render_page("paper/batch.html", status=status, round=round_, batch=batch, account=account,
                       account_form=account_form, print_form=print_form or PrintForm(), printed=printed,
                       languages=round_.offered_languages(current_app.config["LANGUAGES"]))


@bp.get("/batches/<int:batch_id>")
@requires(can_manage)
def batch(round_, slug, batch_id):
    """One batch: its ballot paper account, and printing its ballots."""
    return _batch_page(round_, _batch(round_, batch_id))


@bp.post("/batches/<int:batch_id>/account")
@requires(can_manage)
def account(round_, slug, batch_id):
    batch = _batch(round_, batch_id)
    form = AccountForm()
    if not form.validate_on_submit():
        return _batch_page(round_, batch, account_form=form, status=422)
    services.record_account(batch, Account(form.issued.data, form.returned.data, form.spoilt.data, form.unused.data),
                            current_user())
    flash(_("The ballot paper account is saved."), "success")
    return redirect(url_for("paper.index", slug=slug))


@bp.post("/batches/<int:batch_id>/ballots")
@requires(can_manage)
def print_ballots(round_, slug, batch_id):
    batch = _batch(round_, batch_id)
    form = PrintForm()
    if not form.validate_on_submit():
        return _batch_page(round_, batch, print_form=form, status=422)
    services.print_ballots(batch, form.count.data, current_user())
    return redirect(url_for("paper.printable", slug=slug, batch_id=batch.id))


@bp.get("/batches/<int:batch_id>/print")
@requires(can_manage)
def printable(round_, slug, batch_id):
    """The batch's ballots to print, one A4 page each, in the language asked for."""
    batch = _batch(round_, batch_id)
    papers = list(db.session.scalars(db.select(PaperBallot).filter_by(batch_id=batch.id).order_by(PaperBallot.id)))
    return keying.printable(round_, batch, papers, request.args.get("language", ""))


@bp.route("/key", methods=["GET", "POST"])
@requires(can_key_paper)
def key(round_, slug):
    """The keying form: serial, then the marks as numbers; made to be used without a mouse."""
    form = KeyForm()
    form.rejected.choices = labels.rejected_choices()
    if request.method == "GET" or not form.validate_on_submit():
        return keying.key_page(round_, form, status=422 if form.errors else 200)
    return keying.key_submitted(round_, form)


@bp.get("/disputes")
@requires(can_manage)
def disputes(round_, slug):
    """Ballots whose two entries differ, waiting for a supervisor."""
    return render_page("paper/disputes.html", round=round_, papers=report.disputed(round_))


@bp.route("/disputes/<serial>", methods=["GET", "POST"])
@requires(can_manage)
def resolve(round_, slug, serial):
    """A supervisor reads the paper and decides; the decision and who made it are kept."""
    paper = services.find_paper(round_, serial) or abort(404)
    form = KeyForm(serial=paper.serial)
    form.rejected.choices = labels.rejected_choices()
    if request.method == "GET" or not form.validate_on_submit():
        return keying.resolve_page(round_, paper, form, status=422 if form.errors else 200)
    return keying.resolve_submitted(round_, paper, form)



@bp.route("/desk", methods=["GET", "POST"])
@requires(can_key_paper)
def desk(round_, slug):
    """The desk: a resident's access code checked and used up before they are handed a paper ballot."""
    form = DeskForm()
    if request.method == "GET" or not form.validate_on_submit():
        return render_page("paper/desk.html", round=round_, form=form, status=422 if form.errors else 200)
    try:
        desk_service.issue(round_, form.code.data, current_user())
    except desk_service.DeskRefused as refused:
        form.code.errors = list(form.code.errors) + [str(labels.DESK_REFUSALS[refused.reason])]
        return render_page("paper/desk.html", round=round_, form=form, status=409 if refused.reason in (
            desk_service.DeskRefusal.VOTED_ONLINE, desk_service.DeskRefusal.HAS_PAPER) else 422)
    flash(_("The code is used up: hand the resident one paper ballot."), "success")
    return redirect(url_for("paper.desk", slug=slug))


def _audit_page(round_, form=None, status=200):
    current = report.current_audit(round_)
    rows = []
    if current is not None:
        checks = report.checks_of(current)
        found = {paper.serial: verdict for paper, verdict in report.verdicts(round_).values()}
        printed = {n.id: n.public_id for n in counted_needs(round_)}
        rows = [(serial, keying.recorded(found.get(serial), printed), checks.get(serial))
                for serial in current.sample.split()]
    return render_page("paper/audit.html", status=status, round=round_, form=form or AuditForm(), audit=current,
                       rows=rows, result=report.audit_result(current) if current else None, action=ActionForm())


@bp.route("/audit", methods=["GET", "POST"])
@requires(can_manage)
def audit(round_, slug):
    """The sample audit: draw serials from a published seed, then check each paper against its record."""
    form = AuditForm()
    if request.method == "GET" or not form.validate_on_submit():
        return _audit_page(round_, form, status=422 if form.errors else 200)
    paper_audit.draw(round_, form.seed.data, form.size.data, current_user())
    return redirect(url_for("paper.audit", slug=slug))


@bp.post("/audit/check")
@requires(can_manage)
def audit_check(round_, slug):
    ActionForm().validate_on_submit() or abort(400)
    matched = request.form.get("matched")
    if matched not in ("yes", "no") or not paper_audit.check(
            round_, request.form.get("serial", ""), matched == "yes", current_user()):
        abort(400)
    return redirect(url_for("paper.audit", slug=slug))
