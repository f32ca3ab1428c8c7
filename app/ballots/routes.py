import random

from flask import Blueprint, Response, abort, flash, redirect, request, stream_with_context, url_for
from flask_babel import gettext as _

from app.bounds import parse_int
from app.ballots import casting, drafts, unsent, labels as ballot_labels, receipts as receipt_list
from app.ballots.keys import new_nonce
from app.ballots.tally import counted_need_ids, counted_needs
from app.ballots.validation import Limits, approval_errors, points_errors, points_left, ranking_errors
from app.extensions import reads_first
from app.i18n import language_code
from app.loaders import get_round
from app.models import BallotKind
from app.needs.translations import shown_in
from app.needs.forms import SupportForm
from app.page_cache import per_visitor, personal, shared_page
from app.participation import current_participant, join_first, keep_receipt, kept_receipt
from app.rounds.phases import Action
from app.web import render_page, today, wants_fragment
from app.ratelimits import resident_writes
from app.readable import display
from app.voting.ballot_content import NO_PREFERENCE, PairwiseBallot
from app.workshops import station

bp = Blueprint("ballots", __name__, url_prefix="/rounds/<slug>")


def _limits(round_, need_ids) -> Limits:
    return round_.ballot_rules.limits(frozenset(need_ids))


def _page(round_, needs, ballot, draft, errors=None, status=200, nonce=None, based_on=None, pair=None, stale=False,
          change=None, cast=False):
    """The ballot page or its form fragment; `needs` and `ballot` are what the route already loaded."""
    limits = _limits(round_, (n.id for n in needs))
    shown = shown_in(needs, language_code())
    return render_page(
        "ballots/ballot.html", "ballots/_ballot_form.html", status=status, round=round_, needs=needs,
        by_id={n.id: n for n in needs}, shown=shown, draft=draft, errors=errors or {}, ballot=ballot, limits=limits,
        points_left=points_left(draft.points, limits), nonce=nonce or per_visitor(new_nonce),
        based_on=based_on if based_on is not None else (ballot.version if ballot else 0),
        casting_open=round_.phase_on(today()).allows(Action.CAST_BALLOT), pair=pair, form=SupportForm(),
        messages=ballot_labels, stale=stale, change=change, oob=wants_fragment(),
        announcement=_announcement(change, shown, ballot if cast else None, stale),
    )


def _announcement(change, shown, cast_ballot, stale) -> str:
    """What the ballot's small live region says after a swap: only what changed, never the whole ballot."""
    if stale:
        return _("You changed your ballot in another window after opening this one, so this older version "
                 "was not counted. Here is your latest ballot.")
    if cast_ballot is not None:
        return _("Your ballot is counted. Your receipt: %(receipt)s", receipt=display(cast_ballot.receipt))
    if change is not None and change.need in shown:
        return ballot_labels.change(change, shown[change.need].title)
    return ""


def _loaded(round_):
    """The counted needs and this browser's ballot, read once and carried through the request."""
    return counted_needs(round_), _stored(round_)


def _stored(round_):
    return casting.current_ballot(round_, current_participant(round_), kept_receipt(round_))


def _after_cast(round_, result):
    """The needs, read whole for the page, and the ballot as the cast stored it."""
    return counted_needs(round_), result.ballot


@bp.get("/ballot")
@shared_page
def ballot(slug):
    """The resident's ballot: empty, or as last cast, for changing until ranking closes."""
    round_ = get_round(slug)
    join_first(round_)
    needs, stored = _loaded(round_)
    pair = None
    if round_.ballot_kind == BallotKind.PAIRWISE:
        personal()  # each resident is shown a pair drawn for them
        pair = _next_pair(needs, drafts.answers_of(stored.content if stored else None))
    draft = unsent.kept(round_.id, {n.id for n in needs}) if pair is None else None
    return _page(round_, needs, stored, draft or drafts.from_content(stored.content if stored else None), pair=pair)


def _errors(round_, draft, limits) -> dict:
    kind = round_.ballot_kind
    if kind == BallotKind.RANKING:
        codes = ranking_errors(draft.order, limits) + (["duplicate"] if draft.duplicate_ranks else [])
        return {"ballot": codes} if codes else {}
    if kind == BallotKind.APPROVAL:
        codes = approval_errors(draft.approved, limits)
        return {"ballot": codes} if codes else {}
    found = {("ballot" if k is None else k): v for k, v in points_errors(draft.points, limits).items()}
    for need in draft.unreadable:
        found.setdefault(need, []).append("not-a-number")
    return found


@bp.post("/ballot")
@reads_first
@resident_writes
def cast(slug):
    """Edit the draft (ranking buttons, points count) or cast it."""
    round_ = get_round(slug)
    SupportForm().validate_on_submit() or abort(400)
    # Only a page reads the needs whole and the ballot as stored; a cast reads its ballot under the lock.
    wants_page = bool(request.form.get("edit") or request.form.get("preview"))
    needs = counted_needs(round_) if wants_page else None
    need_ids = [n.id for n in needs] if wants_page else counted_need_ids(round_)
    draft = drafts.read(request.form)
    nonce, based_on = request.form.get("nonce") or new_nonce(), request.form.get("based_on", 0, type=parse_int)
    change = None
    if request.form.get("edit"):
        before, draft.order = draft.order, drafts.apply_edit(draft.order, request.form["edit"])
        limit = _limits(round_, need_ids).max_choices
        change = drafts.change_of(before, draft.order, request.form["edit"], need_ids,
                                  full=bool(limit) and len(draft.order) >= limit)
    if wants_page:
        unsent.keep(round_.id, round_.ballot_kind.value, draft)
        return _page(round_, needs, _stored(round_), draft, nonce=nonce, based_on=based_on, change=change)
    errors = _errors(round_, draft, _limits(round_, need_ids))
    if errors:
        return _page(round_, counted_needs(round_), _stored(round_), draft, errors=errors, status=422, nonce=nonce,
                     based_on=based_on)
    try:
        result = casting.cast(round_, drafts.to_ballot(round_.ballot_kind, draft), nonce, based_on, today())
    except casting.VotedOnPaper:
        flash(_("This access code was given a paper ballot, so it cannot vote online too."), "error")
        return redirect(url_for("ballots.ballot", slug=slug))
    except casting.CastingClosed:
        flash(_("Ranking is not open in this round, so no ballot was stored."), "error")
        return redirect(url_for("ballots.ballot", slug=slug))
    keep_receipt(round_, result.receipt)
    unsent.forget(round_.id)
    if (station_screen := station.after_cast(round_)) is not None:
        return station_screen
    if not wants_fragment():
        _flash_cast(result)
        return redirect(url_for("ballots.ballot", slug=slug))
    needs, stored = _after_cast(round_, result)
    stale = result.status == casting.CastStatus.STALE
    return _page(round_, needs, stored, drafts.from_content(stored.content) if stale else draft, stale=stale,
                 cast=True)


def _flash_cast(result) -> None:
    """Only a stale form needs a word above the page: the receipt is shown once, in the ballot's own box,
    so a changed ballot never shows an old receipt beside the new one."""
    if result.status == casting.CastStatus.STALE:
        flash(_("You changed your ballot in another window after opening this one, so this older version "
                "was not counted. Here is your latest ballot."), "error")


def _next_pair(needs, answers: PairwiseBallot):
    return drafts.next_pair([n.id for n in needs], answers.answered(), random.choice)


@bp.post("/ballot/pair")
@reads_first
@resident_writes
def answer_pair(slug):
    """Record one "which matters more?" answer and show the next pair."""
    round_ = get_round(slug)
    SupportForm().validate_on_submit() or abort(400)
    needs = counted_needs(round_)
    ids = {n.id for n in needs}
    first, second = request.form.get("first", type=parse_int), request.form.get("second", type=parse_int)
    answer = request.form.get("answer", "")
    if first not in ids or second not in ids or first == second or answer not in (str(first), str(second), NO_PREFERENCE):
        abort(400)
    try:
        result = casting.answer_pair(round_, first, second, None if answer == NO_PREFERENCE else int(answer), today())
    except casting.CastingClosed:
        flash(_("Ranking is not open in this round, so no ballot was stored."), "error")
        return redirect(url_for("ballots.ballot", slug=slug))
    keep_receipt(round_, result.receipt)
    if not wants_fragment():
        _flash_cast(result)
        return redirect(url_for("ballots.ballot", slug=slug))
    needs, stored = _after_cast(round_, result)
    return _page(round_, needs, stored, drafts.Draft(), pair=_next_pair(needs, drafts.answers_of(stored.content)))


def _ballots_public(round_) -> bool:
    """The ballots are listed for anyone to count again only once results are out and the round is
    sealed; before, a list that grows as people vote would let whoever watches the codes link them."""
    return round_.sealed and round_.results_published_on(today())


@bp.get("/receipts")
def receipts(slug):
    """A typed receipt looked up (counted, replaced or not found; never what the ballot says);
    once results are out, every ballot in a shuffled order, without receipts, to count again."""
    round_ = get_round(slug)
    typed = request.args.get("receipt", "").strip()[:40]
    code = receipt_list.normalise(typed) if typed else None
    lookup = None
    if typed:
        lookup = receipt_list.status_of(round_, code) if code else receipt_list.Lookup.MALFORMED
    published = _ballots_public(round_)
    listing = receipt_list.page_of(round_, request.args.get("page", 1, type=parse_int) or 1,
                                   _public_ids(round_) if published else None)
    return render_page("ballots/receipts.html", round=round_, listing=listing, published=published,
                       typed=typed, shown=display(code) if code else typed, lookup=lookup,
                       Lookup=receipt_list.Lookup,
                       status=400 if lookup == receipt_list.Lookup.MALFORMED else 200)


@bp.get("/receipts.csv")
def receipts_csv(slug):
    """Every ballot as CSV, shuffled and without receipts, once results are out; 404 before."""
    round_ = get_round(slug)
    if not _ballots_public(round_):
        abort(404)
    rows = receipt_list.every(round_, _public_ids(round_))
    return Response(stream_with_context(receipt_list.as_csv(rows)), mimetype="text/csv",
                    headers={"Content-Disposition": f'attachment; filename="{round_.slug}-ballots.csv"'})


def _public_ids(round_) -> dict[int, str]:
    return {need.id: need.public_id for need in counted_needs(round_)}
