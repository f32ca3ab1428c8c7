"""The helper's station: a tablet handed to residents without a phone, a fresh ballot for each of them.

The tablet returns to a blank screen after every ballot and forgets its voter, so the next resident never
sees the previous one's ballot or receipt.
"""
from flask import flash, make_response, redirect, session, url_for
from flask_babel import gettext as _

from app.access import services as access
from app.ballots import unsent
from app.extensions import db, htmx
from app.models import Access, Participant, Round, User, WorkshopSession
from app.participation import leave, new_participant, remember
from app.workshops import services

STATION_KEY = "workshop_station"


def open_station(round_: Round, workshop: WorkshopSession) -> None:
    """This browser becomes the session's station, with no voter in it."""
    leave(round_)
    unsent.forget(round_.id)
    session[STATION_KEY] = {str(round_.id): workshop.id}


def close_station(round_: Round) -> None:
    session.pop(STATION_KEY, None)
    leave(round_)


def is_station() -> bool:
    return bool(session.get(STATION_KEY))


def resident_without_card(round_: Round, helper: User) -> Participant | None:
    """A participant for a resident who has no card: in code rounds, through a one-time code the station uses
    at once; None where the round lets people in only by emailed link."""
    if round_.access == Access.OPEN:
        return new_participant(round_)
    if round_.access == Access.CODES:
        made = access.generate(round_, 1, helper)
        return access.redeem(round_, made[0].code)
    return None


def hand_over(round_: Round, workshop: WorkshopSession, participant: Participant) -> None:
    services.attend(workshop, participant)
    remember(round_, participant)
    db.session.commit()


def after_cast(round_: Round):
    """On a station, a counted ballot sends the tablet back to its blank screen, forgetting the voter and
    the receipt; elsewhere None, and the resident sees their receipt as usual."""
    workshop_id = session.get(STATION_KEY, {}).get(str(round_.id))
    if workshop_id is None:
        return None
    leave(round_)
    session.pop("_flashes", None)
    flash(_("Thank you: the ballot is counted. Please hand the tablet back."), "success")
    target = url_for("workshops.station", slug=round_.slug, session_id=workshop_id)
    if htmx:
        response = make_response("", 204)
        response.headers["HX-Redirect"] = target
        return response
    return redirect(target)
