"""The demo's feasibility and cost review on the Tower Hamlets youth round (in Discuss): two needs costed and
found feasible, one found not feasible with its public reason, and one still waiting."""
from app import audit
from app.demo import content
from app.extensions import db
from app.models import Need, Round
from app.models.base import utcnow
from app.voting.feasibility import Verdict

ROUND = "tower-hamlets-youth"
# (need title, verdict, cost in pounds, public reason)
REVIEWS = [
    ("Youth club open at weekends", Verdict.FEASIBLE, 38000, ""),
    ("Homework space with wifi", Verdict.FEASIBLE, 24500, ""),
    ("Goobta ciyaaraha kubadda cagta oo la dayactiro", Verdict.NOT_FEASIBLE, None,
     "The Poplar pitch belongs to the housing association, which has already agreed to repair it this spring; "
     "the round's money can go to other needs."),
]


def load() -> list[str]:
    round_ = db.session.scalar(db.select(Round).filter_by(slug=ROUND))
    if round_ is None:
        return []
    needs = {need.title: need for need in db.session.scalars(db.select(Need).filter_by(round_id=round_.id))}
    if any(need.feasibility != Verdict.UNREVIEWED for need in needs.values()):
        return [f"{ROUND}: costs and feasibility already reviewed"]
    for title, verdict, cost, reason in REVIEWS:
        need = needs[title]
        need.feasibility, need.cost, need.feasibility_reason, need.reviewed_at = verdict, cost, reason, utcnow()
        audit.record(content.FACILITATOR_EMAIL, "need-reviewed", round_, need=need.id, verdict=verdict.value,
                     cost=cost, reason=reason)
    db.session.commit()
    return [f"{ROUND}: {len(REVIEWS)} needs reviewed for cost and feasibility, {len(needs) - len(REVIEWS)} waiting"]
