"""The demo's grants after they are made, on Newham's published round: the swimming grant with two progress
reports from the club (one in Bengali), a small grant the panel made outside the suggested set with its reason,
and a resident's challenge to a declined application, answered by a panel member who took no part in it."""
from datetime import timedelta

from flask import current_app, url_for

from app.accounts.current import grant
from app.demo import content
from app.extensions import db
from app.models import Application, Challenge, GrantDecision, GrantUpdate, Need, Role, Round, User
from app.models.base import utcnow
from app.progress.links import make_token
from app.organisations.services import share
from app.voting.challenges import ANSWER_DAYS, Ground, Outcome
from app.voting.departures import Departure

ROUND = "newham-2026"
GRANT = "Swimming lessons for 400 children"
CONTACT = "swim@demo.commonground.test"
# (days ago, milestone, per cent done, language, text)
UPDATES = [
    (60, "Pool time booked", 25, "en",
     "We booked Saturday mornings at the Newham Leisure Centre pool and trained four more instructors."),
    (20, "প্রথম ১২০ জন শিশু সাঁতার শিখছে", 55, "bn",
     "১২০ জন শিশু প্রতি শনিবার সাঁতার শিখছে। অনেক মা-বাবা প্রথমবার পুলে এসেছেন।"),
]
# Unmarked, so the suggestion leaves it out; the panel funds it anyway and says why.
OUTSIDE = ("سڑکوں کی صفائی اور کوڑا دان", "Green Street Mosque volunteers", "Litter pickers and gloves for 60 volunteers",
           "Monthly Sunday clean-ups on Green Street, run by the mosque's youth group.", 8000,
           "The street cleaning need came second with residents, and its larger plan did not fit what was left. "
           "This kit costs little, and the volunteers already clean Green Street every month.")
ANSWERER = "kwame@demo.commonground.test"
CHALLENGE = ("Bins and monthly clean-ups", Ground.RANKING,
             "Clean streets came second with residents, ahead of the garden, yet got nothing. The ranking should "
             "have counted for more.", "en")
ANSWER = ("The panel funded down the ranking, but the clean-ups plan had no one to empty the new bins after the "
          "first year. We told the group how to apply again with the council's waste team on board.")


def load() -> list[str]:
    round_ = db.session.scalar(db.select(Round).filter_by(slug=ROUND))
    if round_ is None:
        return []
    swim = db.session.scalar(db.select(Application).filter_by(round_id=round_.id, title=GRANT))
    if swim is None or swim.decision is None or swim.decision.updates:
        return []
    # A finished round: its grants were published three months ago, and the challenge window has closed.
    round_.decisions_published_at = utcnow() - timedelta(days=90)
    swim.contact_email = CONTACT
    for days_ago, milestone, percent, language, body in UPDATES:
        swim.decision.updates.append(GrantUpdate(milestone=milestone, percent=percent, language=language, body=body,
                                                 posted_at=utcnow() - timedelta(days=days_ago)))
    _answered_challenge(round_)
    _departure(round_)
    # Read before the commit: read inside the request context, it would begin a read-only transaction.
    token = make_token(swim.decision)
    db.session.commit()
    with current_app.test_request_context(base_url=current_app.config["PUBLIC_URL"]):
        link = url_for("progress.report", token=token, _external=True)
    return [f"swimming grant progress link: {link}"]


def _departure(round_: Round) -> None:
    need_title, applicant, title, description, amount, reason = OUTSIDE
    need = db.session.scalar(db.select(Need).filter_by(round_id=round_.id, title=need_title))
    application = Application(round_id=round_.id, need_id=need.id, applicant=applicant, title=title,
                              description=description, amount=amount)
    db.session.add(application)
    db.session.flush()
    chair = db.session.scalar(db.select(User).filter_by(email=next(e for s, e in content.PANEL if s == ROUND)))
    application.decision = GrantDecision(application_id=application.id, funded=True, amount=amount,
                                         decided_by_id=chair.id, departure=Departure.FUNDED_OUTSIDE,
                                         departure_reason=reason)
    share(round_, application.decision)


def _answered_challenge(round_: Round) -> None:
    title, ground, grounds, language = CHALLENGE
    application = db.session.scalar(db.select(Application).filter_by(round_id=round_.id, title=title))
    member = db.session.scalar(db.select(User).filter_by(email=ANSWERER))
    if member is None:
        member = User(email=ANSWERER)
        member.set_password(content.PANEL_PASSWORD)
        db.session.add(member)
    grant(member, Role.PANEL, round_)
    db.session.flush()
    asked = utcnow() - timedelta(days=80)
    db.session.add(Challenge(round_id=round_.id, application_id=application.id, ground=ground, grounds=grounds,
                             language=language, deadline=asked + timedelta(days=ANSWER_DAYS), created_at=asked,
                             outcome=Outcome.DISMISSED, answer=ANSWER, answered_by_id=member.id,
                             answered_at=asked + timedelta(days=6)))
