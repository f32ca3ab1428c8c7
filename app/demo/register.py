"""The demo's shared register: Newham 2026 co-funded by two funders; two of its needs carried into Newham
2027 while Newham 2026's panel was still deciding (one it then funded, one it refused); and Newham 2027's
panel, now deciding, warned that the swimming lessons it is asked to fund were funded last year. A garden raised
again in Newham 2027 is linked to last year's as the same need, without merging them, and applied for: the panel
is warned that the linked garden was funded last year too."""
from datetime import date, timedelta

from app.accounts.current import grant
from app.demo import content, organisations
from app.extensions import db
from app.models import Application, Need, NeedCarry, Participant, Pledge, Role, Round, User
from app.needs.services import search_document
from app.register import linking
from app.rounds.phases import Phase
from app.organisations.services import organisation, share
from app.register.queries import places

EARLIER, LATER = "newham-2026", "newham-2027"
CO_FUNDERS = [("East London Community Fund", "360G-demo-elcf", 150000),
              ("Thames Gateway Foundation", "360G-demo-tgf", 50000)]
CARRIED = ["Free swimming lessons for children", "سڑکوں کی صفائی اور کوڑا دان"]
# (need title, applicant, title, description, amount)
APPLICATIONS = [
    ("Free swimming lessons for children", "Newham Swim Club", "Swimming lessons: a second year",
     "Another 300 children, at Atherton and East Ham leisure centres.", 60000),
    ("سڑکوں کی صفائی اور کوڑا دان", "Canning Town Tidy Streets", "Monthly street clean-ups",
     "Volunteers, litter pickers and skips once a month on twelve streets, with the council's new bins.", 12000),
]
PANEL = ["priya@demo.commonground.test"]
# Raised again in Newham 2027, and linked to the earlier round's need of the same name.
RAISED_AGAIN = ("Community garden at Canning Town", "A garden for the Canning Town estate",
                "Last year's garden behind the library is full, with a waiting list. Families on the estate still "
                "have nowhere to grow food together.", "Families on the estate", "Canning Town", "Canning Town", "green-spaces", "en",
                "Joan")
# An application for the garden raised again: Newham 2027's panel hears that last year's linked garden was funded.
AGAIN_APPLIED = ("Canning Town Estate Growers", "Growing beds on the estate",
                 "Twelve raised beds and a tool store on the estate's green, for the families on last year's waiting "
                 "list.", 18000)


def load(today: date | None = None) -> list[str]:
    earlier = db.session.scalar(db.select(Round).filter_by(slug=EARLIER))
    if earlier is None or db.session.scalar(db.select(Round.id).filter_by(slug=LATER)):
        return []
    _co_fund(earlier)
    later = _later_round(earlier, today or date.today())
    needs = {n.title: n for n in db.session.scalars(db.select(Need).filter_by(round_id=earlier.id))}
    for title in CARRIED:
        _carried(needs[title], earlier, later)
    for need, applicant, title, description, amount in APPLICATIONS:
        db.session.add(Application(round_id=later.id, need_id=needs[need].id, applicant=applicant, title=title,
                                   description=description, amount=amount))
    for email in PANEL:
        member = db.session.scalar(db.select(User).filter_by(email=email))
        if member is not None:
            grant(member, Role.PANEL, later)
    db.session.commit()
    _raised_again(needs[RAISED_AGAIN[0]], later)
    return [f"{LATER}: loaded (decide), with needs carried from {EARLIER}"]


def _co_fund(round_: Round) -> None:
    """Two funders pledge to the pot, and each published grant is split between them by their pledges."""
    if round_.pledges:
        return
    for name, org_id, amount in CO_FUNDERS:
        round_.pledges.append(Pledge(organisation_id=organisation(name, org_id).id, amount=amount))
    db.session.flush()
    for application in db.session.scalars(db.select(Application).filter_by(round_id=round_.id)):
        if application.decision is not None:
            share(round_, application.decision)


def _later_round(earlier: Round, today: date) -> Round:
    starts = dict(zip(("propose_starts", "discuss_starts", "rank_starts", "decide_starts", "results_starts"),
                      (today + timedelta(days=d) for d in (-100, -60, -30, -5, 30))))
    later = Round(slug=LATER, title="Newham 2027: neighbourhoods", area="Newham", area_choices=earlier.area_choices,
                  description="Needs carried on from Newham 2026 and new ones; the panel is deciding now.",
                  budget=150000, currency="GBP", phase=Phase.DECIDE, funder_name="Newham Neighbourhood Fund", **starts)
    db.session.add(later)
    organisations.run_by(later)
    db.session.flush()
    return later


def _carried(need: Need, earlier: Round, later: Round) -> None:
    """Stored as carrying stores it: the need's place and support in the earlier round, then the move."""
    place, support = places([need.id]).get(need.id, (None, 0))
    db.session.add(NeedCarry(need_id=need.id, round_id=earlier.id, place=place, support=support))
    need.round_id = later.id


def _raised_again(earlier_need: Need, later: Round) -> None:
    """A facilitator links the garden raised again to last year's; both pages then name the other."""
    _, title, description, affected, location, area, category, language, author = RAISED_AGAIN
    need = Need(round_id=later.id, title=title, description=description, affected=affected, location=location,
                area=area, category=category, language=language,
                author=Participant(round_id=later.id, display_name=author))
    need.search_document = search_document(need)
    db.session.add(need)
    db.session.flush()
    applicant, title, description, amount = AGAIN_APPLIED
    db.session.add(Application(round_id=later.id, need_id=need.id, applicant=applicant, title=title,
                               description=description, amount=amount))
    facilitator = db.session.scalar(db.select(User).filter_by(email=content.FACILITATOR_EMAIL))
    linking.link(need, earlier_need, facilitator)  # commits the application too
