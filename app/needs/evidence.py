"""Evidence of a need: datasets and reports a facilitator attaches, corrects or removes, shown on its page
and in the API. Each action one transaction, recorded in the audit log."""
from datetime import date

from sqlalchemy import Row, select

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


def edit(item: NeedEvidence, title: str, url: str, published_on: date, actor: User) -> None:
    """Correct the evidence's title, address or date; the log keeps what it said before."""
    need = db.session.get(Need, item.need_id)
    audit.record(actor, "evidence-edited", db.session.get(Round, need.round_id), need=need.id, evidence=item.id,
                 was={"title": item.title, "url": item.url, "date": item.published_on.isoformat()}, url=url)
    item.title, item.url, item.published_on = title, url, published_on
    touch(need)
    db.session.commit()


def remove(item: NeedEvidence, actor: User) -> None:
    """Take the evidence off the need; the log keeps its title, address and date, so it can be attached again."""
    need = db.session.get(Need, item.need_id)
    audit.record(actor, "evidence-removed", db.session.get(Round, need.round_id), need=need.id, evidence=item.id,
                 title=item.title, url=item.url, date=item.published_on.isoformat())
    db.session.delete(item)
    touch(need)
    db.session.commit()


def of_needs(need_ids: list[int]) -> dict[int, list[Row]]:
    """The evidence of each need, newest first, in one query, as rows (id, need_id, title, url, published_on):
    making each an object cost more than the query when a register page holds a hundred."""
    found: dict[int, list[Row]] = {}
    if need_ids:
        for item in db.session.execute(
                select(NeedEvidence.id, NeedEvidence.need_id, NeedEvidence.title, NeedEvidence.url,
                       NeedEvidence.published_on).where(NeedEvidence.need_id.in_(need_ids))
                .order_by(NeedEvidence.published_on.desc(), NeedEvidence.id.desc())):
            found.setdefault(item.need_id, []).append(item)
    return found
