"""The keying and supervisor pages: reading what was typed into a ballot, and answering each outcome."""
from flask import flash, redirect, url_for
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import select

from app.accounts.current import current_user
from app.ballots import labels as ballot_labels
from app.ballots.tally import counted_needs
from app.ballots.validation import approval_errors, points_errors, ranking_errors
from app.extensions import db
from app.models import BallotKind, Need, PaperBallot, PaperEntry, User
from app.needs.translations import shown_in
from app.paper import labels, marks, services
from app.paper.reconcile import RejectedReason
from app.voting.ballot_content import parse
from app.web import render_page, today

RECENT = 10


def numbers(needs) -> dict[str, int]:
    """Each need's printed number (its public id) to its id."""
    return {need.public_id.upper(): need.id for need in needs}


def read_form(round_, form, needs, paper=None):
    """(ballot, rejected reason, error messages) from the keying form; a pairwise paper's keys are read
    against the pairs that `paper` prints."""
    if form.rejected.data:
        return None, RejectedReason(form.rejected.data), []
    if round_.ballot_kind == BallotKind.PAIRWISE:
        pairs = services.pairs_of(paper, needs)
        read = marks.read_pairs(form.marks.data or "", pairs)
        return read.ballot, None, [labels.pair_error(code, len(pairs), read.typed_pairs) for code in read.errors]
    read = marks.read(round_.ballot_kind, form.marks.data or "", numbers(needs))
    limits = round_.ballot_rules.limits(frozenset(n.id for n in needs))
    codes = read.errors
    if not codes and round_.ballot_kind == BallotKind.RANKING:
        codes = ranking_errors(read.order, limits)
    elif not codes and round_.ballot_kind == BallotKind.APPROVAL:
        codes = approval_errors(read.order, limits)
    elif not codes:
        codes = [code for found in points_errors(read.points, limits).values() for code in found]
    return read.ballot, None, [ballot_labels.error(code, limits) for code in dict.fromkeys(codes)]


def _mine(round_, operator: User) -> list[tuple[PaperBallot, PaperEntry]]:
    """This operator's latest entries, and only theirs: the other operator's stay unseen."""
    rows = db.session.execute(select(PaperBallot, PaperEntry).select_from(PaperEntry).join(PaperBallot)
                              .where(PaperBallot.round_id == round_.id, PaperEntry.operator_id == operator.id)
                              .order_by(PaperEntry.id.desc()).limit(RECENT)).all()
    return [(paper, entry) for paper, entry in rows]


def _pairs(round_, paper, needs):
    """The pairs a pairwise paper prints, to write its keys back in order; None in other rounds."""
    return services.pairs_of(paper, needs) if round_.ballot_kind == BallotKind.PAIRWISE else None


def _written(entry, printed, pairs=None) -> str:
    if entry.rejected:
        return str(labels.REJECTED[entry.rejected])
    return marks.typed_form(parse(entry.content), printed, pairs)


def recorded(verdict, printed) -> str:
    """What a reconciled paper counts as, as an operator would type it; empty if it is not reconciled."""
    if verdict is None or verdict.record is None:
        return ""
    if verdict.record.rejected:
        return str(labels.REJECTED[verdict.record.rejected])
    return marks.typed_form(parse(verdict.record.content), printed)


def key_page(round_, form, status=200):
    needs = counted_needs(round_)
    printed = {n.id: n.public_id for n in needs}
    recent = [(paper.serial, _written(entry, printed, _pairs(round_, paper, needs)))
              for paper, entry in _mine(round_, current_user())]
    return render_page("paper/key.html", status=status, round=round_, form=form, needs=needs, printed=printed,
                       recent=recent, keying_open=services.keying_open(round_, today()))


def key_submitted(round_, form):
    paper = services.find_paper(round_, form.serial.data)
    if paper is None and round_.ballot_kind == BallotKind.PAIRWISE:
        # Its keys mean nothing without the paper's pairs: say so before reading them.
        form.serial.errors = list(form.serial.errors) + [str(labels.KEYING_REFUSALS["unknown-serial"])]
        return key_page(round_, form, status=422)
    ballot, rejected, errors = read_form(round_, form, counted_needs(round_), paper)
    if errors:
        form.marks.errors = list(form.marks.errors) + errors
        return key_page(round_, form, status=422)
    try:
        services.key(round_, form.serial.data, current_user(), ballot, rejected, today())
    except services.KeyingClosed:
        flash(_("Keying has closed in this round, so this entry was not kept."), "error")
        return key_page(round_, form, status=409)
    except services.KeyingRefused as refused:
        form.serial.errors = list(form.serial.errors) + [str(labels.KEYING_REFUSALS[refused.reason])]
        return key_page(round_, form, status=422)
    flash(_("Kept: ballot %(serial)s. Key the next one.", serial=services.normalise_serial(form.serial.data)),
          "success")
    return redirect(url_for("paper.key", slug=round_.slug))


def resolve_page(round_, paper, form, status=200):
    needs = counted_needs(round_)
    printed = {n.id: n.public_id for n in needs}
    pairs = _pairs(round_, paper, needs)
    entries = [(db.session.get(User, e.operator_id), _written(e, printed, pairs)) for e in services.entries_of(paper)]
    decisions = [(db.session.get(User, r.supervisor_id), r.decided_at, _written(r, printed, pairs))
                 for r in services.resolutions_of(paper)]
    return render_page("paper/resolve.html", status=status, round=round_, paper=paper, form=form, needs=needs,
                       printed=printed, entries=entries, decisions=decisions, verdict=services.verdict_of(paper),
                       states=labels.STATES, pairs=pairs, by_id={n.id: n for n in needs})


def resolve_submitted(round_, paper, form):
    ballot, rejected, errors = read_form(round_, form, counted_needs(round_), paper)
    if errors:
        form.marks.errors = list(form.marks.errors) + errors
        return resolve_page(round_, paper, form, status=422)
    try:
        services.resolve(round_, paper, current_user(), ballot, rejected, today())
    except services.KeyingClosed:
        flash(_("Keying has closed in this round, so this entry was not kept."), "error")
        return resolve_page(round_, paper, form, status=409)
    except services.SupervisorKeyedIt:
        flash(_("You keyed this ballot yourself, so another facilitator must read the paper and decide."), "error")
        return resolve_page(round_, paper, form, status=409)
    flash(_("Decided: ballot %(serial)s counts as you read it.", serial=paper.serial), "success")
    return redirect(url_for("paper.disputes", slug=round_.slug))


def printable(round_, batch, papers, language: str):
    """Printed ballots in one of the round's languages (the round's own unless another is asked for)."""
    from flask import current_app
    offered = round_.offered_languages(current_app.config["LANGUAGES"])
    language = language if language in offered else (round_.language if round_.language in offered else offered[0])
    needs = counted_needs(round_)
    pairs = {p.id: services.pairs_of(p, needs) for p in papers} if round_.ballot_kind == BallotKind.PAIRWISE else {}
    shown_needs = needs + [n for n in _needs_in(pairs.values()) if n not in needs]
    with force_locale(language):
        return render_page("paper/print.html", round=round_, batch=batch, papers=papers, needs=needs, pairs=pairs,
                           shown=shown_in(shown_needs, language), limits=round_.ballot_rules.limits(
                               frozenset(n.id for n in needs)), language=language)


def _needs_in(pair_lists):
    """The needs the kept pairs name, should one have left the ballot since its papers were made."""
    ids = {need for pairs in pair_lists for pair in pairs for need in pair}
    return list(db.session.scalars(select(Need).where(Need.id.in_(ids)).order_by(Need.id))) if ids else []
