"""Evidence of a need: datasets and reports a facilitator attaches, shown on its page and in the API."""
from datetime import date

from sqlalchemy import select

from app import audit
from app.extensions import db
from app.models import Need, NeedEvidence, Round, User
from app.needs.services import touch


def attach(need: Need, title: str, url: str, published_on: date, actor: User) -> NeedEvidence:
    evidence = NeedEvidence(need_id=need.id, title=title, url=url, published_on=published_on, added_by_id=actor.id)
    db.session.add(evidence)
    touch(need)  # the register's updated_since finds the need again
    audit.record(actor, "evidence-attached", db.session.get(Round, need.round_id), need=need.id, url=url)
    db.session.commit()
    return evidence


def of_needs(need_ids: list[int]) -> dict[int, list[NeedEvidence]]:
    """The evidence of each need, newest first, in one query."""
    found: dict[int, list[NeedEvidence]] = {}
    if need_ids:
        for item in db.session.scalars(select(NeedEvidence).where(NeedEvidence.need_id.in_(need_ids))
                                       .order_by(NeedEvidence.published_on.desc(), NeedEvidence.id.desc())):
            found.setdefault(item.need_id, []).append(item)
    return found
