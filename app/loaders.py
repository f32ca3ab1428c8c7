"""What an address names, loaded once per request, or a 404.

Views, the permission decorator and the language selector all ask for the page's round; it is read
from the database the first time and carried in `g` for the rest of the request.
"""
from datetime import date

from flask import abort, g

from app.ballots.sealing import seal_if_due
from app.extensions import db
from app.models import Application, Challenge, Comment, Need, NeedCarry, Round
from app.voting.applications import SEEN_BY_PANEL


def find_round(slug: str) -> Round | None:
    known = g.setdefault("rounds_by_slug", {})
    if "\x00" in slug:
        return None  # PostgreSQL cannot even compare text holding a NUL; no slug has one
    if slug not in known:
        round_ = db.session.scalar(db.select(Round).filter_by(slug=slug))
        if round_ is not None:
            seal_if_due(round_, round_.phase_on(date.today()))
        known[slug] = round_
    return known[slug]


def get_round(slug: str) -> Round:
    round_ = find_round(slug)
    if round_ is None:
        abort(404)
    return round_


def _belonging(model, object_id: int, owner: str, owner_id: int):
    """The row, if it exists and belongs where the address says; another round's need is not found."""
    found = db.session.get(model, object_id)
    if found is None or getattr(found, owner) != owner_id:
        abort(404)
    return found


def get_need(round_: Round, need_id: int) -> Need:
    return _belonging(Need, need_id, "round_id", round_.id)


def get_need_or_carried(round_: Round, need_id: int) -> Need:
    """The round's need, or one that was in this round and was carried on into a later one (its old
    address still works: the caller sends the visitor to the need's round now)."""
    found = db.session.get(Need, need_id)
    if found is not None and found.round_id != round_.id and db.session.scalar(
            db.select(NeedCarry.id).filter_by(need_id=need_id, round_id=round_.id)) is not None:
        return found
    return get_need(round_, need_id)


def get_comment(need: Need, comment_id: int) -> Comment:
    return _belonging(Comment, comment_id, "need_id", need.id)


def get_application(round_: Round, application_id: int) -> Application:
    """One the panel reads: a group's draft, or one its eligibility questions screened out, is not found."""
    found = _belonging(Application, application_id, "round_id", round_.id)
    if found.status not in SEEN_BY_PANEL:
        abort(404)
    return found


def get_challenge(round_: Round, challenge_id: int) -> Challenge:
    return _belonging(Challenge, challenge_id, "round_id", round_.id)
